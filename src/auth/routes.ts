// 登录 / 退出.
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db/client';
import { parseForm, requiredText } from '../shared/form';
import { blockedUntil, clearFailures, recordFailure, throttleKeys } from './throttle';
import { checkCredentials } from './users';

const loginForm = z.object({
  username: requiredText('用户名', 50),
  password: requiredText('密码', 100),
});

function regenerate(req: Express.Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

export function authRoutes(db: Db): Router {
  const router = Router();

  router.get('/login', (req, res) => {
    if (req.user) return res.redirect('/');
    res.render('auth/login', { values: {}, error: null });
  });

  router.post('/login', async (req, res) => {
    const form = parseForm(loginForm, req.body);
    const values = { username: typeof req.body?.username === 'string' ? req.body.username : '' };
    const refuse = (error: string, status: number) => res.status(status).render('auth/login', { values, error });
    if (!form.ok) return refuse(form.error.message, 422);

    const { username, password } = form.data;
    const ip = req.ip ?? 'unknown';
    const keys = throttleKeys(username, ip).map((k) => k.key);
    const until = await blockedUntil(db, keys);
    if (until) {
      const minutes = Math.ceil((until.getTime() - Date.now()) / 60000);
      return refuse(`登录失败次数过多，请 ${minutes} 分钟后再试`, 429);
    }
    const result = await checkCredentials(db, username, password);
    if (!result.ok) {
      await recordFailure(db, username, ip);
      return refuse(result.reason === 'disabled' ? '该用户已被禁用，请联系系统管理员' : '用户名或密码错误', 401);
    }
    await clearFailures(db, username);
    // A new session id at login, so that a planted id is worth nothing.
    await regenerate(req);
    req.session.userId = result.userId;
    res.redirect('/');
  });

  router.post('/logout', (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('crm.sid');
      res.redirect('/login');
    });
  });

  return router;
}
