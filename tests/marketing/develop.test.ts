// 开发成功 and 终止开发: the status, the customer created in the same
// transaction (and none on failure or error), every refusal, and the home
// page's to-do counts of marketing.
import type { Tx } from '../../src/db/client';
import { loadCurrentUser } from '../../src/auth/users';
import { succeedOpportunity } from '../../src/marketing/plans';
import { login, startTestApp, TestApp } from '../support/app';
import { auditOf, createOpportunity, createPlanItem, opportunityNow } from '../support/builders/marketing';
import { follow, marketingStaff } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof marketingStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await marketingStaff(t);
});
afterAll(() => t.close());

const assigned = (input: { customerName?: string; contact?: string | null; contactPhone?: string | null } = {}) =>
  createOpportunity(t.db, { createdById: staff.manager.id, status: 'assigned', assigneeId: staff.sales.id, ...input });

const customersNamed = (name: string) => t.db.customer.findMany({ where: { name }, include: { contacts: true } });

describe('开发成功', () => {
  test('status 开发成功 and a new 正常 customer with its contact and the assignee as 客户经理: 操作成功', async () => {
    const o = await assigned({ customerName: '开发成功公司', contact: '王经理', contactPhone: '021-66668888' });
    await createPlanItem(t.db, { opportunityId: o.id, content: '拜访', result: '成交' });
    const session = await login(t.app, 'sales1');
    const res = await session.post(`/plans/${o.id}/succeed`);
    expect(res.headers.location).toBe('/plans');
    expect(await follow(session, res)).toContain('操作成功');
    const [customer] = await customersNamed('开发成功公司');
    expect(customer).toMatchObject({ accountManagerId: staff.sales.id, status: 'normal' });
    expect(customer.number).toMatch(/^KH\d{8}\d{3}$/);
    expect(customer.contacts).toMatchObject([{ name: '王经理', officePhone: '021-66668888' }]);
    const now = await opportunityNow(t.db, o.id);
    expect(now).toMatchObject({ status: 'succeeded', customerId: customer.id });
    expect(now!.planItems).toHaveLength(1);
    const audit = await auditOf(t.db, 'Opportunity', o.id);
    expect(audit.map((a) => [a.action, a.userId])).toEqual([['succeed', staff.sales.id]]);
    expect(JSON.parse(audit[0].after!)).toMatchObject({ status: 'succeeded', customerId: customer.id });
    expect(await auditOf(t.db, 'Customer', customer.id)).toHaveLength(1);
  });

  test('the detail of the opportunity names the customer it became', async () => {
    const o = await assigned({ customerName: '详情里的新客户' });
    const session = await login(t.app, 'sales1');
    await session.post(`/plans/${o.id}/succeed`);
    const [customer] = await customersNamed('详情里的新客户');
    expect((await session.get(`/opportunities/${o.id}`)).text).toContain(customer.number);
  });

  test('without 联系人 no contact: the phone becomes the customer\'s', async () => {
    const o = await assigned({ customerName: '没有联系人公司', contact: null, contactPhone: '0755-1234' });
    await (await login(t.app, 'sales1')).post(`/plans/${o.id}/succeed`);
    const [customer] = await customersNamed('没有联系人公司');
    expect(customer).toMatchObject({ phone: '0755-1234', contacts: [] });
  });

  test('an error while creating the customer leaves everything as it was', async () => {
    const o = await assigned({ customerName: '出错的公司' });
    const user = (await loadCurrentUser(t.db, staff.sales.id))!;
    const failing = (tx: Tx) =>
      new Proxy(tx, {
        get: (target, prop) =>
          prop === 'contact'
            ? { create: async () => Promise.reject(new Error('磁盘已满')) }
            : Reflect.get(target, prop),
      });
    await expect(t.db.$transaction((tx) => succeedOpportunity(failing(tx), o.id, user))).rejects.toThrow('磁盘已满');
    expect(await opportunityNow(t.db, o.id)).toMatchObject({ status: 'assigned', customerId: null });
    expect(await customersNamed('出错的公司')).toHaveLength(0);
    expect(await auditOf(t.db, 'Opportunity', o.id)).toHaveLength(0);
  });
});

describe('终止开发', () => {
  test('status 开发失败, no customer: 操作成功', async () => {
    const o = await assigned({ customerName: '终止开发公司' });
    const session = await login(t.app, 'sales1');
    const res = await session.post(`/plans/${o.id}/fail`);
    expect(await follow(session, res)).toContain('操作成功');
    expect(await opportunityNow(t.db, o.id)).toMatchObject({ status: 'failed', customerId: null });
    expect(await customersNamed('终止开发公司')).toHaveLength(0);
    expect((await auditOf(t.db, 'Opportunity', o.id)).map((a) => a.action)).toEqual(['fail']);
  });
});

