// Many new rows in plain SQL, several to an INSERT. Prisma's createMany compiles
// every row through its query compiler: it took a third of the weekly job's time
// and its memory grew with the rows. Bracketed names read the same on both databases.
import { join, raw, sqltag as sql } from '@prisma/client/runtime/client';
import type { Tx } from './client';

/** SQL Server takes at most 2,100 parameters per statement. */
const PARAMETERS_PER_STATEMENT = 2000;

/** How many rows of `columns` values go into one INSERT. */
export function rowsPerInsert(columns: number): number {
  return Math.floor(PARAMETERS_PER_STATEMENT / columns);
}

/** Inserts `rows` (values in the order of `columns`) into `table`; names are the code's own, never input. */
export async function insertRows(tx: Tx, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const into = raw(`INSERT INTO [${table}] (${columns.map((c) => `[${c}]`).join(', ')}) VALUES `);
  const size = rowsPerInsert(columns.length);
  for (let at = 0; at < rows.length; at += size) {
    const values = rows.slice(at, at + size).map((row) => sql`(${join(row)})`);
    await tx.$executeRaw`${into}${join(values)}`;
  }
}
