// Reading roles: the list with each role's users, and one role with its rights.
import type { Tx } from '../db/client';
import { NotFoundError } from '../shared/errors';

export function rolesWithUserCounts(db: Tx) {
  return db.role.findMany({
    include: { _count: { select: { users: true } } },
    orderBy: { code: 'asc' },
  });
}

/** The role and its rights as "resource:action:access" keys. */
export async function roleWithRights(db: Tx, code: string) {
  const role = await db.role.findUnique({
    where: { code },
    include: { permissions: { include: { permission: true } }, _count: { select: { users: true } } },
  });
  if (!role) throw new NotFoundError('该角色不存在');
  const rights = role.permissions.map(({ permission: p }) => `${p.resource}:${p.action}:${p.access}`).sort();
  return { code: role.code, name: role.name, rightsVersion: role.rightsVersion, users: role._count.users, rights };
}
export type RoleWithRights = Awaited<ReturnType<typeof roleWithRights>>;

/** Roles for a select: value the code, label the name. */
export async function roleOptions(db: Tx) {
  const roles = await db.role.findMany({ select: { code: true, name: true }, orderBy: { code: 'asc' } });
  return roles.map((role) => ({ value: role.code, label: role.name }));
}