describe('refusals', () => {
  test('only the assignee: another account manager or a manager gets 403, nothing changes', async () => {
    const o = await assigned({ customerName: '不是你的机会' });
    for (const username of ['sales2', 'manager', 'boss', 'admin']) {
      const session = await login(t.app, username);
      expect((await session.post(`/plans/${o.id}/succeed`)).status).toBe(403);
      expect((await session.post(`/plans/${o.id}/fail`)).status).toBe(403);
    }
    expect((await opportunityNow(t.db, o.id))!.status).toBe('assigned');
    expect(await customersNamed('不是你的机会')).toHaveLength(0);
  });

  test('a finished opportunity is not finished again; an unassigned one not developed', async () => {
    const session = await login(t.app, 'sales1');
    for (const [status, label] of [['succeeded', '开发成功'], ['failed', '开发失败']] as const) {
      const o = await createOpportunity(t.db, { createdById: staff.manager.id, status, assigneeId: staff.sales.id, customerName: `已结束${status}` });
      const again = await session.post(`/plans/${o.id}/succeed`);
      expect(await follow(session, again)).toContain(`该销售机会当前状态为「${label}」，不能标记开发成功`);
      const stop = await session.post(`/plans/${o.id}/fail`);
      expect(await follow(session, stop)).toContain(`该销售机会当前状态为「${label}」，不能终止开发`);
      expect((await opportunityNow(t.db, o.id))!.status).toBe(status);
      expect(await customersNamed(`已结束${status}`)).toHaveLength(0);
    }
    const unassigned = await createOpportunity(t.db, { createdById: staff.sales.id });
    expect((await session.post(`/plans/${unassigned.id}/succeed`)).status).toBe(403);
    expect((await opportunityNow(t.db, unassigned.id))!.status).toBe('unassigned');
  });

  test('开发成功 and 终止开发 at the same moment: exactly one happens', async () => {
    const o = await assigned({ customerName: '同时结束公司' });
    const [a, b] = await Promise.all([login(t.app, 'sales1'), login(t.app, 'sales1')]);
    const [won, stopped] = await Promise.all([a.post(`/plans/${o.id}/succeed`), b.post(`/plans/${o.id}/fail`)]);
    const pages = [await follow(a, won), await follow(b, stopped)];
    expect(pages.filter((p) => p.includes('操作成功'))).toHaveLength(1);
    const now = (await opportunityNow(t.db, o.id))!;
    expect(await customersNamed('同时结束公司')).toHaveLength(now.status === 'succeeded' ? 1 : 0);
  });

  test('without a valid CSRF token nothing changes; an unknown opportunity is a 404', async () => {
    const o = await assigned({ customerName: '令牌公司' });
    const session = await login(t.app, 'sales1');
    expect((await session.agent.post(`/plans/${o.id}/succeed`).type('form').send({})).status).toBe(403);
    expect((await session.agent.post(`/plans/${o.id}/fail`).type('form').send({ _csrf: 'x' })).status).toBe(403);
    expect((await opportunityNow(t.db, o.id))!.status).toBe('assigned');
    expect(await customersNamed('令牌公司')).toHaveLength(0);
    expect((await session.post('/plans/999999/succeed')).status).toBe(404);
  });
});

describe('the home page', () => {
  test('counts unassigned opportunities for managers and waiting plans for their assignee', async () => {
    const { db } = t;
    await db.planItem.deleteMany({});
    await db.opportunity.updateMany({ data: { customerId: null } });
    await db.opportunity.deleteMany({});
    for (let i = 0; i < 3; i += 1) await createOpportunity(db, { createdById: staff.sales.id });
    await assigned();
    await assigned();
    await createOpportunity(db, { createdById: staff.manager.id, status: 'succeeded', assigneeId: staff.sales.id });
    const todoOf = async (username: string) => (await (await login(t.app, username)).get('/home')).text;
    const manager = await todoOf('manager');
    expect(manager).toMatch(/<a href="\/opportunities\?status=unassigned"><span class="todo-count">3<\/span><span class="todo-label">待指派的销售机会/);
    expect(manager).not.toContain('待开发的销售机会');
    const sales = await todoOf('sales1');
    expect(sales).toMatch(/<a href="\/plans\?status=assigned"><span class="todo-count">2<\/span><span class="todo-label">待开发的销售机会/);
    expect(sales).not.toContain('待指派的销售机会');
    expect(await todoOf('sales2')).not.toContain('待开发的销售机会');
  });
});
