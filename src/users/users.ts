// 用户管理: create, edit (name and role), reset a password, disable, enable and
// delete a user who never did anything; 修改密码 of one's own. Each step runs in
// the caller's transaction and writes its audit entry there; steps that could
// lock the administrators out check afterwards (administrators.ts) and so undo
// themselves. A password reset, disabling and deleting end the user's sessions.
import bcrypt from 'bcrypt';
import type { User } from '#prisma';
import type { Tx } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { hashPassword, USER_STATUS } from '../auth/users';
import { recordAudit } from '../audit/audit';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { sameIgnoringCase } from '../shared/same-text';
import { ensureAdministratorRemains, ensureStillAdministrator, isAdministrator } from './administrators';
import { checkNewPassword } from './password-rules';
import { deletableUsers } from './queries';
import { endSessionsOf } from './sessions';
import type { ChangePasswordForm, EditUserForm, NewUserForm, ResetPasswordForm } from './schemas';

export const USER_ENTITY = 'User';
type UserStatus = keyof typeof USER_STATUS;

async function userById(tx: Tx, id: number): Promise<User> {
  const user = await tx.user.findUnique({ where: { id } });
  if (!user) throw new NotFoundError('该用户不存在');
  return user;
}

/** What the audit log keeps of a user: never the password hash. */
async function userSnapshot(tx: Tx, user: User) {
  const role = await tx.role.findUnique({ where: { code: user.roleCode }, select: { name: true } });
  return { username: user.username, name: user.name, role: `${role?.name ?? ''}（${user.roleCode}）`, status: USER_STATUS[user.status as UserStatus] ?? user.status };
}

async function audit(tx: Tx, actorId: number, action: string, before: User | null, after: User | null): Promise<void> {
  const id = (after ?? before)!.id;
  await recordAudit(tx, {
    userId: actorId,
    action,
    entity: USER_ENTITY,
    entityId: id,
    before: before ? await userSnapshot(tx, before) : undefined,
    after: after ? await userSnapshot(tx, after) : undefined,
  });
}

async function refuseUnknownRole(tx: Tx, code: string): Promise<void> {
  if (!(await tx.role.findUnique({ where: { code } }))) throw new ValidationError('请选择有效的角色', { roleCode: '请选择有效的角色' });
}

/** Whether a user of that name exists, whatever the case of its letters. */
async function usernameTaken(tx: Tx, username: string): Promise<boolean> {
  const similar = await tx.user.findMany({ where: { username: { contains: username } }, select: { username: true } });
  return sameIgnoringCase(similar.map((user) => user.username), username);
}

export async function createUser(tx: Tx, input: NewUserForm, actor: CurrentUser): Promise<User> {
  if (await usernameTaken(tx, input.username)) throw new ValidationError('用户名已存在', { username: '用户名已存在' });
  await refuseUnknownRole(tx, input.roleCode);
  checkNewPassword(input.username, input.password, input.passwordAgain);
  const user = await tx.user.create({
    data: { username: input.username, name: input.name, roleCode: input.roleCode, passwordHash: await hashPassword(input.password) },
  });
  await audit(tx, actor.id, 'create', null, user);
  return user;
}

/** 编辑用户: name and role. Nobody takes their own administration rights. */
export async function editUser(tx: Tx, id: number, input: EditUserForm, actor: CurrentUser): Promise<User> {
  const before = await userById(tx, id);
  await refuseUnknownRole(tx, input.roleCode);
  const wasAdministrator = id === actor.id && (await isAdministrator(tx, id));
  const after = await tx.user.update({ where: { id }, data: { name: input.name, roleCode: input.roleCode } });
  await ensureStillAdministrator(tx, actor.id, wasAdministrator, '不能保存');
  await ensureAdministratorRemains(tx, '不能保存');
  await audit(tx, actor.id, 'update', before, after);
  return after;
}

/**
 * 重置密码: the user's open sessions end; they log in with the new password.
 * An administrator resetting their own keeps the session they act from.
 */
export async function resetPassword(tx: Tx, id: number, input: ResetPasswordForm, actor: CurrentUser, actorSessionId?: string): Promise<User> {
  const user = await userById(tx, id);
  checkNewPassword(user.username, input.password, input.passwordAgain);
  await tx.user.update({ where: { id }, data: { passwordHash: await hashPassword(input.password) } });
  await endSessionsOf(tx, id, id === actor.id ? actorSessionId : undefined);
  await recordAudit(tx, { userId: actor.id, action: 'reset-password', entity: USER_ENTITY, entityId: id });
  return user;
}

/** Moves the user from one status to the other, only if still in the first (two admins at once). */
async function moveStatus(tx: Tx, id: number, from: UserStatus, to: UserStatus): Promise<{ before: User; after: User }> {
  const before = await userById(tx, id);
  const { count } = await tx.user.updateMany({ where: { id, status: from }, data: { status: to } });
  if (count === 0) throw new ConflictError(`该用户已是${USER_STATUS[to]}状态`);
  return { before, after: await userById(tx, id) };
}

/** 禁用: the user cannot log in, their sessions end, everything they own stays theirs. */
export async function disableUser(tx: Tx, id: number, actor: CurrentUser): Promise<User> {
  if (id === actor.id) throw new ConflictError('不能禁用自己的帐号');
  const { before, after } = await moveStatus(tx, id, 'normal', 'disabled');
  await ensureAdministratorRemains(tx, '不能禁用该用户');
  await endSessionsOf(tx, id);
  await audit(tx, actor.id, 'disable', before, after);
  return after;
}

export async function enableUser(tx: Tx, id: number, actor: CurrentUser): Promise<User> {
  const { before, after } = await moveStatus(tx, id, 'disabled', 'normal');
  await audit(tx, actor.id, 'enable', before, after);
  return after;
}

/** Whether the (existing) user never owned, created or did anything: the list's rule, for one user. */
export async function mayBeDeleted(tx: Tx, id: number): Promise<boolean> {
  return (await deletableUsers(tx, [id])).has(id);
}

/** 删除: only a user who never owned, created or did anything; anyone else is disabled instead. */
export async function deleteUser(tx: Tx, id: number, actor: CurrentUser): Promise<void> {
  if (id === actor.id) throw new ConflictError('不能删除自己的帐号');
  const before = await userById(tx, id);
  if (!(await mayBeDeleted(tx, id))) throw new ConflictError('该用户已有业务记录或操作记录，不能删除，只能禁用');
  await endSessionsOf(tx, id);
  await tx.user.delete({ where: { id } });
  await ensureAdministratorRemains(tx, '不能删除该用户');
  await audit(tx, actor.id, 'delete', before, null);
}

/** 修改密码 of one's own: the current password first; the user's other sessions end. */
export async function changeOwnPassword(tx: Tx, userId: number, input: ChangePasswordForm, sessionId: string): Promise<void> {
  const user = await userById(tx, userId);
  if (!(await bcrypt.compare(input.currentPassword, user.passwordHash))) {
    throw new ValidationError('当前密码不正确', { currentPassword: '当前密码不正确' });
  }
  checkNewPassword(user.username, input.password, input.passwordAgain);
  if (input.password === input.currentPassword) throw new ValidationError('新密码不能与当前密码相同', { password: '新密码不能与当前密码相同' });
  await tx.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.password) } });
  await endSessionsOf(tx, userId, sessionId);
  await recordAudit(tx, { userId, action: 'change-password', entity: USER_ENTITY, entityId: userId });
}
