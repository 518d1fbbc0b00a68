// The customer list with many customers: the count stops at COUNT_LIMIT (said
// on the page), deep pages still answer in order, numbers are searched by their
// beginning, and the detail page counts only the customer's own records.
import { COUNT_LIMIT } from '../../src/shared/paging';
import { numberPrefix } from '../../src/customers/queries';
import { DEEP_PAGE_SKIP, pageOfCustomers } from '../../src/customers/name-pieces';
import { login, startTestApp, TestApp } from '../support/app';
import { createContact, createCustomer, createManyCustomers } from '../support/builders/customers';
import { createStaff } from '../support/builders/users';

let t: TestApp;
beforeAll(async () => {
  t = startTestApp();
  await createStaff(t.db);
  const start = Date.UTC(2024, 0, 1);
  await createManyCustomers(
    t.db,
    Array.from({ length: COUNT_LIMIT + 15 }, (_, i) => ({
      number: `KH20240101${String(i).padStart(5, '0')}`,
      name: `批量客户${i}`,
      createdAt: new Date(start + i * 60_000),
    })),
  );
});
afterAll(() => t.close());

test('more than COUNT_LIMIT customers: 共超过 N 条 on the page, no 末页, and 下一页 leads on in the same order', async () => {
  const session = await login(t.app, 'manager');
  const first = (await session.get('/customers')).text;
  expect(first).toContain(`共超过 ${COUNT_LIMIT} 条`);
  expect(first).toContain('下一页');
  expect(first).not.toContain('末页');
  expect(first).toContain(`批量客户${COUNT_LIMIT + 14}<`);

  // Page 1001 lies beyond the counted matches: still the next ten, newest first.
  const deep = (await session.get('/customers?page=1001')).text;
  expect(deep).toContain('第 1001 页');
  expect(deep).toContain(`批量客户${COUNT_LIMIT + 14 - 10000}<`);
  expect(deep).toContain(`批量客户${COUNT_LIMIT + 14 - 10009}<`);
  expect(deep).toContain('下一页');
  // The last page: not full, so no next one.
  const last = (await session.get('/customers?page=1002')).text;
  expect(last).toContain('批量客户0<');
  expect(last).not.toContain('下一页');
});

test('a search with fewer matches counts exactly again', async () => {
  const session = await login(t.app, 'manager');
  const text = (await session.get(`/customers?name=${encodeURIComponent('批量客户1000')}`)).text;
  expect(text).toContain('共 11 条，第 1/2 页');
});

test('客户编号 is searched by its beginning, case and KH optional', async () => {
  const session = await login(t.app, 'manager');
  for (const query of ['KH2024010100012', 'kh2024010100012', '2024010100012']) {
    const text = (await session.get(`/customers?number=${query}`)).text;
    expect(text).toContain('共 1 条');
    expect(text).toContain('批量客户12<');
  }
  expect((await session.get('/customers?number=KH202401010001')).text).toContain('共 10 条');
  // Not the beginning of a number: nothing, rather than a scan of every number.
  expect((await session.get('/customers?number=0100012')).text).toContain('没有符合条件的客户');
  expect(numberPrefix('KH-1')).toEqual({ in: [] });
  expect(numberPrefix(' kh2024 ')).toEqual({ gte: 'KH2024', lte: 'KH2024'.padEnd(30, 'Z') });
});

test('the detail page counts the contacts of this customer only', async () => {
  const [one, other] = await Promise.all([createCustomer(t.db), createCustomer(t.db)]);
  await createContact(t.db, { customerId: one.id });
  await createContact(t.db, { customerId: other.id });
  await createContact(t.db, { customerId: other.id });
  const session = await login(t.app, 'manager');
  const text = (await session.get(`/customers/${other.id}`)).text;
  expect(text).toContain('>2 位联系人</a>');
  expect(text).toContain('>0 条交往记录</a>');
});

test('a deep page reads its ids first (along the order\'s index), the same customers a plain window gives; a shallow page is the plain window', async () => {
  const orderBy = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
  const where = { name: { startsWith: '批量' } };
  const deepWindow = { skip: DEEP_PAGE_SKIP + 5, take: 10 };
  const deep = await pageOfCustomers(t.db, null, where, orderBy, deepWindow);
  const plain = await t.db.customer.findMany({ where, orderBy, ...deepWindow, select: { id: true } });
  expect(deep).toEqual({ where: { id: { in: plain.map((c) => c.id) } } });
  expect(plain).toHaveLength(10);
  expect(await pageOfCustomers(t.db, null, where, orderBy, { skip: 10, take: 10 })).toEqual({ where, skip: 10, take: 10 });
});
