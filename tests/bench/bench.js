#!/usr/bin/env node
// Load benchmark. The application runs in its own process on a fresh embedded
// database; beside it, in another process, a bare Express + EJS page of the same
// byte size (tests/bench/bare-server.js) is loaded the same way in the same run,
// so that figures taken on a busy machine can still be compared.
//
//   npm run bench                    demo data
//   npm run bench -- --scale         production size (tests/bench/scale-data.js): 100,000 customers,
//                                    1,000,000 orders, 2,000,000 order lines, …
//   npm run bench -- --smoke         the same shape at 1/100 of that size (quick; for CI)
//   BENCH_USERS=100 BENCH_SECONDS=20 BENCH_SCALE=0.1 change users, seconds per phase, size factor
//   BENCH_TURNS=3                    the turns the application and the bare page take under load
//
// Phases: the weekly churn job against one raw aggregate query doing the same
// selection (each in a process of its own, for its memory), then, with the job's
// warnings in the database, single requests (median per page, one at a time), 100
// users without think time (closed loop) and the bare page under the same load, taking
// turns, and 100 users thinking 1–5 s between clicks.
// The server's resident memory is sampled throughout. Every exit path — done,
// error, Ctrl-C — stops the processes started here and removes the folder.
/* global setInterval, clearInterval */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const net = require('net');
const { spawn, execFileSync } = require('child_process');

const args = new Set(process.argv.slice(2));
const SCALE = process.env.BENCH_SCALE ? Number(process.env.BENCH_SCALE) : args.has('--scale') ? 1 : args.has('--smoke') ? 0.01 : 0;
const USERS = Number(process.env.BENCH_USERS || 100);
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const TURNS = Number(process.env.BENCH_TURNS || 3);
const WARM_SECONDS = 3;
const ROOT = path.resolve(__dirname, '../..');

// ---------------------------------------------------------------- cleanup on every exit path

const children = new Set();
let tempDir = null;

function cleanup() {
  // The whole group of each: a server's worker processes too.
  for (const child of children) cleanupGroup(child);
  children.clear();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  tempDir = null;
}

process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping`);
    cleanup();
    process.exit(130);
  });
}

function cleanupGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** How `npm start` runs the application (node's options, then the script), from package.json. */
const APPLICATION = require(path.join(ROOT, 'package.json')).scripts.start.split(' ').slice(1).map((arg) => (arg.startsWith('-') ? arg : path.join(ROOT, arg)));

function start(args, env, { quiet = true } = {}) {
  // A process group of its own, so that cleanup() reaches everything it starts.
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    detached: true,
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function stop(child) {
  if (!children.has(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => cleanupGroup(child), 5000).unref();
  });
}

// ---------------------------------------------------------------- HTTP

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(port, child) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit code ${child.exitCode})`);
    const ok = await new Promise((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      }).on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not start');
}

/**
 * One request. Each user has a connection of their own, as each browser would;
 * a GET on a kept-alive connection that the server closed meanwhile is sent
 * again once on a new one, as browsers do.
 */
function request(port, method, pathname, { cookie, form, agent } = {}, retried = false) {
  return new Promise((resolve, reject) => {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers = { Accept: 'text/html' };
    if (cookie) headers.Cookie = cookie;
    if (body) Object.assign(headers, { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) });
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(30000, () => req.destroy(new Error(`${method} ${pathname}: no answer in 30 s`)));
    req.on('error', (err) => {
      if (req.reusedSocket && err.code === 'ECONNRESET' && method === 'GET' && !retried) {
        return resolve(request(port, method, pathname, { cookie, form, agent }, true));
      }
      reject(err);
    });
    if (body) req.write(body);
    req.end();
  });
}

async function login(port, username, agent) {
  const page = await request(port, 'GET', '/login', { agent });
  const cookie = String(page.headers['set-cookie'][0]).split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)[1];
  const res = await request(port, 'POST', '/login', { cookie, agent, form: { _csrf: csrf, username, password: 'demo123' } });
  if (res.status !== 302) throw new Error(`login ${username}: ${res.status}`);
  return String(res.headers['set-cookie'][0]).split(';')[0];
}

// ---------------------------------------------------------------- memory of the server (and its workers)

function descendants(pid) {
  try {
    const kids = fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
    return [pid, ...kids.flatMap(descendants)];
  } catch {
    return [pid];
  }
}

function residentMb(pid) {
  let kb = 0;
  for (const p of descendants(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))[1]);
    } catch {
      // gone, or no /proc (then 0)
    }
  }
  return kb / 1024;
}

function memorySampler(pid) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, residentMb(pid))), 250);
  return { stop: () => (clearInterval(timer), Math.round(peak)) };
}

// ---------------------------------------------------------------- figures

const at = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (value) => (value === undefined ? '-' : value < 10 ? value.toFixed(1) : value.toFixed(0));

