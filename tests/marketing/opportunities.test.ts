// 销售机会管理: the list (search, order, paging, row actions), create, detail,
// edit and delete — and every refusal of them.
import { login, startTestApp, TestApp } from '../support/app';
import { auditOf, createOpportunity, opportunityNow } from '../support/builders/marketing';
import { follow, marketingStaff } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof marketingStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await marketingStaff(t);
});
afterAll(() => t.close());

const form = {
  source: '广交会',
  customerName: '北京远航科技',
  successRate: '80',
  summary: '采购五十台服务器',
  contact: '张经理',
  contactPhone: '010-88886666',
  description: '客户在展会上表示明年采购',
};

describe('the list', () => {
  test('searches by customer name, summary, contact and status, newest first', async () => {
    const base = Date.UTC(2030, 0, 1);
    const older = await createOpportunity(t.db, {
      createdById: staff.sales.id,
      customerName: '搜索甲公司',
      summary: '搜索用概要A',
      contact: '搜索联系人',
      createdAt: new Date(base),
    });
    const newer = await createOpportunity(t.db, {
      createdById: staff.sales.id,
      customerName: '搜索乙公司',
      summary: '搜索用概要B',
      createdAt: new Date(base + 60_000),
    });
    const assigned = await createOpportunity(t.db, {
      createdById: staff.sales.id,
      customerName: '搜索丙公司',
      status: 'assigned',
      assigneeId: staff.sales.id,
      createdAt: new Date(base + 120_000),
    });
    const session = await login(t.app, 'sales2');
    const all = await session.get('/opportunities?customerName=搜索');
    expect(all.status).toBe(200);
    const order = [assigned, newer, older].map((o) => all.text.indexOf(`>${o.customerName}<`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(all.text).toContain('共 3 条');

    const bySummary = (await session.get('/opportunities?summary=概要B')).text;
    expect(bySummary).toContain('搜索乙公司');
    expect(bySummary).not.toContain('搜索甲公司');
    const byContact = (await session.get(`/opportunities?contact=${encodeURIComponent('搜索联系人')}`)).text;
    expect(byContact).toContain('搜索甲公司');
    expect(byContact).not.toContain('搜索乙公司');
    const byStatus = (await session.get('/opportunities?customerName=搜索&status=assigned')).text;
    expect(byStatus).toContain('搜索丙公司');
    expect(byStatus).not.toContain('搜索乙公司');
    expect(byStatus).toContain('共 1 条');
    expect((await session.get('/opportunities?customerName=没有这样的公司')).text).toContain('没有符合条件的销售机会');
  });

  test('a search with many matches (more than are paged by their ids) is counted and paged in the same order', async () => {
    const at = (i: number) => new Date(Date.UTC(2019, 0, 1, 0, i));
    await t.db.opportunity.createMany({
      data: Array.from({ length: 205 }, (_, i) => ({
        source: '展会', customerName: `多匹配公司${i}`, successRate: 50, summary: `多匹配概要${String(i).padStart(3, '0')}`,
        contact: '多匹配联系人', contactPhone: '13800000000', description: '多匹配', createdById: staff.manager.id, createdAt: at(i),
      })),
    });
    const session = await login(t.app, 'manager');
    for (const query of ['summary=多匹配概要', 'contact=多匹配联系人', 'customerName=多匹配公司']) {
      const first = (await session.get(`/opportunities?${encodeURI(query)}`)).text;
      expect(first).toContain('共 205 条，第 1/21 页');
      expect(first).toContain('多匹配公司204<');
      const last = (await session.get(`/opportunities?${encodeURI(query)}&page=21`)).text;
      expect(last).toContain('多匹配公司0<');
      expect(last).toContain('多匹配公司4<');
      expect(last).not.toContain('多匹配公司5<');
    }
  });

  test('pages by ten, keeping the search', async () => {
    for (let i = 0; i < 12; i += 1) {
      await createOpportunity(t.db, { createdById: staff.manager.id, customerName: `分页公司${String(i).padStart(2, '0')}`, createdAt: new Date(Date.UTC(2020, 0, 1, 0, i)) });
    }
    const session = await login(t.app, 'manager');
    const first = (await session.get('/opportunities?customerName=分页公司')).text;
    expect(first).toContain('共 12 条，第 1/2 页');
    expect(first).toContain('分页公司11');
    expect(first).not.toContain('分页公司01');
    expect(first).toContain('customerName=%E5%88%86%E9%A1%B5%E5%85%AC%E5%8F%B8&amp;page=2');
    const second = (await session.get('/opportunities?customerName=分页公司&page=2')).text;
    expect(second).toContain('分页公司01');
    expect(second).toContain('分页公司00');
    expect(second).not.toContain('分页公司11');
  });

  test('edit and delete only on 未分配 rows, for whom they are allowed; assign for managers', async () => {
    const mine = await createOpportunity(t.db, { createdById: staff.sales.id, customerName: '按钮甲' });
    const done = await createOpportunity(t.db, { createdById: staff.sales.id, customerName: '按钮乙', status: 'assigned', assigneeId: staff.sales.id });
    const sales = (await (await login(t.app, 'sales1')).get('/opportunities?customerName=按钮')).text;
    expect(sales).toContain(`/opportunities/${mine.id}/edit`);
    expect(sales).toContain(`/opportunities/${mine.id}/delete`);
    expect(sales).not.toContain(`/opportunities/${mine.id}/assign`);
    expect(sales).not.toContain(`/opportunities/${done.id}/edit`);
    expect(sales).not.toContain(`/opportunities/${done.id}/delete`);
    expect(sales).toContain('新建销售机会');

    const other = (await (await login(t.app, 'sales2')).get('/opportunities?customerName=按钮')).text;
    expect(other).not.toContain(`/opportunities/${mine.id}/edit`);
    expect(other).not.toContain(`/opportunities/${mine.id}/delete`);

    const manager = (await (await login(t.app, 'manager')).get('/opportunities?customerName=按钮')).text;
    expect(manager).toContain(`/opportunities/${mine.id}/assign`);
    expect(manager).toContain(`/opportunities/${mine.id}/edit`);
    expect(manager).not.toContain(`/opportunities/${mine.id}/delete`);
    expect(manager).not.toContain(`/opportunities/${done.id}/assign`);
  });

  test('is not for executives or administrators', async () => {
    for (const username of ['boss', 'admin']) {
      const session = await login(t.app, username);
      expect((await session.get('/opportunities')).status).toBe(403);
      expect((await session.get('/opportunities/new')).status).toBe(403);
    }
  });
});

describe('creating', () => {
  test('the form shows every field with its label; creator and time read-only', async () => {
    const session = await login(t.app, 'sales1');
    const res = await session.get('/opportunities/new');
    expect(res.status).toBe(200);
    for (const [name, label] of [
      ['source', '机会来源'],
      ['customerName', '客户名称'],
      ['successRate', '成功几率'],
      ['summary', '概要'],
      ['contact', '联系人'],
      ['contactPhone', '联系电话'],
      ['description', '机会描述'],
    ]) {
      expect(res.text).toContain(`<label for="f-${name}">${label}`);
      expect(res.text).toContain(`id="f-${name}" name="${name}"`);
    }
    expect(res.text).toMatch(/id="f-customerName" name="customerName" value="" maxlength="100" required/);
    expect(res.text).toContain('min="0" max="100"');
    expect(res.text).toContain(staff.sales.name);
    expect(res.text).not.toContain('name="createdById"');
  });

  test('saves an 未分配 opportunity with the creator and time set by the system: 保存成功', async () => {
    const session = await login(t.app, 'sales1');
    const before = Date.now();
    const res = await session.post('/opportunities', { ...form, customerName: '新建测试公司', createdById: staff.manager.id });
    expect(res.headers.location).toBe('/opportunities');
    expect(await follow(session, res)).toContain('保存成功');
    const saved = await t.db.opportunity.findFirstOrThrow({ where: { customerName: '新建测试公司' } });
    expect(saved).toMatchObject({
      source: '广交会',
      successRate: 80,
      summary: '采购五十台服务器',
      contact: '张经理',
      contactPhone: '010-88886666',
      description: '客户在展会上表示明年采购',
      createdById: staff.sales.id,
      status: 'unassigned',
      assigneeId: null,
      assignedAt: null,
    });
    expect(saved.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const audit = await auditOf(t.db, 'Opportunity', saved.id);
    expect(audit.map((a) => [a.action, a.userId])).toEqual([['create', staff.sales.id]]);
  });

  test('a manager creates too; blank optional fields stay empty', async () => {
    const session = await login(t.app, 'manager');
    await session.post('/opportunities', { ...form, customerName: '主管新建公司', source: '', contact: '', contactPhone: ' ' });
    const saved = await t.db.opportunity.findFirstOrThrow({ where: { customerName: '主管新建公司' } });
    expect(saved).toMatchObject({ createdById: staff.manager.id, source: null, contact: null, contactPhone: null });
  });

  test('missing required fields: 422 naming them, the entered values kept, nothing saved', async () => {
    const session = await login(t.app, 'sales1');
    const count = await t.db.opportunity.count();
    const res = await session.post('/opportunities', { source: '留下的来源', contact: '留下的联系人' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('必填信息不完全：客户名称、成功几率、概要、机会描述');
    expect(res.text).toContain('value="留下的来源"');
    expect(res.text).toContain('value="留下的联系人"');
    expect(await t.db.opportunity.count()).toBe(count);
  });

  test('malformed success rate or too long fields: 422, nothing saved', async () => {
    const session = await login(t.app, 'sales1');
    const count = await t.db.opportunity.count();
    for (const successRate of ['101', '-5', '12.5', 'abc']) {
      const res = await session.post('/opportunities', { ...form, successRate });
      expect(res.status).toBe(422);
      expect(res.text).toContain('成功几率必须是');
    }
    const long = await session.post('/opportunities', { ...form, customerName: 'x'.repeat(101) });
    expect(long.status).toBe(422);
    expect(long.text).toContain('客户名称不能超过 100 个字');
    expect(await t.db.opportunity.count()).toBe(count);
  });

  test('refused to executives, and without a valid CSRF token', async () => {
    const count = await t.db.opportunity.count();
    expect((await (await login(t.app, 'boss')).post('/opportunities', form)).status).toBe(403);
    const session = await login(t.app, 'sales1');
    expect((await session.agent.post('/opportunities').type('form').send(form)).status).toBe(403);
    expect((await session.agent.post('/opportunities').type('form').send({ ...form, _csrf: 'wrong' })).status).toBe(403);
    expect(await t.db.opportunity.count()).toBe(count);
  });
});

describe('the detail', () => {
  test('shows every field and the buttons the user may use', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id, customerName: '详情公司', contact: '李四' });
    const res = await (await login(t.app, 'manager')).get(`/opportunities/${o.id}`);
    expect(res.status).toBe(200);
    for (const text of ['详情公司', '李四', o.summary, o.description, staff.sales.name, '未分配', '50%']) expect(res.text).toContain(text);
    expect(res.text).toContain(`/opportunities/${o.id}/assign`);
  });

  test('an unknown opportunity is a 404', async () => {
    const session = await login(t.app, 'sales1');
    expect((await session.get('/opportunities/999999')).status).toBe(404);
    expect((await session.get('/opportunities/abc')).status).toBe(404);
  });
});

describe('editing', () => {
  test('the creator edits the fields, creator and created time stay: 保存成功', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id });
    const session = await login(t.app, 'sales1');
    const page = await session.get(`/opportunities/${o.id}/edit`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`value="${o.customerName}"`);
    const res = await session.post(`/opportunities/${o.id}/edit`, { ...form, successRate: '35', createdById: staff.manager.id });
    expect(await follow(session, res)).toContain('保存成功');
    const now = await opportunityNow(t.db, o.id);
    expect(now).toMatchObject({ ...form, successRate: 35, createdById: staff.sales.id, createdAt: o.createdAt, status: 'unassigned' });
    const audit = await auditOf(t.db, 'Opportunity', o.id);
    expect(audit.map((a) => a.action)).toEqual(['update']);
    expect(JSON.parse(audit[0].before!).customerName).toBe(o.customerName);
    expect(JSON.parse(audit[0].after!).customerName).toBe(form.customerName);
  });

  test('a manager edits any 未分配 opportunity', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id });
    const session = await login(t.app, 'manager');
    await session.post(`/opportunities/${o.id}/edit`, { ...form, summary: '主管改过的概要' });
    expect((await opportunityNow(t.db, o.id))!.summary).toBe('主管改过的概要');
  });

  test('another account manager may not: 403, nothing changed', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id });
    const session = await login(t.app, 'sales2');
    expect((await session.get(`/opportunities/${o.id}/edit`)).status).toBe(403);
    const res = await session.post(`/opportunities/${o.id}/edit`, { ...form, summary: '别人改的' });
    expect(res.status).toBe(403);
    expect((await opportunityNow(t.db, o.id))!.summary).toBe(o.summary);
  });

  test('not once it is 已指派: refused with the reason, nothing changed', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id, status: 'assigned', assigneeId: staff.sales.id });
    const session = await login(t.app, 'sales1');
    const page = await session.get(`/opportunities/${o.id}/edit`);
    expect(await follow(session, page)).toContain('该销售机会当前状态为「已指派」，只有未分配的销售机会可以编辑');
    const res = await session.post(`/opportunities/${o.id}/edit`, { ...form, summary: '晚来的修改' });
    expect(res.headers.location).toBe(`/opportunities/${o.id}`);
    expect(await follow(session, res)).toContain('只有未分配的销售机会可以编辑');
    expect((await opportunityNow(t.db, o.id))!.summary).toBe(o.summary);
  });

  test('missing fields: 422 naming them, nothing changed', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id });
    const session = await login(t.app, 'sales1');
    const res = await session.post(`/opportunities/${o.id}/edit`, { ...form, summary: '', description: ' ' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('必填信息不完全：概要、机会描述');
    expect(res.text).toContain(`value="${form.customerName}"`);
    expect(await opportunityNow(t.db, o.id)).toMatchObject({ summary: o.summary, customerName: o.customerName });
  });

  test('a bad CSRF token changes nothing', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id });
    const session = await login(t.app, 'sales1');
    const res = await session.agent.post(`/opportunities/${o.id}/edit`).type('form').send({ ...form, _csrf: 'x' });
    expect(res.status).toBe(403);
    expect((await opportunityNow(t.db, o.id))!.customerName).toBe(o.customerName);
  });
});

