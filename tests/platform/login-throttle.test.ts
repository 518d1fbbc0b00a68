// Login throttling: strict per account + address, looser per address, never a
// lock of an account that someone else controls; the administrator lifts blocks.
import request from 'supertest';
import { csrfFrom, expectPage, follow, login, startTestApp, TestApp, TEST_PASSWORD } from '../support/app';
import { createUser } from '../support/builders/users';
import { accountDelay, accountDelayMs, ACCOUNT_DELAY, BLOCK_MS, LIMITS, recordFailure, throttleState, WINDOW_MS } from '../../src/auth/throttle';

let t: TestApp;
let wait: jest.SpyInstance;
beforeAll(() => {
  t = startTestApp();
});
beforeEach(() => {
  wait = jest.spyOn(accountDelay, 'wait').mockResolvedValue();
});
afterEach(() => wait.mockRestore());
afterAll(() => t.close());

/** A login attempt from an address (the test app trusts X-Forwarded-For from loopback). */
async function attempt(username: string, password: string, address: string) {
  const agent = request.agent(t.app);
  const csrf = csrfFrom((await agent.get('/login')).text);
  return agent.post('/login').set('X-Forwarded-For', address).type('form').send({ _csrf: csrf, username, password });
}

async function failFrom(username: string, address: string, times: number) {
  for (let i = 0; i < times; i++) expect((await attempt(username, `guess${i}`, address)).status).toBe(401);
}

test('five failures from one address block that address for the account, even with the right password', async () => {
  await createUser(t.db, { username: 'target' });
  await failFrom('target', '10.1.1.1', LIMITS.pair);
  const res = await attempt('target', TEST_PASSWORD, '10.1.1.1');
  expect(res.status).toBe(429);
  expect(res.text).toContain('登录失败次数过多');
});

test('the account’s owner still logs in from another address: no lock-out by someone else', async () => {
  await createUser(t.db, { username: 'boss2' });
  await failFrom('boss2', '10.6.6.6', LIMITS.pair);
  expect((await attempt('boss2', TEST_PASSWORD, '10.6.6.6')).status).toBe(429);
  const res = await attempt('boss2', TEST_PASSWORD, '192.168.1.20');
  expect(res.status).toBe(302);
  expect(res.headers.location).toBe('/');
});

test('failures from one address across accounts block the address', async () => {
  for (let i = 0; i < LIMITS.address; i++) await attempt(`nobody${i}`, 'x', '10.9.9.9');
  await createUser(t.db, { username: 'innocent' });
  expect((await attempt('innocent', TEST_PASSWORD, '10.9.9.9')).status).toBe(429);
  expect((await attempt('innocent', TEST_PASSWORD, '10.9.9.10')).status).toBe(302);
});

test('one account tried from many addresses: growing delays, never a block', async () => {
  await createUser(t.db, { username: 'admin2' });
  for (let i = 0; i < LIMITS.account + 3; i++) expect((await attempt('admin2', 'wrong', `172.16.0.${i + 1}`)).status).toBe(401);
  expect(wait.mock.calls.map(([ms]) => ms)).toEqual([1000, 2000, 4000]);
  const res = await attempt('admin2', TEST_PASSWORD, '172.16.1.1');
  expect(res.status).toBe(302);
  expect(wait).toHaveBeenLastCalledWith(8000);
});

test('a block set late in its counting window lasts its full time, and a failure meanwhile does not lift it', async () => {
  const start = new Date(2026, 0, 5, 9, 0);
  const late = new Date(start.getTime() + WINDOW_MS - 60_000);
  await recordFailure(t.db, 'latewindow', '10.77.0.1', start);
  for (let i = 1; i < LIMITS.pair; i++) await recordFailure(t.db, 'latewindow', '10.77.0.1', late);
  const afterWindow = new Date(start.getTime() + WINDOW_MS + 60_000);
  await recordFailure(t.db, 'latewindow', '10.77.0.1', afterWindow);
  const state = await throttleState(t.db, 'latewindow', '10.77.0.1', afterWindow);
  expect(state.blockedUntil).toEqual(new Date(late.getTime() + BLOCK_MS));
  expect((await throttleState(t.db, 'latewindow', '10.77.0.1', new Date(late.getTime() + BLOCK_MS + 1))).blockedUntil).toBeNull();
});

