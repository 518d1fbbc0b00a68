// The job's work on a database: which customers get a warning, what it holds,
// idempotence, and a constant number of queries whatever the number of customers.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient as SqliteClient } from '../../src/generated/sqlite/client';
import { sqliteFile, type Db } from '../../src/db/client';
import { INSERTED_AT_ONCE, raiseChurnWarnings } from '../../src/churn/warnings';
import { crmOrderSource } from '../../src/orders/crm-order-source';
import { freshDb } from '../support/db';
import { createUser } from '../support/builders/users';
import { createOrder, createWarning } from '../support/builders/churn';
import { createCustomer } from '../support/builders/customers';

const RUN = new Date(2026, 10, 28, 2, 0);
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);
const LONG_AGO = at(2020, 1, 1);

let db: Db;
let url: string;
beforeEach(() => {
  ({ db, url } = freshDb());
});
afterEach(() => db.$disconnect());

const raise = (now = RUN) => raiseChurnWarnings(db, crmOrderSource(db), { now });
const warningsOf = (customerId: number) => db.churnWarning.findMany({ where: { customerId }, orderBy: { id: 'asc' } });

test('an old customer without counted orders gets one warning with its 客户经理 and last order date', async () => {
  const sales = await createUser(db, { role: 'sales' });
  const customer = await createCustomer(db, { accountManagerId: sales.id, createdAt: LONG_AGO });
  await createOrder(db, customer.id, at(2026, 3, 1), 6);
  await createOrder(db, customer.id, at(2026, 1, 1), 5);

  expect(await raise()).toEqual({ checked: 1, added: 1 });
  const [warning] = await warningsOf(customer.id);
  expect(warning).toMatchObject({
    accountManagerId: sales.id,
    lastOrderDate: at(2026, 3, 1),
    status: 'warning',
    reason: null,
    confirmedAt: null,
  });
  const audit = await db.auditEntry.findFirstOrThrow({ where: { entity: 'ChurnWarning', action: 'create' } });
  expect(JSON.parse(audit.after!)).toEqual([expect.objectContaining({ customerId: customer.id, accountManagerId: sales.id })]);
});

test('exactly six months is not more than six months; the day before is', async () => {
  const sixMonths = await createCustomer(db, { createdAt: LONG_AGO });
  await createOrder(db, sixMonths.id, at(2026, 5, 28, 0));
  const dayBefore = await createCustomer(db, { createdAt: LONG_AGO });
  await createOrder(db, dayBefore.id, at(2026, 5, 27, 23));

  expect(await raise()).toEqual({ checked: 2, added: 1 });
  expect(await warningsOf(sixMonths.id)).toHaveLength(0);
  expect(await warningsOf(dayBefore.id)).toHaveLength(1);
});

test('a customer that never ordered counts from its creation date; its warning has no last order date', async () => {
  const newish = await createCustomer(db, { createdAt: at(2026, 5, 28, 9) });
  const old = await createCustomer(db, { createdAt: at(2026, 5, 27, 9) });
  await raise();
  expect(await warningsOf(newish.id)).toHaveLength(0);
  expect(await warningsOf(old.id)).toEqual([expect.objectContaining({ lastOrderDate: null, accountManagerId: null })]);
});

test('orders in other statuses (1–4) do not count, whatever their date', async () => {
  const customer = await createCustomer(db, { createdAt: LONG_AGO });
  for (const status of [1, 2, 3, 4]) await createOrder(db, customer.id, at(2026, 11, 20), status);
  await createOrder(db, customer.id, at(2025, 12, 1), 5);
  await raise();
  expect(await warningsOf(customer.id)).toEqual([expect.objectContaining({ lastOrderDate: at(2025, 12, 1) })]);
});

test('a recent counted order keeps the customer off; churned customers are never looked at', async () => {
  const active = await createCustomer(db, { createdAt: LONG_AGO });
  await createOrder(db, active.id, at(2026, 11, 1), 6);
  const churned = await createCustomer(db, { createdAt: LONG_AGO, status: 'churned' });
  expect(await raise()).toEqual({ checked: 1, added: 0 });
  expect(await db.churnWarning.count()).toBe(0);
  expect(await warningsOf(churned.id)).toHaveLength(0);
});

test('an unfinished warning (预警 or 暂缓流失) is not doubled; after a finished one a new one comes', async () => {
  const sales = await createUser(db, { role: 'sales' });
  const waiting = await createCustomer(db, { createdAt: LONG_AGO });
  await createWarning(db, { customerId: waiting.id, status: 'warning' });
  const deferred = await createCustomer(db, { createdAt: LONG_AGO });
  await createWarning(db, { customerId: deferred.id, measures: [{ content: '上门拜访', authorId: sales.id }] });
  // A customer whose earlier warning was finished and who is 正常 again.
  const back = await createCustomer(db, { createdAt: LONG_AGO });
  await createWarning(db, { customerId: back.id, status: 'churned' });

  expect(await raise()).toEqual({ checked: 3, added: 1 });
  expect(await warningsOf(waiting.id)).toHaveLength(1);
  expect(await warningsOf(deferred.id)).toHaveLength(1);
  expect((await warningsOf(back.id)).map((w) => w.status)).toEqual(['churned', 'warning']);
});

test('running twice adds nothing the second time', async () => {
  for (let i = 0; i < 3; i++) await createCustomer(db, { createdAt: LONG_AGO });
  expect(await raise()).toEqual({ checked: 3, added: 3 });
  expect(await raise()).toEqual({ checked: 3, added: 0 });
  expect(await raise(new Date(2026, 11, 5, 2))).toEqual({ checked: 3, added: 0 });
  expect(await db.churnWarning.count()).toBe(3);
});

