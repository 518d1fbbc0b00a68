// Every form, fed thousands of mutated bodies: missing and repeated fields,
// 100k-character text, control characters, emoji and half characters, numbers
// Number() would read (1e309, -0, NaN, hex), impossible dates, SQL and markup.
// The forms are found as a user finds them: each role follows the links of its
// pages from the frames, and every POST route of the router is fed too. The
// answer is never a server error, and no row stored breaks the schema
// (storable characters, SQL Server's column lengths, real numbers and dates).
// Pseudo-random with a seed: FUZZ_SEED=<n> repeats a run, FUZZ_BODIES sets its size.
import fs from 'fs';
import request from 'supertest';
import path from 'path';
import { loadDemoData } from '../../src/demo/demo-data';
import { Random } from '../../src/demo/random';
import { DEFAULT_RIGHTS, BuiltInRole as Role } from '../../src/auth/rights';
import { UNSTORABLE } from '../../src/shared/form';
import { login, LoggedIn, startTestApp, TestApp } from '../support/app';
import { routesOfApp, RouteInfo } from '../support/routes';

const SEED = Number(process.env.FUZZ_SEED ?? 20111001);
const BODIES = Number(process.env.FUZZ_BODIES ?? 2000);
const USERS: Record<Role, string> = { admin: 'admin', manager: 'manager', sales: 'sales1', executive: 'boss' };

// The demo data's seeded generator: the same bodies for the same FUZZ_SEED on every machine.
const random = new Random(SEED);

const NASTY: (() => string)[] = [
  () => 'x'.repeat(100_000),
  () => '客'.repeat(60_000),
  () => '',
  () => ' ',
  () => 'a\u0000b',
  () => '\u0001\u0007\u001b[31m\u007f',
  () => '😀👩‍👩‍👧‍👦',
  () => 'half \ud83d',
  () => '\udc00 half',
  () => '\u202eevil',
  () => '1e309',
  () => '-1e309',
  () => '-0',
  () => 'NaN',
  () => 'Infinity',
  () => '0x10',
  () => '-1',
  () => '0',
  () => '2147483648',
  () => '99999999999999999999',
  () => '1.5',
  () => '１２',
  () => '2023-02-30',
  () => '2024-13-01',
  () => '0000-00-00',
  () => '0099-01-01',
  () => '9999-12-31',
  () => '2011-7-1',
  () => "' OR 1=1 --",
  () => "'; DROP TABLE Customer; --",
  () => '<script>alert(1)</script>',
  () => '"><img src=x onerror=alert(1)>',
  () => '{{7*7}}<%= 7*7 %>',
  () => '../../etc/passwd',
  () => '\r\n\tline',
];

interface Form {
  role: Role;
  method: 'get' | 'post';
  action: string;
  fields: [string, string][];
}

// ---------------------------------------------------------------- finding the forms

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

const attr = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]) : undefined;
};

function formsOf(html: string, role: Role, pageUrl: string): Form[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map(([, tag, body]) => {
    const fields: [string, string][] = [];
    for (const [input] of body.matchAll(/<input\b[^>]*>/g)) {
      const name = attr(input, 'name');
      const type = attr(input, 'type') ?? 'text';
      if (!name || name === '_csrf' || (['checkbox', 'radio'].includes(type) && !/\schecked/.test(input))) continue;
      fields.push([name, attr(input, 'value') ?? '']);
    }
    for (const [, selectTag, options] of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const values = [...options.matchAll(/<option\b[^>]*value="([^"]*)"/g)].map((m) => decode(m[1]));
      const name = attr(selectTag, 'name');
      if (name) fields.push([name, values.find((v) => v !== '') ?? '']);
    }
    for (const [, textareaTag, content] of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attr(textareaTag, 'name');
      if (name) fields.push([name, decode(content) || '内容']);
    }
    const method = (attr(tag, 'method') ?? 'get').toLowerCase() === 'post' ? 'post' : 'get';
    return { role, method, action: attr(tag, 'action') || pageUrl.split('?')[0], fields };
  });
}

