// Pages of lists and the records their pages show, kept while the tables they
// read are unchanged (keptPage in src/db/kept-reads.ts): each one is read once
// for what it was asked, and every change shows at once, whoever wrote it
// (a client without kept reads, as on SQL Server: kept-reads.test.ts).
import { keptPage } from '../../src/db/kept-reads';
import type { Db } from '../../src/db/client';
import { freshDb, plainClient } from '../support/db';
import { login, LoggedIn, startTestApp, TestApp } from '../support/app';
import { createContact, createCustomer, createInteraction, createOrder } from '../support/builders/customers';
import { createOpportunity } from '../support/builders/marketing';
import { createServiceTicket } from '../support/builders/service';
import { createWarning } from '../support/builders/churn';
import { createStaff, createUser } from '../support/builders/users';

describe('keptPage', () => {
  let db: Db;
  let url: string;
  beforeAll(() => ({ db, url } = freshDb()));
  afterAll(() => db.$disconnect());

  /** A page that counts its reads, kept under `asked` while Opportunity and User are unchanged. */
  function countingPage() {
    let reads = 0;
    const page = (asked: unknown) => keptPage(db, ['Opportunity', 'User'], 'test:opportunities', asked, async () => ({ reads: ++reads }));
    return page;
  }

  test('read once for what it was asked; another question (page, search, whose) is read of its own', async () => {
    await db.user.count();
    const page = countingPage();
    expect(await page({ page: 1 })).toEqual({ reads: 1 });
    expect(await page({ page: 1 })).toEqual({ reads: 1 });
    expect(await page({ page: 2 })).toEqual({ reads: 2 });
    expect(await page({ page: 1, own: 7 })).toEqual({ reads: 3 });
    expect(await page({ page: 1 })).toEqual({ reads: 1 });
  });

  test('read again after a write to a table it names, by this client or another connection; not after a write elsewhere', async () => {
    await db.user.count();
    const page = countingPage();
    expect(await page(1)).toEqual({ reads: 1 });
    await db.auditEntry.create({ data: { action: 'create', entity: 'Other', entityId: '1' } });
    await db.session.create({ data: { sid: 'kept-pages', data: '{}', expiresAt: new Date(Date.now() + 60_000) } });
    expect(await page(1)).toEqual({ reads: 1 });
    const { manager } = await createStaff(db);
    expect(await page(1)).toEqual({ reads: 2 });
    const other = plainClient(url);
    try {
      await createOpportunity(other, { createdById: manager.id });
    } finally {
      await other.$disconnect();
    }
    expect(await page(1)).toEqual({ reads: 3 });
    expect(await page(1)).toEqual({ reads: 3 });
  });

  test('a record that is not there is kept as such, and found once it is', async () => {
    let reads = 0;
    const opportunity = () => keptPage(db, ['Opportunity'], 'test:opportunity', 999_999, async () => (reads++, db.opportunity.findUnique({ where: { id: 999_999 } })));
    expect(await opportunity()).toBeNull();
    expect(await opportunity()).toBeNull();
    expect(reads).toBe(1);
    const creator = await createUser(db, { role: 'manager' });
    await db.opportunity.create({ data: { id: 999_999, customerName: '迟到的机会', successRate: 10, summary: '概要', description: '描述', createdById: creator.id, status: 'unassigned' } });
    expect(await opportunity()).toMatchObject({ id: 999_999, customerName: '迟到的机会' });
    expect(reads).toBe(2);
  });

  test('the kept page is frozen: one request cannot change it for the others', async () => {
    const page = await keptPage(db, ['Opportunity'], 'test:frozen', 1, async () => ({ items: [{ id: 1 }] }));
    expect(Object.isFrozen(page.items[0])).toBe(true);
    expect(() => page.items.push({ id: 2 })).toThrow(/not extensible/);
  });
});

