// The order source of production: the company's sales system on SQL Server,
// read through the `mssql` package with the connection string and the queries
// of the configuration. The sales system knows a customer by its 客户编号
// (customer.number). Values always go in as typed parameters, never into the SQL.
import type { ISqlType } from 'mssql';

/** The mssql driver, loaded when the sales system is first used: an instance on the CRM's own orders never holds it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mssql = () => require('mssql') as typeof import('mssql');
import { cents, centsText } from './money';
import {
  COUNTED_ORDER_STATUSES,
  Contribution,
  ContributionQuery,
  CustomerDirectory,
  CustomerKey,
  ORDER_ID_PATTERN,
  OrderDetail,
  OrderLineView,
  OrderPeriod,
  OrderSource,
  OrderSummary,
} from './order-source';
import type { SalesDbQueries } from './sales-db-queries';

/** The part of mssql's Request the source uses (a fake in tests). */
export interface SalesDbRequest {
  input(name: string, type: ISqlType | (() => ISqlType), value: unknown): SalesDbRequest;
  query<T>(sql: string): Promise<{ recordset: T[] }>;
}

/** The part of mssql's ConnectionPool the source uses. */
export interface SalesDbPool {
  request(): SalesDbRequest;
  close?(): Promise<void>;
}

export type SalesDbConnect = (connectionString: string) => Promise<SalesDbPool>;

/** A real pool; connects when first needed. */
export const connectSalesDb: SalesDbConnect = (connectionString) => new (mssql().ConnectionPool)(connectionString).connect();

export interface SalesDbSettings {
  /** e.g. Server=sales-db,1433;Database=Sales;User Id=crm_reader;Password=…;Encrypt=true */
  connectionString: string;
  queries: SalesDbQueries;
  /** the CRM's customers, for 客户贡献分析 (the sales system has only their numbers) */
  customers?: CustomerDirectory;
}

/** "All years" as a period the configured query can take like any other. */
const ALL_DATES = { from: new Date(Date.UTC(1900, 0, 1)), to: new Date(Date.UTC(9999, 11, 31)) };

interface OrderRow {
  id: unknown;
  number: unknown;
  date: unknown;
  address: unknown;
  status: unknown;
}

interface LineRow {
  productName: unknown;
  quantity: unknown;
  unit: unknown;
  price: unknown;
  amount: unknown;
}

function dateOf(value: unknown): Date {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error(`销售系统返回了无效的日期：${String(value)}`);
  return date;
}

const textOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

function summary(row: OrderRow): OrderSummary {
  return {
    id: String(row.id),
    number: String(row.number),
    date: dateOf(row.date),
    address: textOrNull(row.address),
    status: Number(row.status),
  };
}

function line(row: LineRow): OrderLineView {
  return {
    productName: String(row.productName),
    quantity: Number(row.quantity),
    unit: textOrNull(row.unit),
    price: centsText(cents(row.price)),
    amount: centsText(cents(row.amount)),
  };
}

const noDirectory: CustomerDirectory = () => Promise.reject(new Error('客户贡献分析需要 CRM 的客户信息'));

const isCounted = (status: number) => (COUNTED_ORDER_STATUSES as readonly number[]).includes(status);

