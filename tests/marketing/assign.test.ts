// 指派: the page (details and the account managers offered), assigning, and
// every refusal — including two managers assigning at the same moment.
import type { Db } from '../../src/db/client';
import { loadCurrentUser } from '../../src/auth/users';
import { assignOpportunity } from '../../src/marketing/opportunities';
import { login, startTestApp, TestApp } from '../support/app';
import { auditOf, createOpportunity, opportunityNow } from '../support/builders/marketing';
import { createUser } from '../support/builders/users';
import { follow, marketingStaff } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof marketingStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await marketingStaff(t);
  await createUser(t.db, { role: 'manager', username: 'manager2' });
});
afterAll(() => t.close());

const newOpportunity = (customerName?: string) => createOpportunity(t.db, { createdById: staff.sales.id, customerName });

describe('the assign page', () => {
  test('shows the details and offers only normal account managers', async () => {
    const o = await newOpportunity('指派页公司');
    const disabled = await createUser(t.db, { role: 'sales', name: '离职的客户经理', status: 'disabled' });
    const res = await (await login(t.app, 'manager')).get(`/opportunities/${o.id}/assign`);
    expect(res.status).toBe(200);
    for (const text of ['指派页公司', o.summary, o.description, staff.sales.name]) expect(res.text).toContain(text);
    expect(res.text).toContain('<label for="f-assigneeId">指派给');
    for (const user of [staff.sales, staff.otherSales]) expect(res.text).toContain(`<option value="${user.id}">`);
    for (const user of [staff.manager, staff.executive, staff.admin, disabled]) expect(res.text).not.toContain(`<option value="${user.id}">`);
  });

  test('is for managers only', async () => {
    const o = await newOpportunity();
    for (const username of ['sales1', 'boss', 'admin']) {
      expect((await (await login(t.app, username)).get(`/opportunities/${o.id}/assign`)).status).toBe(403);
    }
  });

  test('an opportunity already assigned sends the manager back with the reason', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id, status: 'assigned', assigneeId: staff.sales.id });
    const session = await login(t.app, 'manager');
    const res = await session.get(`/opportunities/${o.id}/assign`);
    expect(await follow(session, res)).toContain('该销售机会已被指派，不能再次指派');
  });
});

