// `npm run job:churn` (node dist/jobs/cli.js churn): one run against DATABASE_URL, recorded as "cli".
import path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { freshDb } from '../support/db';
import { createCustomer } from '../support/builders/customers';

const CLI = path.resolve(__dirname, '../../dist/jobs/cli.js');
const exec = promisify(execFile);

function runCli(databaseUrl: string, args = ['churn']) {
  return exec(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
}

test('runs the job once, prints what it did and records the run', async () => {
  const { db, url } = freshDb();
  try {
    await createCustomer(db, { createdAt: new Date(2020, 0, 1) });
    const { stdout } = await runCli(url);
    expect(stdout).toContain('客户流失预警任务运行完成：检查客户 1 个，新增流失预警 1 条');
    expect(await db.jobRun.findMany()).toEqual([expect.objectContaining({ trigger: 'cli', checked: 1, added: 1 })]);
    expect(await db.churnWarning.count()).toBe(1);
    const again = await runCli(url);
    expect(again.stdout).toContain('新增流失预警 0 条');
  } finally {
    await db.$disconnect();
  }
});

test('a missing database or an unknown command fails with a message and exit code 1', async () => {
  await expect(runCli('file:/nonexistent/crm.db')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('不存在') });
  const { url, db } = freshDb();
  await db.$disconnect();
  await expect(runCli(url, ['nothing'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('用法：npm run job:churn') });
});
