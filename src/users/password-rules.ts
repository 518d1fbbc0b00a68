// The rules of a new password, each with its own message.
import { ValidationError } from '../shared/errors';

export const PASSWORD_MIN_LENGTH = 8;

/** Why the password may not be used, or null when it may. */
export function passwordProblem(username: string, password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码必须同时包含字母和数字';
  if (password.toLowerCase() === username.toLowerCase()) return '密码不能与用户名相同';
  return null;
}

/** Refuses a new password that breaks a rule or was typed differently the second time. */
export function checkNewPassword(username: string, password: string, passwordAgain: string): void {
  const problem = passwordProblem(username, password);
  if (problem) throw new ValidationError(problem, { password: problem });
  if (password !== passwordAgain) throw new ValidationError('两次输入的新密码不一致', { passwordAgain: '两次输入的新密码不一致' });
}

export const PASSWORD_HINT = `至少 ${PASSWORD_MIN_LENGTH} 个字符，须同时包含字母和数字，不能与用户名相同`;
