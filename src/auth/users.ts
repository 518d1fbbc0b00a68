// Reading users for authentication and for choosing assignees.
import bcrypt from 'bcrypt';
import type { Db, Tx } from '../db/client';
import type { CurrentUser } from './can';
import type { Role } from './rights';
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
    role: user.roleCode as Role,
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

/** The id of the user with these credentials, or why not. */
export async function checkCredentials(
  db: Db,
  username: string,
  password: string,
): Promise<{ ok: true; userId: number } | { ok: false; reason: 'invalid' | 'disabled' }> {
  const user = await db.user.findUnique({ where: { username } });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? NO_USER_HASH);
  if (!user || !matches) return { ok: false, reason: 'invalid' };
  if (user.status !== 'normal') return { ok: false, reason: 'disabled' };
  return { ok: true, userId: user.id };
}

/** Normal users with one of the roles, for choosing an assignee or 客户经理. */
export function normalUsers(db: Tx, roles?: Role[]) {
  return db.user.findMany({
    where: { status: 'normal', ...(roles ? { roleCode: { in: roles } } : {}) },
    select: { id: true, name: true, username: true, roleCode: true },
    orderBy: { name: 'asc' },
  });
}

/** Whether the id is a normal user with one of the roles. */
export async function isNormalUser(db: Tx, id: number, roles?: Role[]): Promise<boolean> {
  const count = await db.user.count({
    where: { id, status: 'normal', ...(roles ? { roleCode: { in: roles } } : {}) },
  });
  return count > 0;
}
