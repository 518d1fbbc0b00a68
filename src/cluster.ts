// Several worker processes over one database (WEB_WORKERS, default 1): one
// Node process uses one core. Safe because nothing a request needs lives in a
// process: sessions, counters and the job's lock are in the database, rights
// are cached per version read from it, and the embedded database's write
// transactions take its write lock when they begin (db/client.ts), so two
// processes never interleave a read and a write.
//
// The primary only watches: the first worker prepares the database (migrations,
// reference data) and schedules the weekly job; the others start once it
// listens and never schedule the job (its lock would let one run anyway). A
// worker that stops is started again; a worker that replaced the database (a
// restore) sends DATABASE_REPLACED and the primary restarts all the others.
import cluster from 'node:cluster';
import { logger } from './shared/logger';

export const DATABASE_REPLACED = 'crm:database-replaced';

/** What the primary needs of a worker process (node:cluster's Worker, or a fake in tests). */
export interface WorkerProcess {
  on(event: 'listening', listener: () => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number | null, signal: string | null) => void): unknown;
  kill(signal?: string): void;
}

export type ForkWorker = (env: Record<string, string>) => WorkerProcess;

/** After a worker stops unexpectedly: a crash loop must not eat the machine. */
const RESTART_DELAY_MS = 1000;
const STOP_TIMEOUT_MS = 15_000;

export interface Primary {
  /** the workers now running, with whether each schedules the weekly job */
  workers(): { worker: WorkerProcess; jobs: boolean }[];
  stop(): Promise<void>;
}

export function runPrimary(count: number, fork: ForkWorker = (env) => cluster.fork(env), restartDelayMs = RESTART_DELAY_MS): Primary {
  const running = new Map<WorkerProcess, { jobs: boolean }>();
  let stopping = false;

  function start(jobs: boolean, onListening?: () => void): void {
    const worker = fork(jobs ? {} : { CHURN_JOB_ENABLED: 'false' });
    running.set(worker, { jobs });
    if (onListening) worker.on('listening', onListening);
    worker.on('message', (message) => {
      if ((message as { type?: unknown } | null)?.type === DATABASE_REPLACED) restartAllBut(worker);
    });
    worker.on('exit', () => {
      running.delete(worker);
      if (!stopping) setTimeout(() => !stopping && start(jobs), restartDelayMs);
    });
  }

  /** The others read the old database file: each stops and is started again (see the exit handler). */
  function restartAllBut(keep: WorkerProcess): void {
    for (const worker of running.keys()) if (worker !== keep) worker.kill('SIGTERM');
  }

  start(true, () => {
    for (let i = 1; i < count; i++) start(false);
  });

  return {
    workers: () => [...running].map(([worker, { jobs }]) => ({ worker, jobs })),
    stop() {
      stopping = true;
      const exits = [...running.keys()].map(
        (worker) => new Promise<void>((resolve) => worker.on('exit', () => resolve())),
      );
      for (const worker of running.keys()) worker.kill('SIGTERM');
      return Promise.race([Promise.all(exits).then(() => undefined), new Promise<void>((r) => setTimeout(r, STOP_TIMEOUT_MS).unref())]);
    },
  };
}

/**
 * In the process started by `npm start`: with WEB_WORKERS above 1 it becomes
 * the primary and answers true; in a worker, or with one process, false (start the app).
 */
export function startPrimaryIfConfigured(workers: number): boolean {
  if (workers <= 1 || !cluster.isPrimary) return false;
  const primary = runPrimary(workers);
  logger.info({ workers }, `已启动 ${workers} 个工作进程`);
  const stop = () => void primary.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return true;
}
