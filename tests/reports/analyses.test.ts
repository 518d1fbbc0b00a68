// 客户构成分析, 客户服务分析 and 客户流失分析: exact counts, every level and type shown
// (zero included), the filters, bad filter values, who may see them; and the
// home page's dashboard of the manager and the executive.
import { login, startTestApp, TestApp } from '../support/app';
import { createCustomer, createOrder } from '../support/builders/customers';
import { createWarning } from '../support/builders/churn';
import { createServiceTicket } from '../support/builders/service';
import { createStaff, userOf } from '../support/builders/users';
import { churnPerMonth } from '../../src/reports/churn';
import { reportDashboard } from '../../src/reports/dashboard';
import { reportContext } from '../../src/reports/analysis';
import { crmOrderSource } from '../../src/orders/crm-order-source';
import { expectRefused, tableRows, totalRow } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
const now = new Date();
const thisYear = now.getFullYear();

beforeAll(async () => {
  t = startTestApp();
  staff = await createStaff(t.db);
  const customer = (name: string, more: Parameters<typeof createCustomer>[1] = {}) =>
    createCustomer(t.db, { name, accountManagerId: staff.sales.id, ...more });
  const a = await customer('大客户甲', { level: '大客户', credit: 5, satisfaction: 4 });
  await customer('大客户乙', { level: '大客户', credit: 5 });
  await customer('普通客户丙', { level: '普通客户', credit: 3, satisfaction: 4 });
  await customer('未分级丁');
  const lost1 = await customer('流失客户一', { level: '大客户', status: 'churned', accountManagerId: staff.sales.id });
  const lost2 = await customer('流失客户二', { level: '合作伙伴', status: 'churned', accountManagerId: staff.otherSales.id });
  const lost3 = await customer('流失客户三', { status: 'churned', accountManagerId: staff.otherSales.id });
  await createWarning(t.db, { customerId: lost1.id, status: 'churned', reason: '转向竞争对手' });
  await createWarning(t.db, { customerId: lost2.id, status: 'churned', reason: '经营不善' });
  await createWarning(t.db, { customerId: lost3.id, status: 'churned', reason: '搬迁外地' });
  // Confirmed on known days: one 14 months ago (outside the 12 months), one last month.
  const warnings = await t.db.churnWarning.findMany({ orderBy: { id: 'asc' } });
  await t.db.churnWarning.update({ where: { id: warnings[1].id }, data: { confirmedAt: new Date(thisYear, now.getMonth() - 14, 10, 9) } });
  await t.db.churnWarning.update({ where: { id: warnings[2].id }, data: { confirmedAt: new Date(thisYear, now.getMonth() - 1, 10, 9) } });
  await createWarning(t.db, { customerId: a.id });
  // Tickets: this year 2 咨询 (one archived), 1 投诉; last year 1 建议.
  const ticket = (type: string, createdAt: Date, status: 'created' | 'archived' = 'created') =>
    createServiceTicket(t.db, { customerId: a.id, createdById: staff.manager.id, type, createdAt, status, assigneeId: staff.sales.id });
  await ticket('咨询', new Date(thisYear, 0, 2, 10));
  await ticket('咨询', new Date(thisYear, 0, 3, 10), 'archived');
  await ticket('投诉', new Date(thisYear, 0, 4, 10));
  await ticket('建议', new Date(thisYear - 1, 5, 1, 10), 'archived');
  // Orders for the dashboard: this year so far, and last year (earlier and later in the year than today).
  const line = (price: string) => [{ productName: '服务器', quantity: 1, price }];
  await createOrder(t.db, { customerId: a.id, date: new Date(thisYear, 0, 1, 9), lines: line('1200.00') });
  await createOrder(t.db, { customerId: a.id, date: new Date(thisYear - 1, 0, 1, 9), lines: line('800.00') });
  await createOrder(t.db, { customerId: a.id, date: new Date(thisYear - 1, 11, 31, 23), lines: line('300.00') });
});
afterAll(() => t.close());

