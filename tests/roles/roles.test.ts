// 角色与权限: the roles with their users, a role's rights as checkboxes, new
// roles, and rights edits that take effect at the next request — for the menu,
// the route guards and whom records may be given to.
import { ensureReferenceData } from '../../src/db/reference-data';
import { follow, login, TestApp } from '../support/app';
import { startStaffedApp, Staff } from '../support/staffed-app';
import { createUser } from '../support/builders/users';
import { createOpportunity } from '../support/builders/marketing';
import { createCustomer } from '../support/builders/customers';
import { createServiceTicket } from '../support/builders/service';

let t: TestApp;
let staff: Staff;
beforeAll(async () => ({ t, staff } = await startStaffedApp()));
afterAll(() => t.close());

const admin = () => login(t.app, 'admin');
const rightsOf = async (code: string) =>
  (await t.db.rolePermission.findMany({ where: { roleCode: code }, include: { permission: true } }))
    .map(({ permission: p }) => `${p.resource}:${p.action}:${p.access}`)
    .sort();
const version = async (code: string) => (await t.db.role.findUniqueOrThrow({ where: { code } })).rightsVersion;

test('the list shows every role with its users count', async () => {
  const text = (await (await admin()).get('/roles')).text;
  for (const name of ['系统管理员', '销售主管', '客户经理', '高管']) expect(text).toContain(name);
  expect(text).toMatch(/<a href="\/roles\/sales\/edit" class="button small primary">设置权限<\/a>/);
  expect(text).toContain('<a href="/users?roleCode=sales">2</a>');
});

test('a role\'s rights show as checkboxes by resource, with 本人/全部 in Chinese', async () => {
  const text = (await (await admin()).get('/roles/sales/edit')).text;
  expect(text).toContain('<th scope="row">销售机会</th>');
  expect(text).toMatch(/<input type="checkbox" id="right-opportunity-edit-own" name="rights" value="opportunity:edit:own" checked>\s*<label for="right-opportunity-edit-own"[^>]*>本人<\/label>/);
  expect(text).toMatch(/id="right-opportunity-edit-any" name="rights" value="opportunity:edit:any">/);
  expect(text).toContain('编辑：');
});