class Figures {
  constructor(name, seconds) {
    Object.assign(this, { name, seconds, byPage: new Map(), all: [], errors: 0 });
  }
  add(page, elapsed, ok) {
    if (!this.byPage.has(page)) this.byPage.set(page, []);
    this.byPage.get(page).push(elapsed);
    this.all.push(elapsed);
    if (!ok) this.errors++;
  }
  get throughput() {
    return this.all.length / this.seconds;
  }
  summary() {
    const sorted = [...this.all].sort((a, b) => a - b);
    return { n: sorted.length, p50: at(sorted, 0.5), p95: at(sorted, 0.95), p99: at(sorted, 0.99), max: at(sorted, 1) };
  }
  print() {
    console.log(`\n${this.name}`);
    console.log(`  ${'page'.padEnd(44)} ${'n'.padStart(6)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)}`);
    for (const [page, list] of [...this.byPage].sort()) {
      list.sort((a, b) => a - b);
      console.log(`  ${page.padEnd(44)} ${String(list.length).padStart(6)} ${ms(at(list, 0.5)).padStart(7)} ${ms(at(list, 0.95)).padStart(7)} ${ms(at(list, 0.99)).padStart(7)}`);
    }
    const s = this.summary();
    console.log(`  all: ${s.n} requests, ${this.throughput.toFixed(0)} req/s, errors ${this.errors}; ms p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(s.p99)} max ${ms(s.max)}`);
  }
}

const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

/**
 * Users requesting their pages in turn, for `seconds`; `think` gives the pause between clicks.
 * The figures go to `into` when given (one more turn of the same load), else to new ones.
 */
async function load(name, port, users, seconds, think = () => 0, into = null) {
  const figures = into ?? new Figures(name, 0);
  figures.seconds += seconds;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    users.map(async (user, i) => {
      // Thinking users arrive spread out, as people do, not all in the same millisecond.
      const first = think();
      if (first) await sleep(first);
      for (let n = i; Date.now() < until; n++) {
        const pathname = user.pages[n % user.pages.length];
        const started = process.hrtime.bigint();
        let ok;
        try {
          const res = await request(port, 'GET', pathname, { cookie: user.cookie, agent: user.agent });
          ok = res.status === 200;
        } catch {
          ok = false;
        }
        figures.add(pathname, Number(process.hrtime.bigint() - started) / 1e6, ok);
        const pause = think();
        if (pause) await sleep(Math.min(pause, Math.max(0, until - Date.now())));
      }
    }),
  );
  return figures;
}

// ---------------------------------------------------------------- the run

/** The pages each user requests: lists, deep pages, searches, details. */
async function pagesOf(dbFile) {
  const Database = require('better-sqlite3');
  const db = new Database(dbFile, { readonly: true });
  const one = (sql) => db.prepare(sql).get();
  const customer = one("SELECT id, number, name FROM Customer WHERE status = 'normal' ORDER BY id DESC LIMIT 1");
  const customers = one('SELECT count(*) AS n FROM Customer').n;
  const ticket = one('SELECT id FROM ServiceTicket ORDER BY id DESC LIMIT 1');
  db.close();
  const deep = Math.max(2, Math.floor(customers / 10 / 2));
  const nameWord = customer.name.slice(2, 4);
  return {
    manager: ['/home', '/opportunities', '/opportunities?page=2', '/customers', `/customers?page=${deep}`, '/churn', '/service/assign', '/service/archive',
      `/customers?name=${encodeURIComponent(nameWord)}`, `/service/archive?summary=${encodeURIComponent('问题')}`, `/service/${ticket.id}`,
      `/service/archive?customerName=${encodeURIComponent(nameWord)}`, `/churn?customerName=${encodeURIComponent(nameWord)}`,
      '/reports/contribution', `/reports/contribution?year=${new Date().getFullYear()}`, '/reports/composition', '/reports/service', '/reports/churn'],
    sales1: ['/home', '/opportunities', '/plans', '/customers', '/churn', '/service/handle', '/service/feedback', `/customers?number=${customer.number.slice(0, 8)}`],
    sales2: ['/home', '/plans', '/customers', '/service/new', `/service/new?customerQuery=${encodeURIComponent(nameWord)}`, '/service/archive',
      `/customers/${customer.id}`, `/customers/${customer.id}/orders`, `/customers/${customer.id}/contacts`],
  };
}

