// The Express application: shared plumbing in order, then each module's routes.
import path from 'path';
import express from 'express';
import session from 'express-session';
import type { Config } from './config';
import { databaseKind, type Db } from './db/client';
import { DatabaseSessionStore } from './http/session-store';
import { securityHeaders } from './http/security-headers';
import { requestLog } from './http/request-log';
import { csrfProtection } from './http/csrf';
import { takeFlash } from './http/page';
import { errorPage, notFound } from './http/errors';
import { loadUser, requireLogin } from './auth/middleware';
import { authRoutes } from './auth/routes';
import { layoutRoutes } from './layout/routes';
import { healthRoutes } from './health/routes';
import { viewHelpers } from './http/view-helpers';
import { serviceRoutes } from './service/routes';
import { marketingRoutes } from './marketing/routes';
import { churnRoutes } from './churn/routes';
import { jobRoutes } from '../jobs/routes';
import { customerRoutes } from './customers/routes';
import type { OrderSource } from './orders/order-source';
import { createOrderSource } from './orders/create-order-source';

export interface AppContext {
  db: Db;
  config: Config;
  /** where orders are read from; by default as the configuration says */
  orderSource?: OrderSource;
}

const ROOT = path.resolve(__dirname, '..').replace(/[\\/]dist$/, '');

export function createApp(context: AppContext): express.Express {
  const { db, config } = context;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('view engine', 'ejs');
  app.set('views', path.join(ROOT, 'views'));
  // Compiled templates (and the partials they include, a row of a list each) are kept,
  // unless a developer edits them: NODE_ENV=development reads them afresh.
  app.set('view cache', process.env.NODE_ENV !== 'development');
  Object.assign(app.locals, viewHelpers);

  app.use(requestLog(config.logRequests));
  app.use(securityHeaders);
  // Only the asset folders: looking every page's path up on disk first costs each request a file lookup.
  const assets = express.static(path.join(ROOT, 'public'), { maxAge: '1h' });
  app.use((req, res, next) => (/^\/(css|js|img)\//.test(req.path) ? assets(req, res, next) : next()));
  app.use(healthRoutes(db));
  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 200 }));
  app.use(
    session({
      name: 'crm.sid',
      store: new DatabaseSessionStore(db, config.sessionIdleMinutes * 60_000, databaseKind(config.databaseUrl)),
      secret: config.sessionSecret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: config.sessionIdleMinutes * 60_000,
      },
    }),
  );
  app.use(csrfProtection);
  app.use(loadUser(db));
  app.use(takeFlash);

  app.use(authRoutes(db));
  app.use(layoutRoutes(db));
  app.use(requireLogin);
  const orderSource = context.orderSource ?? createOrderSource(config, db);
  for (const routes of moduleRoutes({ ...context, orderSource })) app.use(routes);

  app.use(notFound);
  app.use(errorPage);
  return app;
}

/** Each business module's routes, mounted behind login: one line per module. */
function moduleRoutes(context: Required<AppContext>): express.Router[] {
  return [
    serviceRoutes(context.db),
    marketingRoutes(context.db),
    churnRoutes(context.db),
    jobRoutes(context),
    customerRoutes(context.db, context.orderSource),
  ];
}
