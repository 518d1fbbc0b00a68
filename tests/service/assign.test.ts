// 服务分配: the list of new tickets, assigning, and every refusal — including
// two managers assigning the same ticket at the same moment.
import type { Db } from '../../src/db/client';
import { loadCurrentUser } from '../../src/auth/users';
import { assignServiceTicket } from '../../src/service/tickets';
import { login, startTestApp, TestApp } from '../support/app';
import { createServiceTicket, ticketNow } from '../support/builders/service';
import { createUser } from '../support/builders/users';
import { follow, otherManager, serviceStaff } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof serviceStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await serviceStaff(t);
});
afterAll(() => t.close());

const newTicket = (summary?: string) =>
  createServiceTicket(t.db, { customerId: staff.customer.id, createdById: staff.sales.id, summary });

describe('the list of new tickets', () => {
  test('shows only 新创建 tickets, each with the users it may go to', async () => {
    const waiting = await newTicket('等待分配的服务');
    await createServiceTicket(t.db, {
      customerId: staff.customer.id,
      createdById: staff.sales.id,
      status: 'assigned',
      assigneeId: staff.otherSales.id,
      summary: '已经分配的服务',
    });
    const disabled = await createUser(t.db, { role: 'sales', name: '离职的客户经理', status: 'disabled' });
    const session = await login(t.app, 'manager');
    const res = await session.get('/service/assign');
    expect(res.status).toBe(200);
    expect(res.text).toContain('等待分配的服务');
    expect(res.text).not.toContain('已经分配的服务');
    expect(res.text).toContain(`<label for="assignee-${waiting.id}">分配给</label>`);
    for (const user of [staff.sales, staff.otherSales, staff.manager]) expect(res.text).toContain(`<option value="${user.id}">`);
    for (const user of [staff.executive, staff.admin, disabled]) expect(res.text).not.toContain(`<option value="${user.id}">`);
  });

  test('is for managers only', async () => {
    for (const username of ['sales1', 'boss', 'admin']) {
      const session = await login(t.app, username);
      expect((await session.get('/service/assign')).status).toBe(403);
    }
  });
});

describe('assigning', () => {
  test('the manager assigns a ticket: assignee and time recorded, history and audit, 指派成功', async () => {
    const ticket = await newTicket();
    const session = await login(t.app, 'manager');
    const before = Date.now();
    const res = await session.post(`/service/${ticket.id}/assign`, { assigneeId: staff.otherSales.id });
    expect(res.headers.location).toBe('/service/assign');
    expect(await follow(session, res)).toContain('指派成功');
    const now = await ticketNow(t.db, ticket.id);
    expect(now).toMatchObject({ status: 'assigned', assigneeId: staff.otherSales.id, round: 1 });
    expect(now.assignedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(now.events.map((e) => [e.action, e.actorId, e.assigneeId])).toEqual([
      ['create', staff.sales.id, null],
      ['assign', staff.manager.id, staff.otherSales.id],
    ]);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entity: 'ServiceTicket', entityId: String(ticket.id), action: 'assign' } });
    expect(audit.userId).toBe(staff.manager.id);
    expect(JSON.parse(audit.before!).status).toBe('created');
    expect(JSON.parse(audit.after!).status).toBe('assigned');
  });

  test('a manager may take a ticket himself', async () => {
    const ticket = await newTicket();
    const session = await login(t.app, 'manager');
    await session.post(`/service/${ticket.id}/assign`, { assigneeId: staff.manager.id });
    expect((await ticketNow(t.db, ticket.id)).assigneeId).toBe(staff.manager.id);
  });

  test('two managers assigning at the same moment: exactly one wins, the other is told', async () => {
    await otherManager(t);
    const ticket = await newTicket();
    const [first, second] = await Promise.all([login(t.app, 'manager'), login(t.app, 'manager2')]);
    const [a, b] = await Promise.all([
      first.post(`/service/${ticket.id}/assign`, { assigneeId: staff.sales.id }),
      second.post(`/service/${ticket.id}/assign`, { assigneeId: staff.otherSales.id }),
    ]);
    const pages = [await follow(first, a), await follow(second, b)];
    expect(pages.filter((p) => p.includes('指派成功'))).toHaveLength(1);
    expect(pages.filter((p) => p.includes('该服务已被分配（当前状态：已分配），不能再次分配'))).toHaveLength(1);
    const now = await ticketNow(t.db, ticket.id);
    const assigns = now.events.filter((e) => e.action === 'assign');
    expect(assigns).toHaveLength(1);
    expect(now.assigneeId).toBe(assigns[0].assigneeId);
    const audits = await t.db.auditEntry.count({ where: { entity: 'ServiceTicket', entityId: String(ticket.id), action: 'assign' } });
    expect(audits).toBe(1);
  });
});

