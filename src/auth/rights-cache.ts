// The rights of each role, read once per version of the role: a request asks
// only for the role's rightsVersion (with its user) and finds the rights here.
// Whoever changes a role's rights raises Role.rightsVersion in the same
// transaction, so every process reads the new rights at its next request.
import type { Db } from '../db/client';
import { rightKey, type Right } from './rights';

type RoleRights = { version: number; rights: ReadonlySet<string> };

/** Per client (tests open several databases in one process), per role: the latest version read. */
const cache = new WeakMap<Db, Map<string, RoleRights>>();

/** "resource:action:access" keys of the role at this version of its rights. */
export async function rightsOfRole(db: Db, roleCode: string, version: number): Promise<ReadonlySet<string>> {
  let roles = cache.get(db);
  if (!roles) cache.set(db, (roles = new Map()));
  const known = roles.get(roleCode);
  if (known && known.version === version) return known.rights;
  const rows = await db.rolePermission.findMany({ where: { roleCode }, select: { permission: true } });
  const rights = new Set(rows.map(({ permission }) => rightKey(permission as Right)));
  // An older answer arriving late must not replace a newer one.
  if (!known || known.version < version) roles.set(roleCode, { version, rights });
  return rights;
}

/** After the database was replaced (a restore): its roles may hold other rights at the same versions. */
export function forgetRights(db: Db): void {
  cache.delete(db);
}
