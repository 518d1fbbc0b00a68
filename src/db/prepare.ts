// Brings the embedded database up to date on start: applies the committed
// migrations with Prisma's schema engine (after copying the file aside when a
// migration is pending, so no change ever loses data silently) and, when the
// database is new, loads reference data and — if configured — demo data.
import fs from 'fs';
import path from 'path';
import Database from 'better-sqlite3';
import { applyMigrations, committedMigrations } from './schema-engine';
import { createDb, Db, databaseKind, sqliteFile } from './client';
import { ensureReferenceData } from './reference-data';
import { loadDemoData } from '../demo/demo-data';

export interface PrepareResult {
  created: boolean;
  applied: string[];
  /** where the database was copied before migrations changed it, if they did */
  copiedTo: string | null;
}

/**
 * Whether the file holds the tables, whether any user (its data was loaded),
 * and whether a committed migration is not applied to it yet.
 */
function contents(file: string): { tables: boolean; users: boolean; pending: boolean } {
  if (!fs.existsSync(file)) return { tables: false, users: false, pending: true };
  const sqlite = new Database(file, { readonly: true });
  try {
    const hasTable = (name: string) =>
      (sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) as { n: number }).n > 0;
    if (!hasTable('User')) return { tables: false, users: false, pending: true };
    const users = sqlite.prepare('SELECT count(*) AS n FROM "User"').get() as { n: number };
    const applied = hasTable('_prisma_migrations')
      ? (sqlite.prepare('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL').all() as {
          name: string;
        }[])
      : [];
    const done = new Set(applied.map((m) => m.name));
    return { tables: true, users: users.n > 0, pending: committedMigrations().some((name) => !done.has(name)) };
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

export function useWriteAheadLog(file: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    // Statistics for the query planner (SQLite gathers none by itself): which index
    // suits a list's filter and order. optimize analyses only tables never analysed
    // or grown much since, and here in full: sampled statistics (analysis_limit)
    // saw 1,000 tickets per status where there were 12,000, and one person's
    // tickets of a status were then read through all tickets of that status.
    // About a second at a million orders, at the start after such growth only.
    sqlite.pragma('analysis_limit = 0');
    sqlite.pragma('optimize = 0x10002');
  } finally {
    sqlite.close();
  }
}

export async function prepareEmbeddedDatabase(url: string, options: { demoData: boolean }): Promise<PrepareResult> {
  if (databaseKind(url) !== 'sqlite') throw new Error('only the embedded database is prepared on start');
  const file = sqliteFile(url);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const before = contents(file);
  // Only a database about to change is copied: a large one is not copied at every start.
  const copy = before.tables && before.pending ? await copyAside(file) : null;
  // The schema engine (WebAssembly, tens of MB that stay in the process) only when there is work for it.
  const applied = before.pending ? await applyMigrations(file) : [];
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
  return { created, applied, copiedTo: copy };
}
