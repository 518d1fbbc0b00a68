import request from 'supertest';
import { createApp } from '../../src/app';
import { createDb } from '../../src/db/client';
import { TODO_PROVIDERS } from '../../src/app';
import type { TodoProvider } from '../../src/shared/todos';
import { csrfFrom, login, startTestApp, testConfig, TestApp, TEST_PASSWORD } from '../support/app';
import { createUser } from '../support/builders/users';

let t: TestApp;
beforeAll(() => {
  t = startTestApp();
});
afterAll(() => t.close());

/** The session id a response sets, if any. */
const sessionId = (res: request.Response) =>
  /crm\.sid=([^;]+)/.exec(String(res.headers['set-cookie'] ?? ''))?.[1];

async function loginForm(agent = request.agent(t.app)) {
  const page = await agent.get('/login');
  return { agent, csrf: csrfFrom(page.text), sid: sessionId(page) };
}

describe('登录', () => {
  test('a normal user logs in, gets a new session id kept in the database, and sees the frames', async () => {
    const user = await createUser(t.db, { role: 'sales', username: 'li' });
    const { agent, csrf, sid: before } = await loginForm();
    expect(before).toBeTruthy();
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'li', password: TEST_PASSWORD });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    const after = sessionId(res);
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    const sessions = await t.db.session.findMany();
    expect(sessions.some((s) => JSON.parse(s.data).userId === user.id)).toBe(true);

    const frames = await agent.get('/');
    expect(frames.text).toContain('<frame name="top" src="/top"');
    expect(frames.text).toContain('name="left"');
    expect(frames.text).toContain('name="main" src="/home"');
    const top = await agent.get('/top');
    expect(top.text).toContain(user.name);
    expect(top.text).toContain('客户经理');
    expect(top.text).toContain('退出');
  });

  test('a wrong password is refused with a message and no session user', async () => {
    await createUser(t.db, { username: 'wang' });
    const { agent, csrf } = await loginForm();
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'wang', password: 'nope' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('用户名或密码错误');
    expect((await agent.get('/home')).headers.location).toBe('/login');
  });

  test('missing fields are named', async () => {
    const { agent, csrf } = await loginForm();
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: '' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('必填信息不完全：用户名、密码');
  });

  test('a disabled user cannot log in', async () => {
    await createUser(t.db, { username: 'gone', status: 'disabled' });
    const { agent, csrf } = await loginForm();
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'gone', password: TEST_PASSWORD });
    expect(res.status).toBe(401);
    expect(res.text).toContain('该用户已被禁用');
  });

  test('a user disabled during a session is logged out at the next request', async () => {
    const user = await createUser(t.db, { username: 'soon-gone' });
    const session = await login(t.app, 'soon-gone');
    expect((await session.get('/home')).status).toBe(200);
    await t.db.user.update({ where: { id: user.id }, data: { status: 'disabled' } });
    const res = await session.get('/home');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login');
  });
});

