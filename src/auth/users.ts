// Reading users for authentication and for choosing assignees.
import bcrypt from 'bcrypt';
import type { Db, Tx } from '../db/client';
import type { CurrentUser } from './can';
import type { Action, Resource } from './rights';

export const USER_STATUS = { normal: '正常', disabled: '已禁用' } as const;
export const BCRYPT_ROUNDS = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_ROUNDS);
}

/** The user with the rights of their role, or null when unknown or not normal. */
export async function loadCurrentUser(db: Db, id: number): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({
    where: { id },
    include: { role: { include: { permissions: { include: { permission: true } } } } },
  });
  if (!user || user.status !== 'normal') return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.roleCode,
    roleName: user.role.name,
    rights: new Set(user.role.permissions.map(({ permission: p }) => `${p.resource}:${p.action}:${p.access}`)),
  };
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
  return db.user.findMany({
    where: { status: 'normal', ...holdingRight(action, resource) },
    select: { id: true, name: true, username: true, roleCode: true, role: { select: { name: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

/** Whether the id is a normal user whose role holds the right. */
export async function isNormalUser(db: Tx, id: number, action: Action, resource: Resource): Promise<boolean> {
  return (await db.user.count({ where: { id, status: 'normal', ...holdingRight(action, resource) } })) > 0;
}
