// What the marketing tests share: the staff, users as the rights table makes
// them, and following a redirect to read the message it left.
import type { Response } from 'supertest';
import type { CurrentUser } from '../../src/auth/can';
import { DEFAULT_RIGHTS, Role, rightKey } from '../../src/auth/rights';
import type { LoggedIn, TestApp } from '../support/app';
import { createStaff } from '../support/builders/users';

export function marketingStaff(t: TestApp) {
  return createStaff(t.db);
}

/** A CurrentUser with the default rights of the role, for tests without HTTP. */
export function userOf(role: Role, id: number): CurrentUser {
  return { id, username: `${role}${id}`, name: role, role, roleName: role, rights: new Set(DEFAULT_RIGHTS[role].map(rightKey)) };
}

/** The page a redirect leads to (where its flash message shows). */
export async function follow(session: LoggedIn, res: Response): Promise<string> {
  expect(res.status).toBe(302);
  const next = await session.get(res.headers.location);
  return next.text;
}
