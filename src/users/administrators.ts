// The administrators the system can never be without: normal users whose role
// holds both user:manage and role:manage. Every change that could take the last
// one away (disable, another role, fewer rights, delete) checks afterwards, in
// its own transaction, so that the change is undone when none would remain.
import type { Prisma, Tx } from '../db/client';
import type { Action, Resource } from '../auth/rights';
import { holdingRight } from '../auth/users';
import { ConflictError } from '../shared/errors';

export const ADMINISTRATION_RIGHTS: { action: Action; resource: Resource }[] = [
  { action: 'manage', resource: 'user' },
  { action: 'manage', resource: 'role' },
];

export function administratorWhere(): Prisma.UserWhereInput {
  return { status: 'normal', AND: ADMINISTRATION_RIGHTS.map((right) => holdingRight(right.action, right.resource)) };
}

export async function isAdministrator(tx: Tx, userId: number): Promise<boolean> {
  return (await tx.user.count({ where: { id: userId, ...administratorWhere() } })) > 0;
}

/** Refuses (and so undoes the transaction's change) when no normal administrator is left. */
export async function ensureAdministratorRemains(tx: Tx, refusal: string): Promise<void> {
  if ((await tx.user.count({ where: administratorWhere() })) === 0) {
    throw new ConflictError(`${refusal}：系统必须至少保留一位正常的系统管理员（拥有用户管理和角色与权限管理的权限）`);
  }
}

/** Refuses when an administrator's change would take their own administration rights. */
export async function ensureStillAdministrator(tx: Tx, actorId: number, wasAdministrator: boolean, refusal: string): Promise<void> {
  if (wasAdministrator && !(await isAdministrator(tx, actorId))) {
    throw new ConflictError(`${refusal}：不能取消自己的用户管理或角色与权限管理的权限`);
  }
}