describe('saving a role\'s rights', () => {
  test('takes effect at the next request, for the menu and the guards; the version rises; start-up does not give them back', async () => {
    const role = await t.db.role.create({ data: { code: 'clerk', name: '文员' } });
    await createUser(t.db, { role: role.code, username: 'clerk1' });
    const clerk = await login(t.app, 'clerk1');
    expect((await clerk.get('/customers')).status).toBe(403);

    const session = await admin();
    const res = await session.post('/roles/clerk/edit', { name: '文员', rights: 'customer:view:any', rightsVersion: 0 });
    expect(await follow(session, res)).toContain('保存成功');
    expect(await rightsOf('clerk')).toEqual(['customer:view:any']);
    expect(await version('clerk')).toBe(1);
    expect((await clerk.get('/customers')).status).toBe(200);
    expect((await clerk.get('/left')).text).toContain('href="/customers"');

    // A built-in role loses a default right; start-up must not give it back.
    const before = await version('executive');
    const executive = await login(t.app, 'boss');
    expect((await executive.get('/service/archive')).status).toBe(200);
    await session.agent
      .post('/roles/executive/edit')
      .type('form')
      .send(`_csrf=${session.csrf}&rightsVersion=${before}&name=${encodeURIComponent('高管')}&rights=customer%3Aview%3Aany&rights=report%3Aview%3Aany&rights=product%3Aview%3Aany`)
      .expect(302);
    expect(await version('executive')).toBe(before + 1);
    expect((await executive.get('/service/archive')).status).toBe(403);
    expect((await executive.get('/left')).text).not.toContain('href="/service/archive"');
    await ensureReferenceData(t.db);
    expect(await rightsOf('executive')).not.toContain('ticket:archive:any');

    // Given back by the administrator, it stays; the two left out this time stay out.
    await session.agent
      .post('/roles/executive/edit')
      .type('form')
      .send(`_csrf=${session.csrf}&rightsVersion=${before + 1}&name=${encodeURIComponent('高管')}&rights=customer%3Aview%3Aany&rights=ticket%3Aarchive%3Aany`)
      .expect(302);
    expect((await executive.get('/service/archive')).status).toBe(200);
    await ensureReferenceData(t.db);
    expect(await rightsOf('executive')).toEqual(['customer:view:any', 'ticket:archive:any']);

    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entity: 'Role', entityId: 'executive', action: 'update' }, orderBy: { id: 'desc' } });
    expect(JSON.parse(audit.after!).rights).toContain('归档查询服务（全部）');
  });

  test('refuses a right that is not offered, a missing name and a taken name; nothing changes', async () => {
    const session = await admin();
    const before = await rightsOf('manager');
    const cases: [Record<string, string>, string][] = [
      [{ name: '销售主管', rights: 'user:manage:own' }, '请选择有效的权限'],
      [{ name: '', rights: 'report:view:any' }, '必填信息不完全：角色名称'],
      [{ name: '高管', rights: 'report:view:any' }, '角色名称已存在'],
    ];
    for (const [form, message] of cases) {
      const res = await session.post('/roles/manager/edit', { ...form, rightsVersion: String(await version('manager')) });
      expect([message, res.status]).toEqual([message, 422]);
      expect(res.text).toContain(message);
    }
    expect(await rightsOf('manager')).toEqual(before);
    expect((await session.get('/roles/nosuch/edit')).status).toBe(404);
  });

  test('cannot strip the last administrators of user or role management, nor an administrator themselves', async () => {
    const session = await admin();
    const versionBefore = await version('admin');
    const res = await session.post('/roles/admin/edit', { name: '系统管理员', rights: 'user:manage:any', rightsVersion: versionBefore });
    expect(await follow(session, res)).toMatch(/不能保存：(不能取消自己的|系统必须至少保留一位)/);
    expect(await rightsOf('admin')).toContain('role:manage:any');
    expect(await version('admin')).toBe(versionBefore);
  });

  test('two administrators at once: the save made over an older version is refused with the reason and changes nothing', async () => {
    await t.db.role.create({ data: { code: 'planner', name: '计划员' } });
    const first = await admin();
    const second = await admin();
    const opened = (await second.get('/roles/planner/edit')).text;
    const openedAt = await version('planner');
    expect(opened).toContain(`<input type="hidden" name="rightsVersion" value="${openedAt}">`);

    const saved = await first.post('/roles/planner/edit', { name: '计划员', rights: 'report:view:any', rightsVersion: openedAt });
    expect(await follow(first, saved)).toContain('保存成功');
    const afterFirst = await rightsOf('planner');

    const stale = await second.post('/roles/planner/edit', { name: '计划员乙', rights: 'customer:view:any', rightsVersion: openedAt });
    expect(stale.headers.location).toBe('/roles/planner/edit');
    const reopened = await follow(second, stale);
    expect(reopened).toContain('该角色的权限刚被他人修改，请重新打开后再保存');
    expect(reopened).toContain(`<input type="hidden" name="rightsVersion" value="${openedAt + 1}">`);
    expect(await rightsOf('planner')).toEqual(afterFirst);
    expect(await version('planner')).toBe(openedAt + 1);
    expect((await t.db.role.findUniqueOrThrow({ where: { code: 'planner' } })).name).toBe('计划员');

    // A form without the version it was opened at is refused too.
    const without = await second.post('/roles/planner/edit', { name: '计划员', rights: 'customer:view:any' });
    expect(without.status).toBe(422);
    expect(await rightsOf('planner')).toEqual(afterFirst);
  });
});

