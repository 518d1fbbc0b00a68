// 服务归档: the query, paging, a ticket's detail with its history, who may see
// them; and the home page's to-dos of the service steps.
import { login, startTestApp, TestApp } from '../support/app';
import { createCustomer } from '../support/builders/customers';
import { createServiceTicket } from '../support/builders/service';
import { serviceStaff } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof serviceStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await serviceStaff(t);
});
afterAll(() => t.close());

const archived = (input: { customerId?: number; summary: string; type?: string; createdAt?: Date }) =>
  createServiceTicket(t.db, {
    customerId: input.customerId ?? staff.customer.id,
    createdById: staff.sales.id,
    assignedById: staff.manager.id,
    assigneeId: staff.otherSales.id,
    status: 'archived',
    summary: input.summary,
    type: input.type,
    createdAt: input.createdAt,
  });

describe('the archive query', () => {
  beforeAll(async () => {
    const other = await createCustomer(t.db, { name: '深圳海风电子' });
    await archived({ summary: '一月的咨询', type: '咨询', createdAt: new Date(2024, 0, 15, 10, 0) });
    await archived({ summary: '二月的投诉', type: '投诉', createdAt: new Date(2024, 1, 3, 23, 30) });
    await archived({ customerId: other.id, summary: '海风的建议', type: '建议', createdAt: new Date(2024, 2, 1, 0, 5) });
    await createServiceTicket(t.db, {
      customerId: staff.customer.id,
      createdById: staff.sales.id,
      status: 'handled',
      assigneeId: staff.otherSales.id,
      summary: '还没归档的服务',
    });
  });

  const search = async (query: string) => (await login(t.app, 'manager')).get('/service/archive?' + query);
  const found = (text: string) => ['一月的咨询', '二月的投诉', '海风的建议', '还没归档的服务'].filter((s) => text.includes(s));

  test('without conditions lists every archived ticket, not the others', async () => {
    const res = await search('');
    expect(res.status).toBe(200);
    expect(found(res.text)).toEqual(['一月的咨询', '二月的投诉', '海风的建议']);
    for (const label of ['客户', '概要', '服务类型', '创建日期从', '到']) expect(res.text).toContain(`">${label}</label>`);
  });

  test('by customer, summary, type and created-date range', async () => {
    expect(found((await search('customerName=' + encodeURIComponent('海风'))).text)).toEqual(['海风的建议']);
    expect(found((await search('summary=' + encodeURIComponent('投诉'))).text)).toEqual(['二月的投诉']);
    expect(found((await search('type=' + encodeURIComponent('咨询'))).text)).toEqual(['一月的咨询']);
    expect(found((await search('createdFrom=2024-1-15&createdTo=2024-02-03')).text)).toEqual(['一月的咨询', '二月的投诉']);
    expect(found((await search('createdFrom=2024-2-4')).text)).toEqual(['海风的建议']);
    expect(found((await search('createdTo=2024-1-14')).text)).toEqual([]);
  });

  test('a malformed date is refused with the reason', async () => {
    const res = await search('createdFrom=2024-13-01');
    expect(res.status).toBe(422);
    expect(res.text).toContain('创建日期起格式应为 2011-7-1 或 2011-07-01');
  });

  test('a search takes LIKE’s wildcards literally', async () => {
    await archived({ summary: '折扣100%的投诉', type: '投诉', createdAt: new Date(2024, 3, 1) });
    await archived({ summary: '折扣1000元的投诉', type: '投诉', createdAt: new Date(2024, 3, 2) });
    const res = await search('summary=' + encodeURIComponent('100%'));
    expect(res.text).toContain('折扣100%的投诉');
    expect(res.text).not.toContain('折扣1000元的投诉');
    expect((await search('summary=' + encodeURIComponent('折扣_'))).text).toContain('没有符合条件的已归档服务。');
  });

  test('is paged, keeping the conditions', async () => {
    for (let i = 1; i <= 11; i++) await archived({ summary: `批量归档${i}`, type: '建议', createdAt: new Date(2025, 5, i) });
    // Counted among the archived tickets only.
    await createServiceTicket(t.db, { customerId: staff.customer.id, createdById: staff.sales.id, status: 'handled', assigneeId: staff.otherSales.id, summary: '批量归档之外' });
    const first = await search('summary=' + encodeURIComponent('批量归档'));
    expect(first.text).toContain('共 11 条，第 1/2 页');
    expect(first.text).toContain('批量归档11');
    expect(first.text).not.toContain('批量归档1<');
    const second = await search('summary=' + encodeURIComponent('批量归档') + '&page=2');
    expect(second.text).toContain('第 2/2 页');
    expect(second.text).toContain('批量归档1<');
    expect(first.text).toContain('page=2');
    expect(first.text).toContain('summary=' + encodeURIComponent('批量归档'));
  });

  test('is open to sales, managers and executives, not to the admin', async () => {
    for (const username of ['sales1', 'manager', 'boss']) {
      expect((await (await login(t.app, username)).get('/service/archive')).status).toBe(200);
    }
    expect((await (await login(t.app, 'admin')).get('/service/archive')).status).toBe(403);
  });
});

