// The rights table drives these walks: every role, every link of the menu and every route.
import { MENU } from '../../src/layout/menu';
import { BuiltInRole, DEFAULT_RIGHTS, ROLE_NAMES } from '../../src/auth/rights';
import { login, startTestApp, TestApp, LoggedIn } from '../support/app';
import { createUser } from '../support/builders/users';
import { routesOfApp } from '../support/routes';

let t: TestApp;
const sessions = {} as Record<BuiltInRole, LoggedIn>;
const roles = Object.keys(ROLE_NAMES) as BuiltInRole[];

beforeAll(async () => {
  t = startTestApp();
  for (const role of roles) {
    await createUser(t.db, { role, username: `walk-${role}` });
    sessions[role] = await login(t.app, `walk-${role}`);
  }
});
afterAll(() => t.close());

function allowed(role: BuiltInRole, resource: string, action: string): boolean {
  return DEFAULT_RIGHTS[role].some((r) => r.resource === resource && r.action === action);
}

const links = MENU.flatMap((module) => module.links);
const cases = roles.flatMap((role) => links.map((link) => [role, link.label, link.href, allowed(role, link.resource, link.action)] as const));

test.each(cases)('%s → %s (%s): allowed=%s', async (role, _label, href, isAllowed) => {
  const res = await sessions[role].get(href);
  expect(res.status).toBe(isAllowed ? 200 : 403);
  if (!isAllowed) expect(res.text).toContain('没有执行此操作的权限');
});

test.each(roles)('the left menu of %s shows exactly the links its rights allow', async (role) => {
  const left = (await sessions[role].get('/left')).text;
  for (const link of links) {
    const shown = left.includes(`href="${link.href}"`);
    expect([link.href, shown]).toEqual([link.href, allowed(role, link.resource, link.action)]);
  }
});

test('every role has some page of its own', () => {
  for (const role of roles) expect(links.some((l) => allowed(role, l.resource, l.action))).toBe(true);
});

// Every route of the application, read from Express's own router: each one
// behind the login is guarded by a right, and each role is refused exactly
// the routes whose right it lacks.
/** Open to everyone logged in (or to nobody logged in): no right of a role decides them. */
const OPEN_ROUTES = [
  'get /healthz',
  'get /login',
  'post /login',
  'post /logout',
  'get /',
  'get /top',
  'get /left',
  'get /home',
  'get /password',
  'post /password',
];

const allRoutes = () => routesOfApp(t.app).filter((r) => r.method === 'get' || r.method === 'post');

test('every route behind the login requires a right', () => {
  const routes = allRoutes();
  expect(routes.length).toBeGreaterThan(40);
  const unguarded = routes.filter((r) => !r.rights).map((r) => `${r.method} ${r.path}`);
  expect(unguarded.sort()).toEqual([...OPEN_ROUTES].sort());
});

/** A concrete URL for a route: ids of records that do not exist. */
const urlOf = (path: string) => path.replace(/:orderId/g, 'NO1').replace(/:\w+/g, '999999');

test.each(roles)('%s is refused exactly the routes whose right it lacks, and no others', async (role) => {
  const session = sessions[role];
  const outcomes: string[] = [];
  for (const route of allRoutes().filter((r) => r.rights)) {
    const url = urlOf(route.path);
    const res = route.method === 'get' ? await session.get(url) : await session.post(url, {});
    const expected = route.rights!.some((right) => allowed(role, right.resource, right.action));
    // Allowed: anything but 403 (404 for the missing record, 422 for the empty form …).
    if ((res.status === 403) === expected) outcomes.push(`${route.method} ${url}: ${res.status}, allowed=${expected}`);
  }
  expect(outcomes).toEqual([]);
});
