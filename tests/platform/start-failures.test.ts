// Starting the built server (dist/, made by `npm test`'s build) with what stops
// it at once: one message for the person starting it, exit code 1, never a
// server that says it started while it does not serve.
import net from 'net';
import path from 'path';
import type { AddressInfo } from 'net';
import { spawn } from 'child_process';
import { scratchDir } from '../support/db';

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

test('an unknown LOG_LEVEL is named by the configuration check, in Chinese, without a stack', async () => {
  const { code, output } = await startServer({ LOG_LEVEL: 'loud' });
  expect(code).toBe(1);
  expect(output).toContain('LOG_LEVEL=loud：应为');
  expect(output).not.toMatch(/\n\s+at /);
});
