// The in-process scheduler: registers every scheduled job with node-cron.
import type { Config } from '../src/config';
import type { Db } from '../src/db/client';

export interface ScheduledJobs {
  stop(): void;
}

export function startScheduledJobs(_context: { db: Db; config: Config }): ScheduledJobs {
  const tasks: { stop(): void }[] = [];
  return { stop: () => tasks.forEach((task) => task.stop()) };
}
