// Before `npm start`: the application is built once, when installing (`prepare`).
// Should dist/ be missing or older than the sources (a checkout without
// `npm install`, a `git pull`), it is built now; otherwise nothing is done, so
// that starting takes no longer than starting.
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const BUILT = path.join(ROOT, 'dist', 'src', 'server.js');
const SOURCES = ['src', 'jobs', 'prisma/schema.prisma', 'prisma/sqlite/schema.prisma'];

function newest(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return /\.(ts|prisma|json)$/.test(file) ? stat.mtimeMs : 0;
  if (path.basename(file) === 'generated') return 0;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

const built = fs.statSync(BUILT, { throwIfNoEntry: false });
const generated = fs.existsSync(path.join(ROOT, 'src', 'generated', 'sqlite'));
const changed = Math.max(...SOURCES.map((source) => newest(path.join(ROOT, source))));
if (!built || !generated || changed > built.mtimeMs) {
  console.log(built ? '源代码有更改，正在重新构建…' : '首次启动，正在构建…');
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
}
