// The log: one JSON line per request with its id, the user, method, path,
// status and duration; a server error's stack in the log and never on the page.
import { Writable } from 'stream';
import express from 'express';
import request from 'supertest';
import { createApp } from '../../src/app';
import { createLogger, logger, useLogger } from '../../src/shared/logger';
import { requestLog } from '../../src/http/request-log';
import { errorPage } from '../../src/http/errors';
import { login, testConfig } from '../support/app';
import { freshDb } from '../support/db';
import { createUser } from '../support/builders/users';
import type { Db } from '../../src/db/client';

const lines: Record<string, unknown>[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});
const quiet = logger;
let db: Db;
let url: string;

beforeAll(() => {
  useLogger(createLogger({ level: 'info' }, capture));
  ({ db, url } = freshDb());
});
beforeEach(() => lines.splice(0));
afterAll(async () => {
  useLogger(quiet);
  await db.$disconnect();
});

test('each request: one line with level, time, request id, user, method, path, status and duration', async () => {
  const app = createApp({ db, config: testConfig(url, { logRequests: true }) });
  const user = await createUser(db, { username: 'logged' });
  const session = await login(app, 'logged');
  const res = await session.get('/home?page=2').set('X-Request-Id', 'proxy-42');
  expect(res.headers['x-request-id']).toBe('proxy-42');
  const line = lines.find((l) => l.requestId === 'proxy-42');
  expect(line).toMatchObject({
    level: 'info',
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    userId: user.id,
    req: { method: 'GET', path: '/home' },
    res: { status: 200 },
    durationMs: expect.any(Number),
  });
  expect(lines.find((l) => l.msg === '登录')).toMatchObject({ userId: user.id, level: 'info' });
  const own = await request(app).get('/login');
  expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test('LOG_REQUESTS=false: no request lines', async () => {
  const app = createApp({ db, config: testConfig(url, { logRequests: false }) });
  await request(app).get('/login');
  expect(lines.filter((l) => l.req)).toEqual([]);
});

test('a server error: the stack in the log with the request id, a message in Chinese on the page', async () => {
  const app = express();
  app.use(requestLog(true));
  app.get('/boom', () => {
    throw new Error('secret internal detail');
  });
  app.use(errorPage);
  app.set('view engine', 'ejs');
  const res = await request(app).get('/boom').set('Accept', 'application/json');
  expect(res.status).toBe(500);
  expect(res.text).not.toContain('secret internal detail');
  expect(res.body.error).toBe('系统出现错误，请稍后再试或联系管理员');
  const error = lines.find((l) => l.err);
  expect(error).toMatchObject({ level: 'error', requestId: res.headers['x-request-id'] });
  expect((error!.err as { stack: string }).stack).toContain('secret internal detail');
  expect(lines.find((l) => l.req)).toMatchObject({ level: 'error', res: { status: 500 } });
});
