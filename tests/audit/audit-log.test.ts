// 审计日志: the administrator's search — user, kind of record, record number or
// name, action, date range — newest first and paged, and an entry's before/after.
import { follow, login, TestApp } from '../support/app';
import { startStaffedApp, Staff } from '../support/staffed-app';
import { createCustomer } from '../support/builders/customers';
import { createOpportunity } from '../support/builders/marketing';

let t: TestApp;
let staff: Staff;
beforeAll(async () => ({ t, staff } = await startStaffedApp()));
afterAll(() => t.close());

const entry = (data: { userId: number | null; action: string; entity: string; entityId: string; before?: unknown; after?: unknown; at?: Date }) =>
  t.db.auditEntry.create({
    data: { ...data, before: data.before ? JSON.stringify(data.before) : null, after: data.after ? JSON.stringify(data.after) : null },
  });

test('is for the administrator only', async () => {
  for (const username of ['manager', 'sales1', 'boss']) {
    const session = await login(t.app, username);
    expect((await session.get('/audit')).status).toBe(403);
    expect((await session.get('/audit/1')).status).toBe(403);
  }
  expect((await (await login(t.app, 'admin')).get('/audit/999999')).status).toBe(404);
});

test('a change made through the pages appears, newest first, and opens its before/after in Chinese', async () => {
  const customer = await createCustomer(t.db, { name: '审计页公司', accountManagerId: staff.sales.id, region: '北京' });
  // Logging in is audited too: the administrator logs in first, so the change is the newest entry.
  const session = await login(t.app, 'admin');
  const manager = await login(t.app, 'manager');
  const edit = await manager.get(`/customers/${customer.id}/edit`);
  expect(edit.status).toBe(200);
  const res = await manager.post(`/customers/${customer.id}/edit`, { name: '审计页公司', region: '华北', accountManagerId: staff.sales.id, phone: '010-88888888' });
  expect(await follow(manager, res)).toContain('保存成功');

  const list = (await session.get('/audit')).text;
  expect(list).toContain('<label for="s-record">记录编号或名称</label>');
  const rows = list.split('<tr>').slice(2);
  expect(rows[0]).toContain('王主管（manager）');
  expect(rows[0]).toContain('<td>修改</td>');
  expect(rows[0]).toContain('<td>客户</td>');
  expect(rows[0]).toContain(`${customer.id} ${customer.number}`);

  const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entity: 'Customer', entityId: String(customer.id) }, orderBy: { id: 'desc' } });
  const detail = (await session.get(`/audit/${audit.id}`)).text;
  expect(detail).toMatch(/<tr class="changed">\s*<th scope="row">地区<\/th>\s*<td>北京<\/td>\s*<td>华北<\/td>\s*<td>已修改<\/td>/);
  expect(detail).toMatch(/<tr class="changed">\s*<th scope="row">电话<\/th>\s*<td><\/td>\s*<td>010-88888888<\/td>/);
  expect(detail).toMatch(/<tr>\s*<th scope="row">客户名称<\/th>\s*<td>审计页公司<\/td>\s*<td>审计页公司<\/td>\s*<td><\/td>/);
});

