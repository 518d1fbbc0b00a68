// Choosing the order source from the configuration, the SALES_DB_… settings
// with their default SQL, and the order pages on the mssql source.
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/app';
import { createOrderSource } from '../../src/orders/create-order-source';
import { DEFAULT_SALES_DB_QUERIES } from '../../src/orders/sales-db-queries';
import { login, testConfig } from '../support/app';
import { createCustomer, createOrder } from '../support/builders/customers';
import { createStaff } from '../support/builders/users';
import { freshDb } from '../support/db';
import { fakeSalesDb } from './fake-sales-db';

let db: ReturnType<typeof freshDb>['db'];
let url: string;
beforeAll(() => {
  ({ db, url } = freshDb());
});
afterAll(() => db.$disconnect());

describe('configuration', () => {
  test('by default orders come from the CRM’s own tables, with the default queries at hand', () => {
    const config = loadConfig({});
    expect(config.orderSource).toBe('crm');
    expect(config.salesDbUrl).toBeUndefined();
    expect(config.salesDbQueries).toEqual(DEFAULT_SALES_DB_QUERIES);
  });

  test('ORDER_SOURCE=mssql with SALES_DB_URL and any query replaced; a blank query keeps its default', () => {
    const config = loadConfig({
      ORDER_SOURCE: 'mssql',
      SALES_DB_URL: 'Server=sales,1433;Database=Sales;User Id=crm;Password=x',
      SALES_DB_ORDERS_QUERY: 'SELECT * FROM v_crm_orders WHERE kh = @customerNumber',
      SALES_DB_ORDER_COUNT_QUERY: 'SELECT COUNT(*) AS total FROM v_crm_orders WHERE kh = @customerNumber',
      SALES_DB_ORDER_QUERY: 'SELECT * FROM v_crm_orders WHERE id = @orderId',
      SALES_DB_ORDER_LINES_QUERY: 'SELECT * FROM v_crm_lines WHERE id = @orderId',
      SALES_DB_LAST_ORDER_QUERY: '  ',
      SALES_DB_CONTRIBUTION_QUERY:
        'SELECT kh AS customerNumber, COUNT(*) AS orderCount, SUM(je) AS amount FROM v_crm_orders WHERE rq >= @from AND rq < @to GROUP BY kh',
    });
    expect(config.orderSource).toBe('mssql');
    expect(config.salesDbUrl).toBe('Server=sales,1433;Database=Sales;User Id=crm;Password=x');
    expect(config.salesDbQueries).toEqual({
      orders: 'SELECT * FROM v_crm_orders WHERE kh = @customerNumber',
      orderCount: 'SELECT COUNT(*) AS total FROM v_crm_orders WHERE kh = @customerNumber',
      order: 'SELECT * FROM v_crm_orders WHERE id = @orderId',
      orderLines: 'SELECT * FROM v_crm_lines WHERE id = @orderId',
      lastOrders: DEFAULT_SALES_DB_QUERIES.lastOrders,
      contribution: 'SELECT kh AS customerNumber, COUNT(*) AS orderCount, SUM(je) AS amount FROM v_crm_orders WHERE rq >= @from AND rq < @to GROUP BY kh',
      orderYears: DEFAULT_SALES_DB_QUERIES.orderYears,
    });
  });

  test('the default SQL takes its values as parameters and counts only statuses 5 and 6', () => {
    const q = DEFAULT_SALES_DB_QUERIES;
    expect(q.orderCount).toContain('@customerNumber');
    expect(q.orders).toMatch(/@customerNumber[\s\S]*ORDER BY o\.OrderDate DESC[\s\S]*@skip[\s\S]*@take/);
    expect(q.order).toMatch(/@orderId[\s\S]*@customerNumber/);
    expect(q.orderLines).toContain('@orderId');
    expect(q.contribution).toMatch(/@from[\s\S]*@to[\s\S]*GROUP BY o\.CustomerNo/);
    for (const sql of [q.orderCount, q.orders, q.order, q.lastOrders, q.contribution, q.orderYears]) {
      expect(sql).toContain('o.Status IN (5, 6)');
    }
    for (const sql of Object.values(q)) expect(sql).not.toMatch(/\$\{|'/);
  });
});

describe('createOrderSource', () => {
  test('crm: reads the CRM’s tables and never connects to a sales system', async () => {
    const fake = fakeSalesDb();
    const customer = await createCustomer(db);
    const order = await createOrder(db, { customerId: customer.id, date: new Date('2024-02-02T10:00:00') });
    const source = createOrderSource(loadConfig({ SALES_DB_URL: 'Server=x' }), db, { connect: fake.connect });
    expect((await source.listOrders(customer, { skip: 0, take: 10 })).items.map((o) => o.number)).toEqual([order.number]);
    expect(fake.connections).toEqual([]);
  });

  test('mssql without SALES_DB_URL is a configuration error', () => {
    expect(() => createOrderSource(loadConfig({ ORDER_SOURCE: 'mssql' }), db)).toThrow('SALES_DB_URL');
  });

  test('mssql: the order pages show what the sales system returns for the customer’s 客户编号', async () => {
    await createStaff(db);
    const customer = await createCustomer(db, { number: 'KH20240301007', accountManagerId: null });
    const fake = fakeSalesDb(({ sql }) => {
      if (sql === DEFAULT_SALES_DB_QUERIES.orderCount) return [{ total: 1 }];
      if (sql === DEFAULT_SALES_DB_QUERIES.orders || sql === DEFAULT_SALES_DB_QUERIES.order) {
        return [{ id: 88, number: 'XS-0088', date: new Date('2024-04-04T10:00:00'), address: '销售系统里的地址', status: 6 }];
      }
      return [{ productName: '销售系统的商品', quantity: 4, unit: '件', price: 2.5, amount: 10 }];
    });
    const config = testConfig(url, { orderSource: 'mssql', salesDbUrl: 'Server=sales-db;Database=Sales' });
    const app = createApp({ db, config, orderSource: createOrderSource(config, db, { connect: fake.connect }) });
    const session = await login(app, 'manager');

    const list = await session.get(`/customers/${customer.id}/orders`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('XS-0088');
    expect(list.text).toContain('销售系统里的地址');
    expect(list.text).toContain('已回款');
    const one = await session.get(`/customers/${customer.id}/orders/88`);
    expect(one.text).toContain('销售系统的商品');
    expect(one.text).toMatch(/class="number order-total">10.00</);
    expect(fake.connections).toEqual(['Server=sales-db;Database=Sales']);
    expect(fake.calls.every((c) => c.inputs.customerNumber?.value === 'KH20240301007')).toBe(true);
  });

  test('mssql: 客户贡献分析 ranks the CRM’s customers by the sums of the sales system', async () => {
    const known = await createCustomer(db, { name: '销售系统大客户', number: 'KH20240501001' });
    const fake = fakeSalesDb(({ sql }) => {
      if (sql === DEFAULT_SALES_DB_QUERIES.orderYears) return [{ year: 2024 }, { year: 2025 }];
      if (sql !== DEFAULT_SALES_DB_QUERIES.contribution) return [];
      return [
        { customerNumber: 'KH20240501001', orderCount: 3, amount: '12345.60' },
        // A number the CRM does not know is left out.
        { customerNumber: 'KH19990101999', orderCount: 1, amount: 99999 },
      ];
    });
    const config = testConfig(url, { orderSource: 'mssql', salesDbUrl: 'Server=sales-db;Database=Sales' });
    const app = createApp({ db, config, orderSource: createOrderSource(config, db, { connect: fake.connect }) });
    const res = await (await login(app, 'manager')).get('/reports/contribution?year=2025');
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<a href="/customers/${known.id}">销售系统大客户</a>`);
    expect(res.text).toContain('12,345.60');
    expect(res.text).not.toContain('99,999');
    expect(res.text).toMatch(/<option value="2025" selected>2025 年<\/option>/);
    const call = fake.calls.find((c) => c.sql === DEFAULT_SALES_DB_QUERIES.contribution)!;
    expect(call.inputs.from.value).toEqual(new Date(2025, 0, 1));
    expect(call.inputs.to.value).toEqual(new Date(2026, 0, 1));
  });
});
