// 历史订单 through the app: only counted orders (5 已发货, 6 已回款), newest
// first, paged; an order's lines and exact total; and that the pages read the
// order source the app was given.
import request from 'supertest';
import { createApp } from '../../src/app';
import type { OrderSource } from '../../src/orders/order-source';
import { login, startTestApp, TestApp, testConfig } from '../support/app';
import { createCustomer, createOrder } from '../support/builders/customers';
import { freshDb } from '../support/db';
import { createStaff } from '../support/builders/users';
import { customerStaff } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof customerStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await customerStaff(t);
});
afterAll(() => t.close());

const day = (text: string) => new Date(`${text}T10:00:00`);
const ordersPath = (id: number) => `/customers/${id}/orders`;

describe('the list', () => {
  test('only 已发货 and 已回款 orders, newest first, with number, date, address and status', async () => {
    const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id });
    const shipped = await createOrder(t.db, { customerId: customer.id, date: day('2024-03-01'), status: 5, address: '天津市和平区 1 号' });
    const paid = await createOrder(t.db, { customerId: customer.id, date: day('2024-05-01'), status: 6 });
    const hidden = await Promise.all(
      [1, 2, 3, 4].map((status) => createOrder(t.db, { customerId: customer.id, date: day('2024-06-01'), status })),
    );
    const other = await createOrder(t.db, { customerId: staff.theirs.id, date: day('2024-04-01') });

    const res = await (await login(t.app, 'sales2')).get(ordersPath(customer.id));
    expect(res.status).toBe(200);
    expect(res.text).toContain('共 2 条');
    expect(res.text.indexOf(paid.number)).toBeGreaterThan(0);
    expect(res.text.indexOf(paid.number)).toBeLessThan(res.text.indexOf(shipped.number));
    for (const text of ['2024-03-01', '天津市和平区 1 号', '已发货', '已回款']) expect(res.text).toContain(text);
    for (const order of [...hidden, other]) expect(res.text).not.toContain(order.number);
    expect(res.text).toContain(`href="${ordersPath(customer.id)}/${paid.id}"`);
  });

  test('ten a page', async () => {
    const customer = await createCustomer(t.db);
    for (let i = 1; i <= 12; i += 1) {
      await createOrder(t.db, { customerId: customer.id, date: day(`2023-01-${String(i).padStart(2, '0')}`), number: `FENYE${String(i).padStart(2, '0')}` });
    }
    const session = await login(t.app, 'manager');
    const first = (await session.get(ordersPath(customer.id))).text;
    expect(first).toContain('共 12 条，第 1/2 页');
    expect(first).toContain('FENYE12');
    expect(first).toContain('FENYE03');
    expect(first).not.toContain('FENYE02');
    const second = (await session.get(`${ordersPath(customer.id)}?page=2`)).text;
    expect(second).toContain('FENYE02');
    expect(second).toContain('FENYE01');
    expect(second).not.toContain('FENYE03');
  });

  test('a customer without counted orders says so; 已流失 customers keep their history', async () => {
    const res = await (await login(t.app, 'sales1')).get(ordersPath(staff.churned.id));
    expect(res.status).toBe(200);
    expect(res.text).toContain('该客户没有已发货或已回款的订单');
  });
});

describe('one order', () => {
  test('its lines (product, quantity, unit, price, amount) and the exact total', async () => {
    const order = await createOrder(t.db, {
      customerId: staff.mine.id,
      date: day('2024-02-02'),
      status: 6,
      lines: [
        { productName: '激光打印机', quantity: 3, unit: '台', price: '1999.99' },
        { productName: '硒鼓', quantity: 7, unit: '个', price: '0.10' },
        { productName: '打印纸', quantity: 2, unit: '箱', price: '0.20' },
      ],
    });
    const res = await (await login(t.app, 'boss')).get(`${ordersPath(staff.mine.id)}/${order.id}`);
    expect(res.status).toBe(200);
    for (const text of [order.number, '2024-02-02', '已回款', '激光打印机', '硒鼓', '打印纸', '个', '箱', '1,999.99', '5,999.97', '0.70', '0.40']) {
      expect(res.text).toContain(text);
    }
    // 5999.97 + 0.70 + 0.40, without floating-point error
    expect(res.text).toMatch(/class="number order-total">6,001.07</);
  });

  test('an order in progress, of another customer, or unknown is not found', async () => {
    const open = await createOrder(t.db, { customerId: staff.mine.id, date: day('2024-02-03'), status: 4 });
    const theirs = await createOrder(t.db, { customerId: staff.theirs.id, date: day('2024-02-03') });
    const session = await login(t.app, 'sales1');
    for (const path of [`${ordersPath(staff.mine.id)}/${open.id}`, `${ordersPath(staff.mine.id)}/${theirs.id}`, `${ordersPath(staff.mine.id)}/999999`, `${ordersPath(staff.mine.id)}/abc`, `${ordersPath(staff.mine.id)}/1%27%20OR%201%3D1`]) {
      const res = await session.get(path);
      expect(res.status).toBe(404);
    }
  });

  test('the administrator may not see orders: 403', async () => {
    const session = await login(t.app, 'admin');
    expect((await session.get(ordersPath(staff.mine.id))).status).toBe(403);
  });
});

test('the pages read the order source given to the app, keyed by the customer', async () => {
  const { db, url } = freshDb();
  await createStaff(db);
  const customer = await createCustomer(db, { number: 'KH20240101001' });
  const asked: string[] = [];
  const source: OrderSource = {
    async listOrders(key, window) {
      asked.push(`list ${key.number} ${window.skip}/${window.take}`);
      return { total: 1, items: [{ id: 'SO-9', number: 'XS0009', date: new Date('2024-01-05T08:00:00'), address: '销售系统的地址', status: 5 }] };
    },
    async getOrder(key, id) {
      asked.push(`order ${key.number} ${id}`);
      return {
        order: { id, number: 'XS0009', date: new Date('2024-01-05T08:00:00'), address: null, status: 5 },
        lines: [{ productName: '来自销售系统的商品', quantity: 1, unit: null, price: '9.90', amount: '9.90' }],
        total: '9.90',
      };
    },
    lastOrderDates: async () => new Map(),
    contribution: async () => ({ rows: [], customers: 0, orderCount: 0, amount: '0.00' }),
    orderTotal: async () => '0.00',
    orderYears: async () => [],
  };
  const app = createApp({ db, config: testConfig(url), orderSource: source });
  try {
    const session = await login(app, 'sales1');
    const list = await session.get(`/customers/${customer.id}/orders`);
    expect(list.text).toContain('销售系统的地址');
    expect(list.text).toContain(`href="/customers/${customer.id}/orders/SO-9"`);
    const one = await session.get(`/customers/${customer.id}/orders/SO-9`);
    expect(one.text).toContain('来自销售系统的商品');
    expect(asked).toEqual(['list KH20240101001 0/10', 'order KH20240101001 SO-9']);
    expect((await request(app).get(`/customers/${customer.id}/orders`).set('Accept', 'text/html')).headers.location).toBe('/login');
  } finally {
    await db.$disconnect();
  }
});
