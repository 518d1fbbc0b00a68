// Starts the application: prepares the embedded database (or connects to SQL
// Server), schedules the in-process jobs and listens.
import { loadConfig } from './config';
import { createDb, databaseKind } from './db/client';
import { prepareEmbeddedDatabase } from './db/prepare';
import { createApp } from './app';
import { createOrderSource } from './orders/create-order-source';
import { startScheduledJobs } from '../jobs/schedule';
import { startPrimaryIfConfigured } from './cluster';

async function main(): Promise<void> {
  const config = loadConfig();
  // The development default would let anyone who reads the source forge sessions.
  if (databaseKind(config.databaseUrl) === 'sqlserver' && !process.env.SESSION_SECRET) {
    throw new Error('使用 SQL Server 运行时必须设置 SESSION_SECRET（会话签名密钥，一个足够长的随机字符串）');
  }
  if (databaseKind(config.databaseUrl) === 'sqlite') {
    const { created, applied } = await prepareEmbeddedDatabase(config.databaseUrl, { demoData: config.demoData });
    if (created) console.log(`已创建内置数据库 ${config.databaseUrl}${config.demoData ? '（含演示数据）' : ''}`);
    else if (applied.length) console.log(`已升级内置数据库：${applied.join(', ')}`);
  }
  const db = createDb(config.databaseUrl);
  const orderSource = createOrderSource(config, db);
  const app = createApp({ db, config, orderSource });
  const jobs = startScheduledJobs({ db, config, orderSource });
  const server = app.listen(config.port, config.host, () => {
    console.log(`客户关系管理系统已启动：http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`);
  });
  // Longer than browsers keep an idle connection: the server closing first breaks a request sent on it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const stop = () => {
    jobs.stop();
    server.close(() => void db.$disconnect().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (!startPrimaryIfConfigured(loadConfig().webWorkers)) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
