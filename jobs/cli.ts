// Runs a job once from the command line, against DATABASE_URL:
//   npm run job:churn      (node dist/jobs/cli.js churn)
// It takes the same lease as the scheduled and the manual runs and is recorded
// in the run history with the trigger "cli". Exit code 1 when the run failed
// or could not start; 2 when another run was going on.
import fs from 'fs';
import { loadConfig } from '../src/config';
import { createDb, databaseKind, sqliteFile } from '../src/db/client';
import { createOrderSource } from '../src/orders/create-order-source';
import { describeOutcome, runChurnWarningJob } from './churn-warnings';

async function run(command: string | undefined): Promise<number> {
  if (command !== 'churn') throw new Error('用法：npm run job:churn（即 node dist/jobs/cli.js churn）');
  const config = loadConfig();
  if (databaseKind(config.databaseUrl) === 'sqlite' && !fs.existsSync(sqliteFile(config.databaseUrl))) {
    throw new Error(`数据库 ${config.databaseUrl} 不存在：请先启动应用或运行 npm run db:migrate`);
  }
  const db = createDb(config.databaseUrl);
  try {
    const result = await runChurnWarningJob({
      db,
      orderSource: createOrderSource(config, db),
      trigger: 'cli',
      timeZone: config.churnJobTimezone,
      dialect: databaseKind(config.databaseUrl),
    });
    console.log(describeOutcome(result));
    if (result.outcome === 'skipped') return 2;
    return result.outcome === 'finished' ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
