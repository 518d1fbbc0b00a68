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

interface Versions {
  version(tables: string[]): string;
}

interface KeptReads {
  versions: Versions;
  values: ReturnType<typeof keptByVersion<object>>;
}

/** Gives a client of the embedded database its kept reads. */
export function keepReads(client: object, versions: Versions): void {
  Object.defineProperty(client, KEPT_READS, { value: { versions, values: keptByVersion<object>(KEPT) } satisfies KeptReads });
}

/** Whether the client keeps reads (the embedded database's); elsewhere every read goes to the database. */
export function keepsReads(db: Tx): boolean {
  return (db as unknown as { [KEPT_READS]?: KeptReads })[KEPT_READS] !== undefined;
}

/**
 * `read`'s value, kept under `key` while none of `tables` (every table it reads) changes. The
 * value is shared by every caller: frozen, it must not be changed.
 */
export async function keptRead<T extends object>(db: Tx, tables: string[], key: string, read: () => Promise<T>): Promise<T> {
  const kept = (db as unknown as { [KEPT_READS]?: KeptReads })[KEPT_READS];
  if (!kept) return read();
  const version = kept.versions.version(tables);
  const found = kept.values.get(key, version);
  if (found) return found as T;
  const value = deepFreeze(await read());
  kept.values.set(key, version, value);
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
