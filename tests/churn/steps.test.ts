// 暂缓流失 and 确认流失: each step, its database state and audit, and every refusal.
import { login, startTestApp, TestApp } from '../support/app';
import { warningNow } from '../support/builders/churn';
import { confirmChurn } from '../../src/churn/warnings';
import { loadCurrentUser } from '../../src/auth/users';
import { ConflictError } from '../../src/shared/errors';
import { churnStaff, follow, warningFor } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof churnStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await churnStaff(t);
});
afterAll(() => t.close());

const auditOf = (entity: string, id: number) =>
  t.db.auditEntry.findMany({ where: { entity, entityId: String(id) }, orderBy: { id: 'asc' } });

describe('暂缓流失', () => {
  test('the 客户经理 appends measures; each is kept with time and author; status 暂缓流失', async () => {
    const { warning } = await warningFor(t, staff.sales.id, '北京远航科技');
    const sales = await login(t.app, 'sales1');
    const before = Date.now();
    const res = await sales.post(`/churn/${warning.id}/measures`, { content: '上门拜访，了解需求\n第二行' });
    expect(res.headers.location).toBe(`/churn/${warning.id}`);
    const page = await follow(sales, res);
    expect(page).toContain('保存成功');
    expect(page).toContain('上门拜访，了解需求\n第二行');
    expect(page).toContain(`action="/churn/${warning.id}/confirm"`);

    await sales.post(`/churn/${warning.id}/measures`, { content: '赠送试用产品' });
    const now = await warningNow(t.db, warning.id);
    expect(now.status).toBe('deferred');
    expect(now.measures.map((m) => [m.content, m.authorId])).toEqual([
      ['上门拜访，了解需求\n第二行', staff.sales.id],
      ['赠送试用产品', staff.sales.id],
    ]);
    expect(now.measures[0].createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(now.customer.status).toBe('normal');
    const audit = await auditOf('ChurnWarning', warning.id);
    expect(audit.map((a) => [a.action, a.userId])).toEqual([
      ['defer', staff.sales.id],
      ['defer', staff.sales.id],
    ]);
    expect(JSON.parse(audit[0].before!).status).toBe('warning');
    expect(JSON.parse(audit[0].after!)).toMatchObject({ status: 'deferred', measure: { content: '上门拜访，了解需求\n第二行' } });

    const detail = await sales.get(`/churn/${warning.id}`);
    expect(detail.text).toContain('赠送试用产品');
    expect(detail.text).toContain(staff.sales.name);
  });

  test('a missing or too long measure: 422 with the message and the entered text, nothing saved', async () => {
    const { warning } = await warningFor(t, staff.sales.id, '缺少措施客户');
    const sales = await login(t.app, 'sales1');
    const missing = await sales.post(`/churn/${warning.id}/measures`, { content: '   ' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('必填信息不完全：暂缓措施');
    const tooLong = await sales.post(`/churn/${warning.id}/measures`, { content: '长'.repeat(501) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.text).toContain('暂缓措施不能超过 500 个字');
    expect(tooLong.text).toContain('长'.repeat(501));
    const now = await warningNow(t.db, warning.id);
    expect(now.status).toBe('warning');
    expect(now.measures).toHaveLength(0);
  });

  test('another 客户经理, the manager and other roles are refused; nothing saved', async () => {
    const { warning } = await warningFor(t, staff.sales.id, '他人客户');
    const other = await login(t.app, 'sales2');
    expect((await other.post(`/churn/${warning.id}/measures`, { content: '越权措施' })).status).toBe(403);
    expect((await other.post(`/churn/${warning.id}/measures`, { content: '' })).status).toBe(403);
    for (const username of ['manager', 'admin', 'boss']) {
      const session = await login(t.app, username);
      expect((await session.post(`/churn/${warning.id}/measures`, { content: '越权措施' })).status).toBe(403);
    }
    expect((await warningNow(t.db, warning.id)).measures).toHaveLength(0);
    expect(await auditOf('ChurnWarning', warning.id)).toHaveLength(0);
  });

  test('a 销售主管 who is the customer’s 客户经理 handles its warning, and sees it as a to-do', async () => {
    const { warning } = await warningFor(t, staff.manager.id, '主管自管客户');
    const manager = await login(t.app, 'manager');
    expect((await manager.get('/home')).text).toContain('待处理的流失预警');
    expect((await manager.get(`/churn/${warning.id}`)).text).toContain(`action="/churn/${warning.id}/measures"`);
    const page = await follow(manager, await manager.post(`/churn/${warning.id}/measures`, { content: '主管亲自回访' }));
    expect(page).toContain('保存成功');
    const now = await warningNow(t.db, warning.id);
    expect(now.status).toBe('deferred');
    expect(now.measures.map((m) => m.authorId)).toEqual([staff.manager.id]);
  });

  test('a warning already 已流失 takes no more measures', async () => {
    const { warning } = await warningFor(t, staff.sales.id, '已流失客户', {
      status: 'churned',
      measures: [{ content: '回访', authorId: staff.sales.id }],
    });
    const sales = await login(t.app, 'sales1');
    const page = await follow(sales, await sales.post(`/churn/${warning.id}/measures`, { content: '再试一次' }));
    expect(page).toContain('该客户已确认流失，不能再操作');
    expect((await warningNow(t.db, warning.id)).measures).toHaveLength(1);
  });

  test('a bad or missing CSRF token is refused', async () => {
    const { warning } = await warningFor(t, staff.sales.id, 'CSRF客户');
    const sales = await login(t.app, 'sales1');
    const forged = await sales.agent.post(`/churn/${warning.id}/measures`).type('form').send({ _csrf: 'forged', content: '措施' });
    expect(forged.status).toBe(403);
    const none = await sales.agent.post(`/churn/${warning.id}/measures`).type('form').send({ content: '措施' });
    expect(none.status).toBe(403);
    expect((await warningNow(t.db, warning.id)).measures).toHaveLength(0);
  });

  test('an unknown warning is 404', async () => {
    const sales = await login(t.app, 'sales1');
    expect((await sales.post('/churn/999999/measures', { content: '措施' })).status).toBe(404);
  });
});

describe('确认流失', () => {
  const withMeasure = (name: string, accountManagerId = staff.sales.id) =>
    warningFor(t, accountManagerId, name, { measures: [{ content: '电话回访', authorId: accountManagerId }] });

  test('in one go the warning becomes 已流失 with reason and date, and the customer 已流失', async () => {
    const { warning, customer } = await withMeasure('确认客户');
    const sales = await login(t.app, 'sales1');
    const before = Date.now();
    const res = await sales.post(`/churn/${warning.id}/confirm`, { reason: '客户转向竞争对手' });
    const page = await follow(sales, res);
    expect(page).toContain('操作成功');
    expect(page).toContain('客户转向竞争对手');
    expect(page).not.toContain(`action="/churn/${warning.id}/`);

    const now = await warningNow(t.db, warning.id);
    expect(now).toMatchObject({ status: 'churned', reason: '客户转向竞争对手' });
    expect(now.confirmedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(now.customer.status).toBe('churned');
    expect((await auditOf('ChurnWarning', warning.id)).map((a) => a.action)).toEqual(['confirm']);
    const customerAudit = await auditOf('Customer', customer.id);
    expect(customerAudit.map((a) => [a.action, a.userId, JSON.parse(a.after!).status])).toEqual([
      ['update', staff.sales.id, 'churned'],
    ]);
    // Finished: a second confirmation is refused, nothing changes.
    const again = await follow(sales, await sales.post(`/churn/${warning.id}/confirm`, { reason: '另一个原因' }));
    expect(again).toContain('该客户已确认流失，不能再操作');
    expect((await warningNow(t.db, warning.id)).reason).toBe('客户转向竞争对手');
  });

  test('refused until at least one measure exists; nothing changes', async () => {
    const { warning } = await warningFor(t, staff.sales.id, '无措施客户');
    const sales = await login(t.app, 'sales1');
    const page = await follow(sales, await sales.post(`/churn/${warning.id}/confirm`, { reason: '联系不上' }));
    expect(page).toContain('请先填写至少一条暂缓措施，再确认流失');
    const now = await warningNow(t.db, warning.id);
    expect(now).toMatchObject({ status: 'warning', reason: null, confirmedAt: null });
    expect(now.customer.status).toBe('normal');
  });

  test('the update itself checks the measure: a 暂缓流失 warning without one is refused', async () => {
    const { warning } = await warningFor(t, staff.sales.id, '状态异常客户', { status: 'deferred' });
    const actor = (await loadCurrentUser(t.db, staff.sales.id))!;
    await expect(t.db.$transaction((tx) => confirmChurn(tx, warning.id, '原因', actor))).rejects.toBeInstanceOf(ConflictError);
    expect((await warningNow(t.db, warning.id)).status).toBe('deferred');
  });

  test('the reason is required (422 with the message), nothing changes', async () => {
    const { warning } = await withMeasure('缺少原因客户');
    const sales = await login(t.app, 'sales1');
    const res = await sales.post(`/churn/${warning.id}/confirm`, { reason: '' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('必填信息不完全：流失原因');
    expect(res.text).toContain('<label for="f-reason">流失原因');
    const tooLong = await sales.post(`/churn/${warning.id}/confirm`, { reason: '因'.repeat(501) });
    expect(tooLong.status).toBe(422);
    const now = await warningNow(t.db, warning.id);
    expect(now.status).toBe('deferred');
    expect(now.customer.status).toBe('normal');
  });

  test('another 客户经理, the manager and other roles are refused; nothing changes', async () => {
    const { warning } = await withMeasure('越权确认客户');
    for (const username of ['sales2', 'manager', 'admin', 'boss']) {
      const session = await login(t.app, username);
      expect((await session.post(`/churn/${warning.id}/confirm`, { reason: '越权' })).status).toBe(403);
    }
    const now = await warningNow(t.db, warning.id);
    expect(now.status).toBe('deferred');
    expect(now.customer.status).toBe('normal');
  });

  test('a customer no longer 正常 rolls the warning back too', async () => {
    const { warning, customer } = await withMeasure('已变更客户');
    await t.db.customer.update({ where: { id: customer.id }, data: { status: 'churned' } });
    const sales = await login(t.app, 'sales1');
    const page = await follow(sales, await sales.post(`/churn/${warning.id}/confirm`, { reason: '原因' }));
    expect(page).toContain('该客户已不是正常状态');
    expect(await warningNow(t.db, warning.id)).toMatchObject({ status: 'deferred', reason: null, confirmedAt: null });
  });

  test('a bad CSRF token is refused', async () => {
    const { warning } = await withMeasure('CSRF确认客户');
    const sales = await login(t.app, 'sales1');
    const forged = await sales.agent.post(`/churn/${warning.id}/confirm`).type('form').send({ _csrf: 'x', reason: '原因' });
    expect(forged.status).toBe(403);
    expect((await warningNow(t.db, warning.id)).status).toBe('deferred');
  });
});
