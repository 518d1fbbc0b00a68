// 服务反馈: the list, archiving (≥ 3), another round (< 3, twice), the history
// of every round, and every refusal.
import { login, LoggedIn, startTestApp, TestApp } from '../support/app';
import { createServiceTicket, ticketNow } from '../support/builders/service';
import { createUser } from '../support/builders/users';
import { follow, serviceStaff } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof serviceStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await serviceStaff(t);
  await createUser(t.db, { role: 'sales', username: 'sales3' });
});
afterAll(() => t.close());

/** A ticket created by sales1, handled by sales2. */
const handledTicket = (summary?: string) =>
  createServiceTicket(t.db, {
    customerId: staff.customer.id,
    createdById: staff.sales.id,
    assignedById: staff.manager.id,
    status: 'handled',
    assigneeId: staff.otherSales.id,
    summary,
  });

describe('the list of 已处理 tickets', () => {
  test('shows a ticket to its creator and its assignee, not to others', async () => {
    await handledTicket('等反馈的服务');
    await createServiceTicket(t.db, {
      customerId: staff.customer.id,
      createdById: staff.sales.id,
      status: 'assigned',
      assigneeId: staff.otherSales.id,
      summary: '还在处理的服务',
    });
    for (const username of ['sales1', 'sales2']) {
      const res = await (await login(t.app, username)).get('/service/feedback');
      expect(res.status).toBe(200);
      expect(res.text).toContain('等反馈的服务');
      expect(res.text).not.toContain('还在处理的服务');
    }
    for (const username of ['sales3', 'manager']) {
      const res = await (await login(t.app, username)).get('/service/feedback');
      expect(res.text).not.toContain('等反馈的服务');
    }
    expect((await (await login(t.app, 'boss')).get('/service/feedback')).status).toBe(403);
  });
});

