// 角色与权限 (administration): the roles with their users' count, a role's
// rights as checkboxes, a new role, and deleting an unused one.
import { Request, Response, Router } from 'express';
import type { Db } from '../db/client';
import { currentUser, requireRight } from '../auth/middleware';
import { ACCESS_NAMES, ACTIONS, RESOURCES, RIGHT_CHOICES } from '../auth/rights';
import { act, invalid, moduleViews, page } from '../http/page';
import type { ValidationError } from '../shared/errors';
import { parseForm } from '../shared/form';
import { roleWithRights, rolesWithUserCounts, RoleWithRights } from './queries';
import { createRole, deleteRole, editRole, isBuiltInRole } from './roles';
import { newRoleForm, roleForm } from './schemas';

const LIST = '/roles';
const rolePath = (code: string) => `${LIST}/${encodeURIComponent(code)}`;
const show = moduleViews('roles', { rightChoices: RIGHT_CHOICES, resourceNames: RESOURCES, actionNames: ACTIONS, accessNames: ACCESS_NAMES, isBuiltInRole });

/** The rights the form shows checked: as sent, or the role's. */
function checkedRights(values: Record<string, unknown>): string[] {
  const rights = values.rights;
  if (rights === undefined) return [];
  return (Array.isArray(rights) ? rights : [rights]).map(String);
}

async function showForm(res: Response, role: RoleWithRights | null, values: Record<string, unknown>, error?: ValidationError) {
  const locals = {
    title: role ? `角色与权限 - ${role.name}` : '新建角色',
    role,
    action: role ? `${rolePath(role.code)}/edit` : `${LIST}/new`,
    values,
    checked: checkedRights(values),
    ...(error ? invalid(error, values) : {}),
  };
  await show(res, 'form', locals, error ? 422 : 200);
}

export function roleRoutes(db: Db): Router {
  const router = Router();
  const manage = requireRight('manage', 'role');
  const code = (req: Request) => String(req.params.code);

  router.get(LIST, manage, async (_req, res) => {
    await show(res, 'list', { title: '角色与权限', roles: await rolesWithUserCounts(db) });
  });

  router.get(`${LIST}/new`, manage, (_req, res) => showForm(res, null, {}));

  router.post(`${LIST}/new`, manage, async (req, res) => {
    const form = parseForm(newRoleForm, req.body);
    if (!form.ok) return showForm(res, null, req.body ?? {}, form.error);
    await act(req, res, () => db.$transaction((tx) => createRole(tx, form.data, currentUser(req))), {
      success: '保存成功',
      redirect: LIST,
      invalid: (error) => showForm(res, null, req.body ?? {}, error),
    });
  });

  router.get(`${LIST}/:code/edit`, manage, async (req, res) => {
    const role = await roleWithRights(db, code(req));
    await showForm(res, role, { name: role.name, rights: role.rights, rightsVersion: role.rightsVersion });
  });

  router.post(`${LIST}/:code/edit`, manage, async (req, res) => {
    const role = await roleWithRights(db, code(req));
    const form = parseForm(roleForm, req.body);
    if (!form.ok) return showForm(res, role, req.body ?? {}, form.error);
    await act(req, res, () => db.$transaction((tx) => editRole(tx, role.code, form.data, currentUser(req))), {
      success: '保存成功',
      redirect: LIST,
      back: `${rolePath(role.code)}/edit`,
      invalid: (error) => showForm(res, role, req.body ?? {}, error),
    });
  });

  router.get(`${LIST}/:code/delete`, manage, async (req, res) => {
    const role = await roleWithRights(db, code(req));
    await page(res, 'shared/confirm-delete', {
      title: `删除角色 - ${role.name}`,
      what: `角色：${role.name}（${role.code}）`,
      action: `${rolePath(role.code)}/delete`,
      back: LIST,
    });
  });

  router.post(`${LIST}/:code/delete`, manage, async (req, res) => {
    const role = await roleWithRights(db, code(req));
    await act(req, res, () => db.$transaction((tx) => deleteRole(tx, role.code, currentUser(req))), {
      success: '删除成功',
      redirect: LIST,
    });
  });

  return router;
}