test('fields pointing at other records show the record\'s name beside the id; unknown ids stay as they are', async () => {
  const customer = await createCustomer(t.db, { name: '引用名称公司', accountManagerId: staff.sales.id });
  const opportunity = await createOpportunity(t.db, { createdById: staff.manager.id, customerName: '引用机会公司' });
  const product = await t.db.product.create({ data: { name: '引用显示器', price: '1399.00' } });
  const ticket = await entry({
    userId: staff.manager.id, action: 'handle', entity: 'ServiceTicket', entityId: '88',
    before: { customerId: customer.id, createdById: staff.manager.id, assigneeId: null, handlerId: 999999 },
    after: { customerId: customer.id, createdById: staff.manager.id, assigneeId: staff.sales.id, handlerId: 999999 },
  });
  const stock = await entry({ userId: staff.admin.id, action: 'update', entity: 'Stock', entityId: '7', before: { productId: product.id, quantity: 1 }, after: { productId: product.id, quantity: 2 } });
  const plan = await entry({ userId: staff.sales.id, action: 'create', entity: 'PlanItem', entityId: '9', after: { opportunityId: String(opportunity.id), content: '拜访' } });
  const session = await login(t.app, 'admin');
  const row = (label: string, before: string, after: string) =>
    new RegExp(`<th scope="row">${label}</th>\\s*<td>${before}</td>\\s*<td>${after}</td>`);

  const ticketPage = (await session.get(`/audit/${ticket.id}`)).text;
  expect(ticketPage).toMatch(row('客户', `${customer.id} ${customer.number} 引用名称公司`, `${customer.id} ${customer.number} 引用名称公司`));
  expect(ticketPage).toMatch(row('创建人', `${staff.manager.id} ${staff.manager.name}`, `${staff.manager.id} ${staff.manager.name}`));
  expect(ticketPage).toMatch(row('指派给', '', `${staff.sales.id} ${staff.sales.name}`));
  expect(ticketPage).toMatch(row('处理人', '999999', '999999'));
  expect((await session.get(`/audit/${stock.id}`)).text).toMatch(row('产品', `${product.id} 引用显示器`, `${product.id} 引用显示器`));
  expect((await session.get(`/audit/${plan.id}`)).text).toMatch(row('销售机会', '', `${opportunity.id} 引用机会公司`));
});

describe('the search', () => {
  beforeAll(async () => {
    await entry({ userId: staff.sales.id, action: 'create', entity: 'Opportunity', entityId: '501', after: { customerName: '搜索甲公司' }, at: new Date(2026, 0, 10, 9) });
    await entry({ userId: staff.manager.id, action: 'assign', entity: 'Opportunity', entityId: '501', before: { customerName: '搜索甲公司' }, after: { customerName: '搜索甲公司' }, at: new Date(2026, 0, 12, 9) });
    await entry({ userId: staff.admin.id, action: 'disable', entity: 'User', entityId: '777', before: { username: 'gone' }, after: { username: 'gone' }, at: new Date(2026, 0, 15, 23, 30) });
  });

  const search = async (query: string) => (await (await login(t.app, 'admin')).get(`/audit?${query}`)).text;

  test('by user', async () => {
    const text = await search(`userId=${staff.manager.id}`);
    expect(text).toContain('<td>指派</td>');
    expect(text).not.toContain('<td>禁用</td>');
  });

  test('by kind of record and action', async () => {
    expect(await search('entity=User')).toContain('777 gone');
    expect(await search('entity=User')).not.toContain('搜索甲公司');
    const assigns = await search('action=assign');
    expect(assigns).toContain('501 搜索甲公司');
    expect(assigns).toContain('共 1 条');
  });

  test('by record number or name', async () => {
    expect(await search('record=501')).toContain('共 2 条');
    expect(await search(`record=${encodeURIComponent('搜索甲')}`)).toContain('共 2 条');
  });

  test('by date range, both days included', async () => {
    const text = await search('from=2026-01-11&to=2026-01-15');
    expect(text).toContain('共 2 条');
    expect(text).toContain('777 gone');
    expect(text).not.toContain('<td>新建</td>');
  });

  test('a bad date answers 422 with its message and no entries', async () => {
    const res = await (await login(t.app, 'admin')).get('/audit?from=2026-13-01');
    expect(res.status).toBe(422);
    expect(res.text).toContain('开始日期格式应为');
    expect(res.text).toContain('没有符合条件的审计记录。');
  });

  test('a user that is not a plain whole number (1e3, 0x10) answers 422, as every id filter does', async () => {
    const session = await login(t.app, 'admin');
    for (const userId of ['1e3', '0x10', '-1']) {
      const res = await session.get(`/audit?userId=${userId}`);
      expect([userId, res.status]).toEqual([userId, 422]);
      expect(res.text).toContain('没有符合条件的审计记录。');
    }
  });

  test('pages, newest first', async () => {
    for (let i = 0; i < 12; i += 1) await entry({ userId: null, action: 'update', entity: 'Product', entityId: `p${i}`, at: new Date(2025, 5, 1 + i) });
    const first = await search('entity=Product');
    expect(first).toContain('共 12 条，第 1/2 页');
    expect(first.indexOf('p11')).toBeLessThan(first.indexOf('p10'));
    expect(first).not.toContain('<td>p1</td>');
    expect(await search('entity=Product&page=2')).toContain('<td>p0</td>');
  });
});
