// `npm run dev`: TypeScript compiles on every change (tsc --watch) and the
// application restarts on every new build (node --watch), with readable logs
// and templates read afresh (NODE_ENV=development). Ctrl+C stops both.
const path = require('path');
const { spawn, execSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
execSync('node tools/ensure-built.js', { cwd: ROOT, stdio: 'inherit' });

const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'], {
  cwd: ROOT,
  stdio: 'inherit',
});
const app = spawn(process.execPath, ['--watch', 'dist/src/server.js'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { NODE_ENV: 'development', ...process.env },
});

function stop() {
  tsc.kill('SIGTERM');
  app.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of [tsc, app]) child.on('exit', () => stop());
