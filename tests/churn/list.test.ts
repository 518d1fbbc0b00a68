// 客户流失管理: the list (own or all, filters, paging), a warning's page, and the home page's count.
import { login, startTestApp, TestApp } from '../support/app';
import { churnStaff, warningFor } from './support';
import { createUser } from '../support/builders/users';
import { createCustomer } from '../support/builders/customers';

let t: TestApp;
let staff: Awaited<ReturnType<typeof churnStaff>>;
let mine: Awaited<ReturnType<typeof warningFor>>;
let theirs: Awaited<ReturnType<typeof warningFor>>;
let done: Awaited<ReturnType<typeof warningFor>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await churnStaff(t);
  mine = await warningFor(t, staff.sales.id, '北京远航科技', { lastOrderDate: new Date(2025, 11, 3, 10) });
  theirs = await warningFor(t, staff.otherSales.id, '上海明珠贸易');
  done = await warningFor(t, staff.sales.id, '广州老客户', {
    status: 'churned',
    measures: [{ content: '电话回访', authorId: staff.sales.id }],
    reason: '转向竞争对手',
  });
});
afterAll(() => t.close());

describe('the list', () => {
  test('sales see the warnings of their own customers only', async () => {
    const sales = await login(t.app, 'sales1');
    const res = await sales.get('/churn');
    expect(res.status).toBe(200);
    expect(res.text).toContain('北京远航科技');
    expect(res.text).toContain('广州老客户');
    expect(res.text).not.toContain('上海明珠贸易');
    expect(res.text).toContain('2025-12-03');
    expect(res.text).toContain('从未下单');
    // No 客户经理 filter for whom only their own are shown.
    expect(res.text).not.toContain('name="accountManagerId"');
    expect(res.text).toContain('<label for="s-customerName">客户名称</label>');
    expect(res.text).toContain('<label for="s-status">状态</label>');
  });

  test('the manager sees all, and filters by customer name, 客户经理 and status', async () => {
    const manager = await login(t.app, 'manager');
    const all = await manager.get('/churn');
    for (const name of ['北京远航科技', '上海明珠贸易', '广州老客户']) expect(all.text).toContain(name);
    expect(all.text).toContain('<label for="s-accountManagerId">客户经理</label>');
    expect(all.text).toContain(`<option value="${staff.otherSales.id}">${staff.otherSales.name}</option>`);

    const byName = await manager.get('/churn?customerName=' + encodeURIComponent('明珠'));
    expect(byName.text).toContain('上海明珠贸易');
    expect(byName.text).not.toContain('北京远航科技');
    const byManager = await manager.get(`/churn?accountManagerId=${staff.otherSales.id}`);
    expect(byManager.text).toContain('上海明珠贸易');
    expect(byManager.text).not.toContain('北京远航科技');
    const churned = await manager.get('/churn?status=churned');
    expect(churned.text).toContain('广州老客户');
    expect(churned.text).not.toContain('北京远航科技');
    const open = await manager.get('/churn?status=open');
    expect(open.text).toContain('北京远航科技');
    expect(open.text).toContain('上海明珠贸易');
    expect(open.text).not.toContain('广州老客户');
  });

  test('the 客户经理 filter offers whoever manages a customer now: one given their first customer shows at once, after the list was shown', async () => {
    const manager = await login(t.app, 'manager');
    const newcomer = await createUser(t.db, { name: '新来的经理' });
    const option = `<option value="${newcomer.id}">新来的经理</option>`;
    expect((await manager.get('/churn')).text).not.toContain(option);
    await createCustomer(t.db, { accountManagerId: newcomer.id });
    expect((await manager.get('/churn')).text).toContain(option);
  });

  test('a bad filter is refused with a message', async () => {
    const manager = await login(t.app, 'manager');
    const res = await manager.get('/churn?status=nonsense');
    expect(res.status).toBe(422);
    expect(res.text).toContain('请选择有效的状态');
  });

  test('pages of ten, newest first, keeping the filter', async () => {
    const customerIds: number[] = [];
    for (let i = 0; i < 11; i++) {
      const { customer } = await warningFor(t, staff.otherSales.id, `分页客户${String(i).padStart(2, '0')}`);
      customerIds.push(customer.id);
    }
    const manager = await login(t.app, 'manager');
    const first = await manager.get('/churn?customerName=' + encodeURIComponent('分页客户'));
    expect(first.text).toContain('共 11 条，第 1/2 页');
    expect(first.text).toContain('分页客户10');
    expect(first.text).not.toContain('分页客户00');
    expect(first.text).toContain('page=2');
    expect(first.text).toContain('customerName=%E5%88%86%E9%A1%B5%E5%AE%A2%E6%88%B7');
    const second = await manager.get('/churn?customerName=' + encodeURIComponent('分页客户') + '&page=2');
    expect(second.text).toContain('分页客户00');
    expect(second.text).not.toContain('分页客户10');
    await t.db.churnWarning.deleteMany({ where: { customerId: { in: customerIds } } });
  });

  test('roles without the churn right are refused', async () => {
    for (const username of ['admin', 'boss']) {
      const session = await login(t.app, username);
      expect((await session.get('/churn')).status).toBe(403);
      expect((await session.get(`/churn/${mine.warning.id}`)).status).toBe(403);
    }
  });
});

