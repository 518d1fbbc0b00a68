// 登录 / 退出. Failed logins, blocks, logins and logouts go to the audit log and the log.
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit';
import { parseForm, requiredText } from '../shared/form';
import { accountDelay, recordFailure, clearFailures, throttleState } from './throttle';
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
    const address = req.ip ?? 'unknown';
    const throttle = await throttleState(db, username, address);
    if (throttle.blockedUntil) {
      const minutes = Math.ceil((throttle.blockedUntil.getTime() - Date.now()) / 60000);
      req.log.warn({ username, address }, '登录被拒绝：封锁中');
      return refuse(`登录失败次数过多，请 ${minutes} 分钟后再试`, 429);
    }
    // An account tried from many addresses: each attempt waits, the right password too.
    if (throttle.delayMs > 0) await accountDelay.wait(throttle.delayMs);
    const result = await checkCredentials(db, username, password);
    if (!result.ok) {
      const blocked = await recordFailure(db, username, address);
      await db.$transaction(async (tx) => {
        const after = { username, address, reason: result.reason };
        // Whoever typed the wrong password is unknown: the entry names the account as its record, not as its actor.
        await recordAudit(tx, { userId: null, action: 'login-failed', entity: 'User', entityId: result.userId ?? username, after });
        for (const key of blocked) {
          await recordAudit(tx, { userId: null, action: 'login-blocked', entity: 'LoginThrottle', entityId: key.key, after: key });
        }
      });
      req.log.warn({ username, address, reason: result.reason, blocked: blocked.map((k) => k.key) }, '登录失败');
      return refuse(result.reason === 'disabled' ? '该用户已被禁用，请联系系统管理员' : '用户名或密码错误', 401);
    }
    await clearFailures(db, username, address);
    await recordAudit(db, { userId: result.userId, action: 'login', entity: 'User', entityId: result.userId, after: { address } });
    // A new session id at login, so that a planted id is worth nothing.
    await regenerate(req);
    req.session.userId = result.userId;
    req.log.info({ userId: result.userId, address }, '登录');
    res.redirect('/');
  });

  router.post('/logout', (req, res, next) => {
    const userId = req.session.userId ?? null;
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('crm.sid');
      const done = () => res.redirect('/login');
      if (!userId) return done();
      req.log.info({ userId }, '退出');
      recordAudit(db, { userId, action: 'logout', entity: 'User', entityId: userId, after: { address: req.ip } }).then(done, next);
    });
  });

  return router;
}
