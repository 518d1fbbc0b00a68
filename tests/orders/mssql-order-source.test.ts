// The mssql order source against a fake connection: the configured SQL is run
// as it is, every value goes in as a typed parameter (never into the SQL), rows
// become orders, totals are exact, and the pool is made once, when first needed.
import { DateTime2, Int, NVarChar } from 'mssql';
import { mssqlOrderSource } from '../../src/orders/mssql-order-source';
import type { CustomerDirectory } from '../../src/orders/order-source';
import { salesDbQueriesFrom, type SalesDbQueries } from '../../src/orders/sales-db-queries';
import { fakeSalesDb, SalesDbCall } from './fake-sales-db';

const QUERIES: SalesDbQueries = {
  orderCount: 'SELECT COUNT(*) AS total FROM Sales.Orders WHERE Cust = @customerNumber AND St IN (5,6)',
  orders: 'SELECT … FROM Sales.Orders WHERE Cust = @customerNumber ORDER BY Dt DESC OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY',
  order: 'SELECT … FROM Sales.Orders WHERE Id = @orderId AND Cust = @customerNumber',
  orderLines: 'SELECT … FROM Sales.Lines WHERE OrderId = @orderId',
  lastOrders: 'SELECT Cust AS customerNumber, MAX(Dt) AS lastOrderDate FROM Sales.Orders GROUP BY Cust',
  contribution: 'SELECT Cust AS customerNumber, COUNT(*) AS orderCount, SUM(Amt) AS amount FROM Sales.Orders WHERE Dt >= @from AND Dt < @to GROUP BY Cust',
  orderYears: 'SELECT DISTINCT YEAR(Dt) AS year FROM Sales.Orders',
};
const CONNECTION = 'Server=sales-db,1433;Database=Sales;User Id=crm_reader;Password=secret;Encrypt=true';
const customer = { id: 42, number: "KH20240101001'; DROP TABLE Orders; --" };

function sourceWith(answer: (call: SalesDbCall) => unknown[]) {
  const fake = fakeSalesDb(answer);
  return { fake, source: mssqlOrderSource({ connectionString: CONNECTION, queries: QUERIES }, fake.connect) };
}

/** No value reached the SQL text: each call ran one of the configured queries verbatim. */
function expectParameterised(calls: SalesDbCall[]) {
  const configured = Object.values(QUERIES);
  for (const call of calls) {
    expect(configured).toContain(call.sql);
    expect(call.sql).not.toContain('KH2024');
  }
}

describe('listOrders', () => {
  test('counts and reads the page with the customer number, skip and take as typed parameters', async () => {
    const { fake, source } = sourceWith(({ sql }) =>
      sql === QUERIES.orderCount
        ? [{ total: 23 }]
        : [
            { id: 1001, number: 'XS-1001', date: new Date('2024-05-01T09:30:00'), address: '上海市浦东新区 8 号', status: 6 },
            { id: 'A-7', number: 'XS-0007', date: '2024-03-01T00:00:00', address: null, status: '5' },
          ],
    );
    const result = await source.listOrders(customer, { skip: 10, take: 10 });

    expect(result.total).toBe(23);
    expect(result.items).toEqual([
      { id: '1001', number: 'XS-1001', date: new Date('2024-05-01T09:30:00'), address: '上海市浦东新区 8 号', status: 6 },
      { id: 'A-7', number: 'XS-0007', date: new Date('2024-03-01T00:00:00'), address: null, status: 5 },
    ]);
    expect(fake.calls.map((c) => c.sql).sort()).toEqual([QUERIES.orderCount, QUERIES.orders].sort());
    const count = fake.calls.find((c) => c.sql === QUERIES.orderCount)!;
    expect(count.inputs).toEqual({ customerNumber: { type: NVarChar(30), value: customer.number } });
    const page = fake.calls.find((c) => c.sql === QUERIES.orders)!;
    expect(page.inputs).toEqual({
      customerNumber: { type: NVarChar(30), value: customer.number },
      skip: { type: Int, value: 10 },
      take: { type: Int, value: 10 },
    });
    expectParameterised(fake.calls);
  });

  test('no counted orders: an empty page', async () => {
    const { source } = sourceWith(({ sql }) => (sql === QUERIES.orderCount ? [{ total: 0 }] : []));
    expect(await source.listOrders(customer, { skip: 0, take: 10 })).toEqual({ total: 0, items: [] });
  });

  test('a date the sales system cannot give is an error, not a wrong page', async () => {
    const { source } = sourceWith(({ sql }) =>
      sql === QUERIES.orderCount ? [{ total: 1 }] : [{ id: 1, number: 'X', date: 'not a date', address: null, status: 5 }],
    );
    await expect(source.listOrders(customer, { skip: 0, take: 10 })).rejects.toThrow('无效的日期');
  });
});

