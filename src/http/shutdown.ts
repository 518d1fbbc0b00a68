// Stopping on SIGTERM/SIGINT without losing work: no new requests or job runs,
// the running ones may finish within a bound (a job run still going on then is
// marked interrupted), then the database connections are closed and the
// process exits. Should closing hang, a second bound forces the exit; so does
// a second signal.
import type { Logger } from '../shared/logger';

export interface ShutdownPlan {
  /** the HTTP server: close() stops accepting and calls back when running requests are done */
  server: { close(callback: (err?: Error) => void): unknown; closeIdleConnections?(): void; closeAllConnections?(): void };
  /** stops the schedule, so that no new run starts */
  stopSchedule(): void | Promise<void>;
  /** resolves when the job runs going on have ended */
  runningJobs(): Promise<void>;
  /** marks the runs still going on interrupted and releases their leases */
  interruptJobs(): Promise<unknown>;
  /** closed in this order once requests and jobs are done (the sales-system pool, the Prisma client …) */
  connections: { name: string; close(): Promise<unknown> }[];
  /** how long requests and job runs may still take */
  timeoutMs: number;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  exit(code: number): void;
}

/** Extra time for closing connections after the bound, before the exit is forced. */
export const FORCE_AFTER_MS = 5000;

function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

/** The function to call on a signal; it runs the shutdown once. */
export function gracefulShutdown(plan: ShutdownPlan): (signal: string) => Promise<void> {
  let started = false;
  return async (signal) => {
    const { log } = plan;
    if (started) {
      log.warn({ signal }, '再次收到停止信号，立即退出');
      return plan.exit(1);
    }
    started = true;
    log.info({ signal }, '正在停止：不再接受新的请求和任务');
    const force = setTimeout(() => {
      log.error('未能在时限内停止，强制退出');
      plan.exit(1);
    }, plan.timeoutMs + FORCE_AFTER_MS);
    force.unref();

    const requests = new Promise<void>((resolve) => plan.server.close(() => resolve()));
    plan.server.closeIdleConnections?.();
    await plan.stopSchedule();
    const finished = await within(Promise.all([requests, plan.runningJobs()]), plan.timeoutMs);
    if (!finished) {
      log.warn({ timeoutMs: plan.timeoutMs }, '请求或任务未在时限内完成：未完成的任务运行记为中断');
      await plan.interruptJobs().catch((err: unknown) => log.error({ err }, '未能记录中断的任务运行'));
      plan.server.closeAllConnections?.();
    }
    for (const connection of plan.connections) {
      await connection.close().catch((err: unknown) => log.error({ err, connection: connection.name }, '关闭连接出错'));
    }
    clearTimeout(force);
    log.info('已停止');
    plan.exit(finished ? 0 : 1);
  };
}
