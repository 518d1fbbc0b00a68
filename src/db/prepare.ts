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

function hasTables(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const sqlite = new Database(file, { readonly: true });
  try {
    const row = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'User'").get() as { n: number };
    return row.n > 0;
  } finally {
    sqlite.close();
  }
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
  const created = !hasTables(file);
  if (!created) fs.copyFileSync(file, `${file}.before-migrate`);
  const applied = await applyMigrations(file);
  if (!created && applied.length === 0) fs.rmSync(`${file}.before-migrate`);
  useWriteAheadLog(file);
  const db: Db = createDb(url);
  try {
    await ensureReferenceData(db);
    if (created && options.demoData) await loadDemoData(db);
  } finally {
    await db.$disconnect();
  }
  return { created, applied };
}
