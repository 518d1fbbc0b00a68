// One backup or restore at a time, across processes sharing the backup folder:
// a lock file created exclusively. A lock older than any run (a crashed
// process's) is taken over.
import fs from 'fs';
import path from 'path';
import { ConflictError } from '../shared/errors';

const STALE_MS = 60 * 60_000;

function take(file: string): boolean {
  try {
    fs.writeFileSync(file, `${process.pid} ${new Date().toISOString()}\n`, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  }
}

function isStale(file: string): boolean {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return !stat || Date.now() - stat.mtimeMs > STALE_MS;
}

export async function withBackupLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.lock');
  const busy = () => new ConflictError('另一个备份或恢复正在进行，请稍后再试');
  if (!take(file)) {
    if (!isStale(file)) throw busy();
    fs.rmSync(file, { force: true });
    if (!take(file)) throw busy();
  }
  try {
    return await work();
  } finally {
    fs.rmSync(file, { force: true });
  }
}
