// The form of a role: its code (new roles only), its name and its rights as checkboxes.
import { z } from 'zod';
import { CHOOSABLE_RIGHT_KEYS } from '../auth/rights';
import { MAX_ID, requiredText, wholeNumber } from '../shared/form';

/** Checkboxes arrive as nothing, one value or several. */
function asList(value: unknown): unknown {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

const rights = z.preprocess(
  asList,
  z
    .array(z.string({ error: '请选择有效的权限' }))
    .refine((keys) => keys.every((key) => CHOOSABLE_RIGHT_KEYS.has(key)), { message: '请选择有效的权限' })
    .transform((keys) => [...new Set(keys)]),
);

export const ROLE_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_]{1,19}$/;

export const newRoleForm = z.object({
  code: requiredText('角色代码', 20).pipe(
    z.string().regex(ROLE_CODE_PATTERN, '角色代码须以字母开头，由 2–20 个字母、数字或下划线组成'),
  ),
  name: requiredText('角色名称', 50),
  rights,
});
export type NewRoleForm = z.output<typeof newRoleForm>;

/** An edit carries the rightsVersion the form was opened at, so a save over someone else's is refused. */
export const roleForm = newRoleForm.omit({ code: true }).extend({ rightsVersion: wholeNumber('权限版本', 0, MAX_ID) });
export type RoleForm = z.output<typeof roleForm>;
