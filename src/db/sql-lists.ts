// Lists whose conditions are written in plain SQL: the ids of one page and the
// capped count, then the rows read through Prisma by those ids. For conditions
// Prisma writes badly: a search by customer name reads the customers found as
// `customerId IN (SELECT …)`, which the database evaluates once; Prisma writes
// a relation filter as an EXISTS per row (390 ms to count the archived tickets),
// and a list of ids costs it about 2 µs per id in every statement.
// [Bracketed] names read the same on both databases; only paging differs.
import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import { databaseKindOf, type Tx } from './client';
import { directRows } from './direct-reads';
import { COUNT_LIMIT, FEW_MATCHES, pageWindow } from '../shared/paging';

export { empty, join, raw, sql, type Sql };

/** A LIKE pattern for "contains", the wildcards of the text taken literally (with ESCAPE '\\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_[]/g, (c) => `\\${c}`)}%`;
}

/** `column LIKE '%text%'`, the text's wildcards taken literally. */
export function containsText(column: Sql, text: string): Sql {
  return sql`${column} LIKE ${containsPattern(text)} ESCAPE '\\'`;
}

export interface SqlList {
  /** the table, named `alias` in the conditions and the order */
  table: string;
  alias: string;
  /** the conditions, all of which a row meets */
  where: Sql[];
  /** the list's order, ending with a unique column */
  orderBy: Sql;
}

/**
 * The ids of one page of the list, in its order, and its count up to COUNT_LIMIT + 1. With few
 * matches (FEW_MATCHES) the page is read from them: the database finds them along its cheapest
 * index and sorts them (a summary no archived ticket has: 11 ms → 2.3 ms).
 */
export async function pageOfIds(db: Tx, list: SqlList, page: number): Promise<{ ids: number[]; total: number }> {
  const sqlServer = databaseKindOf(db) === 'sqlserver';
  const from = raw(`[${list.table}] ${list.alias}`);
  const id = raw(`${list.alias}.[id]`);
  const where = list.where.length ? sql`WHERE ${join(list.where, ' AND ')}` : empty;
  const cap = COUNT_LIMIT + 1;
  const [counted] = await directRows<{ total: number | bigint }>(
    db,
    sqlServer
      ? sql`SELECT COUNT(*) AS total FROM (SELECT TOP (${cap}) 1 AS one FROM ${from} ${where}) AS capped`
      : sql`SELECT COUNT(*) AS total FROM (SELECT 1 FROM ${from} ${where} LIMIT ${cap}) AS capped`,
  );
  const total = Number(counted?.total ?? 0);
  const matching = total <= FEW_MATCHES && list.where.length ? sql`WHERE ${id} IN (SELECT ${id} FROM ${from} ${where})` : where;
  const { skip, take } = pageWindow(page);
  const rows = await directRows<{ id: number | bigint }>(
    db,
    sqlServer
      ? sql`SELECT ${id} AS id FROM ${from} ${matching} ORDER BY ${list.orderBy} OFFSET ${skip} ROWS FETCH NEXT ${take} ROWS ONLY`
      : sql`SELECT ${id} AS id FROM ${from} ${matching} ORDER BY ${list.orderBy} LIMIT ${take} OFFSET ${skip}`,
  );
  return { ids: rows.map((row) => Number(row.id)), total };
}

/** Rows read by id (Prisma's findMany), put in the order of the ids. */
export function inOrderOf<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