describe('kept pages follow every change at once, after they were shown', () => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let manager: LoggedIn;
  let sales: LoggedIn;
  beforeAll(async () => {
    t = startTestApp();
    staff = await createStaff(t.db);
    manager = await login(t.app, 'manager');
    sales = await login(t.app, 'sales1');
  });
  afterAll(() => t.close());

  /** Shows the page twice (the second time kept), makes the change, and expects the page to show it. */
  async function follows(session: LoggedIn, url: string, change: () => Promise<unknown>, before: string[], after: string[]) {
    for (let i = 0; i < 2; i++) {
      const page = await session.get(url);
      expect(page.status).toBe(200);
      for (const text of before) expect(page.text).not.toContain(text);
    }
    await change();
    const page = await session.get(url);
    expect(page.status).toBe(200);
    for (const text of after) expect(page.text).toContain(text);
  }

  test('客户信息管理: a new customer, a renamed one, a new 客户经理', async () => {
    const customer = await createCustomer(t.db, { name: '甲乙丙丁有限公司', accountManagerId: staff.sales.id });
    await follows(manager, '/customers', () => createCustomer(t.db, { name: '戊己庚辛有限公司' }), ['戊己庚辛有限公司'], ['戊己庚辛有限公司']);
    await follows(manager, '/customers', () => t.db.customer.update({ where: { id: customer.id }, data: { name: '甲乙丙丁集团' } }), ['甲乙丙丁集团'], ['甲乙丙丁集团']);
    await follows(manager, '/customers', () => t.db.user.update({ where: { id: staff.sales.id }, data: { name: '李明明' } }), ['李明明'], ['李明明']);
    await t.db.user.update({ where: { id: staff.sales.id }, data: { name: '李明' } });
  });

  test('a customer and its contacts and orders: a changed field, a new contact (and the customer’s count of them), an interaction, an order the sales system wrote', async () => {
    const customer = await createCustomer(t.db, { name: '星河贸易公司', accountManagerId: staff.sales.id });
    await follows(manager, `/customers/${customer.id}`, () => t.db.customer.update({ where: { id: customer.id }, data: { address: '上海市浦东新区星河路1号' } }), ['星河路1号'], ['星河路1号']);
    await follows(manager, `/customers/${customer.id}/contacts`, () => createContact(t.db, { customerId: customer.id, name: '钱多多' }), ['钱多多'], ['钱多多']);
    await follows(manager, `/customers/${customer.id}`, () => createContact(t.db, { customerId: customer.id, name: '孙小小' }), ['2 位联系人'], ['2 位联系人']);
    await follows(manager, `/customers/${customer.id}`, () => createInteraction(t.db, { customerId: customer.id }), ['1 条交往记录'], ['1 条交往记录']);
    const salesSystem = plainClient(t.url);
    try {
      await follows(
        manager,
        `/customers/${customer.id}/orders`,
        () => createOrder(salesSystem, { customerId: customer.id, date: new Date(), number: 'DDKEPT0001' }),
        ['DDKEPT0001'],
        ['DDKEPT0001'],
      );
    } finally {
      await salesSystem.$disconnect();
    }
  });

  test('销售机会管理 and 客户开发计划: a new opportunity, one assigned to the account manager', async () => {
    await follows(manager, '/opportunities', () => createOpportunity(t.db, { createdById: staff.manager.id, customerName: '新机会客户甲' }), ['新机会客户甲'], ['新机会客户甲']);
    const opportunity = await createOpportunity(t.db, { createdById: staff.manager.id, customerName: '待指派客户乙' });
    const assign = () => manager.post(`/opportunities/${opportunity.id}/assign`, { assigneeId: staff.sales.id }).expect(302);
    await follows(sales, '/plans', assign, ['待指派客户乙'], ['待指派客户乙']);
  });

  test('服务: a new ticket waits to be assigned; once assigned it leaves that list for its handler’s; its page shows each step', async () => {
    const customer = await createCustomer(t.db, { name: '服务客户丙' });
    const create = () => createServiceTicket(t.db, { customerId: customer.id, createdById: staff.manager.id, summary: '打印机卡纸' });
    await follows(manager, '/service/assign', create, ['打印机卡纸'], ['打印机卡纸']);
    const ticket = await t.db.serviceTicket.findFirstOrThrow({ where: { summary: '打印机卡纸' } });
    await follows(sales, '/service/handle', () => manager.post(`/service/${ticket.id}/assign`, { assigneeId: staff.sales.id }).expect(302), ['打印机卡纸'], ['打印机卡纸']);
    expect((await manager.get('/service/assign')).text).not.toContain('打印机卡纸');
    await follows(manager, `/service/${ticket.id}`, () => sales.post(`/service/${ticket.id}/handle`, { handling: '更换搓纸轮' }).expect(302), ['更换搓纸轮'], ['更换搓纸轮']);
  });

  test('服务归档 and 服务创建’s customer choice: an archived ticket, a new customer', async () => {
    const customer = await createCustomer(t.db, { name: '归档客户丁' });
    const archive = () => createServiceTicket(t.db, { customerId: customer.id, createdById: staff.manager.id, assigneeId: staff.sales.id, status: 'archived', summary: '发票重开' });
    await follows(manager, '/service/archive', archive, ['发票重开'], ['发票重开']);
    await follows(sales, `/service/new?customerQuery=${encodeURIComponent('翠湖')}`, () => createCustomer(t.db, { name: '翠湖科技公司' }), ['翠湖科技公司'], ['翠湖科技公司']);
  });

  test('客户流失管理: a new warning of the account manager’s customer', async () => {
    const customer = await createCustomer(t.db, { name: '流失客户戊', accountManagerId: staff.sales.id });
    await follows(sales, '/churn', () => createWarning(t.db, { customerId: customer.id }), ['流失客户戊'], ['流失客户戊']);
  });
});

describe('the session every request reads is kept while sessions, users and roles are unchanged', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = startTestApp();
    await createStaff(t.db);
  });
  afterAll(() => t.close());

  test('ended by another process (another worker’s logout or password reset), it is ended here at once', async () => {
    const sales = await login(t.app, 'sales1');
    for (let i = 0; i < 2; i++) expect((await sales.get('/customers')).status).toBe(200);
    const other = plainClient(t.url);
    try {
      await other.session.deleteMany({});
    } finally {
      await other.$disconnect();
    }
    const res = await sales.get('/customers');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login');
  });

  test('its user disabled, or its role’s rights taken, the next request knows it', async () => {
    const sales = await login(t.app, 'sales1');
    expect((await sales.get('/service/new')).status).toBe(200);
    expect((await sales.get('/service/new')).status).toBe(200);
    await t.db.rolePermission.deleteMany({ where: { roleCode: 'sales', permission: { resource: 'ticket', action: 'create' } } });
    await t.db.role.update({ where: { code: 'sales' }, data: { rightsVersion: { increment: 1 } } });
    expect((await sales.get('/service/new')).status).toBe(403);
    await t.db.user.update({ where: { username: 'sales1' }, data: { status: 'disabled' } });
    const res = await sales.get('/customers');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login');
  });
});