describe("a warning's page", () => {
  test('shows the customer, 客户经理, last order date, status and every measure with time and author', async () => {
    const sales = await login(t.app, 'sales1');
    const res = await sales.get(`/churn/${done.warning.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('广州老客户');
    expect(res.text).toContain(done.customer.number);
    expect(res.text).toContain(staff.sales.name);
    expect(res.text).toContain('已流失');
    expect(res.text).toContain('转向竞争对手');
    expect(res.text).toContain('电话回访');
    // A finished warning offers no step.
    expect(res.text).not.toContain('action="/churn/');
  });

  test('its 客户经理 gets the 暂缓流失 form; 确认流失 only once a measure exists', async () => {
    const sales = await login(t.app, 'sales1');
    const res = await sales.get(`/churn/${mine.warning.id}`);
    expect(res.text).toContain(`action="/churn/${mine.warning.id}/measures"`);
    expect(res.text).toContain('<label for="f-content">暂缓措施');
    expect(res.text).not.toContain(`action="/churn/${mine.warning.id}/confirm"`);
    expect(res.text).toContain('填写至少一条暂缓措施后，才能确认流失');
    expect(res.text).toContain('2025-12-03');
  });

  test('the manager reads any warning but gets no form; another 客户经理 is refused', async () => {
    const manager = await login(t.app, 'manager');
    const res = await manager.get(`/churn/${theirs.warning.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('上海明珠贸易');
    expect(res.text).not.toContain('/measures"');
    const other = await login(t.app, 'sales2');
    expect((await other.get(`/churn/${mine.warning.id}`)).status).toBe(403);
    expect((await other.get('/churn/999999')).status).toBe(404);
    expect((await other.get('/churn/abc')).status).toBe(404);
  });

  test("ownership follows the customer's current 客户经理", async () => {
    const moved = await warningFor(t, staff.sales.id, '转交客户');
    await t.db.customer.update({ where: { id: moved.customer.id }, data: { accountManagerId: staff.otherSales.id } });
    const before = await login(t.app, 'sales1');
    expect((await before.get(`/churn/${moved.warning.id}`)).status).toBe(403);
    const now = await login(t.app, 'sales2');
    const page = await now.get(`/churn/${moved.warning.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('预警时客户经理');
    expect(page.text).toContain(`action="/churn/${moved.warning.id}/measures"`);
    expect((await now.get('/churn')).text).toContain('转交客户');
  });
});

describe('the home page', () => {
  test('shows the count of open warnings of the user’s customers', async () => {
    const sales = await login(t.app, 'sales2');
    const open = await t.db.churnWarning.count({
      where: { status: { in: ['warning', 'deferred'] }, customer: { accountManagerId: staff.otherSales.id } },
    });
    const home = await sales.get('/home');
    expect(home.text).toContain('待处理的流失预警');
    expect(home.text).toContain('href="/churn?status=open"');
    expect(home.text).toContain(`<span class="todo-count">${open}</span><span class="todo-label">待处理的流失预警`);
    const manager = await login(t.app, 'manager');
    expect((await manager.get('/home')).text).not.toContain('待处理的流失预警');
  });
});