describe('客户构成分析', () => {
  test('by 客户等级 of the 正常 customers by default: every level, zero included, and 未填写, with shares', async () => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get('/reports/composition');
    expect(res.status).toBe(200);
    expect(tableRows(res.text)).toEqual([
      '普通客户|1|25.0%',
      '重点开发客户|0|0.0%',
      '大客户|2|50.0%',
      '合作伙伴|0|0.0%',
      '战略合作伙伴|0|0.0%',
      '未填写|1|25.0%',
    ]);
    expect(totalRow(res.text)).toBe('合计|4|100.0%');
    const svg = /<svg[\s\S]*<\/svg>/.exec(res.text)![0];
    expect(svg.match(/fill="#2f6fb0"/g)?.length).toBeGreaterThanOrEqual(3);
    expect(svg).toContain('战略合作伙伴');
  });

  test('by 信用度 of all customers, and by 满意度 of the churned ones', async () => {
    const manager = await login(t.app, 'manager');
    const credit = await manager.get('/reports/composition?dimension=credit&status=all');
    expect(tableRows(credit.text)).toEqual(['1|0|0.0%', '2|0|0.0%', '3|1|14.3%', '4|0|0.0%', '5|2|28.6%', '未填写|4|57.1%']);
    const churned = await manager.get('/reports/composition?dimension=level&status=churned');
    expect(tableRows(churned.text)).toEqual([
      '普通客户|0|0.0%',
      '重点开发客户|0|0.0%',
      '大客户|1|33.3%',
      '合作伙伴|1|33.3%',
      '战略合作伙伴|0|0.0%',
      '未填写|1|33.3%',
    ]);
    expect(churned.text).toMatch(/<option value="churned" selected>已流失<\/option>/);
  });

  test.each([
    ['dimension=region', '请选择有效的分析维度'],
    ['status=lost', '请选择有效的客户状态'],
  ])('a bad filter (%s) gets a message and no rows', async (query, message) => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get(`/reports/composition?${query}`);
    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(tableRows(res.text)).toEqual([]);
    expect(res.text).not.toContain('<svg');
  });

  test('refusals', () => expectRefused(t, '/reports/composition'));
});

describe('客户服务分析', () => {
  test('this year: every 服务类型 with its count, and the statuses', async () => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get(`/reports/service?year=${thisYear}`);
    expect(tableRows(res.text, 0)).toEqual(['咨询|2|66.7%', '建议|0|0.0%', '投诉|1|33.3%']);
    expect(totalRow(res.text, 0)).toBe('合计|3|100.0%');
    expect(tableRows(res.text, 1)).toEqual(['新创建|2|66.7%', '已分配|0|0.0%', '已处理|0|0.0%', '已归档|1|33.3%']);
    // One bar per type, the unused one too (of no height).
    const svg = /<svg[\s\S]*<\/svg>/.exec(res.text)![0];
    expect(svg.match(/fill="#2f6fb0"/g)).toHaveLength(3);
    expect(svg).toContain('建议');
  });

  test('all years, and a year without tickets', async () => {
    const boss = await login(t.app, 'boss');
    const all = await boss.get('/reports/service');
    expect(tableRows(all.text, 0)).toEqual(['咨询|2|50.0%', '建议|1|25.0%', '投诉|1|25.0%']);
    const none = await boss.get('/reports/service?year=2001');
    expect(tableRows(none.text, 0)).toEqual(['咨询|0|0.0%', '建议|0|0.0%', '投诉|0|0.0%']);
    expect(totalRow(none.text, 0)).toBe('合计|0|0.0%');
  });

  test('a bad year gets a message and no rows', async () => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get('/reports/service?year=abc');
    expect(res.status).toBe(422);
    expect(res.text).toContain('年份必须是数字');
    expect(tableRows(res.text)).toEqual([]);
  });

  test('refusals', () => expectRefused(t, '/reports/service'));
});

describe('客户流失分析', () => {
  test('the churned customers, newest confirmation first, with 客户经理 and reason; and churns per month', async () => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get('/reports/churn');
    const rows = tableRows(res.text);
    expect(rows.map((r) => r.split('|').slice(1, 4).join('|'))).toEqual([
      '流失客户一|李明|转向竞争对手',
      '流失客户三|张伟|搬迁外地',
      '流失客户二|张伟|经营不善',
    ]);
    const svg = /<svg[\s\S]*<\/svg>/.exec(res.text)![0];
    // The line's point labels: 12 months, one churn this month and one last month.
    expect(svg).toContain('流失客户数');
  });

  test('churns per month: the last 12 months up to this one, zero months included', async () => {
    const months = await churnPerMonth(t.db, { customerName: null, accountManagerId: null }, now);
    expect(months).toHaveLength(12);
    const key = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    expect(months[11]).toEqual({ month: key(now), count: 1 });
    expect(months[10]).toEqual({ month: key(new Date(thisYear, now.getMonth() - 1, 1)), count: 1 });
    expect(months.reduce((sum, m) => sum + m.count, 0)).toBe(2);
  });

  test('filters by customer name and 客户经理', async () => {
    const manager = await login(t.app, 'manager');
    const byManager = await manager.get(`/reports/churn?accountManagerId=${staff.otherSales.id}`);
    expect(tableRows(byManager.text).map((r) => r.split('|')[1])).toEqual(['流失客户三', '流失客户二']);
    const byName = await manager.get(`/reports/churn?customerName=${encodeURIComponent('二')}&accountManagerId=${staff.otherSales.id}`);
    expect(tableRows(byName.text).map((r) => r.split('|')[1])).toEqual(['流失客户二']);
  });

  test('a bad 客户经理 gets a message and no rows', async () => {
    const boss = await login(t.app, 'boss');
    const res = await boss.get('/reports/churn?accountManagerId=x');
    expect(res.status).toBe(422);
    expect(res.text).toContain('客户经理必须是数字');
    expect(tableRows(res.text)).toEqual([]);
  });

  test('refusals', () => expectRefused(t, '/reports/churn'));
});

