#!/usr/bin/env node
// Load benchmark: the application on a fresh embedded database with demo data,
// N concurrent logged-in users (default 100) each requesting list pages as fast
// as answers come, for a bounded time on 127.0.0.1. Prints throughput and
// latency percentiles. Run with `npm run bench` (builds first).
//   BENCH_USERS=100 BENCH_SECONDS=20 npm run bench
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');

const USERS = Number(process.env.BENCH_USERS || 100);
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const PAGES = {
  manager: ['/home', '/opportunities', '/opportunities?page=2', '/customers', '/customers?page=2', '/churn', '/service/assign', '/service/archive'],
  sales1: ['/home', '/opportunities', '/plans', '/customers', '/churn', '/service/handle', '/service/feedback'],
  sales2: ['/home', '/plans', '/customers', '/service/new', '/service/archive'],
};

async function main() {
  const dist = path.resolve(__dirname, '../../dist/src');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-')), 'crm.db');
  const url = `file:${file}`;
  const { prepareEmbeddedDatabase } = require(`${dist}/db/prepare.js`);
  const { createDb } = require(`${dist}/db/client.js`);
  const { createApp } = require(`${dist}/app.js`);
  const { loadConfig } = require(`${dist}/config.js`);
  await prepareEmbeddedDatabase(url, { demoData: true });
  const db = createDb(url);
  const app = createApp({ db, config: { ...loadConfig({}), databaseUrl: url, logRequests: false, churnJobEnabled: false } });
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = server.address().port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: USERS });

  function request(method, pathname, { cookie, form } = {}) {
    return new Promise((resolve, reject) => {
      const body = form ? new URLSearchParams(form).toString() : undefined;
      const headers = { Accept: 'text/html' };
      if (cookie) headers.Cookie = cookie;
      if (body) Object.assign(headers, { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) });
      const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers, agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
      });
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
  }

  async function login(username) {
    const page = await request('GET', '/login');
    const cookie = String(page.headers['set-cookie'][0]).split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)[1];
    const res = await request('POST', '/login', { cookie, form: { _csrf: csrf, username, password: 'demo123' } });
    if (res.status !== 302) throw new Error(`login ${username}: ${res.status}`);
    return String(res.headers['set-cookie'][0]).split(';')[0];
  }

  const names = Object.keys(PAGES);
  const users = [];
  for (let i = 0; i < USERS; i++) users.push({ name: names[i % names.length], cookie: await login(names[i % names.length]) });

  const latencies = [];
  let errors = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    users.map(async (user, i) => {
      const pages = PAGES[user.name];
      for (let n = i; Date.now() < until; n++) {
        const started = process.hrtime.bigint();
        const res = await request('GET', pages[n % pages.length], { cookie: user.cookie });
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (res.status !== 200) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  console.log(`users ${USERS}, ${SECONDS}s: ${latencies.length} requests, ${(latencies.length / SECONDS).toFixed(0)} req/s, errors ${errors}`);
  console.log(`latency ms: p50 ${at(0.5)}  p95 ${at(0.95)}  p99 ${at(0.99)}  max ${latencies[latencies.length - 1].toFixed(1)}`);
  agent.destroy();
  server.close();
  await db.$disconnect();
  if (errors > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
