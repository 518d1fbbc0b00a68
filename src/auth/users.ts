// Reading users for authentication and for choosing assignees.
import bcrypt from 'bcrypt';
import type { Db, Tx } from '../db/client';
import { keptRead } from '../db/kept-reads';
import type { CurrentUser } from './can';
import type { Action, Resource } from './rights';
import { rightsOfRole } from './rights-cache';

export const USER_STATUS = { normal: '正常', disabled: '已禁用' } as const;
export const BCRYPT_ROUNDS = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_ROUNDS);
}

/** A user joined to their role's name and the version of its rights: what each request reads. */
export interface UserWithRoleRow {
  id: number;
  username: string;
  name: string;
  status: string;
  roleCode: string;
  roleName: string;
  rightsVersion: number | bigint;
}

/** The logged-in user from that row, with the rights of the role's version (cached); null when not normal. */
export async function currentUserFromRow(db: Db, user: UserWithRoleRow | null | undefined): Promise<CurrentUser | null> {
  if (!user || user.status !== 'normal') return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.roleCode,
    roleName: user.roleName,
    rights: await rightsOfRole(db, user.roleCode, Number(user.rightsVersion)),
  };
}

/**
 * The user with the rights of their role, or null when unknown or not normal:
 * one query (the user joined to the version of their role's rights, in SQL
 * both databases take); the rights themselves come from the cache of that version.
 * Requests get the same row together with their session (http/session-store.ts).
 */
export async function loadCurrentUser(db: Db, id: number): Promise<CurrentUser | null> {
  const [user] = await db.$queryRaw<UserWithRoleRow[]>`
    SELECT u.id, u.username, u.name, u.status, u.roleCode, r.name AS roleName, r.rightsVersion
      FROM [User] u JOIN [Role] r ON r.code = u.roleCode
     WHERE u.id = ${id}`;
  return currentUserFromRow(db, user);
}

// A constant hash to compare against when the user is unknown, so that the
// answer takes as long as for a known user.
const NO_USER_HASH = bcrypt.hashSync('no such user', BCRYPT_ROUNDS);

/** The id of the user with these credentials, or why not (and whose account it was, if any). */
export async function checkCredentials(
  db: Db,
  username: string,
  password: string,
): Promise<{ ok: true; userId: number } | { ok: false; reason: 'invalid' | 'disabled'; userId: number | null }> {
  const user = await db.user.findUnique({ where: { username } });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? NO_USER_HASH);
  if (!user || !matches) return { ok: false, reason: 'invalid', userId: user?.id ?? null };
  if (user.status !== 'normal') return { ok: false, reason: 'disabled', userId: user.id };
  return { ok: true, userId: user.id };
}

/** Users whose role holds the right, at either access. */
export function holdingRight(action: Action, resource: Resource) {
  return { role: { permissions: { some: { permission: { action, resource } } } } };
}

/**
 * Normal users whose role holds the right: whom a record may be given to
 * (an opportunity to develop, a customer to manage, a ticket to handle).
 */
export function normalUsers(db: Tx, action: Action, resource: Resource) {
  // Kept while users and rights are unchanged: every form that assigns someone offers them.
  return keptRead(db, RIGHTS_TABLES, `normal-users:${action}:${resource}`, () =>
    db.user.findMany({
      where: { status: 'normal', ...holdingRight(action, resource) },
      select: { id: true, name: true, username: true, roleCode: true, role: { select: { name: true } } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
  );
}

/** The tables who holds which right is read from. */
export const RIGHTS_TABLES = ['User', 'Role', 'RolePermission', 'Permission'];

/** Whether the id is a normal user whose role holds the right. */
export async function isNormalUser(db: Tx, id: number, action: Action, resource: Resource): Promise<boolean> {
  return (await db.user.count({ where: { id, status: 'normal', ...holdingRight(action, resource) } })) > 0;
}
