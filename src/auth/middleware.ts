// Guards: a logged-in user with the rights of their role on every request, and
// a right required per route. Menus read the same rights (layout/menu.ts).
import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../db/client';
import { ForbiddenError } from '../shared/errors';
import { can, CurrentUser } from './can';
import type { Action, Resource } from './rights';
import { currentUserFromRow, loadCurrentUser } from './users';
import { sessionUser } from '../http/session-store';

export function loadUser(db: Db) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = req.session?.userId;
    if (id !== undefined) {
      // Read with the session when it was (one query per request), otherwise now.
      const row = sessionUser(req);
      const user = row === undefined || (row && row.id !== id) ? await loadCurrentUser(db, id) : await currentUserFromRow(db, row);
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

type Right = { action: Action; resource: Resource };

/** A route guard that says which rights let a user through (the rights walk in the tests reads it). */
export type RightGuard = ((req: Request, res: Response, next: NextFunction) => void) & { rights: Right[] };

/** Whether the guard lets the user through: any of its rights, at any access. */
export function passes(guard: Pick<RightGuard, 'rights'>, user: CurrentUser | undefined): boolean {
  return user !== undefined && guard.rights.some((right) => can(user, right.action, right.resource));
}

/** Lets through a user holding any of the rights (at any access: records are checked later). */
export function requireAnyRight(...rights: Right[]): RightGuard {
  const guard = (req: Request, _res: Response, next: NextFunction): void => {
    if (passes({ rights }, req.user)) return next();
    next(new ForbiddenError());
  };
  return Object.assign(guard, { rights });
}

export function requireRight(action: Action, resource: Resource): RightGuard {
  return requireAnyRight({ action, resource });
}
