// Starting the built server (dist/, made by `npm test`'s build) with what stops
// it at once: one message for the person starting it, exit code 1, never a
// server that says it started while it does not serve — and what the start
// does before it listens.
import net from 'net';
import path from 'path';
import type { AddressInfo } from 'net';
import { spawn } from 'child_process';
import Database from 'better-sqlite3';
import { freshDatabaseUrl, scratchDir } from '../support/db';

const SERVER = path.resolve(__dirname, '../../dist/src/server.js');

function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER], {
      env: { ...process.env, JEST_WORKER_ID: '', DEMO_DATA: 'false', CHURN_JOB_ENABLED: 'false', LOG_REQUESTS: 'false', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test('a port already taken: a fatal message naming it and exit code 1', async () => {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as AddressInfo).port;
  try {
    const { code, output } = await startServer({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${path.join(scratchDir('start-'), 'port-taken.db')}`,
    });
    expect(code).toBe(1);
    expect(output).toContain(`未能启动：无法在 127.0.0.1:${port} 上监听（EADDRINUSE）`);
    expect(output).not.toContain('客户关系管理系统已启动');
  } finally {
    taken.close();
  }
}, 90_000);

test('before listening, the start writes the name pieces of customers that have none (one message)', async () => {
  const url = freshDatabaseUrl();
  const file = new Database(url.replace(/^file:/, ''));
  file.prepare("INSERT INTO Customer (number, name, status, createdAt, updatedAt) VALUES ('KHSTART001', '启动补建有限公司', 'normal', '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00')").run();
  file.close();
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  try {
    const { output } = await startServer({ PORT: String((taken.address() as AddressInfo).port), HOST: '127.0.0.1', DATABASE_URL: url });
    expect(output).toContain('已为 1 个客户建立名称检索');
  } finally {
    taken.close();
  }
  const after = new Database(url.replace(/^file:/, ''), { readonly: true });
  const pieces = after.prepare("SELECT p.piece FROM CustomerNamePiece p JOIN Customer c ON c.id = p.customerId WHERE c.number = 'KHSTART001'").all();
  after.close();
  expect(pieces.map((row) => (row as { piece: string }).piece)).toEqual(expect.arrayContaining(['启动', '补建', '公司']));
}, 90_000);

test('an unknown LOG_LEVEL is named by the configuration check, in Chinese, without a stack', async () => {
  const { code, output } = await startServer({ LOG_LEVEL: 'loud' });
  expect(code).toBe(1);
  expect(output).toContain('LOG_LEVEL=loud：应为');
  expect(output).not.toMatch(/\n\s+at /);
});
