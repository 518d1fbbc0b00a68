// The SQL the mssql order source runs against the company's sales system. Each
// is configurable (the sales system's tables are the administrator's to know);
// the defaults read a plain Orders/OrderLines schema, documented in CONTEXT.md.
// Every value reaches SQL Server as a parameter (@customerNumber, @orderId,
// @skip, @take, @from, @to), never inside the text. The column aliases are what the CRM reads.

import { COUNTED_ORDER_STATUSES } from './order-source';

export interface SalesDbQueries {
  /** @customerNumber → one row: total (counted orders of the customer) */
  orderCount: string;
  /** @customerNumber, @skip, @take → id, number, date, address, status; newest first */
  orders: string;
  /** @customerNumber, @orderId → the order's id, number, date, address, status, if counted and the customer's */
  order: string;
  /** @customerNumber, @orderId → productName, quantity, unit, price, amount per line */
  orderLines: string;
  /** no parameters → customerNumber, lastOrderDate: the last counted order of every customer */
  lastOrders: string;
  /** @from, @to (order dates from ≤ date < to) → customerNumber, orderCount, amount: counted orders per customer */
  contribution: string;
  /** no parameters → year: every year with counted orders */
  orderYears: string;
}

const ORDER_COLUMNS =
  'o.OrderId AS [id], o.OrderNo AS [number], o.OrderDate AS [date], o.DeliveryAddress AS [address], o.Status AS [status]';

/** Only orders with status 5 (已发货) or 6 (已回款) count: every default query says so. */
const COUNTED = `o.Status IN (${COUNTED_ORDER_STATUSES.join(', ')})`;

export const DEFAULT_SALES_DB_QUERIES: SalesDbQueries = {
  orderCount: `SELECT COUNT(*) AS [total] FROM dbo.Orders o WHERE o.CustomerNo = @customerNumber AND ${COUNTED}`,
  orders:
    `SELECT ${ORDER_COLUMNS} FROM dbo.Orders o WHERE o.CustomerNo = @customerNumber AND ${COUNTED} ` +
    'ORDER BY o.OrderDate DESC, o.OrderId DESC OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY',
  order:
    `SELECT ${ORDER_COLUMNS} FROM dbo.Orders o ` +
    `WHERE o.OrderId = TRY_CONVERT(int, @orderId) AND o.CustomerNo = @customerNumber AND ${COUNTED}`,
  orderLines:
    'SELECT l.ProductName AS [productName], l.Quantity AS [quantity], l.Unit AS [unit], ' +
    'l.UnitPrice AS [price], l.Amount AS [amount] FROM dbo.OrderLines l ' +
    'WHERE l.OrderId = TRY_CONVERT(int, @orderId) ORDER BY l.LineId',
  lastOrders:
    'SELECT o.CustomerNo AS [customerNumber], MAX(o.OrderDate) AS [lastOrderDate] ' +
    `FROM dbo.Orders o WHERE ${COUNTED} ` +
    'AND o.CustomerNo IN (SELECT [value] FROM OPENJSON(@customerNumbers)) GROUP BY o.CustomerNo',
  contribution:
    'SELECT o.CustomerNo AS [customerNumber], COUNT(*) AS [orderCount], COALESCE(SUM(t.Amount), 0) AS [amount] ' +
    'FROM dbo.Orders o OUTER APPLY (SELECT SUM(l.Amount) AS Amount FROM dbo.OrderLines l WHERE l.OrderId = o.OrderId) t ' +
    `WHERE ${COUNTED} AND o.OrderDate >= @from AND o.OrderDate < @to GROUP BY o.CustomerNo`,
  orderYears: `SELECT DISTINCT YEAR(o.OrderDate) AS [year] FROM dbo.Orders o WHERE ${COUNTED}`,
};

/** The queries from the environment (SALES_DB_…_QUERY), each defaulting to the above. */
export function salesDbQueriesFrom(env: NodeJS.ProcessEnv): SalesDbQueries {
  const pick = (name: string, fallback: string) => env[name]?.trim() || fallback;
  const d = DEFAULT_SALES_DB_QUERIES;
  return {
    orderCount: pick('SALES_DB_ORDER_COUNT_QUERY', d.orderCount),
    orders: pick('SALES_DB_ORDERS_QUERY', d.orders),
    order: pick('SALES_DB_ORDER_QUERY', d.order),
    orderLines: pick('SALES_DB_ORDER_LINES_QUERY', d.orderLines),
    lastOrders: pick('SALES_DB_LAST_ORDER_QUERY', d.lastOrders),
    contribution: pick('SALES_DB_CONTRIBUTION_QUERY', d.contribution),
    orderYears: pick('SALES_DB_ORDER_YEARS_QUERY', d.orderYears),
  };
}
