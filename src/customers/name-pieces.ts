// 名称片段 (name pieces): each character of a customer's name and every two
// characters in a row, kept beside the name in CustomerNamePiece. A search by
// part of a name (客户名称 contains …) reads the customers holding the search's
// rarest piece from that table's key and compares only their names, instead of
// comparing all 100,000 names (5–9 ms, half of it again to count them; 15–27 ms
// for one character). Most Chinese searches are one or two characters, hence
// pieces of one and two (SQLite's trigram index needs three). Whoever writes a
// name writes its pieces in the same transaction.
import { databaseKindOf, type DatabaseKind, type Db, type Prisma, type Tx } from '../db/client';
import { containsText, empty, raw, sql, type Sql } from '../db/sql-lists';
import { insertRows } from '../db/insert-rows';
import { COUNT_LIMIT } from '../shared/paging';

/** Letters without case, as LIKE compares them on SQLite (ASCII) and under SQL Server's CI collations. */
function folded(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** The distinct pieces of a name: its characters, then every two in a row. */
export function namePieces(name: string): string[] {
  const characters = Array.from(folded(name));
  return [...new Set([...characters, ...pairs(characters)])];
}

/** The pieces a search is read through: every two characters in a row, or a single character itself. */
export function searchPieces(text: string): string[] {
  const characters = Array.from(folded(text));
  return characters.length === 1 ? characters : [...new Set(pairs(characters))];
}

function pairs(characters: string[]): string[] {
  return characters.slice(1).map((character, i) => characters[i] + character);
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

/** Customers looked at, and written, at a time: a window of ids. */
const FILLED_AT_ONCE = 1000;

/**
 * A name's first character as its piece is kept, in each database's words: a
 * customer without that piece has none, or those of a version without pieces of
 * one character. SQLite's lower() folds ASCII letters only, as folded() does;
 * SQL Server's case-insensitive collations compare letters without case. (Under a
 * collation without supplementary characters (_SC), LEFT cuts such a first
 * character in half: that customer's pieces are written again at every start.)
 */
const FIRST_CHARACTER: Record<DatabaseKind, Sql> = {
  sqlite: sql`lower(substr(c.[name], 1, 1))`,
  sqlserver: sql`LEFT(c.[name], 1)`,
};

function customersWithoutPieces(db: Tx, from: number, kind: DatabaseKind) {
  return db.$queryRaw<{ id: number | bigint; name: string }[]>`
    SELECT c.[id] AS id, c.[name] AS name FROM [Customer] c
     WHERE c.[id] BETWEEN ${from} AND ${from + FILLED_AT_ONCE - 1} AND c.[name] <> ''
       AND NOT EXISTS (SELECT 1 FROM [CustomerNamePiece] p WHERE p.[customerId] = c.[id] AND p.[piece] = ${FIRST_CHARACTER[kind]})`;
}

/**
 * Writes the pieces of every customer that lacks them (a database made before
 * pieces, or pieces of one character, were kept; rows inserted behind the
 * application's back), a window of a thousand ids at a time, each window that
 * has some in one transaction, read again there. Returns how many customers got pieces.
 */
export async function fillMissingNamePieces(db: Db): Promise<number> {
  const kind = databaseKindOf(db);
  const [{ last }] = await db.$queryRaw<{ last: number | bigint | null }[]>`SELECT MAX([id]) AS last FROM [Customer]`;
  let written = 0;
  for (let from = 1; from <= Number(last ?? 0); from += FILLED_AT_ONCE) {
    if ((await customersWithoutPieces(db, from, kind)).length === 0) continue;
    written += await db.$transaction(async (tx) => {
      const customers = (await customersWithoutPieces(tx, from, kind)).map(({ id, name }) => ({ id: Number(id), name }));
      await tx.customerNamePiece.deleteMany({ where: { customerId: { in: customers.map((c) => c.id) } } });
      await writeNamePieces(tx, customers);
      return customers.length;
    });
  }
  return written;
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
 * or, for a search holding LIKE's wildcards (which `contains` passes on to
 * SQLite), by comparing every name as before (null).
 */
export async function nameSearch(db: Tx, text: string): Promise<NameSearch | null> {
  const pieces = searchPieces(text);
  if (pieces.length === 0 || /[%_\\[]/.test(text)) return null;
  let best: { piece: string; holders: number } | null = null;
  for (const piece of pieces.slice(0, PIECES_WEIGHED)) {
    // Counted up to the count's own limit, along the key.
    const holders = await db.customerNamePiece.count({ where: { piece }, take: COUNT_LIMIT + 1 });
    if (!best || holders < best.holders) best = { piece, holders };
    if (holders <= RARE_PIECE) break;
  }
  return best && { ...best, rare: best.holders <= RARE_PIECE, whole: pieces.length === 1 && Array.from(text).length <= 2 };
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
 * From this many customers skipped on, a page's ids are read first: the database skips along
 * the order's index alone instead of reading every skipped customer's row (page 5,001 of
 * 100,000: 1.7 → 0.5 ms).
 */
export const DEEP_PAGE_SKIP = 1_000;

/**
 * What a page query of customers takes: `where` and the window, or the ids of the page — read
 * through the piece in `orderBy` for a rare piece, or by themselves for a deep page.
 */
export async function pageOfCustomers(
  db: Tx,
  search: NameSearch | null,
  where: Prisma.CustomerWhereInput,
  orderBy: Prisma.CustomerOrderByWithRelationInput[],
  window: { skip?: number; take: number },
): Promise<{ where: Prisma.CustomerWhereInput; skip?: number; take?: number }> {
  if (search?.rare) {
    const rows = await db.customerNamePiece.findMany({
      where: holding(search, where),
      orderBy: orderBy.map((order) => ({ customer: order })),
      select: { customerId: true },
      ...window,
    });
    return { where: { id: { in: rows.map((row) => row.customerId) } } };
  }
  if ((window.skip ?? 0) < DEEP_PAGE_SKIP) return { where, ...window };
  const rows = await db.customer.findMany({ where, orderBy, select: { id: true }, ...window });
  return { where: { id: { in: rows.map((row) => row.id) } } };
}

/**
 * A condition in plain SQL on another table's customer column (tickets, churn warnings): its
 * customer's name contains `text`.
 * - Usually the customers holding the search's rarest piece (their names compared unless the
 *   piece is the whole search), read once: the database then reads each one's records along
 *   its index.
 * - A piece most names hold (more than COUNT_LIMIT): the records are read in the list's order
 *   and each one's customer checked, as matches are dense (listing 100,000 holders took 50 ms).
 * - A search holding LIKE's wildcards (taken literally here): the customers whose name
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