describe('assigning', () => {
  test('records the assignee and the time; 已指派; 指派成功', async () => {
    const o = await newOpportunity();
    const session = await login(t.app, 'manager');
    const before = Date.now();
    const res = await session.post(`/opportunities/${o.id}/assign`, { assigneeId: staff.otherSales.id });
    expect(res.headers.location).toBe('/opportunities');
    expect(await follow(session, res)).toContain('指派成功');
    const now = await opportunityNow(t.db, o.id);
    expect(now).toMatchObject({ status: 'assigned', assigneeId: staff.otherSales.id });
    expect(now!.assignedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const audit = await auditOf(t.db, 'Opportunity', o.id);
    expect(audit.map((a) => [a.action, a.userId])).toEqual([['assign', staff.manager.id]]);
    expect(JSON.parse(audit[0].before!).status).toBe('unassigned');
    expect(JSON.parse(audit[0].after!)).toMatchObject({ status: 'assigned', assigneeId: staff.otherSales.id });
  });

  test('two managers assigning at the same moment: exactly one wins, the other is told', async () => {
    const o = await newOpportunity();
    const [first, second] = await Promise.all([login(t.app, 'manager'), login(t.app, 'manager2')]);
    const [a, b] = await Promise.all([
      first.post(`/opportunities/${o.id}/assign`, { assigneeId: staff.sales.id }),
      second.post(`/opportunities/${o.id}/assign`, { assigneeId: staff.otherSales.id }),
    ]);
    const pages = [await follow(first, a), await follow(second, b)];
    const winners = pages.map((p) => p.includes('指派成功'));
    expect(winners.filter(Boolean)).toHaveLength(1);
    expect(pages.filter((p) => p.includes('该销售机会已被指派，不能再次指派'))).toHaveLength(1);
    const now = await opportunityNow(t.db, o.id);
    expect(now!.status).toBe('assigned');
    expect(now!.assigneeId).toBe(winners[0] ? staff.sales.id : staff.otherSales.id);
    expect((await auditOf(t.db, 'Opportunity', o.id)).filter((a) => a.action === 'assign')).toHaveLength(1);
  });
});

describe('the conditional update', () => {
  test('refuses when the opportunity was assigned after it was read', async () => {
    const o = await newOpportunity();
    const stale = await t.db.opportunity.findUniqueOrThrow({ where: { id: o.id } });
    await t.db.opportunity.update({ where: { id: o.id }, data: { status: 'assigned', assigneeId: staff.sales.id } });
    // A client whose first read still sees it 未分配, as the second of two
    // managers would in the moment before the first one's update.
    let reads = 0;
    const opportunities = new Proxy(t.db.opportunity, {
      get: (target, prop) => (prop === 'findUnique' && reads++ === 0 ? async () => stale : Reflect.get(target, prop)),
    });
    const db = new Proxy(t.db, { get: (target, prop) => (prop === 'opportunity' ? opportunities : Reflect.get(target, prop)) });
    const manager = (await loadCurrentUser(t.db, staff.manager.id))!;
    await expect(assignOpportunity(db as Db, o.id, staff.otherSales.id, manager)).rejects.toThrow('该销售机会已被指派，不能再次指派');
    expect((await opportunityNow(t.db, o.id))!.assigneeId).toBe(staff.sales.id);
    expect(await auditOf(t.db, 'Opportunity', o.id)).toHaveLength(0);
  });
});

describe('refusals', () => {
  test('an opportunity already assigned, developed or given up is not assigned again', async () => {
    const session = await login(t.app, 'manager');
    for (const status of ['assigned', 'succeeded', 'failed'] as const) {
      const o = await createOpportunity(t.db, { createdById: staff.sales.id, status, assigneeId: staff.sales.id });
      const res = await session.post(`/opportunities/${o.id}/assign`, { assigneeId: staff.otherSales.id });
      expect(await follow(session, res)).toContain('该销售机会已被指派，不能再次指派');
      expect(await opportunityNow(t.db, o.id)).toMatchObject({ status, assigneeId: staff.sales.id });
    }
  });

  test('no assignee, or one who is not a normal account manager: 422 and nothing changed', async () => {
    const o = await newOpportunity();
    const disabled = await createUser(t.db, { role: 'sales', status: 'disabled' });
    const session = await login(t.app, 'manager');
    const missing = await session.post(`/opportunities/${o.id}/assign`, {});
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('必填信息不完全：指派给');
    for (const assigneeId of [staff.manager.id, staff.executive.id, staff.admin.id, disabled.id, 999999, 'abc']) {
      const res = await session.post(`/opportunities/${o.id}/assign`, { assigneeId });
      expect(res.status).toBe(422);
      expect(res.text).toContain('请选择有效的');
    }
    expect(await opportunityNow(t.db, o.id)).toMatchObject({ status: 'unassigned', assigneeId: null, assignedAt: null });
  });

  test('a non-manager may not assign', async () => {
    const o = await newOpportunity();
    for (const username of ['sales1', 'boss', 'admin']) {
      const res = await (await login(t.app, username)).post(`/opportunities/${o.id}/assign`, { assigneeId: staff.sales.id });
      expect(res.status).toBe(403);
    }
    expect((await opportunityNow(t.db, o.id))!.status).toBe('unassigned');
  });

  test('an unknown opportunity is a 404', async () => {
    const session = await login(t.app, 'manager');
    expect((await session.post('/opportunities/999999/assign', { assigneeId: staff.sales.id })).status).toBe(404);
    expect((await session.get('/opportunities/abc/assign')).status).toBe(404);
  });

  test('a missing or wrong CSRF token is refused', async () => {
    const o = await newOpportunity();
    const session = await login(t.app, 'manager');
    const url = `/opportunities/${o.id}/assign`;
    expect((await session.agent.post(url).type('form').send({ assigneeId: String(staff.sales.id) })).status).toBe(403);
    expect((await session.agent.post(url).type('form').send({ _csrf: 'x', assigneeId: String(staff.sales.id) })).status).toBe(403);
    expect((await opportunityNow(t.db, o.id))!.status).toBe('unassigned');
  });
});
