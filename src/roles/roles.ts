// 角色与权限: creating a role, changing its name and rights, deleting an unused
// one. A change of rights raises the role's rightsVersion in the same
// transaction (cached rights of the older version are stale), records the
// default rights taken from a built-in role (start-up must not give them back),
// and is undone when it would leave no normal administrator.
import type { Tx } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { permissionIdOf } from '../auth/permission-rows';
import { BuiltInRole, DEFAULT_RIGHTS, describeRight, parseRightKey, rightKey, ROLE_NAMES } from '../auth/rights';
import { recordAudit } from '../audit/audit';
import { ConflictError, ValidationError } from '../shared/errors';
import { sameIgnoringCase } from '../shared/same-text';
import { ensureAdministratorRemains, ensureStillAdministrator, isAdministrator } from '../users/administrators';
import { roleWithRights, RoleWithRights } from './queries';
import type { NewRoleForm, RoleForm } from './schemas';

export const ROLE_ENTITY = 'Role';

export function isBuiltInRole(code: string): code is BuiltInRole {
  return Object.hasOwn(ROLE_NAMES, code);
}

/** What the audit log keeps of a role: its name and its rights in words. */
function roleSnapshot(role: { code: string; name: string; rights: string[] }) {
  return { code: role.code, name: role.name, rights: role.rights.map((key) => describeRight(parseRightKey(key))).join('、') };
}

async function refuseTakenName(tx: Tx, name: string, exceptCode?: string): Promise<void> {
  const same = await tx.role.findFirst({ where: { name, ...(exceptCode ? { NOT: { code: exceptCode } } : {}) } });
  if (same) throw new ValidationError('角色名称已存在', { name: '角色名称已存在' });
}

/** The Permission row of each key, made when no role held that right yet. */
async function permissionIds(tx: Tx, keys: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const key of keys) ids.push(await permissionIdOf(tx, parseRightKey(key)));
  return ids;
}

/** Gives the role exactly these rights; the caller raises its rightsVersion. */
async function setRights(tx: Tx, code: string, keys: string[]): Promise<void> {
  const ids = await permissionIds(tx, keys);
  await tx.rolePermission.deleteMany({ where: { roleCode: code, permissionId: { notIn: ids } } });
  const held = new Set((await tx.rolePermission.findMany({ where: { roleCode: code } })).map((rp) => rp.permissionId));
  const added = ids.filter((id) => !held.has(id));
  if (added.length > 0) await tx.rolePermission.createMany({ data: added.map((permissionId) => ({ roleCode: code, permissionId })) });
  if (isBuiltInRole(code)) {
    const chosen = new Set(keys);
    const removedDefaults = DEFAULT_RIGHTS[code].map(rightKey).filter((key) => !chosen.has(key));
    await tx.roleRightRemoval.deleteMany({ where: { roleCode: code } });
    const removedIds = await permissionIds(tx, removedDefaults);
    if (removedIds.length > 0) await tx.roleRightRemoval.createMany({ data: removedIds.map((permissionId) => ({ roleCode: code, permissionId })) });
  }
}

export async function createRole(tx: Tx, input: NewRoleForm, actor: CurrentUser): Promise<RoleWithRights> {
  const similar = await tx.role.findMany({ where: { code: { contains: input.code } }, select: { code: true } });
  if (sameIgnoringCase(similar.map((role) => role.code), input.code)) throw new ValidationError('角色代码已存在', { code: '角色代码已存在' });
  await refuseTakenName(tx, input.name);
  await tx.role.create({ data: { code: input.code, name: input.name, rightsVersion: 1 } });
  await setRights(tx, input.code, input.rights);
  const after = await roleWithRights(tx, input.code);
  await recordAudit(tx, { userId: actor.id, action: 'create', entity: ROLE_ENTITY, entityId: input.code, after: roleSnapshot(after) });
  return after;
}

export const STALE_RIGHTS = '该角色的权限刚被他人修改，请重新打开后再保存';

/**
 * 保存 a role's name and rights: takes effect at every user's next request.
 * Only over the version the form was opened at (a conditional update), so of
 * two administrators editing at once the second is refused, not overwriting.
 */
export async function editRole(tx: Tx, code: string, input: RoleForm, actor: CurrentUser): Promise<RoleWithRights> {
  const before = await roleWithRights(tx, code);
  await refuseTakenName(tx, input.name, code);
  const wasAdministrator = await isAdministrator(tx, actor.id);
  const claimed = await tx.role.updateMany({
    where: { code, rightsVersion: input.rightsVersion },
    data: { name: input.name, rightsVersion: { increment: 1 } },
  });
  if (claimed.count === 0) throw new ConflictError(STALE_RIGHTS);
  await setRights(tx, code, input.rights);
  await ensureStillAdministrator(tx, actor.id, wasAdministrator, '不能保存');
  await ensureAdministratorRemains(tx, '不能保存');
  const after = await roleWithRights(tx, code);
  await recordAudit(tx, { userId: actor.id, action: 'update', entity: ROLE_ENTITY, entityId: code, before: roleSnapshot(before), after: roleSnapshot(after) });
  return after;
}

/** Deletes a role no user has; the built-in roles stay. */
export async function deleteRole(tx: Tx, code: string, actor: CurrentUser): Promise<void> {
  const before = await roleWithRights(tx, code);
  if (isBuiltInRole(code)) throw new ConflictError('系统内置角色不能删除');
  if (before.users > 0) throw new ConflictError(`该角色下还有 ${before.users} 个用户，不能删除`);
  await tx.rolePermission.deleteMany({ where: { roleCode: code } });
  await tx.roleRightRemoval.deleteMany({ where: { roleCode: code } });
  await tx.role.delete({ where: { code } });
  await recordAudit(tx, { userId: actor.id, action: 'delete', entity: ROLE_ENTITY, entityId: code, before: roleSnapshot(before) });
}