describe('a ticket’s detail', () => {
  test('shows every field and the history to the executive', async () => {
    const ticket = await archived({ summary: '详情页的服务' });
    const res = await (await login(t.app, 'boss')).get(`/service/${ticket.id}`);
    expect(res.status).toBe(200);
    for (const text of [ticket.number, '详情页的服务', '北京远航科技', '已归档', '处理历史', '第 1 轮', '创建', '分配', '处理', '反馈']) {
      expect(res.text).toContain(text);
    }
    expect(res.text).toContain(`<td>${staff.manager.name}</td>`);
    expect(res.text).toContain(`分配给：${staff.otherSales.name}`);
  });

  test('offers the steps the user may take now', async () => {
    const ticket = await createServiceTicket(t.db, {
      customerId: staff.customer.id,
      createdById: staff.sales.id,
      status: 'assigned',
      assigneeId: staff.otherSales.id,
    });
    const assignee = await (await login(t.app, 'sales2')).get(`/service/${ticket.id}`);
    expect(assignee.text).toContain(`href="/service/${ticket.id}/handle"`);
    const creator = await (await login(t.app, 'sales1')).get(`/service/${ticket.id}`);
    expect(creator.text).not.toContain(`href="/service/${ticket.id}/handle"`);
  });

  test('is refused to the admin; an unknown ticket is a 404', async () => {
    const ticket = await archived({ summary: '管理员看不到' });
    const admin = await login(t.app, 'admin');
    expect((await admin.get(`/service/${ticket.id}`)).status).toBe(403);
    const manager = await login(t.app, 'manager');
    expect((await manager.get('/service/999999')).status).toBe(404);
    expect((await manager.get('/service/0')).status).toBe(404);
  });
});

describe('the home page’s to-dos', () => {
  test('count what waits for each user', async () => {
    await t.db.serviceTicketEvent.deleteMany();
    await t.db.serviceTicket.deleteMany();
    const ticket = (status: 'created' | 'assigned' | 'handled', createdById = staff.sales.id) =>
      createServiceTicket(t.db, {
        customerId: staff.customer.id,
        createdById,
        status,
        assigneeId: status === 'created' ? undefined : staff.otherSales.id,
      });
    await ticket('created');
    await ticket('created');
    await ticket('assigned');
    await ticket('handled');
    await ticket('handled', staff.manager.id);

    const home = async (username: string) => (await (await login(t.app, username)).get('/home')).text;
    const todo = (count: number, label: string) => `<span class="todo-count">${count}</span><span class="todo-label">${label}</span>`;
    const manager = await home('manager');
    expect(manager).toContain(todo(2, '待分配的服务'));
    expect(manager).toContain(todo(1, '待反馈的服务'));
    expect(manager).not.toContain('待处理的服务');
    const assignee = await home('sales2');
    expect(assignee).toContain(todo(1, '待处理的服务'));
    expect(assignee).toContain(todo(2, '待反馈的服务'));
    expect(assignee).not.toContain('待分配的服务');
    const creator = await home('sales1');
    expect(creator).toContain(todo(1, '待反馈的服务'));
    expect(creator).not.toContain('待处理的服务');
    const boss = await home('boss');
    expect(boss).not.toContain('的服务');
  });
});
