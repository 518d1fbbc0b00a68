// 服务处理: the assignee's list, the form, handling, and every refusal.
import { login, startTestApp, TestApp } from '../support/app';
import { createServiceTicket, ticketNow } from '../support/builders/service';
import { follow, serviceStaff } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof serviceStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await serviceStaff(t);
});
afterAll(() => t.close());

/** A ticket at a status, created by sales1 and (when assigned) given to sales2. */
const ticketAt = (status: 'created' | 'assigned' | 'handled' | 'archived', summary?: string) =>
  createServiceTicket(t.db, {
    customerId: staff.customer.id,
    createdById: staff.sales.id,
    assignedById: staff.manager.id,
    status,
    assigneeId: status === 'created' ? undefined : staff.otherSales.id,
    summary,
  });

describe('the list of 已分配 tickets', () => {
  test('shows the user only the tickets assigned to them and waiting', async () => {
    await ticketAt('assigned', '分给二号的服务');
    await ticketAt('handled', '二号已处理的服务');
    await ticketAt('created', '还没分配的服务');
    await createServiceTicket(t.db, {
      customerId: staff.customer.id,
      createdById: staff.sales.id,
      status: 'assigned',
      assigneeId: staff.sales.id,
      summary: '分给一号的服务',
    });
    const session = await login(t.app, 'sales2');
    const res = await session.get('/service/handle');
    expect(res.status).toBe(200);
    expect(res.text).toContain('分给二号的服务');
    for (const other of ['二号已处理的服务', '还没分配的服务', '分给一号的服务']) expect(res.text).not.toContain(other);
  });

  test('is refused to those who never handle tickets', async () => {
    for (const username of ['boss', 'admin']) {
      const session = await login(t.app, username);
      expect((await session.get('/service/handle')).status).toBe(403);
    }
  });
});

describe('handling', () => {
  test('the assignee sees the ticket and its form', async () => {
    const ticket = await ticketAt('assigned', '要处理的服务');
    const session = await login(t.app, 'sales2');
    const res = await session.get(`/service/${ticket.id}/handle`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('要处理的服务');
    expect(res.text).toContain('<label for="f-handling">服务处理');
    expect(res.text).toContain('第 1 轮');
  });

  test('the assignee handles: method, handler and time recorded, 已处理, history and audit', async () => {
    const ticket = await ticketAt('assigned');
    const session = await login(t.app, 'sales2');
    const before = Date.now();
    const res = await session.post(`/service/${ticket.id}/handle`, { handling: '上门更换了硒鼓' });
    expect(res.headers.location).toBe('/service/handle');
    expect(await follow(session, res)).toContain('操作成功');
    const now = await ticketNow(t.db, ticket.id);
    expect(now).toMatchObject({ status: 'handled', handling: '上门更换了硒鼓', handlerId: staff.otherSales.id });
    expect(now.handledAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(now.events.at(-1)).toMatchObject({ action: 'handle', actorId: staff.otherSales.id, handling: '上门更换了硒鼓', round: 1 });
    expect(await t.db.auditEntry.count({ where: { entity: 'ServiceTicket', entityId: String(ticket.id), action: 'handle' } })).toBe(1);
  });
});

describe('refusals', () => {
  test('someone else than the assignee may not see the form nor handle: 403', async () => {
    const ticket = await ticketAt('assigned');
    for (const username of ['sales1', 'manager']) {
      const session = await login(t.app, username);
      expect((await session.get(`/service/${ticket.id}/handle`)).status).toBe(403);
      expect((await session.post(`/service/${ticket.id}/handle`, { handling: '越权处理' })).status).toBe(403);
    }
    const boss = await login(t.app, 'boss');
    expect((await boss.post(`/service/${ticket.id}/handle`, { handling: '越权处理' })).status).toBe(403);
    const now = await ticketNow(t.db, ticket.id);
    expect(now).toMatchObject({ status: 'assigned', handling: null, handlerId: null });
    expect(now.events).toHaveLength(2);
  });

  test('a missing or too long handling: 422, the form again, nothing changed', async () => {
    const ticket = await ticketAt('assigned');
    const session = await login(t.app, 'sales2');
    const missing = await session.post(`/service/${ticket.id}/handle`, { handling: '   ' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('必填信息不完全：服务处理');
    expect(missing.text).toContain('<label for="f-handling">');
    const long = await session.post(`/service/${ticket.id}/handle`, { handling: '长'.repeat(2001) });
    expect(long.status).toBe(422);
    expect(long.text).toContain('服务处理不能超过 2000 个字');
    expect((await ticketNow(t.db, ticket.id)).status).toBe('assigned');
  });

  test('a ticket not 已分配 is not handled: the reason, nothing changed', async () => {
    const handled = await ticketAt('handled');
    const session = await login(t.app, 'sales2');
    const res = await session.post(`/service/${handled.id}/handle`, { handling: '再处理一次' });
    expect(res.headers.location).toBe('/service/handle');
    expect(await follow(session, res)).toContain('该服务当前状态为「已处理」，不能处理');
    const now = await ticketNow(t.db, handled.id);
    expect(now.handling).not.toBe('再处理一次');
    expect(now.events.filter((e) => e.action === 'handle')).toHaveLength(1);
    const form = await session.get(`/service/${handled.id}/handle`);
    expect(await follow(session, form)).toContain('该服务当前状态为「已处理」，不能处理');
  });

  test('a missing or wrong CSRF token is refused', async () => {
    const ticket = await ticketAt('assigned');
    const session = await login(t.app, 'sales2');
    const url = `/service/${ticket.id}/handle`;
    expect((await session.agent.post(url).type('form').send({ handling: 'x' })).status).toBe(403);
    expect((await session.agent.post(url).type('form').send({ _csrf: 'forged', handling: 'x' })).status).toBe(403);
    expect((await ticketNow(t.db, ticket.id)).status).toBe('assigned');
  });

  test('an unknown ticket is a 404', async () => {
    const session = await login(t.app, 'sales2');
    expect((await session.get('/service/999999/handle')).status).toBe(404);
  });
});
