// The default order source: the Order/OrderLine tables in the CRM's own database.
import { containsText, empty, join, raw, sql, type Sql } from '../db/sql-lists';
import type { DatabaseKind, Db } from '../db/client';
import { directRows } from '../db/direct-reads';
import { keptPage } from '../db/kept-reads';
import { strictWholeNumber } from '../shared/form';
import { yearsBetween } from '../shared/years';
import { centsText } from './money';
import {
  COUNTED_ORDER_STATUSES,
  Contribution,
  ContributionQuery,
  CustomerKey,
  OrderDetail,
  OrderSource,
  OrderSummary,
} from './order-source';

const counted = { status: { in: [...COUNTED_ORDER_STATUSES] } };

function summary(order: { id: number; number: string; date: Date; address: string | null; status: number }): OrderSummary {
  return { id: String(order.id), number: order.number, date: order.date, address: order.address, status: order.status };
}

interface ContributionRecord {
  customerId: unknown;
  customerNumber: unknown;
  customerName: unknown;
  accountManagerName: unknown;
  orderCount: unknown;
  amountCents: unknown;
  allCustomers: unknown;
  allOrders: unknown;
  allCents: unknown;
}

/**
 * 客户贡献分析 in one statement: the counted orders grouped per customer (from the
 * index on status, date, customerId, amount alone), the customers joined to the
 * groups, and the totals of all groups as window sums beside the requested rows.
 * Amounts are summed in whole cents (integers): exact, and of one type in every row.
 * [brackets] quote names in both SQL Server and SQLite; only paging differs.
 */
function contributionSql(kind: DatabaseKind, query: ContributionQuery) {
  const { period, customerName, skip, take } = query;
  const counted = raw(`o.[status] IN (${COUNTED_ORDER_STATUSES.join(', ')})`);
  // A year is a range of the (status, date, …) index. All years: `+` keeps SQLite off that
  // index, so that it reads (customerId, status, date, amount) in customer order, no sorting.
  const which = period ? sql`${counted} AND o.[date] >= ${period.from} AND o.[date] < ${period.to}` : sql`+${counted}`;
  const named = customerName
    ? sql`AND o.[customerId] IN (SELECT n.[id] FROM [Customer] n WHERE ${containsText(raw('n.[name]'), customerName)})`
    : empty;
  const window = kind === 'sqlserver' ? sql`OFFSET ${skip} ROWS FETCH NEXT ${take} ROWS ONLY` : sql`LIMIT ${take} OFFSET ${skip}`;
  return sql`
    SELECT c.[id] AS customerId, c.[number] AS customerNumber, c.[name] AS customerName, u.[name] AS accountManagerName,
      t.orderCount, t.amountCents,
      COUNT(*) OVER () AS allCustomers, SUM(t.orderCount) OVER () AS allOrders, SUM(t.amountCents) OVER () AS allCents
    FROM (
      SELECT o.[customerId] AS customerId, COUNT(*) AS orderCount, SUM(CAST(ROUND(o.[amount] * 100, 0) AS BIGINT)) AS amountCents
      FROM [Order] o
      WHERE ${which} ${named}
      GROUP BY o.[customerId]
    ) t
    JOIN [Customer] c ON c.[id] = t.customerId
    LEFT JOIN [User] u ON u.[id] = c.[accountManagerId]
    ORDER BY t.amountCents DESC, c.[number]
    ${window}`;
}

/** The id of the newest order: the version of the orders for kept aggregates (aggregate-cache.ts). */
export async function newestOrderId(db: Db): Promise<number | null> {
  // Plain SQL: Prisma's aggregate wraps MAX in a subquery, which reads every order instead of the key's last entry.
  const [row] = await directRows<{ newest: number | bigint | null }>(db, sql`SELECT MAX([id]) AS newest FROM [Order]`);
  return row?.newest === null || row?.newest === undefined ? null : Number(row.newest);
}

/** Runs a read-only statement that may take long; DatabaseHandle.longRead keeps it off the event loop. */
export type LongRead = <T>(query: Sql) => Promise<T[]>;

/**
 * The first and last day of counted orders. Each MIN or MAX alone, per status, is
 * one end of a range of the (status, date) index; MIN and MAX in one statement
 * make SQLite read the whole range (86 ms at a million orders, against 0.05).
 */
function orderYearsSql() {
  const per = (fn: 'MIN' | 'MAX') =>
    join(
      COUNTED_ORDER_STATUSES.map((status) => sql`SELECT ${raw(fn)}(o.[date]) AS d FROM [Order] o WHERE o.[status] = ${status}`),
      ' UNION ALL ',
    );
  return sql`SELECT (SELECT MIN(e.d) FROM (${per('MIN')}) e) AS firstDay, (SELECT MAX(e.d) FROM (${per('MAX')}) e) AS lastDay`;
}

