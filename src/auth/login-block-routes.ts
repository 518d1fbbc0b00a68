// 登录封锁 (administration): the blocked logins and the accounts being slowed
// down, and 解除 for each. Guarded like the users' administration.
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db/client';
import { act, page } from '../http/page';
import { requiredText, validate } from '../shared/form';
import { currentUser, requireRight } from './middleware';
import { currentBlocks, KIND_NAMES, LIMITS, liftBlock } from './throttle';

const liftForm = z.object({ key: requiredText('封锁', 200) });

export function loginBlockRoutes(db: Db): Router {
  const router = Router();

  router.get('/admin/login-blocks', requireRight('manage', 'user'), async (_req, res) => {
    const items = await currentBlocks(db);
    await page(res, 'admin/login-blocks', { title: '登录封锁', items, kindNames: KIND_NAMES, limits: LIMITS, now: new Date() });
  });

  router.post('/admin/login-blocks/lift', requireRight('manage', 'user'), async (req, res) => {
    const user = currentUser(req);
    await act(req, res, () => db.$transaction((tx) => liftBlock(tx, validate(liftForm, req.body).key, user.id)), {
      success: '操作成功，已解除封锁',
      redirect: '/admin/login-blocks',
    });
  });

  return router;
}
