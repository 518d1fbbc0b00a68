// Counts of the embedded database kept until it changes. Every list page counts
// its matches (up to COUNT_LIMIT + 1 rows read), the home page its to-dos: at
// production size 0.6–2.7 ms each, most of a page's time in the database, and
// the same figures again on every view while nobody writes. A count is read
// once per version of the database: any statement of this connection but a
// read (a write, BEGIN, COMMIT, ROLLBACK, a PRAGMA) and any commit of another
// connection (another worker process, the job run from the command line, a
// restore's copy) starts a new version, SQLite's `PRAGMA data_version` telling
// the latter. better-sqlite3 runs a statement to its end before anything else
// runs, so nothing is written between the version's check and the count.

/** A statement whose rows may be kept: a count, which reads many rows to give one. */
export function isCount(sql: string): boolean {
  return /^\s*SELECT\s+COUNT\(/i.test(sql);
}

/** A statement that changes neither the data nor the transaction: everything else starts a new version. */
export function isPlainRead(sql: string, readonly: boolean): boolean {
  return readonly && /^\s*SELECT\b/i.test(sql);
}

const KEPT = 1000;

export interface CountCache {
  /** this connection ran something that may change what a count sees */
  changed(): void;
  /** the rows of a count: kept ones while the database is the same, else read (and kept) */
  rows(sql: string, args: unknown[], read: () => unknown[]): unknown[];
}

/** `otherCommits` reads SQLite's data_version: it changes when another connection commits. */
export function countCache(otherCommits: () => unknown, kept = KEPT): CountCache {
  let changes = 0;
  let version = '';
  const rows = new Map<string, unknown[]>();
  return {
    changed() {
      changes += 1;
    },
    rows(sql, args, read) {
      const now = `${changes}:${String(otherCommits())}`;
      if (now !== version) {
        rows.clear();
        version = now;
      }
      const key = `${sql}\u0000${argumentsKey(args)}`;
      let found = rows.get(key);
      if (!found) {
        found = read();
        if (rows.size >= kept) rows.clear();
        rows.set(key, found);
      }
      return found;
    },
  };
}

/** The arguments as text, telling 1 from '1' and keeping bigints (which JSON refuses). */
function argumentsKey(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? `s${value}` : value));
}
