// The frame layout: / is the frameset; /top, /left and /home fill its frames.
import { Router } from 'express';
import type { Db } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { currentUser, requireLogin } from '../auth/middleware';
import { page } from '../http/page';
import { menuFor } from './menu';
import { TodoProvider, todosFor } from '../shared/todos';

export const PRODUCT_NAME = '客户关系管理系统';

/** What the home page shows above the to-dos (the reports' dashboard), or null. */
export type HomeDashboard = (user: CurrentUser) => Promise<unknown>;

/**
 * todoProviders: what each module contributes to the home page's to-dos;
 * dashboard: what it shows above them. Both are given by app.ts.
 */
export function layoutRoutes(db: Db, todoProviders: readonly TodoProvider[], dashboard: HomeDashboard = async () => null): Router {
  const router = Router();
  // Each route asks for a login (not router.use): the router is entered only for its own paths (http/routers.ts).
  router.get('/', requireLogin, (_req, res) => res.render('layout/frames', { productName: PRODUCT_NAME }));
  router.get('/top', requireLogin, (req, res) => res.render('layout/top', { productName: PRODUCT_NAME, user: currentUser(req) }));
  router.get('/left', requireLogin, (req, res) => res.render('layout/left', { menu: menuFor(currentUser(req)) }));
  router.get('/home', requireLogin, async (req, res) => {
    const user = currentUser(req);
    const [todos, shown] = await Promise.all([todosFor(todoProviders, db, user), dashboard(user)]);
    await page(res, 'layout/home', { title: '我的待办', todos, dashboard: shown });
  });
  return router;
}
