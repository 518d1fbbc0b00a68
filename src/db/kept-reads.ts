// Reads of small reference data kept while the tables they read are unchanged:
// the data dictionary's items and the users offered as 客户经理 come back on
// nearly every list page, and Prisma's pipeline costs 0.2–0.3 ms a query (more
// under load) even when the database answers in 0.07 ms. The versions are the embedded
// database's (count-cache.ts: any statement of this connection, any commit of
// another). A version is taken before the read: whatever is written while it
// runs makes the value stale at once. Elsewhere (SQL Server, whose other
// instances write unseen) every read goes to the database.
import type { Tx } from './client';
import { keptByVersion } from './count-cache';

const KEPT_READS = Symbol('kept reads');
const KEPT = 500;
/** Pages of lists, kept apart: many searches do not push the reference reads out. */
const PAGES_KEPT = 1000;

interface Versions {
  version(tables: string[]): string;
}

type Kept = ReturnType<typeof keptByVersion<unknown>>;

interface KeptReads {
  versions: Versions;
  values: Kept;
  pages: Kept;
}

/** Gives a client of the embedded database its kept reads. */
export function keepReads(client: object, versions: Versions): void {
  const kept: KeptReads = { versions, values: keptByVersion<unknown>(KEPT), pages: keptByVersion<unknown>(PAGES_KEPT) };
  Object.defineProperty(client, KEPT_READS, { value: kept });
}

/** Whether the client keeps reads (the embedded database's); elsewhere every read goes to the database. */
export function keepsReads(db: Tx): boolean {
  return (db as unknown as { [KEPT_READS]?: KeptReads })[KEPT_READS] !== undefined;
}

/**
 * `read`'s value, kept under `key` while none of `tables` (every table it reads) changes. The
 * value is shared by every caller: frozen, it must not be changed.
 */
export function keptRead<T extends object>(db: Tx, tables: string[], key: string, read: () => Promise<T>): Promise<T> {
  return keptIn('values', db, tables, key, read);
}

/**
 * One page of a list (its rows and count) kept like keptRead, under the list's name and what
 * it was asked: `asked` holds everything the page depends on (the search, the page number,
 * whom the user's rights narrow it to), compared as JSON. Lists are read far more often
 * than anyone writes, and a page through Prisma costs 0.5–1 ms of a list view's 2–3.
 * `tables` are every table the page reads, its people's (User) too.
 */
export function keptPage<T>(db: Tx, tables: string[], list: string, asked: unknown, read: () => Promise<T>): Promise<T> {
  return keptIn('pages', db, tables, `${list}:${JSON.stringify(asked)}`, read);
}

async function keptIn<T>(store: 'values' | 'pages', db: Tx, tables: string[], key: string, read: () => Promise<T>): Promise<T> {
  const kept = (db as unknown as { [KEPT_READS]?: KeptReads })[KEPT_READS];
  if (!kept) return read();
  const version = kept.versions.version(tables);
  const found = kept[store].get(key, version);
  if (found !== undefined) return found as T;
  const value = deepFreeze(await read());
  kept[store].set(key, version, value);
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
