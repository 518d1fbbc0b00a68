// The Permission table holds one row per right (action × resource × own/any),
// made the first time a role is given that right: at start-up for the default
// rights of the built-in roles (db/reference-data.ts), at 角色与权限 for others.
import type { Tx } from '../db/client';
import { describeRight, Right } from './rights';

/** The id of the right's Permission row, made now when no role held it yet. */
export async function permissionIdOf(tx: Tx, right: Right): Promise<number> {
  const found = await tx.permission.findUnique({ where: { action_resource_access: right }, select: { id: true } });
  if (found) return found.id;
  return (await tx.permission.create({ data: { ...right, description: describeRight(right) }, select: { id: true } })).id;
}