test('the number of queries does not grow with the customers and their orders within a batch', async () => {
  const logged = new SqliteClient({
    adapter: new PrismaBetterSqlite3({ url: sqliteFile(url) }),
    log: [{ emit: 'event', level: 'query' }],
  });
  let queries = 0;
  logged.$on('query', () => {
    queries += 1;
  });
  const countRun = async () => {
    queries = 0;
    await raiseChurnWarnings(logged as unknown as Db, crmOrderSource(logged as unknown as Db), { now: RUN });
    return queries;
  };
  const addCustomers = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const c = await createCustomer(db, { createdAt: LONG_AGO });
      await createOrder(db, c.id, at(2025, 1, 1 + i));
      await createOrder(db, c.id, at(2025, 2, 1 + i));
    }
  };
  try {
    await addCustomers(2);
    const few = await countRun();
    await db.churnWarning.deleteMany();
    await addCustomers(25);
    const many = await countRun();
    expect(await db.churnWarning.count()).toBe(27);
    expect(few).toBeGreaterThan(3);
    expect(many).toBe(few);
  } finally {
    await logged.$disconnect();
  }
});

test('customers are taken in batches: every batch checked, warnings and one audit entry per batch that adds some', async () => {
  await db.churnWarning.deleteMany();
  await db.auditEntry.deleteMany();
  await db.order.deleteMany();
  await db.customer.updateMany({ data: { status: 'churned' } });
  const customers: Awaited<ReturnType<typeof createCustomer>>[] = [];
  for (let i = 0; i < 5; i++) customers.push(await createCustomer(db, { createdAt: LONG_AGO }));
  // The fourth ordered lately: no warning for it.
  await createOrder(db, customers[3].id, at(2026, 10, 1));
  const sources: number[][] = [];
  const source = crmOrderSource(db);
  const counting = { ...source, lastOrderDates: (keys: { id: number; number: string }[]) => (sources.push(keys.map((k) => k.id)), source.lastOrderDates(keys)) };
  expect(await raiseChurnWarnings(db, counting, { now: RUN, batchSize: 2 })).toEqual({ checked: 5, added: 4 });
  // Windows of two ids: no call with more, each customer in one call, in order.
  expect(sources.every((ids) => ids.length <= 2 && ids.length > 0)).toBe(true);
  expect(sources.flat()).toEqual(customers.map((c) => c.id));
  expect(sources.length).toBeGreaterThanOrEqual(3);
  const warned = (await db.churnWarning.findMany({ select: { customerId: true } })).map((w) => w.customerId).sort((a, b) => a - b);
  expect(warned).toEqual([customers[0].id, customers[1].id, customers[2].id, customers[4].id]);
  // One entry per window that added warnings (the window with only the fourth adds none).
  const windowsWithWarnings = sources.filter((ids) => ids.some((id) => id !== customers[3].id)).length;
  expect(await db.auditEntry.count({ where: { entity: 'ChurnWarning', action: 'create' } })).toBe(windowsWithWarnings);
  expect(await raiseChurnWarnings(db, counting, { now: RUN, batchSize: 2 })).toEqual({ checked: 5, added: 0 });
});

test('more warnings in a window than one INSERT takes: every one written, with its 客户经理 and last order date', async () => {
  const sales = await createUser(db, { role: 'sales' });
  const customers = [];
  for (let i = 0; i < INSERTED_AT_ONCE + 5; i++) customers.push(await createCustomer(db, { accountManagerId: sales.id, createdAt: LONG_AGO }));
  const last = customers[customers.length - 1];
  await createOrder(db, last.id, at(2026, 2, 3), 5);
  expect(await raise()).toEqual({ checked: INSERTED_AT_ONCE + 5, added: INSERTED_AT_ONCE + 5 });
  const warnings = await db.churnWarning.findMany({ orderBy: { customerId: 'asc' } });
  expect(warnings.map((w) => w.customerId)).toEqual(customers.map((c) => c.id));
  expect(warnings.every((w) => w.status === 'warning' && w.accountManagerId === sales.id && w.createdAt.getTime() === RUN.getTime())).toBe(true);
  expect(warnings[warnings.length - 1].lastOrderDate).toEqual(at(2026, 2, 3));
  expect(warnings[0].lastOrderDate).toBeNull();
});

test('a customer churned or warned while the job reads its window is checked again before writing, and gets no warning', async () => {
  const [churned, warned, untouched] = [await createCustomer(db, { createdAt: LONG_AGO }), await createCustomer(db, { createdAt: LONG_AGO }), await createCustomer(db, { createdAt: LONG_AGO })];
  const source = crmOrderSource(db);
  // What others do between the job's reads of the window and its writing transaction.
  const meanwhile = {
    ...source,
    lastOrderDates: async (keys: { id: number; number: string }[]) => {
      const answer = await source.lastOrderDates(keys);
      await db.customer.update({ where: { id: churned.id }, data: { status: 'churned' } });
      await createWarning(db, { customerId: warned.id, status: 'deferred' });
      return answer;
    },
  };
  expect(await raiseChurnWarnings(db, meanwhile, { now: RUN })).toMatchObject({ added: 1 });
  expect(await warningsOf(churned.id)).toEqual([]);
  expect((await warningsOf(warned.id)).map((w) => w.status)).toEqual(['deferred']);
  expect((await warningsOf(untouched.id)).map((w) => w.status)).toEqual(['warning']);
});
