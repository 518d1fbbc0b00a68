// The application on a fresh database, and logged-in supertest agents.
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../src/app';
import { loadConfig, Config } from '../../src/config';
import type { Db } from '../../src/db/client';
import { swappableDatabase } from '../../src/db/handle';
import { freshDb } from './db';

export const TEST_PASSWORD = 'secret-123';

export interface TestApp {
  app: Express;
  db: Db;
  url: string;
  config: Config;
  close(): Promise<void>;
}

export function testConfig(url: string, overrides: Partial<Config> = {}): Config {
  // Backups of a test database stay beside it, in the run's folder.
  const backupDir = `${url.replace(/^file:/, '')}.backups`;
  return { ...loadConfig({}), databaseUrl: url, logRequests: false, churnJobEnabled: false, backupDir, ...overrides };
}

/** The application on a fresh database; `db` is its swappable client, so it sees a restored database too. */
export function startTestApp(overrides: Partial<Config> = {}): TestApp {
  const { db: client, url } = freshDb();
  const database = swappableDatabase(client, url);
  const config = testConfig(url, overrides);
  // The test database is always the embedded one, whatever DATABASE_URL a test pretends.
  const app = createApp({ db: database.db, config, database, databaseKind: 'sqlite' });
  return { app, db: database.db, url, config, close: async () => (await database.close(), await database.db.$disconnect()) };
}

export type Agent = ReturnType<typeof request.agent>;

/** The _csrf value of a page's first form. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no _csrf field on the page');
  return match[1];
}

export interface LoggedIn {
  agent: Agent;
  csrf: string;
  /** POSTs a form with the session's CSRF token. */
  post(url: string, form?: Record<string, string | number | undefined>): request.Test;
  get(url: string): request.Test;
}

export async function login(app: Express, username: string, password = TEST_PASSWORD): Promise<LoggedIn> {
  const agent = request.agent(app);
  const loginPage = await agent.get('/login');
  const res = await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfFrom(loginPage.text), username, password });
  if (res.status !== 302 || res.headers.location !== '/') {
    throw new Error(`login of ${username} failed: ${res.status}`);
  }
  const top = await agent.get('/top');
  const csrf = csrfFrom(top.text);
  const clean = (form: Record<string, string | number | undefined>) =>
    Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return {
    agent,
    csrf,
    post: (url, form = {}) => agent.post(url).type('form').send({ _csrf: csrf, ...clean(form) }),
    get: (url) => agent.get(url),
  };
}

/** The page a redirect leads to (where its flash message shows). */
export async function follow(session: LoggedIn, res: request.Response): Promise<string> {
  expect(res.status).toBe(302);
  const next = await session.get(res.headers.location);
  return next.text;
}

/** GETs a page that must answer 200 and show each of the texts; returns its HTML. */
export async function expectPage(session: LoggedIn, url: string, texts: string[]): Promise<string> {
  const res = await session.get(url);
  expect(res.status).toBe(200);
  for (const text of texts) expect(res.text).toContain(text);
  return res.text;
}