/** A URL's shape: ids replaced, so that one page of each kind is enough. */
const shapeOf = (url: string) => url.split('?')[0].replace(/\/\d+(?=\/|$)/g, '/:n');

// A restore ends every session (its own tests cover it), so fuzzing it would end the fuzzing.
const SKIPPED = /^\/(css|js|img)\/|^\/logout|^\/healthz|format=|^\/admin\/backups\/[^/]+\/restore/;

async function crawl(session: LoggedIn, role: Role, forms: Map<string, Form[]>): Promise<void> {
  const queue = ['/', '/top', '/left', '/home'];
  const seen = new Map<string, number>();
  let pages = 0;
  while (queue.length > 0 && pages < 120) {
    const url = queue.shift()!;
    const shape = shapeOf(url) + (url.includes('?') ? '?' : '');
    if ((seen.get(shape) ?? 0) >= 2) continue;
    seen.set(shape, (seen.get(shape) ?? 0) + 1);
    pages += 1;
    const res = await session.get(url);
    expect([url, res.status < 500]).toEqual([url, true]);
    if (!String(res.headers['content-type'] ?? '').includes('html')) continue;
    for (const [, href] of res.text.matchAll(/(?:href|src)="(\/[^"#]*)"/g)) {
      const link = decode(href);
      if (!SKIPPED.test(link)) queue.push(link);
    }
    for (const form of formsOf(res.text, role, url)) {
      if (SKIPPED.test(form.action)) continue;
      const key = `${form.method} ${shapeOf(form.action)}`;
      const known = forms.get(key) ?? [];
      if (known.length < 4 && !known.some((f) => f.action === form.action && f.role === role)) forms.set(key, [...known, form]);
    }
  }
}

// ---------------------------------------------------------------- the routes no page links to

function allowedRoles(route: RouteInfo): Role[] {
  const roles = Object.keys(USERS) as Role[];
  if (!route.rights) return roles;
  return roles.filter((role) => route.rights!.some((r) => DEFAULT_RIGHTS[role].some((d) => d.resource === r.resource && d.action === r.action)));
}

// ---------------------------------------------------------------- mutating a body

function mutate(fields: [string, string][], extraNames: string[]): [string, string][] {
  let body = fields.map(([k, v]) => [k, v] as [string, string]);
  const names = [...new Set([...fields.map(([k]) => k), ...extraNames])];
  const changes = 1 + random.int(0, 2);
  for (let i = 0; i < changes; i++) {
    const name = names.length ? random.pick(names) : 'field';
    switch (random.int(0, 5)) {
      case 0: // a field left out
        body = body.filter(([k]) => k !== name);
        break;
      case 1: // a field sent twice
        body.push([name, random.next() < 0.5 ? (body.find(([k]) => k === name)?.[1] ?? '1') : random.pick(NASTY)()]);
        break;
      case 2: // a field no form has
        body.push([random.pick(['id', 'status', 'createdById', '__proto__', 'constructor', 'role']), random.pick(NASTY)()]);
        break;
      default: // a nasty value
        body = body.filter(([k]) => k !== name);
        body.push([name, random.pick(NASTY)()]);
    }
  }
  return body;
}

const encode = (body: [string, string][]) => new URLSearchParams(body).toString();

// ---------------------------------------------------------------- what is stored

interface Column {
  type: string;
  maxLength?: number;
}

/** Model → field → type and SQL Server length, read from the one hand-written schema. */
function schemaColumns(): Map<string, Map<string, Column>> {
  const schema = fs.readFileSync(path.resolve(__dirname, '../../prisma/schema.prisma'), 'utf8');
  const models = new Map<string, Map<string, Column>>();
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const columns = new Map<string, Column>();
    for (const line of body.split('\n')) {
      const match = /^\s+(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(line);
      if (!match || match[3] === '[]' || /@relation/.test(match[4])) continue;
      const length = /@db\.NVarChar\((\d+)\)/.exec(match[4]);
      columns.set(match[1], { type: match[2], maxLength: length ? Number(length[1]) : undefined });
    }
    models.set(model, columns);
  }
  return models;
}


function problemOf(column: Column, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (column.type === 'String') {
    if (typeof value !== 'string') return 'not text';
    if (UNSTORABLE.test(value)) return 'unstorable characters';
    if (column.maxLength !== undefined && value.length > column.maxLength) return `longer than ${column.maxLength}`;
  }
  if (column.type === 'Int' && !(Number.isInteger(Number(value)) && Math.abs(Number(value)) <= 2_147_483_647)) return 'not an int';
  if (column.type === 'Decimal' && !(Number.isFinite(Number(value)) && Math.abs(Number(value)) < 1e16)) return 'not a decimal(18,2)';
  if (column.type === 'DateTime') {
    const year = new Date(typeof value === 'string' ? value : Number(value)).getUTCFullYear();
    if (!(year >= 1900 && year <= 9999)) return 'not a date SQL Server keeps';
  }
  return null;
}

async function invalidRows(t: TestApp): Promise<string[]> {
  const problems: string[] = [];
  for (const [model, columns] of schemaColumns()) {
    const rows = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${model}"`);
    for (const row of rows) {
      for (const [name, column] of columns) {
        const problem = problemOf(column, row[name]);
        if (problem) problems.push(`${model}.${name} (row ${JSON.stringify(row.id ?? row.key ?? '')}): ${problem}`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------- the run

let t: TestApp;
const sessions = {} as Record<Role, LoggedIn>;

beforeAll(async () => {
  t = startTestApp();
  await loadDemoData(t.db);
  for (const [role, username] of Object.entries(USERS) as [Role, string][]) sessions[role] = await login(t.app, username, 'demo123');
});
afterAll(() => t.close());

test(`every form: no server error and no invalid row, whatever is sent (seed ${SEED})`, async () => {
  const forms = new Map<string, Form[]>();
  for (const role of Object.keys(USERS) as Role[]) await crawl(sessions[role], role, forms);

  // POST routes no page offers a form for: fed with an id that may not exist.
  for (const route of routesOfApp(t.app)) {
    const key = `post ${route.path.replace(/:\w+/g, ':n')}`;
    if (route.method !== 'post' || route.path === '/logout' || route.path === '/login' || forms.has(key)) continue;
    const roles = allowedRoles(route);
    if (roles.length === 0) continue;
    forms.set(key, [{ role: random.pick(roles), method: 'post', action: route.path.replace(/:\w+/g, () => String(1 + random.int(0, 39))), fields: [] }]);
  }
  const all = [...forms.values()].flat();
  expect(all.filter((f) => f.method === 'post').length).toBeGreaterThan(20);
  const fieldNames = [...new Set(all.flatMap((f) => f.fields.map(([k]) => k)))];

  const failures: string[] = [];
  const perForm = Math.ceil(BODIES / all.length);
  for (let round = 0; round < perForm; round++) {
    for (const form of all) {
      const body = mutate(form.fields, random.next() < 0.2 ? fieldNames : []);
      const session = sessions[form.role];
      const res =
        form.method === 'post'
          ? await session.agent.post(form.action).type('form').send(`${encode([['_csrf', session.csrf], ...body])}`)
          : await session.get(`${form.action}?${encode(body)}`);
      if (res.status >= 500) failures.push(`${form.role} ${form.method} ${form.action} ${encode(body).slice(0, 300)} → ${res.status}`);
    }
  }
  expect(failures.slice(0, 10)).toEqual([]);
  expect(await invalidRows(t)).toEqual([]);
  // About 15 s on an idle 2-core machine; the bound is for a busy one.
}, 180_000);

test('anonymous: the login form, whatever is sent', async () => {
  const anonymous = request.agent(t.app);
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await anonymous.get('/login')).text)![1];
  for (let i = 0; i < 40; i++) {
    const body = mutate([['username', 'nobody'], ['password', 'wrong']], []);
    const res = await anonymous.post('/login').type('form').send(encode([['_csrf', csrf], ...body]));
    expect([encode(body).slice(0, 200), res.status < 500]).toEqual([encode(body).slice(0, 200), true]);
  }
});
