// 用户管理: the list and its search, new user, edit, reset password, disable,
// enable and delete — with every refusal, the last-administrator protections
// and a disabled user's live session.
import { follow, login, startTestApp, TestApp, TEST_PASSWORD } from '../support/app';
import { startStaffedApp, Staff } from '../support/staffed-app';
import { disableUser } from '../../src/users/users';
import { createUser, userOf } from '../support/builders/users';
import { createOpportunity } from '../support/builders/marketing';
import { ADMIN_GETS, ADMIN_POSTS, tryLogin } from './support';

let t: TestApp;
let staff: Staff;
beforeAll(async () => ({ t, staff } = await startStaffedApp()));
afterAll(() => t.close());

const admin = () => login(t.app, 'admin');
const userNamed = (username: string) => t.db.user.findUniqueOrThrow({ where: { username } });
const lastAudit = (action: string) => t.db.auditEntry.findFirstOrThrow({ where: { entity: 'User', action }, orderBy: { id: 'desc' } });
const newUser = (form: Record<string, string>) =>
  ({ username: 'zhao6', name: '赵六', roleCode: 'sales', password: 'abc12345', passwordAgain: 'abc12345', ...form });

describe('who may manage users', () => {
  test.each(['manager', 'sales1', 'boss'])('%s is refused every administration page and form', async (username) => {
    const session = await login(t.app, username);
    for (const url of ADMIN_GETS) expect([url, (await session.get(url)).status]).toEqual([url, 403]);
    for (const url of ADMIN_POSTS) expect([url, (await session.post(url, { name: 'x' })).status]).toEqual([url, 403]);
    const target = await createUser(t.db);
    for (const step of ['disable', 'enable', 'edit', 'password', 'delete']) {
      expect((await session.post(`/users/${target.id}/${step}`, { name: 'x', roleCode: 'admin' })).status).toBe(403);
    }
    expect(await t.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: 'normal', roleCode: 'sales' });
  });

  test('a form without a valid CSRF token is refused and changes nothing', async () => {
    const session = await admin();
    const target = await createUser(t.db);
    for (const token of [{ _csrf: 'forged' }, {}]) {
      expect((await session.agent.post(`/users/${target.id}/disable`).type('form').send(token)).status).toBe(403);
      expect((await session.agent.post('/users/new').type('form').send({ ...newUser({ username: 'csrf1' }), ...token })).status).toBe(403);
    }
    expect((await t.db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe('normal');
    expect(await t.db.user.count({ where: { username: 'csrf1' } })).toBe(0);
  });
});

describe('the list', () => {
  test('searches by username, name, role and status, and pages', async () => {
    for (let i = 1; i <= 11; i += 1) await createUser(t.db, { username: `page${String(i).padStart(2, '0')}`, name: `分页${i}`, role: 'executive' });
    await createUser(t.db, { username: 'gone1', name: '离职员工', status: 'disabled' });
    const session = await admin();
    const all = await session.get('/users');
    expect(all.status).toBe(200);
    expect(all.text).toContain('<label for="s-username">用户名</label>');
    expect(all.text).toContain('新建用户');

    const byName = (await session.get('/users?username=page')).text;
    expect(byName).toContain('共 11 条');
    expect(byName).toContain('page01');
    expect(byName).not.toContain('page11');
    const second = (await session.get('/users?username=page&page=2')).text;
    expect(second).toContain('page11');
    expect(second).not.toContain('page01');

    expect((await session.get(`/users?name=${encodeURIComponent('离职')}`)).text).toContain('gone1');
    const disabled = (await session.get('/users?status=disabled')).text;
    expect(disabled).toContain('gone1');
    expect(disabled).not.toContain('page01');
    expect(disabled).toContain('启用');
    const managers = (await session.get('/users?roleCode=manager')).text;
    expect(managers).toContain('共 1 条');
    expect(managers).toContain('王主管');
  });

  test('a bad search answers 422 with its message and no users', async () => {
    const res = await (await admin()).get('/users?status=gone');
    expect(res.status).toBe(422);
    expect(res.text).toContain('请选择有效的状态');
    expect(res.text).not.toContain('王主管');
  });

  test('offers no 禁用 or 删除 of oneself', async () => {
    const text = (await (await admin()).get('/users?username=admin')).text;
    expect(text).not.toContain(`/users/${staff.admin.id}/disable`);
    expect(text).not.toContain(`/users/${staff.admin.id}/delete`);
    expect(text).toContain(`/users/${staff.admin.id}/edit`);
  });
});

describe('新建用户', () => {
  test('creates a user who then logs in; the audit entry keeps no password', async () => {
    const session = await admin();
    const form = await session.get('/users/new');
    for (const label of ['用户名', '姓名', '角色', '初始密码', '确认密码']) expect(form.text).toMatch(new RegExp(`<label for="f-\\w+">${label}`));
    const res = await session.post('/users/new', newUser({ username: 'Zhao6' }));
    expect(res.headers.location).toBe('/users');
    expect(await follow(session, res)).toContain('保存成功');
    const user = await userNamed('Zhao6');
    expect(user).toMatchObject({ name: '赵六', roleCode: 'sales', status: 'normal' });
    expect((await tryLogin(t.app, 'Zhao6', 'abc12345')).location).toBe('/');
    const audit = await lastAudit('create');
    expect(audit).toMatchObject({ userId: staff.admin.id, entityId: String(user.id) });
    expect(JSON.parse(audit.after!)).toEqual({ username: 'Zhao6', name: '赵六', role: '客户经理（sales）', status: '正常' });
    expect(audit.after).not.toMatch(/password|\$2b\$/i);
  });

  test('the username is unique whatever the case of its letters', async () => {
    const session = await admin();
    await createUser(t.db, { username: 'Qian7' });
    for (const username of ['qian7', 'QIAN7', 'Qian7']) {
      const res = await session.post('/users/new', newUser({ username }));
      expect(res.status).toBe(422);
      expect(res.text).toContain('用户名已存在');
    }
    expect(await t.db.user.count({ where: { name: '赵六', username: { in: ['qian7', 'QIAN7'] } } })).toBe(0);
  });

  test.each([
    ['short', 'ab1', '密码至少需要 8 个字符'],
    ['letters only', 'abcdefgh', '密码必须同时包含字母和数字'],
    ['digits only', '12345678', '密码必须同时包含字母和数字'],
    ['the username', 'Sun8abcd', '密码不能与用户名相同'],
  ])('a password that is %s is refused with its message', async (_case, password, message) => {
    const res = await (await admin()).post('/users/new', newUser({ username: 'sun8abcd', password, passwordAgain: password }));
    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(await t.db.user.count({ where: { username: 'sun8abcd' } })).toBe(0);
  });

  test('the password typed twice differently, missing fields, a bad username or an unknown role are refused', async () => {
    const session = await admin();
    const cases: [Record<string, string>, string][] = [
      [{ passwordAgain: 'abc12346' }, '两次输入的新密码不一致'],
      [{ name: '', password: '' }, '必填信息不完全：姓名、初始密码'],
      [{ username: '张三' }, '用户名须为'],
      [{ roleCode: 'nosuch' }, '请选择有效的角色'],
    ];
    for (const [change, message] of cases) {
      const res = await session.post('/users/new', newUser({ username: 'refused1', ...change }));
      expect([message, res.status]).toEqual([message, 422]);
      expect(res.text).toContain(message);
    }
    expect(await t.db.user.count({ where: { username: 'refused1' } })).toBe(0);
  });
});

describe('编辑用户', () => {
  test('changes the name and the role, audited with both', async () => {
    const user = await createUser(t.db, { name: '周九' });
    const session = await admin();
    const page = await session.get(`/users/${user.id}/edit`);
    expect(page.text).toContain('周九');
    const res = await session.post(`/users/${user.id}/edit`, { name: '周久', roleCode: 'manager' });
    expect(await follow(session, res)).toContain('保存成功');
    expect(await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: '周久', roleCode: 'manager' });
    const audit = await lastAudit('update');
    expect(JSON.parse(audit.before!)).toMatchObject({ name: '周九', role: '客户经理（sales）' });
    expect(JSON.parse(audit.after!)).toMatchObject({ name: '周久', role: '销售主管（manager）' });
  });

  test('refuses missing fields, and an unknown user is 404', async () => {
    const user = await createUser(t.db);
    const session = await admin();
    const res = await session.post(`/users/${user.id}/edit`, { name: '', roleCode: 'sales' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('必填信息不完全：姓名');
    expect((await session.get('/users/999999/edit')).status).toBe(404);
  });

  test('an administrator cannot demote themselves', async () => {
    const second = await createUser(t.db, { role: 'admin', username: 'admin-demote' });
    const session = await login(t.app, 'admin-demote');
    const res = await session.post(`/users/${second.id}/edit`, { name: '降级', roleCode: 'sales' });
    expect(await follow(session, res)).toContain('不能取消自己的用户管理或角色与权限管理的权限');
    expect((await t.db.user.findUniqueOrThrow({ where: { id: second.id } })).roleCode).toBe('admin');
    await t.db.user.update({ where: { id: second.id }, data: { status: 'disabled' } });
  });
});

describe('重置密码', () => {
  test('sets a new password and ends the user\'s open sessions', async () => {
    const user = await createUser(t.db, { username: 'reset1' });
    const theirs = await login(t.app, 'reset1');
    expect((await theirs.get('/home')).status).toBe(200);
    const session = await admin();
    expect((await session.get(`/users/${user.id}/password`)).text).toContain('<label for="f-passwordAgain">确认新密码');
    const res = await session.post(`/users/${user.id}/password`, { password: 'newpass99', passwordAgain: 'newpass99' });
    expect(await follow(session, res)).toContain('密码已重置');
    const after = await theirs.get('/home');
    expect(after.status).toBe(302);
    expect(after.headers.location).toBe('/login');
    expect((await tryLogin(t.app, 'reset1', TEST_PASSWORD)).status).toBe(401);
    expect((await tryLogin(t.app, 'reset1', 'newpass99')).location).toBe('/');
    expect(await lastAudit('reset-password')).toMatchObject({ entityId: String(user.id), userId: staff.admin.id });
  });

  test('an administrator resetting their own password keeps the session they act from', async () => {
    const self = await createUser(t.db, { role: 'admin', username: 'admin-self' });
    const session = await login(t.app, 'admin-self');
    const elsewhere = await login(t.app, 'admin-self');
    const res = await session.post(`/users/${self.id}/password`, { password: 'selfreset1', passwordAgain: 'selfreset1' });
    expect(await follow(session, res)).toContain('密码已重置');
    expect((await session.get('/users')).status).toBe(200);
    expect((await elsewhere.get('/users')).headers.location).toBe('/login');
    await t.db.user.update({ where: { id: self.id }, data: { status: 'disabled' } });
  });

  test('follows the password rules', async () => {
    const user = await createUser(t.db, { username: 'reset2' });
    const res = await (await admin()).post(`/users/${user.id}/password`, { password: 'reset2', passwordAgain: 'reset2' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('密码至少需要 8 个字符');
    expect((await tryLogin(t.app, 'reset2', TEST_PASSWORD)).location).toBe('/');
  });
});

describe('禁用 and 启用', () => {
  test('a disabled user cannot log in, loses a live session at the next request, is never offered, and keeps what they own', async () => {
    const user = await createUser(t.db, { username: 'leaver', name: '离职者' });
    const opportunity = await createOpportunity(t.db, { createdById: user.id });
    const theirs = await login(t.app, 'leaver');
    expect((await theirs.get('/opportunities')).status).toBe(200);

    const session = await admin();
    expect(await follow(session, await session.post(`/users/${user.id}/disable`))).toContain('操作成功');
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('disabled');

    const next = await theirs.get('/opportunities');
    expect(next.status).toBe(302);
    expect(next.headers.location).toBe('/login');
    const refused = await tryLogin(t.app, 'leaver', TEST_PASSWORD);
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('该用户已被禁用');

    const unassigned = await createOpportunity(t.db, { createdById: staff.manager.id });
    const assignPage = (await (await login(t.app, 'manager')).get(`/opportunities/${unassigned.id}/assign`)).text;
    expect(assignPage).not.toContain(`<option value="${user.id}">`);
    expect(assignPage).toContain(`<option value="${staff.sales.id}">`);
    expect((await t.db.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } })).createdById).toBe(user.id);
    expect(await lastAudit('disable')).toMatchObject({ entityId: String(user.id) });

    expect((await session.post(`/users/${user.id}/disable`)).status).toBe(302);
    expect(await follow(session, await session.post(`/users/${user.id}/disable`))).toContain('该用户已是已禁用状态');
    expect(await follow(session, await session.post(`/users/${user.id}/enable`))).toContain('操作成功');
    expect((await tryLogin(t.app, 'leaver', TEST_PASSWORD)).location).toBe('/');
  });

  test('an administrator cannot disable themselves', async () => {
    const session = await admin();
    expect(await follow(session, await session.post(`/users/${staff.admin.id}/disable`))).toContain('不能禁用自己的帐号');
    expect((await t.db.user.findUniqueOrThrow({ where: { id: staff.admin.id } })).status).toBe('normal');
  });
});

describe('the last normal administrator', () => {
  test('can never be disabled, demoted or deleted by another administrator', async () => {
    // A second administrator whose role holds user management only: not a full administrator.
    await t.db.role.create({ data: { code: 'useradmin', name: '用户管理员' } });
    const manageUsers = await t.db.permission.findFirstOrThrow({ where: { resource: 'user', action: 'manage' } });
    await t.db.rolePermission.create({ data: { roleCode: 'useradmin', permissionId: manageUsers.id } });
    await createUser(t.db, { role: 'useradmin', username: 'helper' });
    const others = await t.db.user.findMany({ where: { roleCode: 'admin', status: 'normal', NOT: { id: staff.admin.id } } });
    expect(others).toEqual([]);

    const session = await login(t.app, 'helper');
    expect(await follow(session, await session.post(`/users/${staff.admin.id}/disable`))).toContain('系统必须至少保留一位正常的系统管理员');
    expect(await follow(session, await session.post(`/users/${staff.admin.id}/edit`, { name: '系统管理员', roleCode: 'useradmin' }))).toContain(
      '系统必须至少保留一位正常的系统管理员',
    );
    expect(await t.db.user.findUniqueOrThrow({ where: { id: staff.admin.id } })).toMatchObject({ status: 'normal', roleCode: 'admin' });
  });
});

describe('删除', () => {
  test('a user who never did anything is deleted after 确认删除?', async () => {
    const user = await createUser(t.db, { username: 'mistake', name: '建错的用户' });
    const session = await admin();
    const confirm = await session.get(`/users/${user.id}/delete`);
    expect(confirm.text).toContain('确认删除?');
    expect(confirm.text).toContain('mistake');
    expect(await follow(session, await session.post(`/users/${user.id}/delete`))).toContain('删除成功');
    expect(await t.db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await t.db.auditEntry.count({ where: { entity: 'User', action: 'delete', entityId: String(user.id) } })).toBe(1);
  });

  test('a user who owns or created records can only be disabled', async () => {
    const user = await createUser(t.db);
    await createOpportunity(t.db, { createdById: user.id });
    const session = await admin();
    expect(await follow(session, await session.get(`/users/${user.id}/delete`))).toContain('不能删除，只能禁用');
    expect(await follow(session, await session.post(`/users/${user.id}/delete`))).toContain('不能删除，只能禁用');
    expect(await t.db.user.count({ where: { id: user.id } })).toBe(1);
  });

  test('the list offers 删除 only for users who never owned or did anything, for a whole page at once', async () => {
    const fresh = await createUser(t.db, { username: 'offer1-fresh' });
    const owner = await createUser(t.db, { username: 'offer2-owner' });
    await createOpportunity(t.db, { createdById: owner.id });
    const actor = await createUser(t.db, { username: 'offer3-actor' });
    await t.db.auditEntry.create({ data: { userId: actor.id, action: 'login', entity: 'User', entityId: String(actor.id) } });
    const text = (await (await admin()).get('/users?username=offer')).text;
    expect(text).toContain('共 3 条');
    expect(text).toContain(`href="/users/${fresh.id}/delete"`);
    expect(text).not.toContain(`href="/users/${owner.id}/delete"`);
    expect(text).not.toContain(`href="/users/${actor.id}/delete"`);
    // Each still offers its other steps.
    expect(text).toContain(`/users/${owner.id}/disable`);
  });

  test('nobody deletes themselves', async () => {
    const session = await admin();
    expect(await follow(session, await session.post(`/users/${staff.admin.id}/delete`))).toContain('不能删除自己的帐号');
  });
});

describe('two administrators at the same moment', () => {
  // A database of their own: the two are its only administrators.
  test('each disabling the other: one wins, an administrator remains', async () => {
    const own = startTestApp();
    try {
      const [a, b] = await Promise.all([
        createUser(own.db, { role: 'admin', username: 'twin-a' }),
        createUser(own.db, { role: 'admin', username: 'twin-b' }),
      ]);
      const results = await Promise.allSettled([
        own.db.$transaction((tx) => disableUser(tx, b.id, userOf('admin', a.id))),
        own.db.$transaction((tx) => disableUser(tx, a.id, userOf('admin', b.id))),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await own.db.user.count({ where: { roleCode: 'admin', status: 'normal' } })).toBe(1);
    } finally {
      await own.close();
    }
  });
});
