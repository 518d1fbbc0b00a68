// 修改密码: every user changes their own password from the top frame.
import { follow, login, startTestApp, TestApp, TEST_PASSWORD } from '../support/app';
import { createStaff, createUser } from '../support/builders/users';
import { tryLogin } from './support';

let t: TestApp;
beforeAll(async () => {
  t = startTestApp();
  await createStaff(t.db);
});
afterAll(() => t.close());

const change = (form: Record<string, string>) => ({ currentPassword: TEST_PASSWORD, password: 'fresh2026', passwordAgain: 'fresh2026', ...form });

test.each(['admin', 'manager', 'sales1', 'boss'])('the top frame of %s links to 修改密码, which opens in the main frame', async (username) => {
  const session = await login(t.app, username);
  expect((await session.get('/top')).text).toContain('<a href="/password" target="main" class="link-button">修改密码</a>');
  const page = await session.get('/password');
  expect(page.status).toBe(200);
  for (const [id, label] of [['currentPassword', '当前密码'], ['password', '新密码'], ['passwordAgain', '确认新密码']]) {
    expect(page.text).toContain(`<label for="f-${id}">${label}`);
  }
});

test('changes the password: the current session stays, other sessions end, the old password no longer works', async () => {
  const user = await createUser(t.db, { username: 'changer', role: 'executive' });
  const here = await login(t.app, 'changer');
  const elsewhere = await login(t.app, 'changer');
  const res = await here.post('/password', change({}));
  expect(res.headers.location).toBe('/password');
  expect(await follow(here, res)).toContain('密码修改成功');
  expect((await here.get('/home')).status).toBe(200);
  expect((await elsewhere.get('/home')).headers.location).toBe('/login');
  expect((await tryLogin(t.app, 'changer', TEST_PASSWORD)).status).toBe(401);
  expect((await tryLogin(t.app, 'changer', 'fresh2026')).location).toBe('/');
  const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entity: 'User', action: 'change-password', entityId: String(user.id) } });
  expect(audit.userId).toBe(user.id);
});

test.each([
  [{ currentPassword: 'wrong-123' }, '当前密码不正确'],
  [{ password: 'short1', passwordAgain: 'short1' }, '密码至少需要 8 个字符'],
  [{ password: 'onlyletters', passwordAgain: 'onlyletters' }, '密码必须同时包含字母和数字'],
  [{ password: 'keeper99', passwordAgain: 'keeper99' }, '密码不能与用户名相同'],
  [{ passwordAgain: 'fresh2027' }, '两次输入的新密码不一致'],
  [{ password: TEST_PASSWORD, passwordAgain: TEST_PASSWORD }, '新密码不能与当前密码相同'],
  [{ currentPassword: '', password: '' }, '必填信息不完全：当前密码、新密码'],
])('refuses %j with its message and keeps the password', async (form, message) => {
  // Every case refuses, so the user keeps the password it was made with (and its audit entries).
  if (!(await t.db.user.findUnique({ where: { username: 'keeper99' } }))) await createUser(t.db, { username: 'keeper99' });
  const session = await login(t.app, 'keeper99');
  const res = await session.post('/password', change(form));
  expect(res.status).toBe(422);
  expect(res.text).toContain(message);
  expect((await tryLogin(t.app, 'keeper99', TEST_PASSWORD)).location).toBe('/');
});

test('a forged token changes nothing', async () => {
  await createUser(t.db, { username: 'forged1' });
  const session = await login(t.app, 'forged1');
  expect((await session.agent.post('/password').type('form').send({ ...change({}), _csrf: 'forged' })).status).toBe(403);
  expect((await tryLogin(t.app, 'forged1', TEST_PASSWORD)).location).toBe('/');
});
