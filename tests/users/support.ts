// What the administration tests share: logging in with a password typed now, and a refused login's message.
import request from 'supertest';
import type { Express } from 'express';
import { csrfFrom } from '../support/app';

/** Tries to log in; the status and the page's text. */
export async function tryLogin(app: Express, username: string, password: string) {
  const agent = request.agent(app);
  const page = await agent.get('/login');
  const res = await agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), username, password });
  return { status: res.status, text: res.text, location: res.headers.location as string | undefined };
}

/** URLs of the administration pages, GET and POST, that everyone but the administrator is refused. */
export const ADMIN_GETS = ['/users', '/users/new', '/roles', '/roles/new', '/roles/admin/edit', '/audit'];
export const ADMIN_POSTS = ['/users/new', '/roles/new', '/roles/sales/edit'];
