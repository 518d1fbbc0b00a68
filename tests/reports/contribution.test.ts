// 客户贡献分析 on the CRM's own tables: amounts per customer from counted orders
// only, highest first, the year filter, the name filter, paging with a total row
// over the whole filter, bad filter values, and who may see it.
import { login, startTestApp, TestApp } from '../support/app';
import { createCustomer, createOrder } from '../support/builders/customers';
import { createStaff } from '../support/builders/users';
import { expectRefused, tableRows, totalRow } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;

const day = (year: number, month: number) => new Date(year, month - 1, 15, 10, 30);
const line = (price: string, quantity = 1) => ({ productName: '服务器', quantity, price });

beforeAll(async () => {
  t = startTestApp();
  staff = await createStaff(t.db);
  const a = await createCustomer(t.db, { name: '甲方科技公司', number: 'KH20240101001', accountManagerId: staff.sales.id });
  const b = await createCustomer(t.db, { name: '乙方贸易公司', number: 'KH20240101002', accountManagerId: staff.otherSales.id });
  const c = await createCustomer(t.db, { name: '丙丁商行', number: 'KH20240101003' });
  const d = await createCustomer(t.db, { name: '戊己公司', number: 'KH20240101004' });
  await createOrder(t.db, { customerId: a.id, date: day(2025, 3), lines: [line('500.00', 2)] });
  await createOrder(t.db, { customerId: a.id, date: day(2025, 11), status: 6, lines: [line('200.25', 1), line('50.25', 1)] });
  await createOrder(t.db, { customerId: a.id, date: day(2024, 6), lines: [line('5000.00')] });
  await createOrder(t.db, { customerId: b.id, date: day(2025, 7), lines: [line('1500.00', 2)] });
  await createOrder(t.db, { customerId: c.id, date: day(2025, 1), status: 6, lines: [line('99.99')] });
  // Orders in progress (status 1–4) never count.
  await createOrder(t.db, { customerId: d.id, date: day(2025, 2), status: 3, lines: [line('8000.00')] });
  await createOrder(t.db, { customerId: b.id, date: day(2025, 2), status: 4, lines: [line('7000.00')] });
  // Twelve customers of 2023, for paging: 10.00, 20.00 … 120.00.
  for (let i = 1; i <= 12; i++) {
    const customer = await createCustomer(t.db, { name: `翻页客户${String(i).padStart(2, '0')}`, number: `KH20230101${String(i).padStart(3, '0')}` });
    await createOrder(t.db, { customerId: customer.id, date: day(2023, 5), lines: [line(`${i * 10}.00`)] });
  }
});
afterAll(() => t.close());

describe('the page', () => {
  test('a year: customers ranked by the amount of their counted orders, with order counts and the total row', async () => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get('/reports/contribution?year=2025');
    expect(res.status).toBe(200);
    expect(tableRows(res.text)).toEqual([
      '1|KH20240101002|乙方贸易公司|张伟|1|3,000.00',
      '2|KH20240101001|甲方科技公司|李明|2|1,250.50',
      '3|KH20240101003|丙丁商行||1|99.99',
    ]);
    expect(totalRow(res.text)).toBe('合计（3 个客户）|4|4,350.49');
    expect(res.text).not.toContain('戊己公司');
  });

  test('all years add up every counted order of a customer', async () => {
    const manager = await login(t.app, 'manager');
    const res = await manager.get('/reports/contribution?customerName=公司');
    expect(tableRows(res.text)).toEqual([
      '1|KH20240101001|甲方科技公司|李明|3|6,250.50',
      '2|KH20240101002|乙方贸易公司|张伟|1|3,000.00',
    ]);
    expect(totalRow(res.text)).toBe('合计（2 个客户）|4|9,250.50');
  });

  test('the year choices are the years with counted orders, and the chosen one stays selected', async () => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get('/reports/contribution?year=2024');
    expect(res.text).toContain('<label for="s-year">年份</label>');
    const options = [...res.text.matchAll(/<option value="(\d*)"( selected)?>/g)].map((m) => m[1] + (m[2] ? '*' : ''));
    expect(options).toEqual(['', '2025', '2024*', '2023']);
    expect(tableRows(res.text)).toEqual(['1|KH20240101001|甲方科技公司|李明|1|5,000.00']);
  });

  test('pages of ten, ranks going on, and the total row over every page', async () => {
    const boss = await login(t.app, 'boss');
    const first = await boss.get('/reports/contribution?year=2023');
    const rows = tableRows(first.text);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toBe('1|KH20230101012|翻页客户12||1|120.00');
    expect(rows[9]).toBe('10|KH20230101003|翻页客户03||1|30.00');
    expect(first.text).toContain('共 12 条，第 1/2 页');
    const second = await boss.get('/reports/contribution?year=2023&page=2');
    expect(tableRows(second.text)).toEqual(['11|KH20230101002|翻页客户02||1|20.00', '12|KH20230101001|翻页客户01||1|10.00']);
    expect(totalRow(second.text)).toBe('合计（12 个客户）|12|780.00');
    // The chart shows the top 10 on every page.
    expect(second.text).toContain('翻页客户12');
  });

  test('a page past the last: no rows, no error', async () => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get('/reports/contribution?year=2023&page=9');
    expect(res.status).toBe(200);
    expect(tableRows(res.text)).toEqual([]);
    expect(res.text).toContain('没有符合条件的订单。');
  });

  test('the chart: one bar per customer of the top ten, named', async () => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get('/reports/contribution?year=2025');
    const svg = /<svg[\s\S]*<\/svg>/.exec(res.text)![0];
    expect(svg).toContain('乙方贸易公司');
    expect(svg.match(/fill="#2f6fb0"/g)).toHaveLength(3);
  });

  test('a year without orders: no rows, a plain message, no chart', async () => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get('/reports/contribution?year=2019');
    expect(res.status).toBe(200);
    expect(res.text).toContain('没有符合条件的订单。');
    expect(res.text).not.toContain('<svg');
  });

  test.each([
    ['year=abc', '年份必须是数字'],
    ['year=20255', '年份必须是 1900–9999 的整数'],
    ['year=2025&year=2024', '年份必须是数字'],
  ])('a bad filter (%s) gets a message and an empty result', async (query, message) => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get(`/reports/contribution?${query}`);
    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(tableRows(res.text)).toEqual([]);
    const csv = await boss.get(`/reports/contribution.csv?${query}`);
    expect(csv.status).toBe(422);
    expect(csv.text).toContain(message);
  });

  test('a name with LIKE wildcards is taken literally', async () => {
    const boss = await login(t.app, 'boss');
    for (const name of ['%', '_', '[']) {
      const res = await boss.get(`/reports/contribution?customerName=${encodeURIComponent(name)}`);
      expect([name, res.status, tableRows(res.text)]).toEqual([name, 200, []]);
    }
  });
});

test('sales and admin are refused the page and both exports; without login, the login page', async () => {
  await expectRefused(t, '/reports/contribution');
});
