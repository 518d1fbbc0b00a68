// Every setting the application reads, with its default. README lists them.
import path from 'path';
import { SalesDbQueries, salesDbQueriesFrom } from './orders/sales-db-queries';

export interface Config {
  port: number;
  host: string;
  /** unset or file:… → embedded SQLite; sqlserver://… → SQL Server */
  databaseUrl: string;
  sessionSecret: string;
  /** idle timeout of a session, in minutes */
  sessionIdleMinutes: number;
  /** behind a TLS-terminating proxy: mark cookies secure */
  secureCookies: boolean;
  /** load demo data into a newly created embedded database */
  demoData: boolean;
  /** run the weekly churn-warning job in this process */
  churnJobEnabled: boolean;
  churnJobSchedule: string;
  churnJobTimezone: string | undefined;
  /** where orders are read from: "crm" (own tables) or "mssql" (the sales system) */
  orderSource: 'crm' | 'mssql';
  salesDbUrl: string | undefined;
  /** the sales system's SQL for orders (SALES_DB_…_QUERY); see src/orders/CONTEXT.md */
  salesDbQueries: SalesDbQueries;
  logRequests: boolean;
  /** worker processes serving requests (node:cluster); 1: this process alone */
  webWorkers: number;
}


function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const orderSource = env.ORDER_SOURCE === 'mssql' ? 'mssql' : 'crm';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || `file:${path.resolve('data', 'crm.db')}`,
    sessionSecret: env.SESSION_SECRET || 'crm-development-secret-change-me',
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    secureCookies: flag(env.SECURE_COOKIES, false),
    demoData: flag(env.DEMO_DATA, true),
    churnJobEnabled: flag(env.CHURN_JOB_ENABLED, true),
    churnJobSchedule: env.CHURN_JOB_SCHEDULE || '0 2 * * 6',
    churnJobTimezone: env.CHURN_JOB_TIMEZONE || undefined,
    orderSource,
    salesDbUrl: env.SALES_DB_URL || undefined,
    salesDbQueries: salesDbQueriesFrom(env),
    logRequests: flag(env.LOG_REQUESTS, true),
    webWorkers: Math.max(1, Math.floor(Number(env.WEB_WORKERS ?? 1)) || 1),
  };
}
