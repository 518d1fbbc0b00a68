// The Express application: shared plumbing in order, then each module's routes.
import path from 'path';
import express from 'express';
import session from 'express-session';
import type { Config } from './config';
import { databaseKind, type DatabaseKind, type Db } from './db/client';
import { DatabaseHandle, swappableDatabase } from './db/handle';
import { DatabaseSessionStore } from './http/session-store';
import { noStore, securityHeaders, staticFiles } from './http/security-headers';
import { requestLog } from './http/request-log';
import { csrfProtection } from './http/csrf';
import { takeFlash } from './http/page';
import { viewEngine } from './http/view-engine';
import { PROJECT_ROOT } from './shared/project-root';
import { errorPage, notFound } from './http/errors';
import { onItsPaths } from './http/routers';
import { loadUser, requireLogin } from './auth/middleware';
import { authRoutes } from './auth/routes';
import { loginBlockRoutes } from './auth/login-block-routes';
import { layoutRoutes } from './layout/routes';
import { healthRoutes } from './health/routes';
import { viewHelpers } from './http/view-helpers';
import { serviceRoutes } from './service/routes';
import { marketingRoutes } from './marketing/routes';
import { churnRoutes } from './churn/routes';
import { jobRoutes } from '../jobs/routes';
import { customerRoutes } from './customers/routes';
import { roleRoutes } from './roles/routes';
import { userRoutes } from './users/routes';
import { passwordRoutes } from './users/password-routes';
import { auditRoutes } from './audit/routes';
import { reportRoutes } from './reports/routes';
import { ReportContext, reportContext } from './reports/analysis';
import { reportDashboard } from './reports/dashboard';
import type { OrderSource } from './orders/order-source';
import type { TodoProvider } from './shared/todos';
import { serviceTodos } from './service/todos';
import { marketingTodos } from './marketing/todos';
import { churnTodos } from './churn/todos';
import { createOrderSource } from './orders/create-order-source';
import { dictionaryRoutes } from './dictionary/routes';
import { productRoutes } from './products/routes';
import { backupRoutes } from './backup/routes';
import { backupUpload } from './backup/upload';

export interface AppContext {
  db: Db;
  config: Config;
  /** where orders are read from; by default as the configuration says */
  orderSource?: OrderSource;
  /** the swappable client `db` comes from (a restore replaces the database); made here when not given */
  database?: DatabaseHandle;
  /** the kind of database `db` talks to (its SQL dialect); by default as DATABASE_URL says */
  databaseKind?: DatabaseKind;
}


export function createApp(context: AppContext): express.Express {
  const { config } = context;
  const database = context.database ?? swappableDatabase(context.db, config.databaseUrl);
  const db = database.db;
  const dialect = context.databaseKind ?? databaseKind(config.databaseUrl);
  const app = express();
  app.disable('x-powered-by');
  // A page is never stored (no-store), so never revalidated: its ETag would be a SHA-1 of every
  // page for nothing. Static files keep theirs (express.static tags them from the file).
  app.set('etag', false);
  // Behind IIS or nginx the client's address comes from X-Forwarded-For, believed only from these proxies.
  app.set('trust proxy', config.trustProxy);
  app.set('view engine', 'ejs');
  app.set('views', path.join(PROJECT_ROOT, 'views'));
  app.engine('ejs', viewEngine(path.join(PROJECT_ROOT, 'views')));
  // Compiled templates (and the partials they include, a row of a list each) are kept,
  // unless a developer edits them: NODE_ENV=development reads them afresh.
  app.set('view cache', process.env.NODE_ENV !== 'development');
  Object.assign(app.locals, viewHelpers);

  app.use(database.gate);
  app.use(requestLog(config.logRequests));
  app.use(securityHeaders);
  app.use(staticFiles(PROJECT_ROOT));
  app.use(noStore);
  app.use(onItsPaths(healthRoutes(db)));
  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 200 }));
  // The idle timeout is the server's: the session's row expires SESSION_IDLE_MINUTES after its
  // last request (the store pushes it back). The cookie lasts until the browser closes and is
  // set at login only, not signed again into every response.
  app.use(
    session({
      name: 'crm.sid',
      store: new DatabaseSessionStore(db, config.sessionIdleMinutes * 60_000, dialect),
      secret: config.sessionSecret,
      resave: false,
      saveUninitialized: false,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
      },
    }),
  );
  app.use(loadUser(db));
  // An uploaded backup file is read before the CSRF check, which needs the form's fields.
  app.use(backupUpload(config));
  app.use(csrfProtection);
  app.use(takeFlash);

  const orderSource = context.orderSource ?? createOrderSource(config, db, { dialect, longRead: database.longRead });
  const reports = reportContext(db, orderSource);
  app.use(onItsPaths(authRoutes(db)));
  app.use(onItsPaths(layoutRoutes(db, TODO_PROVIDERS, (user) => reportDashboard(reports, user))));
  app.use(requireLogin);
  for (const routes of moduleRoutes({ ...context, db, database, orderSource, databaseKind: dialect }, reports)) app.use(onItsPaths(routes));

  app.use(notFound);
  app.use(errorPage);
  return app;
}

/** What each business module contributes to the home page's to-dos: one line per module. */
export const TODO_PROVIDERS: TodoProvider[] = [serviceTodos, marketingTodos, churnTodos];

/** Each business module's routes, mounted behind login: one line per module. */
function moduleRoutes(context: Required<AppContext>, reports: ReportContext): express.Router[] {
  return [
    serviceRoutes(context.db),
    marketingRoutes(context.db),
    churnRoutes(context.db),
    jobRoutes(context),
    loginBlockRoutes(context.db),
    customerRoutes(context.db, context.orderSource),
    userRoutes(context.db),
    roleRoutes(context.db),
    passwordRoutes(context.db),
    auditRoutes(context.db),
    dictionaryRoutes(context.db),
    productRoutes(context.db),
    backupRoutes(context.database, context.config),
    reportRoutes(reports),
  ];
}
