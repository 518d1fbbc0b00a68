// Brings the embedded database up to date on start: applies the committed
// migrations with Prisma's schema engine (after copying the file aside when a
// migration is pending, so no change ever loses data silently) and, when the
// database is new, loads reference data and — if configured — demo data.
import fs from 'fs';
import path from 'path';
import Database from 'better-sqlite3';
import { applyMigrations } from './schema-engine';
import { createDb, Db, databaseKind, sqliteFile } from './client';
import { ensureReferenceData } from './reference-data';
import { loadDemoData } from '../demo/demo-data';

export interface PrepareResult {
  created: boolean;
  applied: string[];
}

/** Whether the file holds the tables, and whether any user (its data was loaded). */
function contents(file: string): { tables: boolean; users: boolean } {
  if (!fs.existsSync(file)) return { tables: false, users: false };
  const sqlite = new Database(file, { readonly: true });
  try {
    const table = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'User'").get() as { n: number };
    if (table.n === 0) return { tables: false, users: false };
    const users = sqlite.prepare('SELECT count(*) AS n FROM "User"').get() as { n: number };
    return { tables: true, users: users.n > 0 };
  } finally {
    sqlite.close();
  }
}

/** A consistent copy (write-ahead log included) through SQLite's backup API. */
async function copyAside(file: string): Promise<string> {
  const copy = `${file}.before-migrate`;
  const sqlite = new Database(file, { readonly: true });
  try {
    await sqlite.backup(copy);
  } finally {
    sqlite.close();
  }
  return copy;
}

function useWriteAheadLog(file: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
}

export async function prepareEmbeddedDatabase(url: string, options: { demoData: boolean }): Promise<PrepareResult> {
  if (databaseKind(url) !== 'sqlite') throw new Error('only the embedded database is prepared on start');
  const file = sqliteFile(url);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const before = contents(file);
  const copy = before.tables ? await copyAside(file) : null;
  const applied = await applyMigrations(file);
  if (copy && applied.length === 0) fs.rmSync(copy);
  else if (copy) console.log(`升级前的数据库已备份到 ${copy}`);
  useWriteAheadLog(file);
  // New also when an earlier first start failed before its data was in.
  const created = !before.users;
  const db: Db = createDb(url);
  try {
    await ensureReferenceData(db);
    if (created && options.demoData) await loadDemoData(db);
  } finally {
    await db.$disconnect();
  }
  return { created, applied };
}