describe('deleting', () => {
  test('the creator is asked 确认删除? and then it is gone: 删除成功', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id, customerName: '要删除的公司' });
    const session = await login(t.app, 'sales1');
    const confirm = await session.get(`/opportunities/${o.id}/delete`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('确认删除?');
    expect(confirm.text).toContain('要删除的公司');
    expect(confirm.text).toContain(`action="/opportunities/${o.id}/delete"`);
    const res = await session.post(`/opportunities/${o.id}/delete`);
    expect(res.headers.location).toBe('/opportunities');
    expect(await follow(session, res)).toContain('删除成功');
    expect(await opportunityNow(t.db, o.id)).toBeNull();
    const audit = await auditOf(t.db, 'Opportunity', o.id);
    expect(audit.map((a) => [a.action, a.userId, a.after])).toEqual([['delete', staff.sales.id, null]]);
  });

  test('anyone else — another account manager or a manager — is refused, nothing deleted', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id });
    for (const username of ['sales2', 'manager']) {
      const session = await login(t.app, username);
      const page = await session.get(`/opportunities/${o.id}/delete`);
      expect(page.status).toBe(403);
      expect(page.text).toContain('只有创建人可以删除该销售机会');
      expect((await session.post(`/opportunities/${o.id}/delete`)).status).toBe(403);
    }
    expect((await (await login(t.app, 'boss')).post(`/opportunities/${o.id}/delete`)).status).toBe(403);
    expect(await opportunityNow(t.db, o.id)).not.toBeNull();
  });

  test('a manager deletes his own', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.manager.id });
    const session = await login(t.app, 'manager');
    await session.post(`/opportunities/${o.id}/delete`);
    expect(await opportunityNow(t.db, o.id)).toBeNull();
  });

  test('not once it is 已指派, even by its creator', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id, status: 'assigned', assigneeId: staff.otherSales.id });
    const session = await login(t.app, 'sales1');
    expect(await follow(session, await session.get(`/opportunities/${o.id}/delete`))).toContain('只有未分配的销售机会可以删除');
    const res = await session.post(`/opportunities/${o.id}/delete`);
    expect(await follow(session, res)).toContain('该销售机会当前状态为「已指派」，只有未分配的销售机会可以删除');
    expect(await opportunityNow(t.db, o.id)).not.toBeNull();
  });

  test('without a valid CSRF token nothing is deleted; an unknown one is a 404', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.sales.id });
    const session = await login(t.app, 'sales1');
    expect((await session.agent.post(`/opportunities/${o.id}/delete`).type('form').send({})).status).toBe(403);
    expect(await opportunityNow(t.db, o.id)).not.toBeNull();
    expect((await session.post('/opportunities/999999/delete')).status).toBe(404);
  });
});
