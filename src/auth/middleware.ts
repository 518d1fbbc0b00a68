// Guards: a logged-in user with the rights of their role on every request, and
// a right required per route. Menus read the same rights (layout/menu.ts).
import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../db/client';
import { ForbiddenError } from '../shared/errors';
import { CurrentUser, hasRight } from './can';
import type { Action, Resource } from './rights';
import { loadCurrentUser } from './users';

export function loadUser(db: Db) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = req.session?.userId;
    if (id !== undefined) {
      const user = await loadCurrentUser(db, id);
      // A user disabled meanwhile loses the session at once.
      if (!user) delete req.session.userId;
      else {
        req.user = user;
        res.locals.user = user;
      }
    }
    next();
  };
}

export function requireLogin(req: Request, res: Response, next: NextFunction): void {
  if (req.user) return next();
  // A form sent after the session ended (timed out, user disabled) leads to the login page too.
  if (req.accepts(['html', 'json']) === 'html') return res.redirect('/login');
  res.status(401).json({ error: '请先登录' });
}

/** The logged-in user; only for routes behind requireLogin. */
export function currentUser(req: Request): CurrentUser {
  if (!req.user) throw new ForbiddenError('请先登录');
  return req.user;
}

export function requireRight(action: Action, resource: Resource) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.user && hasRight(req.user, action, resource)) return next();
    next(new ForbiddenError());
  };
}