export function mssqlOrderSource(settings: SalesDbSettings, connect: SalesDbConnect = connectSalesDb): OrderSource {
  const { queries, customers: directory = noDirectory } = settings;
  let pool: Promise<SalesDbPool> | null = null;

  /** The one pool of this source; a failed connection is tried again on the next request. */
  function request(): Promise<SalesDbRequest> {
    pool ??= connect(settings.connectionString).catch((err: unknown) => {
      pool = null;
      throw err;
    });
    return pool.then((p) => p.request());
  }

  async function forCustomer(customer: CustomerKey): Promise<SalesDbRequest> {
    return (await request()).input('customerNumber', mssql().NVarChar(30), customer.number);
  }

  /** The configured contribution query: the sums of the period per 客户编号. */
  async function sumsPerCustomer({ from, to }: OrderPeriod) {
    const result = await (await request())
      .input('from', mssql().DateTime2, from)
      .input('to', mssql().DateTime2, to)
      .query<{ customerNumber: unknown; orderCount: unknown; amount: unknown }>(queries.contribution);
    return result.recordset;
  }

  return {
    async close() {
      const open = pool;
      pool = null;
      const connected = await open?.catch(() => null);
      await connected?.close?.();
    },

    async listOrders(customer, { skip, take }) {
      const [counted, page] = await Promise.all([
        (await forCustomer(customer)).query<{ total: unknown }>(queries.orderCount),
        (await forCustomer(customer)).input('skip', mssql().Int, skip).input('take', mssql().Int, take).query<OrderRow>(queries.orders),
      ]);
      // The configured query should select counted orders only; one that does not still shows none other.
      const items = page.recordset.map(summary).filter((order) => isCounted(order.status));
      return { total: Number(counted.recordset[0]?.total ?? 0), items };
    },

    async getOrder(customer, orderId): Promise<OrderDetail | null> {
      if (!ORDER_ID_PATTERN.test(orderId)) return null;
      const withOrder = async () => (await forCustomer(customer)).input('orderId', mssql().NVarChar(50), orderId);
      const found = await (await withOrder()).query<OrderRow>(queries.order);
      const order = found.recordset[0] ? summary(found.recordset[0]) : null;
      // The query should only find counted orders; an order in progress is never shown anyway.
      if (!order || !isCounted(order.status)) return null;
      const lines = (await (await withOrder()).query<LineRow>(queries.orderLines)).recordset.map(line);
      const total = lines.reduce((sum, l) => sum + cents(l.amount), 0);
      return { order, lines, total: centsText(total) };
    },

    // The rows carry no status: the configured query alone decides which orders
    // count (SALES_DB_LAST_ORDERS_QUERY must keep to statuses 5 and 6).
    // Asked one batch of customers at a time: their numbers go as one JSON text
    // (@customerNumbers; SQL Server takes at most 2100 parameters).
    async lastOrderDates(customers) {
      const ids = new Map(customers.map((c) => [c.number, c.id]));
      const numbers = JSON.stringify(customers.map((c) => c.number));
      const rows = (
        await (await request())
          .input('customerNumbers', mssql().NVarChar(mssql().MAX), numbers)
          .query<{ customerNumber: unknown; lastOrderDate: unknown }>(queries.lastOrders)
      )
        .recordset;
      const dates = new Map<number, Date>();
      for (const row of rows) {
        const id = ids.get(String(row.customerNumber));
        if (id !== undefined && row.lastOrderDate !== null && row.lastOrderDate !== undefined) {
          dates.set(id, dateOf(row.lastOrderDate));
        }
      }
      return dates;
    },

    // The sales system sums per 客户编号 (one aggregate query); the CRM's customers
    // of the name filter are joined to those sums, ranked and cut here.
    async contribution({ customerName, period, skip, take }: ContributionQuery): Promise<Contribution> {
      const [sums, customers] = await Promise.all([sumsPerCustomer(period ?? ALL_DATES), directory(customerName)]);
      const byNumber = new Map(customers.map((c) => [c.number, c]));
      const ranked = sums
        .filter((row) => byNumber.has(String(row.customerNumber)))
        .map((row) => ({ customer: byNumber.get(String(row.customerNumber))!, orderCount: Number(row.orderCount), cents: cents(row.amount) }))
        .sort((a, b) => b.cents - a.cents || a.customer.number.localeCompare(b.customer.number));
      return {
        rows: ranked.slice(skip, skip + take).map(({ customer, orderCount, cents: amount }) => ({
          customerId: customer.id,
          customerNumber: customer.number,
          customerName: customer.name,
          accountManagerName: customer.accountManagerName,
          orderCount,
          amount: centsText(amount),
        })),
        customers: ranked.length,
        orderCount: ranked.reduce((sum, r) => sum + r.orderCount, 0),
        amount: centsText(ranked.reduce((sum, r) => sum + r.cents, 0)),
      };
    },

    async orderTotal(period) {
      return centsText((await sumsPerCustomer(period)).reduce((sum, row) => sum + cents(row.amount), 0));
    },

    async orderYears() {
      const rows = (await (await request()).query<{ year: unknown }>(queries.orderYears)).recordset;
      return rows.map((row) => Number(row.year)).filter(Number.isInteger).sort((a, b) => b - a);
    },
  };
}