describe('CSRF', () => {
  test('a login without the token is refused', async () => {
    await createUser(t.db, { username: 'csrf1' });
    const { agent } = await loginForm();
    const res = await agent.post('/login').type('form').send({ username: 'csrf1', password: TEST_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.text).toContain('页面已过期');
  });

  test('a logout with a wrong token is refused and the session stays', async () => {
    await createUser(t.db, { username: 'csrf2' });
    const session = await login(t.app, 'csrf2');
    const res = await session.agent.post('/logout').type('form').send({ _csrf: 'forged' });
    expect(res.status).toBe(403);
    expect((await session.get('/home')).status).toBe(200);
  });

  test('logout with the token ends the session', async () => {
    await createUser(t.db, { username: 'bye' });
    const session = await login(t.app, 'bye');
    const res = await session.post('/logout');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login');
    expect((await session.get('/home')).headers.location).toBe('/login');
  });
});

describe('sessions', () => {
  test('a session survives an application restart', async () => {
    await createUser(t.db, { username: 'restart' });
    const session = await login(t.app, 'restart');
    const cookie = (await session.get('/home')).request.cookies;
    // A second application, as after a restart, on the same database.
    const db2 = createDb(t.url);
    const app2 = createApp({ db: db2, config: testConfig(t.url) });
    const res = await request(app2).get('/home').set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.text).toContain('我的待办');
    await db2.$disconnect();
  });

  test('the session cookie lasts until the browser closes and is set at login only; the server keeps the idle timeout', async () => {
    await createUser(t.db, { username: 'cookie' });
    const agent = request.agent(t.app);
    const form = await agent.get('/login');
    const res = await agent.post('/login').type('form').send({ _csrf: csrfFrom(form.text), username: 'cookie', password: TEST_PASSWORD });
    const [cookie] = res.headers['set-cookie'] as unknown as string[];
    expect(cookie).toMatch(/^crm\.sid=/);
    expect(cookie).not.toMatch(/Expires|Max-Age/i);
    expect(cookie).toMatch(/HttpOnly/);
    const page = await agent.get('/home');
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  test('an idle session expires', async () => {
    const user = await createUser(t.db, { username: 'idle' });
    const session = await login(t.app, 'idle');
    const rows = await t.db.session.findMany();
    const mine = rows.find((s) => JSON.parse(s.data).userId === user.id)!;
    expect(mine.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    await t.db.session.update({ where: { sid: mine.sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await session.get('/home')).headers.location).toBe('/login');
  });
});

describe('platform pages', () => {
  test('/healthz answers without login', async () => {
    const res = await request(t.app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: { status: 'up', ms: expect.any(Number) } });
  });

  test('security headers allow same-origin frames only', async () => {
    const res = await request(t.app).get('/login');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  test('pages need a login', async () => {
    for (const path of ['/', '/top', '/left', '/home', '/opportunities']) {
      const res = await request(t.app).get(path);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/login');
    }
 
    // A page without a form touches no session: no cookie, no row.
    const sessions = await t.db.session.count();
    expect((await request(t.app).get('/healthz')).headers['set-cookie']).toBeUndefined();
    expect((await request(t.app).get('/home')).headers['set-cookie']).toBeUndefined();
    expect(await t.db.session.count()).toBe(sessions);
  });

  test('a form sent by a user disabled meanwhile leads to the login page, and changes nothing', async () => {
    const user = await createUser(t.db, { role: 'sales', username: 'quitter' });
    const session = await login(t.app, 'quitter');
    const csrf = csrfFrom((await session.get('/opportunities/new')).text);
    await t.db.user.update({ where: { id: user.id }, data: { status: 'disabled' } });
    const count = await t.db.opportunity.count();
    const res = await session.agent
      .post('/opportunities')
      .type('form')
      .set('Accept', 'text/html')
      .send({ _csrf: csrf, customerName: '过期客户', successRate: '50', summary: '概要', description: '描述' });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login');
    expect(await t.db.opportunity.count()).toBe(count);
  });

  test('an unknown page is a Chinese 404 inside the layout', async () => {
    await createUser(t.db, { username: 'lost' });
    const session = await login(t.app, 'lost');
    const res = await session.get('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.text).toContain('页面不存在');
    expect(res.text).toContain('class="page-title"');
  });

  test('a library’s error (too many form fields) gets a Chinese message, not its own English one', async () => {
    const fields = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`f${i}`, 'x']));
    const res = await request(t.app).post('/login').type('form').set('Accept', 'text/html').send(fields);
    expect(res.status).toBe(413);
    expect(res.text).toContain('提交的内容过多或过大');
    expect(res.text).not.toMatch(/too many|parameters/i);
  });

  test('an unexpected error is a 500 page without a stack trace', async () => {
    await createUser(t.db, { username: 'unlucky' });
    const session = await login(t.app, 'unlucky');
    const failing: TodoProvider = {
      tables: [],
      todos: async () => {
        throw new Error('SECRET internal detail');
      },
    };
    TODO_PROVIDERS.push(failing);
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await session.get('/home');
      expect(res.status).toBe(500);
      expect(res.text).toContain('系统出现错误');
      expect(res.text).not.toContain('SECRET');
      expect(res.text).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      TODO_PROVIDERS.splice(TODO_PROVIDERS.indexOf(failing), 1);
      spy.mockRestore();
    }
  });
});