describe('getOrder', () => {
  const header = { id: 1001, number: 'XS-1001', date: new Date('2024-05-01T09:30:00'), address: '上海', status: 5 };

  test('reads the order and its lines with the customer number and the order id as parameters; the total is exact', async () => {
    const { fake, source } = sourceWith(({ sql }) =>
      sql === QUERIES.order
        ? [header]
        : [
            // mssql returns DECIMAL as a JavaScript number
            { productName: '硒鼓', quantity: 1, unit: '个', price: 0.1, amount: 0.1 },
            { productName: '打印纸', quantity: 1, unit: null, price: 0.2, amount: 0.2 },
            { productName: '激光打印机', quantity: 3, unit: '台', price: '1999.9', amount: '5999.70' },
          ],
    );
    const detail = await source.getOrder(customer, '1001');

    expect(detail).toEqual({
      order: { id: '1001', number: 'XS-1001', date: header.date, address: '上海', status: 5 },
      lines: [
        { productName: '硒鼓', quantity: 1, unit: '个', price: '0.10', amount: '0.10' },
        { productName: '打印纸', quantity: 1, unit: null, price: '0.20', amount: '0.20' },
        { productName: '激光打印机', quantity: 3, unit: '台', price: '1999.90', amount: '5999.70' },
      ],
      total: '6000.00',
    });
    expect(fake.calls.map((c) => c.sql)).toEqual([QUERIES.order, QUERIES.orderLines]);
    for (const call of fake.calls) {
      expect(call.inputs).toEqual({
        customerNumber: { type: NVarChar(30), value: customer.number },
        orderId: { type: NVarChar(50), value: '1001' },
      });
    }
    expectParameterised(fake.calls);
  });

  test('an id that is no sales-system key is not even asked for', async () => {
    const { fake, source } = sourceWith(() => [header]);
    for (const id of ['1 OR 1=1', "1'--", '', 'x'.repeat(51)]) expect(await source.getOrder(customer, id)).toBeNull();
    expect(fake.calls).toEqual([]);
    expect(fake.connections).toEqual([]);
  });

  test('an order the query does not find, or one still in progress, is not shown; its lines are not read', async () => {
    const none = sourceWith(() => []);
    expect(await none.source.getOrder(customer, '1')).toBeNull();
    expect(none.fake.calls.map((c) => c.sql)).toEqual([QUERIES.order]);
    const open = sourceWith(({ sql }) => (sql === QUERIES.order ? [{ ...header, status: 3 }] : []));
    expect(await open.source.getOrder(customer, '1')).toBeNull();
    expect(open.fake.calls.map((c) => c.sql)).toEqual([QUERIES.order]);
  });
});

describe('lastOrderDates', () => {
  test('one query per batch, its customers’ numbers as one JSON parameter; the dates are matched to the CRM’s customers by 客户编号', async () => {
    const { fake, source } = sourceWith(() => [
      { customerNumber: 'KH001', lastOrderDate: new Date('2024-01-02T03:04:05') },
      { customerNumber: 'KH002', lastOrderDate: '2023-06-30T00:00:00' },
      { customerNumber: 'KH999', lastOrderDate: new Date('2024-01-01') },
      { customerNumber: 'KH003', lastOrderDate: null },
    ]);
    const dates = await source.lastOrderDates([
      { id: 1, number: 'KH001' },
      { id: 2, number: 'KH002' },
      { id: 3, number: 'KH003' },
      { id: 4, number: 'KH004' },
    ]);
    expect(dates).toEqual(
      new Map([
        [1, new Date('2024-01-02T03:04:05')],
        [2, new Date('2023-06-30T00:00:00')],
      ]),
    );
    expect(fake.calls).toEqual([
      { sql: QUERIES.lastOrders, inputs: { customerNumbers: { type: expect.anything(), value: '["KH001","KH002","KH003","KH004"]' } } },
    ]);
    // The default query reads only the batch's customers; a configured one without the parameter still works.
    expect(salesDbQueriesFrom({}).lastOrders).toContain('IN (SELECT [value] FROM OPENJSON(@customerNumbers))');
  });
});