describe('the dashboard', () => {
  test('manager and executive see orders this year against last year, customers by status, open warnings and tickets', async () => {
    for (const username of ['manager', 'boss']) {
      const home = (await (await login(t.app, username)).get('/home')).text;
      expect(home).toContain(`订单金额（${thisYear} 年至今）</a></td><td class="number">1,200.00`);
      expect(home).toContain(`订单金额（${thisYear - 1} 年全年）</a></td><td class="number">1,100.00`);
      expect(home).toContain('客户（正常）</a></td><td class="number">4');
      expect(home).toContain('客户（已流失）</a></td><td class="number">3');
      expect(home).toContain('流失预警（未处理完）</a></td><td class="number">1');
      expect(home).toContain('服务（未归档）</a></td><td class="number">2');
      expect(home).toContain(`href="/reports/contribution?year=${thisYear}"`);
      expect(home).toContain('<svg');
      // The warnings' own list for the 销售主管; the 高管 may not see it, and gets the report.
      expect(home).toContain(username === 'manager' ? 'href="/churn?status=open"' : 'href="/reports/churn"');
    }
  });

  test('the order totals run to the end of today, the same periods on every visit of the day (so kept answers serve them)', async () => {
    const periods: { from: Date; to: Date }[] = [];
    const source = crmOrderSource(t.db);
    const orderSource = { ...source, orderTotal: (p: { from: Date; to: Date }) => (periods.push(p), source.orderTotal(p)) };
    const boss = userOf('executive', staff.executive.id);
    await reportDashboard(reportContext(t.db, orderSource, () => new Date(2026, 11, 31, 9, 0, 0)), boss);
    await reportDashboard(reportContext(t.db, orderSource, () => new Date(2026, 11, 31, 17, 30, 12)), boss);
    expect(periods.slice(3)).toEqual(periods.slice(0, 3));
    expect(periods.slice(0, 2)).toEqual([
      { from: new Date(2026, 0, 1), to: new Date(2027, 0, 1) },
      { from: new Date(2025, 0, 1), to: new Date(2026, 0, 1) },
    ]);
  });

  test('sales and admin see no dashboard', async () => {
    for (const username of ['sales1', 'admin']) {
      const home = (await (await login(t.app, username)).get('/home')).text;
      expect(home).not.toContain('class="dashboard"');
    }
  });
});

// Last: it adds tickets.
describe('kept until the next change', () => {
  test('a ticket created in the application counts at once, though the counts are kept between changes', async () => {
    const boss = await login(t.app, 'boss');
    const before = await boss.get(`/reports/service?year=${thisYear}`);
    expect(totalRow(before.text, 0)).toBe('合计|3|100.0%');
    // A row written behind the application's back (no audit entry) is not counted yet: the counts are kept.
    const customer = await t.db.customer.findFirstOrThrow({ where: { name: '大客户甲' } });
    await createServiceTicket(t.db, { customerId: customer.id, createdById: staff.manager.id, type: '投诉' });
    expect(totalRow((await boss.get(`/reports/service?year=${thisYear}`)).text, 0)).toBe('合计|3|100.0%');
    // A ticket created through the application writes its audit entry: both are counted now.
    const manager = await login(t.app, 'manager');
    const created = await manager.post('/service', { type: '咨询', customerId: customer.id, summary: '报表即时', request: '报表应立即计入' });
    expect(created.status).toBe(302);
    const after = await boss.get(`/reports/service?year=${thisYear}`);
    expect(tableRows(after.text, 0)).toEqual(['咨询|3|60.0%', '建议|0|0.0%', '投诉|2|40.0%']);
    expect(totalRow(after.text, 0)).toBe('合计|5|100.0%');
  });
});
