// The in-process scheduler: registers every scheduled job with node-cron.
// Each instance of the app schedules the job; the job's slot and lease
// (jobs/job-lock.ts) make one of them run it.
import { schedule } from 'node-cron';
import type { Config } from '../src/config';
import { databaseKind, reloadStatistics, type Db } from '../src/db/client';
import type { OrderSource } from '../src/orders/order-source';
import { logger } from '../src/shared/logger';
import { CHURN_JOB_NAME, describeOutcome, runChurnWarningJob } from './churn-warnings';
import { BACKUP_JOB, runDailyBackup } from './database-backup';
import { backupPlace } from '../src/backup/backups';

export interface ScheduledJobs {
  stop(): void;
}

/** The minute a run was scheduled for, the same on every instance. */
function scheduledMinute(date: Date): Date {
  const minute = new Date(date);
  minute.setSeconds(0, 0);
  return minute;
}

/** Hourly, in every process on the embedded database (see reloadStatistics). */
export const STATISTICS_RELOAD = 'planner-statistics';
const STATISTICS_RELOAD_SCHEDULE = '23 * * * *';

/** orderSource: the app's own, so that one connection pool serves pages and jobs. */
export function startScheduledJobs(context: { db: Db; config: Config; orderSource: OrderSource }): ScheduledJobs {
  const { db, config, orderSource } = context;
  const dialect = databaseKind(config.databaseUrl);
  const tasks: { stop(): void | Promise<void> }[] = [];
  if (config.churnJobEnabled) {
    tasks.push(
      schedule(
        config.churnJobSchedule,
        async ({ date }) => {
          try {
            const result = await runChurnWarningJob({
              db,
              orderSource,
              trigger: 'schedule',
              scheduledFor: scheduledMinute(date),
              timeZone: config.churnJobTimezone,
              dialect,
            });
            logger.info({ job: CHURN_JOB_NAME, outcome: result.outcome }, describeOutcome(result));
          } catch (err) {
            logger.error({ err, job: CHURN_JOB_NAME }, `${CHURN_JOB_NAME}任务未能运行`);
          }
        },
        { name: 'churn-warnings', timezone: config.churnJobTimezone, noOverlap: true },
      ),
    );
  }
  // Only the embedded database is backed up here (SQL Server uses its own tools).
  if (backupPlace(config)) {
    tasks.push(
      schedule(
        config.backupSchedule,
        async ({ date }) => {
          try {
            logger.info({ job: BACKUP_JOB }, await runDailyBackup(db, config, scheduledMinute(date)));
          } catch (err) {
            logger.error({ err, job: BACKUP_JOB }, '定时备份未能完成');
          }
        },
        { name: BACKUP_JOB, noOverlap: true },
      ),
    );
  }
  // Every process, job or not: statistics gathered by another process reach this one's connection.
  if (dialect === 'sqlite') {
    tasks.push(
      schedule(
        STATISTICS_RELOAD_SCHEDULE,
        () => reloadStatistics(db).catch((err: unknown) => logger.warn({ err }, '未能重新载入查询规划的统计信息')),
        { name: STATISTICS_RELOAD },
      ),
    );
  }
  return { stop: () => tasks.forEach((task) => void task.stop()) };
}
