// 修改密码: every logged-in user changes their own password (linked from the top frame).
import { Request, Response, Router } from 'express';
import type { Db } from '../db/client';
import { currentUser } from '../auth/middleware';
import { act, invalid, page } from '../http/page';
import type { ValidationError } from '../shared/errors';
import { parseForm } from '../shared/form';
import { PASSWORD_HINT } from './password-rules';
import { changePasswordForm } from './schemas';
import { changeOwnPassword } from './users';

export const PASSWORD_PATH = '/password';

function showForm(res: Response, error?: ValidationError) {
  const locals = { title: '修改密码', passwordHint: PASSWORD_HINT, ...(error ? invalid(error, {}) : {}) };
  return page(res, 'users/change-password', locals, error ? 422 : 200);
}

export function passwordRoutes(db: Db): Router {
  const router = Router();

  router.get(PASSWORD_PATH, (_req, res) => showForm(res));

  router.post(PASSWORD_PATH, async (req: Request, res) => {
    const form = parseForm(changePasswordForm, req.body);
    if (!form.ok) return showForm(res, form.error);
    await act(req, res, () => db.$transaction((tx) => changeOwnPassword(tx, currentUser(req).id, form.data, req.sessionID)), {
      success: '密码修改成功',
      redirect: PASSWORD_PATH,
      invalid: (error) => showForm(res, error),
    });
  });

  return router;
}
