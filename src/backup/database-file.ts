// SQLite files of this application: a consistent copy of a database in use
// (SQLite's online backup API), and the check that a file offered for a
// restore is a sound database of this application that this version can run.
import fs from 'fs';
import Database from 'better-sqlite3';
import { committedMigrations } from '../db/schema-engine';
import { ValidationError } from '../shared/errors';
import { logger } from '../shared/logger';

const HEADER = 'SQLite format 3\0';
/** Tables every database of this application has. */
const TABLES = ['_prisma_migrations', 'User', 'Role', 'Customer', 'DictionaryEntry'];

/**
 * Copies the database, consistently even while other connections write to it,
 * into a file of its own (no write-ahead log beside it).
 */
export async function copyDatabase(from: string, to: string): Promise<void> {
  fs.rmSync(to, { force: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
  const copy = new Database(to);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function refuse(reason: string): never {
  throw new ValidationError(`该文件不能用于恢复：${reason}。数据库没有任何改变。`);
}

function readHeader(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER.length);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

export interface DatabaseFileFacts {
  /** migrations this version has that the file lacks: applied on restore */
  pendingMigrations: string[];
}

/** Refuses (ValidationError) a file that is not a sound database of this application, or of a newer version. */
export function checkDatabaseFile(file: string): DatabaseFileFacts {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) refuse('文件为空');
  if (readHeader(file) !== HEADER) refuse('不是 SQLite 数据库文件');
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    refuse('无法打开该数据库文件');
  }
  try {
    const integrity = sqlite.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') refuse('数据库文件已损坏');
    const tables = new Set(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    const missing = TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) refuse('不是本系统的数据库（缺少数据表 ' + missing.join('、') + '）');
    const applied = (
      sqlite.prepare('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as {
        name: string;
      }[]
    ).map((m) => m.name);
    const known = committedMigrations();
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0) refuse(`它来自更新版本的系统（含本版本没有的数据库升级 ${unknown.join('、')}）`);
    const users = sqlite.prepare('SELECT count(*) AS n FROM "User"').get() as { n: number };
    if (users.n === 0) refuse('其中没有任何用户');
    return { pendingMigrations: known.filter((name) => !applied.includes(name)) };
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    logger.warn({ err }, '上传或选择的备份文件无法读取');
    refuse('无法读取该数据库文件，它不是完好的 SQLite 数据库');
  } finally {
    sqlite.close();
  }
}
