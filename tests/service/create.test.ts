// 服务创建: the form, the customer filter, saving, and every refusal.
import { login, startTestApp, TestApp } from '../support/app';
import { createCustomer } from '../support/builders/customers';
import { follow, serviceStaff } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof serviceStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await serviceStaff(t);
});
afterAll(() => t.close());

const form = () => ({ type: '投诉', customerId: staff.customer.id, summary: '打印机故障', request: '客户反映打印机卡纸\n第二行' });
const ticketCount = () => t.db.serviceTicket.count();

describe('the create form', () => {
  test('offers the service types and only normal customers, each field labelled', async () => {
    await createCustomer(t.db, { name: '已流失的旧客户', status: 'churned' });
    const session = await login(t.app, 'sales1');
    const res = await session.get('/service/new');
    expect(res.status).toBe(200);
    for (const type of ['咨询', '建议', '投诉']) expect(res.text).toContain(`<option value="${type}"`);
    expect(res.text).toContain('北京远航科技');
    expect(res.text).not.toContain('已流失的旧客户');
    for (const name of ['type', 'customerId', 'summary', 'request']) expect(res.text).toContain(`<label for="f-${name}"`);
    expect(res.text).toContain('<label for="s-customerQuery">查找客户</label>');
  });

  test('the customer filter narrows the choice by name or number, without JavaScript', async () => {
    const other = await createCustomer(t.db, { name: '上海明珠贸易' });
    const session = await login(t.app, 'sales1');
    const byName = await session.get('/service/new?customerQuery=' + encodeURIComponent('明珠'));
    expect(byName.text).toContain('上海明珠贸易');
    expect(byName.text).not.toContain('北京远航科技');
    expect(byName.text).toContain('value="明珠"');
    const byNumber = await session.get('/service/new?customerQuery=' + other.number);
    expect(byNumber.text).toContain('上海明珠贸易');
    const none = await session.get('/service/new?customerQuery=' + encodeURIComponent('不存在的客户'));
    expect(none.text).toContain('没有匹配的正常客户');
  });
});

describe('numbers that Number() would read', () => {
  test.each(['1e309', '1e2', '0x10', 'Infinity', 'NaN', '-0', '99999999999999999999', '1.5'])(
    'customerId=%s: the form again with 请选择有效的客户, nothing saved, no server error',
    async (customerId) => {
      const session = await login(t.app, 'sales1');
      const count = await ticketCount();
      const res = await session.post('/service', { ...form(), customerId });
      expect(res.status).toBe(422);
      expect(res.text).toContain('请选择有效的客户');
      expect(await ticketCount()).toBe(count);
    },
  );
});

describe('saving', () => {
  test('sales creates a ticket: number, creator and time by the system, history and audit; an empty form with 保存成功', async () => {
    const session = await login(t.app, 'sales1');
    const before = Date.now();
    const res = await session.post('/service', form());
    expect(res.headers.location).toBe('/service/new');
    const page = await follow(session, res);
    expect(page).toContain('保存成功');
    expect(page).not.toContain('打印机故障');

    const ticket = await t.db.serviceTicket.findFirstOrThrow({ where: { summary: '打印机故障' }, include: { events: true } });
    expect(ticket.number).toMatch(/^FW\d{8}\d{3}$/);
    expect(page).toContain(ticket.number);
    expect(ticket).toMatchObject({
      type: '投诉',
      customerId: staff.customer.id,
      request: '客户反映打印机卡纸\n第二行',
      status: 'created',
      createdById: staff.sales.id,
      assigneeId: null,
      round: 1,
    });
    expect(ticket.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(ticket.events).toEqual([expect.objectContaining({ action: 'create', actorId: staff.sales.id, round: 1 })]);
    const audit = await t.db.auditEntry.findFirst({ where: { entity: 'ServiceTicket', entityId: String(ticket.id), action: 'create' } });
    expect(audit?.userId).toBe(staff.sales.id);
  });

  test('a manager creates too, and each ticket gets its own number', async () => {
    const session = await login(t.app, 'manager');
    await session.post('/service', { ...form(), summary: '经理创建1' });
    await session.post('/service', { ...form(), summary: '经理创建2' });
    const tickets = await t.db.serviceTicket.findMany({ where: { summary: { startsWith: '经理创建' } } });
    expect(tickets).toHaveLength(2);
    expect(tickets[0].number).not.toBe(tickets[1].number);
    expect(tickets.every((x) => x.createdById === staff.manager.id)).toBe(true);
  });
});

describe('refusals', () => {
  test('missing fields: 422, the text fields named, the entries kept, nothing saved', async () => {
    const session = await login(t.app, 'sales1');
    const count = await ticketCount();
    const res = await session.post('/service', { summary: '只填了概要' });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/必填信息不完全：服务类型、.*服务请求/);
    expect(res.text).toContain('value="只填了概要"');
    const blanks = await session.post('/service', { type: '', customerId: '', summary: '  ', request: '' });
    expect(blanks.status).toBe(422);
    expect(blanks.text).toMatch(/必填信息不完全：服务类型、.*概要、服务请求/);
    expect(await ticketCount()).toBe(count);
  });

  test('a missing customer is named among the missing fields', async () => {
    const session = await login(t.app, 'sales1');
    const res = await session.post('/service', { summary: '只填了概要' });
    expect(res.text).toContain('必填信息不完全：服务类型、客户、服务请求');
  });

  test('too long a summary, an unknown type, a churned or unknown customer: 422, nothing saved', async () => {
    const churned = await createCustomer(t.db, { name: '流失客户乙', status: 'churned' });
    const session = await login(t.app, 'sales1');
    const count = await ticketCount();
    const cases: [Record<string, string | number>, string][] = [
      [{ summary: 'x'.repeat(201) }, '概要不能超过 200 个字'],
      [{ type: '闲聊' }, '请选择有效的服务类型'],
      [{ customerId: churned.id }, '请选择有效的客户'],
      [{ customerId: 999999 }, '请选择有效的客户'],
      [{ customerId: 'abc' }, '请选择有效的客户'],
    ];
    for (const [change, message] of cases) {
      const res = await session.post('/service', { ...form(), ...change });
      expect(res.status).toBe(422);
      expect(res.text).toContain(message);
    }
    expect(await ticketCount()).toBe(count);
  });

  test('the executive and the admin may not create tickets', async () => {
    const count = await ticketCount();
    for (const username of ['boss', 'admin']) {
      const session = await login(t.app, username);
      expect((await session.get('/service/new')).status).toBe(403);
      expect((await session.post('/service', form())).status).toBe(403);
    }
    expect(await ticketCount()).toBe(count);
  });

  test('a missing or wrong CSRF token is refused', async () => {
    const session = await login(t.app, 'sales1');
    const count = await ticketCount();
    expect((await session.agent.post('/service').type('form').send(form())).status).toBe(403);
    expect((await session.agent.post('/service').type('form').send({ ...form(), _csrf: 'forged' })).status).toBe(403);
    expect(await ticketCount()).toBe(count);
  });
});