describe('feedback', () => {
  test('satisfied (≥ 3): result and satisfaction recorded, 已归档, history and audit', async () => {
    const ticket = await handledTicket();
    const session = await login(t.app, 'sales1');
    const form = await session.get(`/service/${ticket.id}/feedback`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('<label for="f-result">处理结果');
    expect(form.text).toContain('<label for="f-satisfaction">满意度');
    const res = await session.post(`/service/${ticket.id}/feedback`, { result: '客户确认已解决', satisfaction: 3 });
    expect(res.headers.location).toBe('/service/feedback');
    expect(await follow(session, res)).toContain('操作成功，服务已归档');
    const now = await ticketNow(t.db, ticket.id);
    expect(now).toMatchObject({ status: 'archived', result: '客户确认已解决', satisfaction: 3, round: 1 });
    expect(now.events.at(-1)).toMatchObject({ action: 'feedback', actorId: staff.sales.id, result: '客户确认已解决', satisfaction: 3 });
    expect(await t.db.auditEntry.count({ where: { entity: 'ServiceTicket', entityId: String(ticket.id), action: 'feedback' } })).toBe(1);
  });

  test('the assignee may give the feedback too', async () => {
    const ticket = await handledTicket();
    const session = await login(t.app, 'sales2');
    await session.post(`/service/${ticket.id}/feedback`, { result: '电话回访满意', satisfaction: 5 });
    expect(await ticketNow(t.db, ticket.id)).toMatchObject({ status: 'archived', satisfaction: 5 });
  });

  test('not satisfied twice: back to the assignee each time, every round kept, archived at last', async () => {
    const [creator, manager, assignee] = await Promise.all([login(t.app, 'sales1'), login(t.app, 'manager'), login(t.app, 'sales2')]);
    await creator.post('/service', { type: '投诉', customerId: staff.customer.id, summary: '三轮才解决', request: '设备反复故障' });
    const { id } = await t.db.serviceTicket.findFirstOrThrow({ where: { summary: '三轮才解决' } });
    await manager.post(`/service/${id}/assign`, { assigneeId: staff.otherSales.id });

    const round = async (session: LoggedIn, handling: string, result: string, satisfaction: number) => {
      expect((await assignee.post(`/service/${id}/handle`, { handling })).status).toBe(302);
      const res = await session.post(`/service/${id}/feedback`, { result, satisfaction });
      return follow(session, res);
    };
    expect(await round(creator, '远程重启', '第二天又坏了', 2)).toContain('客户不满意，服务已退回重新处理');
    let now = await ticketNow(t.db, id);
    expect(now).toMatchObject({ status: 'assigned', round: 2, assigneeId: staff.otherSales.id, handling: null, handlerId: null, result: null, satisfaction: null });
    expect((await assignee.get('/service/handle')).text).toContain('三轮才解决');

    expect(await round(assignee, '更换主板', '仍有异响', 1)).toContain('退回重新处理');
    now = await ticketNow(t.db, id);
    expect(now).toMatchObject({ status: 'assigned', round: 3 });

    expect(await round(creator, '整机更换', '客户满意', 4)).toContain('服务已归档');
    now = await ticketNow(t.db, id);
    expect(now).toMatchObject({ status: 'archived', round: 3, handling: '整机更换', result: '客户满意', satisfaction: 4, handlerId: staff.otherSales.id });
    expect(now.events.map((e) => [e.round, e.action, e.satisfaction])).toEqual([
      [1, 'create', null],
      [1, 'assign', null],
      [1, 'handle', null],
      [1, 'feedback', 2],
      [2, 'handle', null],
      [2, 'feedback', 1],
      [3, 'handle', null],
      [3, 'feedback', 4],
    ]);

    const detail = await manager.get(`/service/${id}`);
    expect(detail.status).toBe(200);
    for (const text of ['第 1 轮', '第 2 轮', '第 3 轮', '远程重启', '更换主板', '整机更换', '第二天又坏了', '仍有异响', '客户满意', '满意度：2', '满意度：1', '满意度：4']) {
      expect(detail.text).toContain(text);
    }
    expect(detail.text).toContain(`分配给：${staff.otherSales.name}`);
  });
});

describe('refusals', () => {
  test('satisfaction outside 1–5 or not a whole number: 422, nothing changed', async () => {
    const ticket = await handledTicket();
    const session = await login(t.app, 'sales1');
    for (const satisfaction of ['0', '6', '2.5', '-1']) {
      const res = await session.post(`/service/${ticket.id}/feedback`, { result: '结果', satisfaction });
      expect(res.status).toBe(422);
      expect(res.text).toContain('满意度必须是 1–5 的整数');
    }
    const text = await session.post(`/service/${ticket.id}/feedback`, { result: '结果', satisfaction: '很好' });
    expect(text.status).toBe(422);
    expect(text.text).toContain('满意度必须是数字');
    const missing = await session.post(`/service/${ticket.id}/feedback`, { satisfaction: 4 });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('必填信息不完全：处理结果');
    const now = await ticketNow(t.db, ticket.id);
    expect(now).toMatchObject({ status: 'handled', result: null, satisfaction: null });
    expect(now.events.filter((e) => e.action === 'feedback')).toHaveLength(0);
  });

  test('a missing satisfaction is named among the missing fields', async () => {
    const ticket = await handledTicket();
    const session = await login(t.app, 'sales1');
    const res = await session.post(`/service/${ticket.id}/feedback`, {});
    expect(res.text).toContain('必填信息不完全：处理结果、满意度');
  });

  test('neither the creator nor the assignee: 403, nothing changed', async () => {
    const ticket = await handledTicket();
    for (const username of ['sales3', 'manager']) {
      const session = await login(t.app, username);
      expect((await session.get(`/service/${ticket.id}/feedback`)).status).toBe(403);
      expect((await session.post(`/service/${ticket.id}/feedback`, { result: '越权', satisfaction: 5 })).status).toBe(403);
    }
    const boss = await login(t.app, 'boss');
    expect((await boss.post(`/service/${ticket.id}/feedback`, { result: '越权', satisfaction: 5 })).status).toBe(403);
    expect((await ticketNow(t.db, ticket.id)).status).toBe('handled');
  });

  test('a ticket not 已处理 takes no feedback: the reason, nothing changed', async () => {
    const assigned = await createServiceTicket(t.db, {
      customerId: staff.customer.id,
      createdById: staff.sales.id,
      status: 'assigned',
      assigneeId: staff.otherSales.id,
    });
    const archived = await createServiceTicket(t.db, {
      customerId: staff.customer.id,
      createdById: staff.sales.id,
      status: 'archived',
      assigneeId: staff.otherSales.id,
      satisfaction: 5,
    });
    const session = await login(t.app, 'sales1');
    const early = await session.post(`/service/${assigned.id}/feedback`, { result: '太早了', satisfaction: 1 });
    expect(await follow(session, early)).toContain('该服务当前状态为「已分配」，不能反馈');
    const late = await session.post(`/service/${archived.id}/feedback`, { result: '又来了', satisfaction: 1 });
    expect(await follow(session, late)).toContain('该服务当前状态为「已归档」，不能反馈');
    expect(await ticketNow(t.db, assigned.id)).toMatchObject({ status: 'assigned', round: 1, result: null });
    expect(await ticketNow(t.db, archived.id)).toMatchObject({ status: 'archived', round: 1, satisfaction: 5 });
  });

  test('a missing or wrong CSRF token is refused', async () => {
    const ticket = await handledTicket();
    const session = await login(t.app, 'sales1');
    const url = `/service/${ticket.id}/feedback`;
    expect((await session.agent.post(url).type('form').send({ result: 'x', satisfaction: '5' })).status).toBe(403);
    expect((await session.agent.post(url).type('form').send({ _csrf: 'bad', result: 'x', satisfaction: '5' })).status).toBe(403);
    expect((await ticketNow(t.db, ticket.id)).status).toBe('handled');
  });
});
