// 用户管理 (administration): the list with its search, new user, edit, reset a
// password, disable/enable and delete after 确认删除?.
import { Request, Response, Router } from 'express';
import type { Db } from '../db/client';
import { currentUser, requireRight } from '../auth/middleware';
import { USER_STATUS } from '../auth/users';
import { act, flash, invalid, moduleViews, page, pathId } from '../http/page';
import type { ValidationError } from '../shared/errors';
import { parseForm } from '../shared/form';
import { emptyPage, pageNumber } from '../shared/paging';
import { roleOptions } from '../roles/queries';
import { PASSWORD_HINT } from './password-rules';
import { deletableUsers, userForAdmin, userPage, UserRow } from './queries';
import { editUserForm, newUserForm, resetPasswordForm, userSearch } from './schemas';
import { createUser, deleteUser, disableUser, editUser, enableUser, mayBeDeleted, resetPassword } from './users';

const LIST = '/users';
const userPath = (id: number) => `${LIST}/${id}`;
const statusOptions = Object.entries(USER_STATUS).map(([value, label]) => ({ value, label }));
const show = moduleViews('users', { statusNames: USER_STATUS, passwordHint: PASSWORD_HINT });

export function userRoutes(db: Db): Router {
  const router = Router();
  const manage = requireRight('manage', 'user');
  const userId = (req: Request) => pathId(req.params.id, '该用户不存在');

  router.get(LIST, manage, async (req, res) => {
    const search = parseForm(userSearch, req.query);
    const result = search.ok ? await userPage(db, search.data, pageNumber(req.query.page)) : emptyPage<UserRow>();
    await show(res, 'list', {
      title: '用户管理',
      result,
      query: req.query,
      roles: await roleOptions(db),
      statusOptions,
      me: currentUser(req).id,
      deletable: await deletableUsers(db, result.items.map((user) => user.id)),
      ...(search.ok ? {} : { error: search.error.message }),
    }, search.ok ? 200 : 422);
  });

  async function showForm(res: Response, user: UserRow | null, values: unknown, error?: ValidationError) {
    const locals = {
      title: user ? `编辑用户 - ${user.name}` : '新建用户',
      user,
      action: user ? `${userPath(user.id)}/edit` : `${LIST}/new`,
      roles: await roleOptions(db),
      values: values ?? {},
      ...(error ? invalid(error, values) : {}),
    };
    await show(res, 'form', locals, error ? 422 : 200);
  }

  router.get(`${LIST}/new`, manage, (_req, res) => showForm(res, null, {}));

  router.post(`${LIST}/new`, manage, async (req, res) => {
    const values = { ...req.body, password: '', passwordAgain: '' };
    const form = parseForm(newUserForm, req.body);
    if (!form.ok) return showForm(res, null, values, form.error);
    await act(req, res, () => db.$transaction((tx) => createUser(tx, form.data, currentUser(req))), {
      success: '保存成功',
      redirect: LIST,
      invalid: (error) => showForm(res, null, values, error),
    });
  });

  router.get(`${LIST}/:id/edit`, manage, async (req, res) => {
    const user = await userForAdmin(db, userId(req));
    await showForm(res, user, { name: user.name, roleCode: user.roleCode });
  });

  router.post(`${LIST}/:id/edit`, manage, async (req, res) => {
    const user = await userForAdmin(db, userId(req));
    const form = parseForm(editUserForm, req.body);
    if (!form.ok) return showForm(res, user, req.body, form.error);
    await act(req, res, () => db.$transaction((tx) => editUser(tx, user.id, form.data, currentUser(req))), {
      success: '保存成功',
      redirect: LIST,
      back: `${userPath(user.id)}/edit`,
      invalid: (error) => showForm(res, user, req.body, error),
    });
  });

  async function showPasswordForm(res: Response, user: UserRow, error?: ValidationError) {
    const locals = { title: `重置密码 - ${user.name}`, user, ...(error ? invalid(error, {}) : {}) };
    await show(res, 'reset-password', locals, error ? 422 : 200);
  }

  router.get(`${LIST}/:id/password`, manage, async (req, res) => showPasswordForm(res, await userForAdmin(db, userId(req))));

  router.post(`${LIST}/:id/password`, manage, async (req, res) => {
    const user = await userForAdmin(db, userId(req));
    const form = parseForm(resetPasswordForm, req.body);
    if (!form.ok) return showPasswordForm(res, user, form.error);
    await act(req, res, () => db.$transaction((tx) => resetPassword(tx, user.id, form.data, currentUser(req), req.sessionID)), {
      success: '操作成功：密码已重置，该用户需用新密码重新登录',
      redirect: LIST,
      invalid: (error) => showPasswordForm(res, user, error),
    });
  });

  router.post(`${LIST}/:id/disable`, manage, async (req, res) => {
    const id = userId(req);
    await act(req, res, () => db.$transaction((tx) => disableUser(tx, id, currentUser(req))), { success: '操作成功', redirect: LIST });
  });

  router.post(`${LIST}/:id/enable`, manage, async (req, res) => {
    const id = userId(req);
    await act(req, res, () => db.$transaction((tx) => enableUser(tx, id, currentUser(req))), { success: '操作成功', redirect: LIST });
  });

  router.get(`${LIST}/:id/delete`, manage, async (req, res) => {
    const user = await userForAdmin(db, userId(req));
    if (!(await mayBeDeleted(db, user.id))) {
      flash(req, '该用户已有业务记录或操作记录，不能删除，只能禁用', 'error');
      return res.redirect(LIST);
    }
    await page(res, 'shared/confirm-delete', {
      title: `删除用户 - ${user.name}`,
      what: `用户：${user.username}（${user.name}，${user.role.name}）`,
      action: `${userPath(user.id)}/delete`,
      back: LIST,
    });
  });

  router.post(`${LIST}/:id/delete`, manage, async (req, res) => {
    const id = userId(req);
    await act(req, res, () => db.$transaction((tx) => deleteUser(tx, id, currentUser(req))), { success: '删除成功', redirect: LIST });
  });

  return router;
}