describe('the conditional update', () => {
  test('refuses when the ticket was assigned after it was read', async () => {
    const ticket = await newTicket();
    const stale = await t.db.serviceTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    await t.db.serviceTicket.update({ where: { id: ticket.id }, data: { status: 'assigned', assigneeId: staff.sales.id } });
    // A client whose first read of the ticket still sees it 新创建, as a second
    // manager's would have in the moment before the first one's update.
    let reads = 0;
    const tickets = new Proxy(t.db.serviceTicket, {
      get: (target, prop) =>
        prop === 'findUnique' && reads++ === 0 ? async () => stale : Reflect.get(target, prop),
    });
    const db = new Proxy(t.db, { get: (target, prop) => (prop === 'serviceTicket' ? tickets : Reflect.get(target, prop)) });
    const manager = (await loadCurrentUser(t.db, staff.manager.id))!;
    await expect(assignServiceTicket(db as Db, ticket.id, staff.otherSales.id, manager)).rejects.toThrow(
      '该服务已被分配（当前状态：已分配），不能再次分配',
    );
    const now = await ticketNow(t.db, ticket.id);
    expect(now.assigneeId).toBe(staff.sales.id);
    expect(now.events).toHaveLength(1);
  });
});

describe('refusals', () => {
  test('a ticket already assigned is not assigned again', async () => {
    const ticket = await createServiceTicket(t.db, {
      customerId: staff.customer.id,
      createdById: staff.sales.id,
      status: 'assigned',
      assigneeId: staff.sales.id,
    });
    const session = await login(t.app, 'manager');
    const res = await session.post(`/service/${ticket.id}/assign`, { assigneeId: staff.otherSales.id });
    expect(await follow(session, res)).toContain('该服务已被分配（当前状态：已分配），不能再次分配');
    const now = await ticketNow(t.db, ticket.id);
    expect(now.assigneeId).toBe(staff.sales.id);
    expect(now.events).toHaveLength(2);
  });

  test('an archived ticket is not assigned', async () => {
    const ticket = await createServiceTicket(t.db, {
      customerId: staff.customer.id,
      createdById: staff.sales.id,
      status: 'archived',
      assigneeId: staff.sales.id,
    });
    const session = await login(t.app, 'manager');
    const res = await session.post(`/service/${ticket.id}/assign`, { assigneeId: staff.otherSales.id });
    expect(await follow(session, res)).toContain('当前状态：已归档');
    expect((await ticketNow(t.db, ticket.id)).status).toBe('archived');
  });

  test('no assignee, or one who may not handle tickets: 422 and nothing changed', async () => {
    const ticket = await newTicket();
    const disabled = await createUser(t.db, { role: 'sales', status: 'disabled' });
    const session = await login(t.app, 'manager');
    const missing = await session.post(`/service/${ticket.id}/assign`, {});
    expect(missing.status).toBe(422);
    for (const assigneeId of [staff.executive.id, staff.admin.id, disabled.id, 999999]) {
      const res = await session.post(`/service/${ticket.id}/assign`, { assigneeId });
      expect(res.status).toBe(422);
      expect(res.text).toContain('请选择有效的分配对象');
    }
    const now = await ticketNow(t.db, ticket.id);
    expect(now).toMatchObject({ status: 'created', assigneeId: null, assignedAt: null });
    expect(now.events).toHaveLength(1);
  });

  test('a non-manager may not assign', async () => {
    const ticket = await newTicket();
    for (const username of ['sales1', 'boss', 'admin']) {
      const session = await login(t.app, username);
      const res = await session.post(`/service/${ticket.id}/assign`, { assigneeId: staff.sales.id });
      expect(res.status).toBe(403);
    }
    expect((await ticketNow(t.db, ticket.id)).status).toBe('created');
  });

  test('an unknown ticket is a 404', async () => {
    const session = await login(t.app, 'manager');
    expect((await session.post('/service/999999/assign', { assigneeId: staff.sales.id })).status).toBe(404);
    expect((await session.post('/service/abc/assign', { assigneeId: staff.sales.id })).status).toBe(404);
  });

  test('a missing or wrong CSRF token is refused', async () => {
    const ticket = await newTicket();
    const session = await login(t.app, 'manager');
    const url = `/service/${ticket.id}/assign`;
    expect((await session.agent.post(url).type('form').send({ assigneeId: String(staff.sales.id) })).status).toBe(403);
    expect((await session.agent.post(url).type('form').send({ _csrf: 'x', assigneeId: String(staff.sales.id) })).status).toBe(403);
    expect((await ticketNow(t.db, ticket.id)).status).toBe('created');
  });
});
