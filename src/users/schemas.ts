// The forms of 用户管理 and 修改密码, and the search of the user list.
import { z } from 'zod';
import { optionalText, requiredPassword, requiredText } from '../shared/form';
import { USER_STATUS } from '../auth/users';

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/;

const roleCode = requiredText('角色', 20);
const name = requiredText('姓名', 50);

export const newUserForm = z.object({
  username: requiredText('用户名', 50).pipe(
    z.string().regex(USERNAME_PATTERN, '用户名须为 2–50 个字母、数字、点、下划线或连字符，以字母或数字开头'),
  ),
  name,
  roleCode,
  password: requiredPassword('初始密码'),
  passwordAgain: requiredPassword('确认密码'),
});
export type NewUserForm = z.output<typeof newUserForm>;

export const editUserForm = z.object({ name, roleCode });
export type EditUserForm = z.output<typeof editUserForm>;

export const resetPasswordForm = z.object({
  password: requiredPassword('新密码'),
  passwordAgain: requiredPassword('确认新密码'),
});
export type ResetPasswordForm = z.output<typeof resetPasswordForm>;

export const changePasswordForm = z.object({ currentPassword: requiredPassword('当前密码') }).extend(resetPasswordForm.shape);
export type ChangePasswordForm = z.output<typeof changePasswordForm>;

export const userSearch = z.object({
  username: optionalText('用户名', 50),
  name: optionalText('姓名', 50),
  roleCode: optionalText('角色', 20),
  status: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(Object.keys(USER_STATUS) as ['normal', 'disabled'], { error: '请选择有效的状态' }).optional(),
  ),
});
export type UserSearch = z.output<typeof userSearch>;
