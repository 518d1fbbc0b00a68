// Starts the application: prepares the embedded database (or connects to SQL
// Server), schedules the in-process jobs and listens; stops gracefully on
// SIGTERM/SIGINT (src/http/shutdown.ts).
import { Config, ConfigError, loadConfig } from './config';
import { createDb, databaseKind, Db } from './db/client';
import { swappableDatabase } from './db/handle';
import { prepareEmbeddedDatabase } from './db/prepare';
import { createApp } from './app';
import { createOrderSource } from './orders/create-order-source';
import { createLogger, logger, useLogger } from './shared/logger';
import { gracefulShutdown } from './http/shutdown';
import { startScheduledJobs } from '../jobs/schedule';
import { interruptRunningJobs, recoverInterruptedRuns, waitForRunningJobs } from '../jobs/interrupted-runs';
import { startPrimaryIfConfigured } from './cluster';
import { acquireLease, lockHolder, releaseLease } from '../jobs/job-lock';
import { fillMissingNamePieces } from './customers/name-pieces';

async function main(config: Config): Promise<void> {
  useLogger(createLogger({ level: config.logLevel, pretty: process.env.NODE_ENV === 'development' }));
  if (databaseKind(config.databaseUrl) === 'sqlite') {
    const { created, applied, copiedTo } = await prepareEmbeddedDatabase(config.databaseUrl, { demoData: config.demoData });
    if (copiedTo) logger.info(`升级前的数据库已备份到 ${copiedTo}`);
    if (created) logger.info(`已创建内置数据库 ${config.databaseUrl}${config.demoData ? '（含演示数据）' : ''}`);
    else if (applied.length) logger.info({ migrations: applied }, `已升级内置数据库：${applied.join(', ')}`);
  }
  // One swappable client for pages, sessions and jobs: a restore replaces it for all of them.
  const database = swappableDatabase(createDb(config.databaseUrl), config.databaseUrl);
  const db = database.db;
  await fillNamePieces(db);
  const interrupted = await recoverInterruptedRuns(db);
  if (interrupted) logger.warn({ runs: interrupted }, '上次停止时未完成的任务运行已记为中断');
  const orderSource = createOrderSource(config, db, { longRead: database.longRead });
  const app = createApp({ db, config, orderSource, database });
  const jobs = startScheduledJobs({ db, config, orderSource });
  const server = app.listen(config.port, config.host, (err?: Error) => {
    // Express 5 hands a failed listen (port taken, unknown address) to this callback: no start to speak of.
    if (err) {
      logger.fatal({ err }, `未能启动：无法在 ${config.host}:${config.port} 上监听（${(err as NodeJS.ErrnoException).code ?? err.message}）`);
      process.exit(1);
    }
    logger.info(`客户关系管理系统已启动：http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`);
  });
  // Longer than browsers keep an idle connection: the server closing first breaks a request sent on it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const stop = gracefulShutdown({
    server,
    stopSchedule: () => jobs.stop(),
    runningJobs: waitForRunningJobs,
    interruptJobs: () => interruptRunningJobs(db),
    connections: [
      { name: 'orders', close: () => orderSource.close?.() ?? Promise.resolve() },
      { name: 'database', close: async () => (await database.close(), await db.$disconnect()) },
    ],
    timeoutMs: config.shutdownTimeoutSeconds * 1000,
    log: logger,
    exit: (code) => process.exit(code),
  });
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

/**
 * The name pieces of customers written before pieces were kept, or behind the
 * application's back (src/customers/name-pieces.ts): one instance or worker
 * writes them, the others go on (their name searches miss those customers meanwhile).
 */
async function fillNamePieces(db: Db): Promise<void> {
  const holder = lockHolder();
  if (!(await acquireLease(db, NAME_PIECES_LEASE, holder, 30 * 60_000))) return;
  try {
    const written = await fillMissingNamePieces(db);
    if (written) logger.info(`已为 ${written} 个客户建立名称检索`);
  } finally {
    await releaseLease(db, NAME_PIECES_LEASE, holder);
  }
}

const NAME_PIECES_LEASE = 'customer-name-pieces';

/** With WEB_WORKERS above 1 this process only watches its workers (src/cluster.ts); each worker runs main(). */
async function start(): Promise<void> {
  const config = loadConfig();
  if (startPrimaryIfConfigured(config.webWorkers)) return;
  await main(config);
}

start().catch((err: Error) => {
  // A bad configuration is a message for whoever starts the application, not a stack.
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else logger.fatal({ err }, err.message);
  process.exit(1);
});
