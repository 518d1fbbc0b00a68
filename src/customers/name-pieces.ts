// 名称片段 (name pieces): every two characters in a row of a customer's name,
// kept beside the name in CustomerNamePiece. A search by part of a name
// (客户名称 contains …) reads the customers holding the search's rarest piece
// from that table's key and compares only their names, instead of comparing
// all 100,000 names (5–9 ms, half of it again to count them). Most Chinese
// searches are two characters, hence pieces of two (SQLite's trigram index
// needs three). Whoever writes a name writes its pieces in the same transaction.
import type { Db, Prisma, Tx } from '../db/client';
import { containsText, empty, raw, sql, type Sql } from '../db/sql-lists';
import { insertRows } from '../db/insert-rows';
import { COUNT_LIMIT } from '../shared/paging';

/** Letters without case, as LIKE compares them on SQLite (ASCII) and under SQL Server's CI collations. */
function folded(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** The distinct pieces of a name or search text: none for fewer than two characters. */
export function namePieces(text: string): string[] {
  const characters = Array.from(folded(text));
  const pieces = new Set<string>();
  for (let i = 0; i + 1 < characters.length; i++) pieces.add(characters[i] + characters[i + 1]);
  return [...pieces];
}

/** The pieces of new customers' names. */
export async function writeNamePieces(tx: Tx, customers: { id: number; name: string }[]): Promise<void> {
  const rows = customers.flatMap((customer) => namePieces(customer.name).map((piece) => [piece, customer.id]));
  await insertRows(tx, 'CustomerNamePiece', ['piece', 'customerId'], rows);
}

/** The pieces of a customer's new name, in place of the old name's. */
export async function renewNamePieces(tx: Tx, customer: { id: number; name: string }): Promise<void> {
  await tx.customerNamePiece.deleteMany({ where: { customerId: customer.id } });
  await writeNamePieces(tx, [customer]);
}

const FILLED_AT_ONCE = 1000;

/**
 * Writes the pieces of every customer that has none (a database made before
 * pieces were kept, rows inserted behind the application's back), a thousand
 * customers to a transaction. Names of one character have none and stay so.
 * Returns how many customers got pieces.
 */
export async function fillMissingNamePieces(db: Db): Promise<number> {
  let written = 0;
  for (let after = 0; ; ) {
    const batch = await db.$transaction(async (tx) => {
      const customers = await tx.customer.findMany({
        where: { id: { gt: after }, namePieces: { none: {} } },
        select: { id: true, name: true },
        orderBy: { id: 'asc' },
        take: FILLED_AT_ONCE,
      });
      await writeNamePieces(tx, customers);
      return customers;
    });
    written += batch.filter((customer) => namePieces(customer.name).length > 0).length;
    if (batch.length < FILLED_AT_ONCE) return written;
    after = batch[batch.length - 1].id;
  }
}

// ---------------------------------------------------------------- searching

/** A piece at most this many names hold is read from the key for the page as well as for the count. */
export const RARE_PIECE = 2000;
/** Pieces of a long search weighed for the rarest; the rest only narrow the comparison. */
const PIECES_WEIGHED = 6;

export interface NameSearch {
  piece: string;
  /** few enough holders to read the page through the piece; a common piece only serves the count */
  rare: boolean;
  /** the search is this one piece: holding it is containing the search, no name to compare */
  whole: boolean;
  /** how many names hold the piece (counted up to COUNT_LIMIT + 1) */
  holders: number;
}

/**
 * How a search by part of a name is read: through the rarest of its pieces —
 * or, for a single character or a search holding LIKE's wildcards (which
 * `contains` passes on to SQLite), by comparing every name as before (null).
 */
export async function nameSearch(db: Tx, text: string): Promise<NameSearch | null> {
  const pieces = namePieces(text);
  if (pieces.length === 0 || /[%_\\[]/.test(text)) return null;
  let best: { piece: string; holders: number } | null = null;
  for (const piece of pieces.slice(0, PIECES_WEIGHED)) {
    // Counted up to the count's own limit, along the key.
    const holders = await db.customerNamePiece.count({ where: { piece }, take: COUNT_LIMIT + 1 });
    if (!best || holders < best.holders) best = { piece, holders };
    if (holders <= RARE_PIECE) break;
  }
  return best && { ...best, rare: best.holders <= RARE_PIECE, whole: pieces.length === 1 && Array.from(text).length === 2 };
}

/**
 * The search's piece held by customers matching `where` (which compares the name with the
 * same search): when the piece is the whole search, the name needs no comparing.
 */
function holding(search: NameSearch, where: Prisma.CustomerWhereInput): Prisma.CustomerNamePieceWhereInput {
  const { name: _sameSearch, ...rest } = where;
  const customer = search.whole ? rest : where;
  // Without other conditions no customer row is read: the count comes from the key alone.
  return Object.keys(customer).length ? { piece: search.piece, customer } : { piece: search.piece };
}

/**
 * Counts the customers matching `where` (a name search compared in it), up to
 * `window.take`: those holding the search's piece, or every customer in `orderBy`.
 */
export function countCustomers(
  db: Tx,
  search: NameSearch | null,
  where: Prisma.CustomerWhereInput,
  orderBy: Prisma.CustomerOrderByWithRelationInput[],
  window: { take: number },
): Promise<number> {
  if (search) return db.customerNamePiece.count({ where: holding(search, where), ...window });
  return db.customer.count({ where, orderBy, ...window });
}

/**
 * What a page query of customers takes: `where` and the window, or — for a
 * rare piece — the ids of the page, read through the piece in `orderBy`.
 */
export async function pageOfCustomers(
  db: Tx,
  search: NameSearch | null,
  where: Prisma.CustomerWhereInput,
  orderBy: Prisma.CustomerOrderByWithRelationInput[],
  window: { skip?: number; take: number },
): Promise<{ where: Prisma.CustomerWhereInput; skip?: number; take?: number }> {
  if (!search?.rare) return { where, ...window };
  const rows = await db.customerNamePiece.findMany({
    where: holding(search, where),
    orderBy: orderBy.map((order) => ({ customer: order })),
    select: { customerId: true },
    ...window,
  });
  return { where: { id: { in: rows.map((row) => row.customerId) } } };
}

/**
 * A condition in plain SQL on another table's customer column (tickets, churn warnings): its
 * customer's name contains `text`.
 * - Usually the customers holding the search's rarest piece (their names compared unless the
 *   piece is the whole search), read once: the database then reads each one's records along
 *   its index.
 * - A piece most names hold (more than COUNT_LIMIT): the records are read in the list's order
 *   and each one's customer checked, as matches are dense (listing 100,000 holders took 50 ms).
 * - A search without pieces (one character, LIKE's wildcards): the customers whose name
 *   contains it.
 */
export async function customerNamed(db: Tx, text: string, customerId: Sql): Promise<Sql> {
  const search = await nameSearch(db, text);
  const nameContains = containsText(raw('c.[name]'), text);
  if (!search) return sql`${customerId} IN (SELECT c.[id] FROM [Customer] c WHERE ${nameContains})`;
  if (search.holders > COUNT_LIMIT) {
    return search.whole
      ? sql`EXISTS (SELECT 1 FROM [CustomerNamePiece] p WHERE p.[piece] = ${search.piece} AND p.[customerId] = ${customerId})`
      : sql`EXISTS (SELECT 1 FROM [Customer] c WHERE c.[id] = ${customerId} AND ${nameContains})`;
  }
  const compared = search.whole ? empty : sql` AND EXISTS (SELECT 1 FROM [Customer] c WHERE c.[id] = p.[customerId] AND ${nameContains})`;
  return sql`${customerId} IN (SELECT p.[customerId] FROM [CustomerNamePiece] p WHERE p.[piece] = ${search.piece}${compared})`;
}