describe('the connection', () => {
  test('is made when first needed, once, with the configured connection string', async () => {
    const { fake, source } = sourceWith(() => []);
    expect(fake.connections).toEqual([]);
    await source.lastOrderDates([]);
    await source.getOrder(customer, '5');
    await source.listOrders(customer, { skip: 0, take: 10 });
    expect(fake.connections).toEqual([CONNECTION]);
  });

  test('a failed connection fails the request and is tried again on the next one', async () => {
    const { fake, source } = sourceWith(() => []);
    fake.failNext(1);
    await expect(source.lastOrderDates([])).rejects.toThrow('Failed to connect');
    expect(await source.lastOrderDates([])).toEqual(new Map());
    expect(fake.connections).toEqual([CONNECTION, CONNECTION]);
  });
});

describe('contribution (客户贡献分析)', () => {
  const customers = [
    { id: 1, number: 'KH001', name: '甲公司', accountManagerName: '李明' },
    { id: 2, number: 'KH002', name: '乙公司', accountManagerName: null },
    { id: 3, number: 'KH003', name: '丙公司', accountManagerName: '张伟' },
  ];
  const sums = [
    { customerNumber: 'KH001', orderCount: 2, amount: 1250.5 },
    { customerNumber: 'KH002', orderCount: '1', amount: '3000.00' },
    { customerNumber: 'KH003', orderCount: 4, amount: '1250.50' },
    { customerNumber: 'KH404', orderCount: 9, amount: '9999.99' },
  ];

  function contributionSource(directory: CustomerDirectory = async () => customers) {
    const fake = fakeSalesDb(({ sql }) => (sql === QUERIES.contribution ? sums : [{ year: 2024 }, { year: 2026 }, { year: 2025 }]));
    const source = mssqlOrderSource({ connectionString: CONNECTION, queries: QUERIES, customers: directory }, fake.connect);
    return { fake, source };
  }

  test('the configured query with the period as typed parameters; the CRM’s customers ranked by amount, then 客户编号', async () => {
    const { fake, source } = contributionSource();
    const period = { from: new Date(2025, 0, 1), to: new Date(2026, 0, 1) };
    const result = await source.contribution({ customerName: null, period, skip: 0, take: 2 });
    expect(result.rows).toEqual([
      { customerId: 2, customerNumber: 'KH002', customerName: '乙公司', accountManagerName: null, orderCount: 1, amount: '3000.00' },
      { customerId: 1, customerNumber: 'KH001', customerName: '甲公司', accountManagerName: '李明', orderCount: 2, amount: '1250.50' },
    ]);
    // Totals over every known customer, not only the window; KH404 is no customer of the CRM.
    expect(result).toMatchObject({ customers: 3, orderCount: 7, amount: '5501.00' });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0].sql).toBe(QUERIES.contribution);
    expect(fake.calls[0].inputs).toEqual({ from: { type: DateTime2, value: period.from }, to: { type: DateTime2, value: period.to } });
    const next = await source.contribution({ customerName: null, period, skip: 2, take: 2 });
    expect(next.rows.map((r) => r.customerNumber)).toEqual(['KH003']);
  });

  test('all years: the widest period; the name filter is the CRM’s', async () => {
    const asked: (string | null)[] = [];
    const { fake, source } = contributionSource(async (name) => {
      asked.push(name);
      return customers.filter((c) => c.name.includes(name ?? ''));
    });
    const result = await source.contribution({ customerName: '丙', period: null, skip: 0, take: 10 });
    expect(asked).toEqual(['丙']);
    expect(result.rows.map((r) => r.customerName)).toEqual(['丙公司']);
    expect(fake.calls[0].inputs.from.value).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(fake.calls[0].inputs.to.value).toEqual(new Date(Date.UTC(9999, 11, 31)));
    expectParameterised(fake.calls);
  });

  test('the total of a period: every row of the sales system, known customer or not', async () => {
    const { fake, source } = contributionSource();
    expect(await source.orderTotal({ from: new Date(2025, 0, 1), to: new Date(2025, 6, 1) })).toBe('15500.99');
    expect(fake.calls[0].inputs.to).toEqual({ type: DateTime2, value: new Date(2025, 6, 1) });
  });

  test('the years with orders, latest first', async () => {
    const { source } = contributionSource();
    expect(await source.orderYears()).toEqual([2026, 2025, 2024]);
  });
});
