// The rights table drives this walk: every role, every link of the menu.
import { MENU } from '../../src/layout/menu';
import { DEFAULT_RIGHTS, Role, ROLE_NAMES } from '../../src/auth/rights';
import { login, startTestApp, TestApp, LoggedIn } from '../support/app';
import { createUser } from '../support/builders/users';

let t: TestApp;
const sessions = {} as Record<Role, LoggedIn>;
const roles = Object.keys(ROLE_NAMES) as Role[];

beforeAll(async () => {
  t = startTestApp();
  for (const role of roles) {
    await createUser(t.db, { role, username: `walk-${role}` });
    sessions[role] = await login(t.app, `walk-${role}`);
  }
});
afterAll(() => t.close());

function allowed(role: Role, resource: string, action: string): boolean {
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