describe('a new role', () => {
  test('客服专员 with ticket rights only: created, logs in, sees only service, is offered as a ticket handler', async () => {
    const session = await admin();
    const form = await session.get('/roles/new');
    expect(form.text).toContain('<label for="f-code">角色代码');
    const res = await session.agent
      .post('/roles/new')
      .type('form')
      .send(`_csrf=${session.csrf}&code=service_agent&name=${encodeURIComponent('客服专员')}&rights=ticket%3Ahandle%3Aown&rights=ticket%3Afeedback%3Aown`);
    expect(await follow(session, res)).toContain('保存成功');
    expect(await rightsOf('service_agent')).toEqual(['ticket:feedback:own', 'ticket:handle:own']);
    const agent = await createUser(t.db, { role: 'service_agent', username: 'agent1', name: '客服小刘' });

    const theirs = await login(t.app, 'agent1');
    expect((await theirs.get('/top')).text).toContain('客服专员');
    const left = (await theirs.get('/left')).text;
    expect(left).toContain('href="/service/handle"');
    expect(left).not.toContain('href="/customers"');
    expect((await theirs.get('/service/handle')).status).toBe(200);
    expect((await theirs.get('/customers')).status).toBe(403);

    const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id });
    const ticket = await createServiceTicket(t.db, { customerId: customer.id, createdById: staff.manager.id });
    const manager = await login(t.app, 'manager');
    expect((await manager.get('/service/assign')).text).toContain(`<option value="${agent.id}">客服小刘（客服专员）</option>`);
    const assigned = await manager.post(`/service/${ticket.id}/assign`, { assigneeId: agent.id });
    expect(assigned.status).toBe(302);
    expect((await t.db.serviceTicket.findUniqueOrThrow({ where: { id: ticket.id } })).assigneeId).toBe(agent.id);
  });

  test('a role holding plan:develop is offered and accepted as an opportunity\'s assignee; customer:edit as 客户经理', async () => {
    const role = await t.db.role.create({ data: { code: 'developer', name: '拓展专员' } });
    for (const key of ['plan:develop:own', 'plan:view:own', 'customer:edit:own']) {
      const [resource, action, access] = key.split(':');
      const permission = await t.db.permission.findFirstOrThrow({ where: { resource, action, access } });
      await t.db.rolePermission.create({ data: { roleCode: role.code, permissionId: permission.id } });
    }
    const developer = await createUser(t.db, { role: role.code, name: '拓展小王' });
    const opportunity = await createOpportunity(t.db, { createdById: staff.manager.id });
    const manager = await login(t.app, 'manager');
    expect((await manager.get(`/opportunities/${opportunity.id}/assign`)).text).toContain(`<option value="${developer.id}">`);
    expect((await manager.post(`/opportunities/${opportunity.id}/assign`, { assigneeId: developer.id })).status).toBe(302);
    expect((await t.db.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } })).assigneeId).toBe(developer.id);

    const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id });
    expect((await manager.get(`/customers/${customer.id}/edit`)).text).toContain(`<option value="${developer.id}">`);
    // The executive holds none of these rights: never offered.
    expect((await manager.get(`/opportunities/${opportunity.id}/assign`)).text).not.toContain(`<option value="${staff.executive.id}">`);
  });

  test('refuses a taken code (whatever the case), a bad code and missing fields', async () => {
    const session = await admin();
    const cases: [Record<string, string>, string][] = [
      [{ code: 'SALES', name: '新角色' }, '角色代码已存在'],
      [{ code: '1x', name: '新角色' }, '角色代码须以字母开头'],
      [{ code: '', name: '' }, '必填信息不完全：角色代码、角色名称'],
    ];
    for (const [form, message] of cases) {
      const res = await session.post('/roles/new', form);
      expect([message, res.status]).toEqual([message, 422]);
      expect(res.text).toContain(message);
    }
    expect(await t.db.role.count({ where: { name: '新角色' } })).toBe(0);
  });

  test('an unused new role is deleted after 确认删除?; built-in roles and roles with users stay', async () => {
    const session = await admin();
    await session.post('/roles/new', { code: 'temp', name: '临时角色', rights: 'report:view:any' });
    expect((await session.get('/roles/temp/delete')).text).toContain('确认删除?');
    expect(await follow(session, await session.post('/roles/temp/delete'))).toContain('删除成功');
    expect(await t.db.role.count({ where: { code: 'temp' } })).toBe(0);
    expect(await follow(session, await session.post('/roles/executive/delete'))).toContain('系统内置角色不能删除');
    expect(await follow(session, await session.post('/roles/service_agent/delete'))).toContain('该角色下还有 1 个用户');
  });
});
