// Counts of the embedded database kept until what they read changes. Every list
// page counts its matches (up to COUNT_LIMIT + 1 rows read), the home page its
// to-dos: at production size 0.6–2.7 ms each, most of a page's time in the
// database, and the same figures again on every view while nobody writes.
//
// A count is kept with the versions of the tables it names. A statement of this
// connection that writes one table raises that table's version: an insert
// always, an update or delete (and an upsert) only when no foreign key refers
// to the table (else its cascades may change others). Anything else but a plain read or a
// transaction's begin, commit or savepoint (a rollback, a script, a PRAGMA)
// raises every version, as does a commit of another connection (another worker
// process, the job run from the command line), which SQLite's
// `PRAGMA data_version` tells. So a session's or the audit log's writes leave
// the lists' counts alone, and a workflow step renews them.
// better-sqlite3 runs a statement to its end before anything else runs: nothing
// is written between a version's check and the count read under it.

/** A statement whose rows may be kept: a count, which reads many rows to give one. */
export function isCount(sql: string): boolean {
  return /^\s*SELECT\s+COUNT\(/i.test(sql);
}

export interface Schema {
  /** the database's tables */
  tables: string[];
  /** the tables some foreign key refers to */
  referenced: string[];
}

/** What a statement may change: nothing, one table, or anything. */
export type Change = { kind: 'none' } | { kind: 'table'; table: string } | { kind: 'any' };

/** A table's name as Prisma writes it (`main`.`Customer`) or the application's SQL ([Customer]). */
const NAME = '(?:[`"\\[]?main[`"\\]]?\\.)?[`"\\[]?(\\w+)';
const INSERT = new RegExp(String.raw`^\s*INSERT\s+INTO\s+${NAME}`, 'i');
const UPDATE_OR_DELETE = new RegExp(String.raw`^\s*(?:UPDATE|DELETE\s+FROM)\s+${NAME}`, 'i');
const UNCHANGING = /^\s*(?:BEGIN|COMMIT|END|SAVEPOINT|RELEASE)\b/i;

/** What running `sql` may change, `readonly` as SQLite says of the statement. */
export function changeOf(sql: string, readonly: boolean, schema: Schema): Change {
  if ((readonly && /^\s*SELECT\b/i.test(sql)) || UNCHANGING.test(sql)) return { kind: 'none' };
  const inserted = INSERT.exec(sql)?.[1];
  // An upsert's update may cascade like any update.
  const cascades = (table: string) => schema.referenced.includes(table) && /\bON\s+CONFLICT\b/i.test(sql);
  if (inserted && schema.tables.includes(inserted) && !cascades(inserted)) return { kind: 'table', table: inserted };
  const changed = UPDATE_OR_DELETE.exec(sql)?.[1];
  if (changed && schema.tables.includes(changed) && !schema.referenced.includes(changed)) return { kind: 'table', table: changed };
  return { kind: 'any' };
}

/** The tables a statement counts from when it is a count that only reads (its rows may be kept); else null. */
export function countedTables(sql: string, readonly: boolean, schema: Schema): string[] | null {
  return readonly && isCount(sql) ? tablesNamed(sql, schema) : null;
}

/** The tables a statement names (every one, wherever it stands: a name too many costs only a read). */
export function tablesNamed(sql: string, schema: Schema): string[] {
  return schema.tables.filter((table) => new RegExp(String.raw`(^|[^\w])${table}([^\w]|$)`).test(sql));
}

const KEPT = 1000;

/** Values kept by key, each with the version it was read under; at most `limit` keys (then all go). */
export function keptByVersion<T>(limit: number) {
  const values = new Map<string, { version: string; value: T }>();
  return {
    /** the value kept under `key`, if it was read under `version` */
    get(key: string, version: string): T | undefined {
      const found = values.get(key);
      return found?.version === version ? found.value : undefined;
    },
    set(key: string, version: string, value: T): void {
      if (!values.has(key) && values.size >= limit) values.clear();
      values.set(key, { version, value });
    },
  };
}

export interface CountCache {
  /** this connection ran something that may have changed what `change` says */
  changed(change: Change): void;
  /** what `tables` are now: the same text as long as none of them changed */
  version(tables: string[]): string;
  /** the rows of a count naming `tables`: kept ones while those are the same, else read (and kept) */
  rows(sql: string, args: unknown[], tables: string[], read: () => unknown[]): unknown[];
}

/** `otherCommits` reads SQLite's data_version: it changes when another connection commits. */
export function countCache(otherCommits: () => unknown, kept = KEPT): CountCache {
  let everything = 0;
  const tableVersions = new Map<string, number>();
  const counts = keptByVersion<unknown[]>(kept);
  const version = (tables: string[]) => `${everything}:${String(otherCommits())}:${tables.map((table) => tableVersions.get(table) ?? 0).join(',')}`;
  return {
    changed(change) {
      if (change.kind === 'any') everything += 1;
      else if (change.kind === 'table') tableVersions.set(change.table, (tableVersions.get(change.table) ?? 0) + 1);
    },
    version,
    rows(sql, args, tables, read) {
      const now = version(tables);
      const key = `${sql}\u0000${argumentsKey(args)}`;
      const found = counts.get(key, now);
      if (found) return found;
      const fresh = read();
      counts.set(key, now, fresh);
      return fresh;
    },
  };
}

/** The arguments as text, telling 1 from '1' and keeping bigints (which JSON refuses). */
function argumentsKey(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? `s${value}` : value));
}
