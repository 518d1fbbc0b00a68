// Runs that did not finish. In this process: the runs going on, which a
// shutdown waits for, or marks interrupted when they outlast its bound. From
// a process that crashed: at the next start its unfinished runs are marked
// interrupted and its lease released, instead of blocking the job until the
// lease ends.
import os from 'os';
import type { Db } from '../src/db/client';
import { releaseLease } from './job-lock';

export const INTERRUPTED = '运行中断：应用在任务完成前停止，本次运行的结果未保存完整';

interface RunningJob {
  runId: number;
  job: string;
  holder: string;
  done: Promise<unknown>;
}

const running = new Map<number, RunningJob>();

/** Runs a job's work as the run `runId`, known to the shutdown while it goes on. */
export async function trackRun<T>(run: Omit<RunningJob, 'done'>, work: () => Promise<T>): Promise<T> {
  const done = work();
  running.set(run.runId, { ...run, done });
  try {
    return await done;
  } finally {
    running.delete(run.runId);
  }
}

/** Resolves when every run of this process has ended, however it ended. */
export async function waitForRunningJobs(): Promise<void> {
  await Promise.allSettled([...running.values()].map((run) => run.done));
}

/** Marks this process's runs still going on as interrupted and releases their leases. */
export async function interruptRunningJobs(db: Db, now = new Date()): Promise<number> {
  let marked = 0;
  for (const run of running.values()) {
    const { count } = await db.jobRun.updateMany({ where: { id: run.runId, finishedAt: null }, data: { finishedAt: now, error: INTERRUPTED } });
    await releaseLease(db, run.job, run.holder);
    marked += count;
  }
  return marked;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lease holder (host:pid:random, see lockHolder) that cannot be running: a
 * process of this host that is gone, or this very pid (a container restarted
 * with the same pid), as this process has not run anything yet.
 */
function holderGone(holder: string, isAlive: (pid: number) => boolean): boolean {
  const [host, pidText] = holder.split(':');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  return pid === process.pid || !isAlive(pid);
}

/**
 * At start: releases the leases of crashed processes of this host and marks
 * interrupted every unfinished run of a job that no live process holds.
 * Returns the runs marked.
 */
export async function recoverInterruptedRuns(db: Db, now = new Date(), isAlive = processAlive): Promise<number> {
  // Leases are named after their job; the slots (job:minute) are not leases.
  const leases = await db.jobLock.findMany({ where: { lockedUntil: { gt: now }, NOT: { name: { contains: ':' } } } });
  const held: string[] = [];
  for (const lease of leases) {
    if (holderGone(lease.holder, isAlive)) await releaseLease(db, lease.name, lease.holder);
    else held.push(lease.name);
  }
  // Only runs begun before now: a run another instance begins meanwhile is its own.
  const { count } = await db.jobRun.updateMany({
    where: { finishedAt: null, startedAt: { lt: now }, job: { notIn: held } },
    data: { finishedAt: now, error: INTERRUPTED },
  });
  return count;
}
