// A fresh database for one test file: a copy of the migrated template.
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient as SqliteClient } from '../../src/generated/sqlite/client';
import { createDb, Db, sqliteFile } from '../../src/db/client';

function runDir(): string {
  const dir = process.env.CRM_TEST_DIR;
  if (!dir) throw new Error('CRM_TEST_DIR is not set: run the tests through jest (globalSetup)');
  return dir;
}

export function freshDatabaseUrl(): string {
  const file = path.join(runDir(), `test-${crypto.randomBytes(6).toString('hex')}.db`);
  fs.copyFileSync(path.join(runDir(), 'template.db'), file);
  return `file:${file}`;
}

export function freshDb(): { db: Db; url: string } {
  const url = freshDatabaseUrl();
  return { db: createDb(url), url };
}

/**
 * A client of the same file as Prisma makes it, without what createDb adds (kept reads, direct
 * reads): as the application uses SQL Server; also another connection beside the application's.
 */
export function plainClient(url: string): Db {
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: sqliteFile(url) }) }) as unknown as Db;
}

/** A folder of its own inside this run's folder, removed with it after the run (globalTeardown). */
export function scratchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(runDir(), prefix));
}
