// The two README commands: build once when installing, start without building,
// and `npm test` stopping at once, with one message, when Chromium is missing.
import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import pkg from '../../package.json';
import { scratchDir } from '../support/db';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain script of npm's, not a module of the application
const { buildReason } = require('../../tools/ensure-built.js') as { buildReason(root: string): string | null };

const ROOT = path.resolve(__dirname, '../..');

test('npm install builds (prepare); npm start only starts, building only when dist/ is missing or stale', () => {
  expect(pkg.scripts.prepare).toBe('npm run build');
  // A bounded heap: V8 then collects before the process grows past 300 MB under load; one helper
  // thread of V8's instead of four: each kept its own malloc arena, 35 MB in all (README, Performance).
  expect(pkg.scripts.start).toBe('node --max-old-space-size=256 --max-semi-space-size=4 --v8-pool-size=1 dist/src/server.js');
  // The weekly job run by hand, in a process of its own, with the server's bounds.
  expect(pkg.scripts['job:churn']).toBe('node --max-old-space-size=256 --max-semi-space-size=4 --v8-pool-size=1 dist/jobs/cli.js churn');
  expect(pkg.scripts.prestart).toBe('node tools/ensure-built.js');
  expect(pkg.scripts.dev).toBeDefined();
  expect(pkg.engines.node).toBe('>=20.19');
});

test('the check before start builds only when dist/ is missing or older than a source', () => {
  const root = scratchDir('crm-built-');
  const write = (file: string, at: number) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '');
    fs.utimesSync(path.join(root, file), at, at);
  };
  write('src/app.ts', 1000);
  expect(buildReason(root)).toContain('首次启动');
  write('src/generated/sqlite/client.ts', 3000);
  write('dist/src/server.js', 2000);
  expect(buildReason(root)).toBeNull();
  write('jobs/schedule.ts', 2500);
  expect(buildReason(root)).toContain('源代码有更改');
});

test('the check before npm test: a missing Chromium stops at once with what to do', () => {
  const run = spawnSync(process.execPath, ['tools/check-chromium.js'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('浏览器测试需要 Chromium');
  expect(run.stderr).toContain('CHROMIUM_PATH=/nonexistent/chromium');
  const present = spawnSync(process.execPath, ['tools/check-chromium.js'], { cwd: ROOT, env: { ...process.env, CHROMIUM_PATH: process.execPath } });
  expect(present.status).toBe(0);
});
