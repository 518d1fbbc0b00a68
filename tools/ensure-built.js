// Before `npm start`: the application is built once, when installing (`prepare`).
// Should dist/ be missing or older than the sources (a checkout without
// `npm install`, a `git pull`), it is built now; otherwise nothing is done, so
// that starting takes no longer than starting.
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const SOURCES = ['src', 'jobs', 'prisma/schema.prisma', 'prisma/sqlite/schema.prisma'];

function newest(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return /\.(ts|prisma)$/.test(file) ? stat.mtimeMs : 0;
  if (path.basename(file) === 'generated') return 0;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

/** Why the application in `root` must be built first, or null. */
function buildReason(root) {
  const built = fs.statSync(path.join(root, 'dist', 'src', 'server.js'), { throwIfNoEntry: false });
  if (!built || !fs.existsSync(path.join(root, 'src', 'generated', 'sqlite'))) return '首次启动，正在构建…';
  const changed = Math.max(...SOURCES.map((source) => newest(path.join(root, source))));
  return changed > built.mtimeMs ? '源代码有更改，正在重新构建…' : null;
}

module.exports = { buildReason };

if (require.main === module) {
  const reason = buildReason(ROOT);
  if (reason) {
    console.log(reason);
    execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  }
}