async function prepareDatabase(file) {
  // Made by the application's own start-up code: migrations, reference and demo data.
  const { prepareEmbeddedDatabase } = require(path.join(ROOT, 'dist/src/db/prepare'));
  await prepareEmbeddedDatabase(`file:${file}`, { demoData: true });
  if (!SCALE) return;
  const started = Date.now();
  const { buildScaleData } = require('./scale-data');
  const made = buildScaleData(file, SCALE);
  console.log(`data at scale ${SCALE}: ${JSON.stringify(made)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function churnRun(mode, dbUrl) {
  // The job with node's options of the application it runs in (its heap bound); the raw query without.
  const options = mode === 'job' ? APPLICATION.filter((arg) => arg.startsWith('-')) : [];
  const out = execFileSync(process.execPath, [...options, path.join(__dirname, 'churn-run.js'), mode], { env: { ...process.env, DATABASE_URL: dbUrl }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

async function main() {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-'));
  const dbFile = path.join(tempDir, 'crm.db');
  const dbUrl = `file:${dbFile}`;
  await prepareDatabase(dbFile);
  const PAGES = await pagesOf(dbFile);
  // The weekly job first, as on any day after a Saturday: the pages are then loaded with its
  // warnings in the database (the raw query first, as it selects what the job is about to warn).
  const raw = churnRun('raw', dbUrl);
  const job = churnRun('job', dbUrl);

  const port = await freePort();
  const server = start(APPLICATION, {
    DATABASE_URL: dbUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_REQUESTS: process.env.BENCH_LOG ? 'true' : 'false',
    CHURN_JOB_ENABLED: 'false',
  }, { quiet: !process.env.BENCH_LOG });
  await waitForHealth(port, server);
  const idleMb = Math.round(residentMb(server.pid));

  const names = Object.keys(PAGES);
  const users = [];
  for (let i = 0; i < USERS; i++) {
    const name = names[i % names.length];
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    users.push({ name, agent, pages: PAGES[name], cookie: await login(port, name, agent) });
  }
  console.log(`${USERS} users logged in (${names.join(', ')} in turn); phases of ${SECONDS} s`);

  // Single requests, one at a time: the median per page.
  const single = new Figures('single requests, one at a time (ms)', 1);
  for (const user of users.slice(0, names.length)) {
    for (const pathname of user.pages) {
      for (let i = 0; i < 11; i++) {
        const started = process.hrtime.bigint();
        const res = await request(port, 'GET', pathname, { cookie: user.cookie, agent: user.agent });
        single.add(pathname, Number(process.hrtime.bigint() - started) / 1e6, res.status === 200);
      }
    }
  }
  const pageBytes = Buffer.byteLength((await request(port, 'GET', '/customers', { cookie: users[0].cookie, agent: users[0].agent })).text);

  // The application and the bare page take turns (TURNS each, SECONDS in all for each), so that
  // both meet the machine as it is at the time: on a shared machine its speed drifts by a third
  // within minutes, and one phase after the other would compare two different machines.
  const barePort = await freePort();
  const bare = start([path.join(__dirname, 'bare-server.js')], { PORT: String(barePort), BARE_BYTES: String(pageBytes) });
  await waitForHealth(barePort, bare);
  const bareUsers = users.map((user) => ({ ...user, cookie: undefined, agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) }));
  // A few seconds of the same load first, not counted, for each: the code the load runs most is
  // compiled by V8's optimising compiler only after thousands of calls (the single requests were hundreds).
  await load('warm-up', port, users, WARM_SECONDS);
  await load('warm-up', barePort, bareUsers, WARM_SECONDS);
  const memory = memorySampler(server.pid);
  let app = null;
  let barePage = null;
  const ratios = [];
  for (let turn = 0; turn < TURNS; turn++) {
    const [appBefore, bareBefore] = [app?.all.length ?? 0, barePage?.all.length ?? 0];
    app = await load(`application: ${USERS} users without think time`, port, users, SECONDS / TURNS, undefined, app);
    barePage = await load(`bare Express + EJS page of ${pageBytes} bytes: ${USERS} users without think time`, barePort, bareUsers, SECONDS / TURNS, undefined, barePage);
    ratios.push((100 * (app.all.length - appBefore)) / (barePage.all.length - bareBefore));
  }
  const loadMb = memory.stop();
  bareUsers.forEach((user) => user.agent.destroy());
  await stop(bare);

  const thinkMemory = memorySampler(server.pid);
  const thinking = await load(`application: ${USERS} users thinking 1–5 s between clicks`, port, users, Math.max(SECONDS, 20), () => 1000 + Math.random() * 4000);
  const thinkMb = thinkMemory.stop();
  users.forEach((user) => user.agent.destroy());
  await stop(server);

  single.print();
  app.print();
  barePage.print();
  thinking.print();
  const a = app.summary();
  const b = barePage.summary();
  console.log('\nsummary');
  console.log(`  throughput: application ${app.throughput.toFixed(0)} req/s, bare page ${barePage.throughput.toFixed(0)} req/s: ${((100 * app.throughput) / barePage.throughput).toFixed(1)} %`);
  console.log(`  the same in each of the ${TURNS} turns: ${ratios.map((ratio) => `${ratio.toFixed(1)} %`).join(', ')}`);
  console.log(`  p95 ms: application ${ms(a.p95)}, bare page ${ms(b.p95)}; with think time ${ms(thinking.summary().p95)}`);
  console.log(`  errors: ${app.errors} without think time, ${thinking.errors} with`);
  console.log(`  server memory MB: ${idleMb} idle, peak ${loadMb} under load, ${thinkMb} with think time`);
  console.log(`  churn job: ${job.ms} ms, peak ${job.peakMb} MB (checked ${job.checked}, added ${job.added}); raw query: ${raw.ms} ms, peak ${raw.peakMb} MB (selected ${raw.selected}): ${(job.ms / Math.max(1, raw.ms)).toFixed(1)}×`);
  if (app.errors > 0 || thinking.errors > 0) process.exitCode = 1;
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(cleanup);