/**
 * The CRM's own order tables. `longRead` runs the reports' aggregates over
 * every order (客户贡献分析, totals, years); by default through the client.
 */
export function crmOrderSource(db: Db, kind: DatabaseKind = 'sqlite', longRead: LongRead = (query) => db.$queryRaw(query)): OrderSource {
  async function contribution(query: ContributionQuery): Promise<Contribution> {
    const records = await longRead<ContributionRecord>(contributionSql(kind, query));
    // A window past the last row carries no totals: ask again for the first row only.
    if (records.length === 0 && query.skip > 0) {
      const totals = await contribution({ ...query, skip: 0, take: 1 });
      return { ...totals, rows: [] };
    }
    const first = records[0];
    return {
      rows: records.map((r) => ({
        customerId: Number(r.customerId),
        customerNumber: String(r.customerNumber),
        customerName: String(r.customerName),
        accountManagerName: r.accountManagerName === null ? null : String(r.accountManagerName),
        orderCount: Number(r.orderCount),
        amount: centsText(Number(r.amountCents)),
      })),
      customers: first ? Number(first.allCustomers) : 0,
      orderCount: first ? Number(first.allOrders) : 0,
      amount: centsText(first ? Number(first.allCents) : 0),
    };
  }

  return {
    listOrders(customer, { skip, take }) {
      // Kept while the orders are unchanged (see keptPage): the sales system's import writes them here too.
      return keptPage(db, ['Order'], 'orders', { customerId: customer.id, skip, take }, async () => {
        const where = { customerId: customer.id, ...counted };
        const [total, rows] = await Promise.all([
          db.order.count({ where }),
          db.order.findMany({ where, orderBy: [{ date: 'desc' }, { id: 'desc' }], skip, take }),
        ]);
        return { total, items: rows.map(summary) };
      });
    },

    async getOrder(customer, orderId): Promise<OrderDetail | null> {
      const id = strictWholeNumber(orderId);
      if (id === null) return null;
      const order = await db.order.findFirst({
        where: { id, customerId: customer.id, ...counted },
        include: { lines: { orderBy: { id: 'asc' } } },
      });
      if (!order) return null;
      const cents = order.lines.reduce((sum, line) => sum + Math.round(Number(line.amount) * 100), 0);
      return {
        order: summary(order),
        lines: order.lines.map((line) => ({
          productName: line.productName,
          quantity: line.quantity,
          unit: line.unit,
          price: line.price.toFixed(2),
          amount: line.amount.toFixed(2),
        })),
        total: (cents / 100).toFixed(2),
      };
    },

    async lastOrderDates(customers: CustomerKey[]) {
      // Asked one batch of customers at a time: their range of ids, not an IN
      // list (SQL Server takes at most 2,100 parameters in a statement). In
      // plain SQL both databases take: thousands of rows, read once a week, need
      // no query builder (it cost the job most of its time).
      if (customers.length === 0) return new Map<number, Date>();
      const wanted = new Set(customers.map((c) => c.id));
      const ids = customers.map((c) => c.id);
      // `+` keeps the status off any index: the window's range of customers is the one to read
      // (without statistics SQLite read every counted order of the status index: 55 ms a window).
      const rows = await db.$queryRaw<{ customerId: number; lastOrderDate: Date | string }[]>`
        SELECT o.customerId, MAX(o.date) AS lastOrderDate FROM [Order] o
         WHERE +o.status IN (${join([...COUNTED_ORDER_STATUSES])}) AND o.customerId BETWEEN ${Math.min(...ids)} AND ${Math.max(...ids)}
         GROUP BY o.customerId`;
      return new Map(
        rows.filter((r) => r.lastOrderDate !== null && wanted.has(Number(r.customerId))).map((r) => [Number(r.customerId), new Date(r.lastOrderDate)]),
      );
    },

    contribution,

    async orderTotal({ from, to }) {
      const [row] = await longRead<{ amountCents: unknown }>(sql`
        SELECT SUM(CAST(ROUND(o.[amount] * 100, 0) AS BIGINT)) AS amountCents FROM [Order] o
         WHERE o.[status] IN (${join([...COUNTED_ORDER_STATUSES])}) AND o.[date] >= ${from} AND o.[date] < ${to}`);
      return centsText(Number(row?.amountCents ?? 0));
    },

    async orderYears() {
      const [row] = await longRead<{ firstDay: Date | string | null; lastDay: Date | string | null }>(orderYearsSql());
      const day = (value: Date | string | null | undefined) => (value === null || value === undefined ? null : new Date(value));
      return yearsBetween(day(row?.firstDay), day(row?.lastDay));
    },
  };
}
