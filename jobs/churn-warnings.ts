// The weekly churn-warning job (客户流失预警): one run, whatever started it — the
// scheduler, an administrator's 立即运行, or the command line. A run holds the
// job's lease (a scheduled run first claims its slot), so that several app
// instances firing at once run it once; every run that starts is recorded in
// JobRun, failed ones with their error.
import type { JobRun } from '#prisma';
import { refreshStatistics, type DatabaseKind, type Db } from '../src/db/client';
import { logger } from '../src/shared/logger';
import type { OrderSource } from '../src/orders/order-source';
import { OrderSourceError, raiseChurnWarnings } from '../src/churn/warnings';
import { acquireLease, claimSlot, lockHolder, releaseLease } from './job-lock';
import { trackRun } from './interrupted-runs';

export const CHURN_JOB = 'churn-warnings';
export const CHURN_JOB_NAME = '客户流失预警';

export type JobTrigger = 'schedule' | 'manual' | 'cli';
export const TRIGGER_NAMES: Record<JobTrigger, string> = { schedule: '定时', manual: '手动', cli: '命令行' };

/** Longer than any run: a crashed instance's lease ends after it. */
const LEASE_MS = 30 * 60_000;
/** How long a claimed slot is kept: instances' clocks differ by far less. */
const SLOT_KEEP_MS = 24 * 60 * 60_000;

export interface ChurnJobOptions {
  db: Db;
  orderSource: OrderSource;
  trigger: JobTrigger;
  /** schedule: the minute the run was scheduled for (the same on every instance) */
  scheduledFor?: Date;
  /** manual: the administrator, for the audit log */
  actorId?: number | null;
  /** the zone the job is scheduled in (CHURN_JOB_TIMEZONE): its calendar days count */
  timeZone?: string;
  /** the time the rule counts from (tests) */
  now?: () => Date;
  /** the database's kind, for refreshing its statistics after a run that added warnings */
  dialect?: DatabaseKind;
  holder?: string;
}

export type ChurnJobOutcome =
  | { outcome: 'finished'; run: JobRun }
  | { outcome: 'failed'; run: JobRun }
  /** another instance has this slot, or a run is going on */
  | { outcome: 'skipped'; reason: 'slot-taken' | 'busy' };

/**
 * What the run history says of a failure: in Chinese what failed, then the
 * driver's own words (often English) for whoever has to fix it.
 */
function failureText(err: unknown): string {
  const what = err instanceof OrderSourceError ? '读取订单失败' : '查询或写入数据库失败';
  const detail = err instanceof Error ? err.message : String(err);
  return `${what}（技术信息：${detail}）`.slice(0, 2000);
}

/** Runs the job once if no other run holds it; never throws for a failed run (it is recorded). */
export async function runChurnWarningJob(options: ChurnJobOptions): Promise<ChurnJobOutcome> {
  const { db, orderSource, trigger, dialect = 'sqlite' } = options;
  const now = options.now ?? (() => new Date());
  const holder = options.holder ?? lockHolder();
  if (trigger === 'schedule' && options.scheduledFor) {
    if (!(await claimSlot(db, CHURN_JOB, options.scheduledFor, holder, SLOT_KEEP_MS))) {
      return { outcome: 'skipped', reason: 'slot-taken' };
    }
  }
  if (!(await acquireLease(db, CHURN_JOB, holder, LEASE_MS))) return { outcome: 'skipped', reason: 'busy' };
  try {
    const startedAt = now();
    const run = await db.jobRun.create({ data: { job: CHURN_JOB, trigger, startedAt } });
    return await trackRun({ runId: run.id, job: CHURN_JOB, holder }, async (): Promise<ChurnJobOutcome> => {
      try {
        const result = await raiseChurnWarnings(db, orderSource, {
          now: startedAt,
          actorId: options.actorId ?? null,
          timeZone: options.timeZone,
          dialect,
        });
        if (result.added > 0) {
          // The run's work is done and stands even when the statistics cannot be gathered.
          await refreshStatistics(db, dialect, 'ChurnWarning').catch((err: unknown) =>
            logger.warn({ err, job: CHURN_JOB_NAME }, '未能更新流失预警表的统计信息'),
          );
        }
        const finished = await db.jobRun.update({ where: { id: run.id }, data: { ...result, finishedAt: new Date() } });
        return { outcome: 'finished', run: finished };
      } catch (err) {
        const failed = await db.jobRun.update({ where: { id: run.id }, data: { error: failureText(err), finishedAt: new Date() } });
        return { outcome: 'failed', run: failed };
      }
    });
  } finally {
    await releaseLease(db, CHURN_JOB, holder);
  }
}

/** The run history, newest first. */
export function churnJobRuns(db: Db, window: { skip: number; take: number }) {
  return db.jobRun.findMany({ where: { job: CHURN_JOB }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], ...window });
}

export function countChurnJobRuns(db: Db) {
  return db.jobRun.count({ where: { job: CHURN_JOB } });
}

/** One line for the log, the command line and the administrator's message. */
export function describeOutcome(result: ChurnJobOutcome): string {
  if (result.outcome === 'skipped') {
    return result.reason === 'busy' ? '客户流失预警任务正在运行中，本次未运行' : '本次定时运行已由其他实例执行';
  }
  if (result.outcome === 'failed') return `客户流失预警任务运行失败：${result.run.error}`;
  return `客户流失预警任务运行完成：检查客户 ${result.run.checked} 个，新增流失预警 ${result.run.added} 条`;
}
