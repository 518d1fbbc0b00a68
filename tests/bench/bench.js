#!/usr/bin/env node
// Load benchmark: the application (its own process) on a fresh embedded database with demo data,
// N concurrent logged-in users (default 100) each requesting list pages as fast
// as answers come, for a bounded time on 127.0.0.1. Prints throughput and
// latency percentiles. Run with `npm run bench` (builds first).
//   BENCH_USERS=100 BENCH_SECONDS=20 npm run bench
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const net = require('net');
const { spawn } = require('child_process');

const USERS = Number(process.env.BENCH_USERS || 100);
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const PAGES = {
  manager: ['/home', '/opportunities', '/opportunities?page=2', '/customers', '/customers?page=2', '/churn', '/service/assign', '/service/archive', '/reports/contribution', `/reports/contribution?year=${new Date().getFullYear()}`, '/reports/composition', '/reports/service', '/reports/churn'],
  sales1: ['/home', '/opportunities', '/plans', '/customers', '/churn', '/service/handle', '/service/feedback'],
  sales2: ['/home', '/plans', '/customers', '/service/new', '/service/archive'],
};

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(port) {
  for (let i = 0; i < 600; i++) {
    const ok = await new Promise((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => resolve(res.statusCode === 200)).on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not start');
}

async function main() {
  // The server runs in its own process, as it would for real users; this
  // process only sends the load.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-'));
  const port = await freePort();
  const server = spawn(process.execPath, [path.resolve(__dirname, '../../dist/src/server.js')], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'crm.db')}`, PORT: String(port), HOST: '127.0.0.1', LOG_REQUESTS: process.env.BENCH_LOG ? 'true' : 'false', CHURN_JOB_ENABLED: 'false' },
    stdio: ['ignore', process.env.BENCH_LOG ? 'inherit' : 'ignore', 'inherit'],
  });
  await waitForHealth(port);
  // Each user has a connection of their own, as each browser would.
  const newAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

  function request(method, pathname, { cookie, form, agent } = {}) {
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
      req.setTimeout(30000, () => req.destroy(new Error(`${method} ${pathname}: no answer in 30 s`)));
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
  }

  async function login(username, agent) {
    const page = await request('GET', '/login', { agent });
    const cookie = String(page.headers['set-cookie'][0]).split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)[1];
    const res = await request('POST', '/login', { cookie, agent, form: { _csrf: csrf, username, password: 'demo123' } });
    if (res.status !== 302) throw new Error(`login ${username}: ${res.status}`);
    return String(res.headers['set-cookie'][0]).split(';')[0];
  }

  const names = Object.keys(PAGES);
  const users = [];
  for (let i = 0; i < USERS; i++) {
    const name = names[i % names.length];
    const agent = newAgent();
    users.push({ name, agent, cookie: await login(name, agent) });
  }

  console.log(`${USERS} users logged in`);
  const latencies = [];
  const byPage = new Map();
  const slow = [];
  let errors = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    users.map(async (user, i) => {
      const pages = PAGES[user.name];
      for (let n = i; Date.now() < until; n++) {
        const started = process.hrtime.bigint();
        const pathname = pages[n % pages.length];
        const res = await request('GET', pathname, { cookie: user.cookie, agent: user.agent });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        latencies.push(ms);
        if (ms > 2000) slow.push([Math.round((Date.now() - (until - SECONDS * 1000)) / 100) / 10, pathname, Math.round(ms)]);
        if (!byPage.has(pathname)) byPage.set(pathname, []);
        byPage.get(pathname).push(ms);
        if (res.status !== 200) errors++;
      }
    }),
  );
  const at = (list, q) => list[Math.min(list.length - 1, Math.floor(q * list.length))].toFixed(1);
  for (const [pathname, list] of [...byPage].sort()) {
    list.sort((a, b) => a - b);
    console.log(`  ${pathname.padEnd(24)} n=${String(list.length).padStart(5)}  p50 ${at(list, 0.5)}  p95 ${at(list, 0.95)}  max ${at(list, 1)}`);
  }
  latencies.sort((a, b) => a - b);
  console.log(`users ${USERS}, ${SECONDS}s: ${latencies.length} requests, ${(latencies.length / SECONDS).toFixed(0)} req/s, errors ${errors}`);
  console.log(`latency ms: p50 ${at(latencies, 0.5)}  p95 ${at(latencies, 0.95)}  p99 ${at(latencies, 0.99)}  max ${at(latencies, 1)}`);
  if (slow.length) console.log(`slow (>2s): ${slow.length}, first at ${slow[0][0]}s, last at ${slow[slow.length - 1][0]}s`);
  users.forEach((user) => user.agent.destroy());
  server.kill();
  if (errors > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
