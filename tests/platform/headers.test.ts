// Security headers (helmet) and caching: pages never cached, static files cached for good under versioned URLs.
import request from 'supertest';
import { login, startTestApp, TestApp } from '../support/app';
import { createUser } from '../support/builders/users';

let t: TestApp;
beforeAll(() => {
  t = startTestApp();
});
afterAll(() => t.close());

test('pages: same-origin frames only, nothing IE11 or plain HTTP cannot take, never cached', async () => {
  const res = await request(t.app).get('/login');
  expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  const csp = res.headers['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).toContain("default-src 'self'");
  // The server-drawn charts style their text with style attributes; scripts stay our own files only.
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('same-origin');
  expect(res.headers['strict-transport-security']).toBeUndefined();
  expect(res.headers['cross-origin-embedder-policy']).toBeUndefined();
  expect(res.headers['x-powered-by']).toBeUndefined();
  expect(res.headers['cache-control']).toBe('no-store');
  // Never stored, never revalidated: no tag to compute for it.
  expect(res.headers.etag).toBeUndefined();
});

test('the frames and error pages are not cached either', async () => {
  await createUser(t.db, { username: 'headers' });
  const session = await login(t.app, 'headers');
  for (const url of ['/', '/top', '/left', '/home', '/no-such-page']) {
    const res = await session.get(url);
    expect([url, res.headers['cache-control'], res.headers.etag]).toEqual([url, 'no-store', undefined]);
  }
});

test('pages link the stylesheet, script and logo by versioned URLs', async () => {
  const html = (await request(t.app).get('/login')).text;
  expect(html).toMatch(/href="\/css\/app\.css\?v=[0-9a-f]{12}"/);
  expect(html).toMatch(/src="\/js\/app\.js\?v=[0-9a-f]{12}"/);
  expect(html).toMatch(/src="\/img\/logo\.svg\?v=[0-9a-f]{12}"/);
});

test('a versioned static file is cached for a year; an unversioned one is checked again each time', async () => {
  const html = (await request(t.app).get('/login')).text;
  const css = /href="(\/css\/app\.css\?v=[0-9a-f]+)"/.exec(html)![1];
  const js = /src="(\/js\/app\.js\?v=[0-9a-f]+)"/.exec(html)![1];
  for (const url of [css, js]) {
    const res = await request(t.app).get(url);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  }
  const plain = await request(t.app).get('/css/app.css');
  expect(plain.headers['cache-control']).toBe('no-cache');
  expect(plain.headers.etag).toBeDefined();
  const again = await request(t.app).get('/css/app.css').set('If-None-Match', plain.headers.etag);
  expect(again.status).toBe(304);
});
