// Reads in plain SQL that the embedded database's connection answers without
// Prisma's pipeline. In the running server a $queryRaw costs about half a
// millisecond of CPU (a twentieth of that in a loop): the session lookup every
// request makes was a third of a small page's cost. The SQL is the same on
// both databases; on SQL Server it goes through Prisma's $queryRaw as before.
// The embedded database has one connection: a read in a transaction sees the
// transaction's writes, as Prisma's own reads there do.
//
// Rows come as SQLite holds them: text, numbers, null — a DateTime as its text,
// never a Date, and integers as numbers, never bigints. Only reads whose callers
// take either go here. A count is kept like Prisma's (count-cache.ts).
import type { Sql } from '@prisma/client/runtime/client';
import type { Tx } from './client';
import { countedTables, type CountCache, type Schema } from './count-cache';
import { sqliteValue } from './read-thread';

const DIRECT_READS = Symbol('direct reads');
const PREPARED_KEPT = 200;

/** Answers a read-only statement with its rows, at once. */
export type DirectReader = (query: Sql) => unknown[];

interface ReadStatement {
  readonly: boolean;
  safeIntegers(on: boolean): ReadStatement;
  all(values: unknown[]): unknown[];
}

/**
 * The reader of one connection: each SQL text prepared once, refused unless it
 * only reads (its rows are never the answer to a write). Its statements are its
 * own, not the ones Prisma's adapter keeps (client.ts): those answer in arrays
 * with integers as bigints, a mode each better-sqlite3 statement keeps.
 */
export function directReader(prepare: (sql: string) => unknown, counts: { cache: CountCache; schema: Schema }): DirectReader {
  const kept = new Map<string, { statement: ReadStatement; tables: string[] | null }>();
  return (query) => {
    let found = kept.get(query.sql);
    if (!found) {
      const statement = (prepare(query.sql) as ReadStatement).safeIntegers(false);
      if (!statement.readonly) throw new Error(`不是只读语句：${query.sql}`);
      found = { statement, tables: countedTables(query.sql, true, counts.schema) };
      if (kept.size >= PREPARED_KEPT) kept.clear();
      kept.set(query.sql, found);
    }
    const { statement, tables } = found;
    const values = query.values.map(sqliteValue);
    const read = () => statement.all(values);
    // Its own key: Prisma's counts are kept as arrays of values, these as rows.
    return tables ? counts.cache.rows(`direct\u0000${query.sql}`, values, tables, read) : read();
  };
}

/** Gives a client of the embedded database the reader of its connection (null while none is open). */
export function readDirectly(client: object, reader: () => DirectReader | null): void {
  Object.defineProperty(client, DIRECT_READS, { value: reader });
}

/** The rows of a read-only statement: from the embedded database's connection, elsewhere through Prisma. */
export function directRows<T>(db: Tx, query: Sql): Promise<T[]> {
  const reader = (db as unknown as { [DIRECT_READS]?: () => DirectReader | null })[DIRECT_READS]?.();
  if (!reader) return db.$queryRaw<T[]>(query);
  try {
    return Promise.resolve(reader(query) as T[]);
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}