test('the delay doubles up to its ceiling', () => {
  expect(accountDelayMs(LIMITS.account - 1)).toBe(0);
  expect(accountDelayMs(LIMITS.account)).toBe(ACCOUNT_DELAY.firstMs);
  expect(accountDelayMs(LIMITS.account + 1)).toBe(2 * ACCOUNT_DELAY.firstMs);
  expect(accountDelayMs(LIMITS.account + 100)).toBe(ACCOUNT_DELAY.maxMs);
});

test('failed logins, blocks, logins and logouts are in the audit log', async () => {
  const user = await createUser(t.db, { username: 'audited' });
  await failFrom('audited', '10.2.2.2', LIMITS.pair);
  await attempt('no-such-user', 'x', '10.2.2.3');
  const failed = await t.db.auditEntry.findMany({ where: { action: 'login-failed', entityId: { in: [String(user.id), 'no-such-user'] } } });
  expect(failed).toHaveLength(LIMITS.pair + 1);
  // The account is the entry's record; whoever typed the password is unknown, so no actor.
  expect(failed.filter((e) => e.entityId === String(user.id) && e.userId === null)).toHaveLength(LIMITS.pair);
  expect(failed.find((e) => e.entityId === 'no-such-user')?.userId).toBeNull();
  expect(JSON.parse(failed[0].after!)).toMatchObject({ username: 'audited', address: '10.2.2.2', reason: 'invalid' });
  const blocks = await t.db.auditEntry.findMany({ where: { action: 'login-blocked', entityId: 'pair|10.2.2.2|audited' } });
  expect(blocks).toHaveLength(1);

  const session = await login(t.app, 'audited');
  await session.post('/logout');
  const actions = (await t.db.auditEntry.findMany({ where: { userId: user.id, action: { in: ['login', 'logout'] } }, orderBy: { id: 'asc' } }))
    .map((e) => e.action);
  expect(actions).toEqual(['login', 'logout']);
});

describe('登录封锁 (administration)', () => {
  test('the administrator sees a block and lifts it; the user logs in again from that address', async () => {
    await createUser(t.db, { username: 'locked-out' });
    await failFrom('locked-out', '10.3.3.3', LIMITS.pair);
    const admin = await createUser(t.db, { role: 'admin', username: 'blocks-admin' });
    const session = await login(t.app, 'blocks-admin');
    await expectPage(session, '/admin/login-blocks', ['locked-out', '10.3.3.3', '账号 + 地址']);

    const res = await session.post('/admin/login-blocks/lift', { key: 'pair|10.3.3.3|locked-out' });
    expect(await follow(session, res)).toContain('操作成功');
    expect((await attempt('locked-out', TEST_PASSWORD, '10.3.3.3')).status).toBe(302);
    const lifted = await t.db.auditEntry.findFirst({ where: { action: 'login-unblocked', entityId: 'pair|10.3.3.3|locked-out' } });
    expect(lifted?.userId).toBe(admin.id);
  });

  test('lifting a block that is gone changes nothing and says so', async () => {
    await createUser(t.db, { role: 'admin', username: 'blocks-admin2' });
    const session = await login(t.app, 'blocks-admin2');
    const res = await session.post('/admin/login-blocks/lift', { key: 'pair|10.4.4.4|nobody' });
    expect(await follow(session, res)).toContain('该封锁已解除或已过期');
  });

  test('a manager may not see or lift blocks', async () => {
    await createUser(t.db, { role: 'manager', username: 'blocks-manager' });
    const session = await login(t.app, 'blocks-manager');
    expect((await session.get('/admin/login-blocks')).status).toBe(403);
    expect((await session.post('/admin/login-blocks/lift', { key: 'address|10.9.9.9' })).status).toBe(403);
  });
});
