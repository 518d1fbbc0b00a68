// Every setting the application reads, checked at start with zod. A bad value
// stops the start with one message in Chinese naming each bad variable and what
// it accepts. Adding a setting is one line in SETTINGS (and a row in README).
import net from 'net';
import path from 'path';
import { z } from 'zod';
import { validate as validCron } from 'node-cron';
import { SalesDbQueries, salesDbQueriesFrom } from './orders/sales-db-queries';
import { blankToUndefined } from './shared/form';
import { LOG_LEVELS } from './shared/logger';

// ---------------------------------------------------------------- kinds of value

type Setting<T> = { env: string; schema: z.ZodType<T> };

/** The value of one environment variable; blank is unset, so the default applies. */
function setting<T>(env: string, schema: z.ZodType<T>): Setting<T> {
  return { env, schema };
}

function wholeNumber(min: number, max: number, fallback: number) {
  const accepts = `${min}–${max} 的整数`;
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+$/, accepts)
      .transform(Number)
      .refine((n) => n >= min && n <= max, accepts)
      .optional()
      .transform((n) => n ?? fallback),
  );
}

const FLAG_VALUES: Record<string, boolean> = { true: true, false: false, '1': true, '0': false, yes: true, no: false, on: true, off: false };

function flag(fallback: boolean) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((v) => v.trim().toLowerCase())
      .refine((v) => v in FLAG_VALUES, 'true 或 false（也可写 1/0、yes/no、on/off）')
      .transform((v) => FLAG_VALUES[v])
      .optional()
      .transform((v) => v ?? fallback),
  );
}

function text(fallback: string) {
  return z.preprocess(blankToUndefined, z.string().trim().optional().transform((v) => v ?? fallback));
}

function optionalText() {
  return z.preprocess(blankToUndefined, z.string().trim().optional());
}

function choice<T extends string>(choices: readonly [T, ...T[]], fallback: T) {
  return z.preprocess(
    blankToUndefined,
    z
      .enum(choices, { error: choices.join('、') + ' 之一' })
      .optional()
      .transform((v) => v ?? fallback),
  );
}

function refined(schema: z.ZodType<string | undefined>, check: (value: string) => boolean, accepts: string) {
  return schema.refine((v) => v === undefined || check(v), accepts);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** Express's `trust proxy`: false, true, a number of hops, or addresses/subnets/names. */
function trustProxy() {
  const accepts = 'false、true、代理的层数（如 1），或以逗号分隔的地址/网段（如 loopback, 10.0.0.0/8）';
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .transform((v, ctx): boolean | number | string => {
        if (v === 'true' || v === 'false') return v === 'true';
        if (/^\d+$/.test(v)) return Number(v);
        const parts = v.split(',').map((p) => p.trim());
        const valid = parts.every((p) => PROXY_NAMES.includes(p) || net.isIP(p.replace(/\/\d{1,3}$/, '')) !== 0);
        if (!valid) ctx.addIssue({ code: 'custom', message: accepts });
        return parts.join(', ');
      })
      .optional()
      .transform((v) => v ?? 'loopback'),
  );
}

const DEVELOPMENT_SESSION_SECRET = 'crm-development-secret-change-me';

// ---------------------------------------------------------------- the settings

const SETTINGS = {
  port: setting('PORT', wholeNumber(1, 65535, 3000)),
  host: setting('HOST', text('0.0.0.0')),
  /** unset or file:… → embedded SQLite; sqlserver://… → SQL Server */
  databaseUrl: setting(
    'DATABASE_URL',
    refined(optionalText(), (v) => /^(file:|sqlserver:\/\/)/.test(v), 'file:… 或 sqlserver://… 开头的连接字符串').transform(
      (v) => v ?? `file:${path.resolve('data', 'crm.db')}`,
    ),
  ),
  sessionSecret: setting('SESSION_SECRET', text(DEVELOPMENT_SESSION_SECRET)),
  /** idle timeout of a session, in minutes */
  sessionIdleMinutes: setting('SESSION_IDLE_MINUTES', wholeNumber(1, 7 * 24 * 60, 30)),
  /** behind a TLS-terminating proxy: mark cookies secure */
  secureCookies: setting('SECURE_COOKIES', flag(false)),
  /** which proxies in front of the application to believe about the client's address */
  trustProxy: setting('TRUST_PROXY', trustProxy()),
  /** load demo data into a newly created embedded database */
  demoData: setting('DEMO_DATA', flag(true)),
  /** run the weekly churn-warning job in this process */
  churnJobEnabled: setting('CHURN_JOB_ENABLED', flag(true)),
  churnJobSchedule: setting(
    'CHURN_JOB_SCHEDULE',
    refined(optionalText(), (v) => validCron(v), 'cron 表达式，如 0 2 * * 6（每周六 02:00）').transform((v) => v ?? '0 2 * * 6'),
  ),
  churnJobTimezone: setting('CHURN_JOB_TIMEZONE', refined(optionalText(), isTimeZone, '时区名称，如 Asia/Shanghai')),
  /** where orders are read from: "crm" (own tables) or "mssql" (the sales system) */
  orderSource: setting('ORDER_SOURCE', choice(['crm', 'mssql'], 'crm')),
  salesDbUrl: setting('SALES_DB_URL', optionalText()),
  /** one log line per request */
  logRequests: setting('LOG_REQUESTS', flag(true)),
  logLevel: setting('LOG_LEVEL', choice(LOG_LEVELS, 'info')),
  /** on SIGTERM/SIGINT: how long running requests and a running job may take before the process exits anyway */
  shutdownTimeoutSeconds: setting('SHUTDOWN_TIMEOUT_SECONDS', wholeNumber(1, 3600, 30)),
  /** where backups of the embedded database are kept */
  backupDir: setting('BACKUP_DIR', text(path.join('data', 'backups')).transform((v) => path.resolve(v))),
  /** cron schedule of the daily backup of the embedded database */
  backupSchedule: setting(
    'BACKUP_SCHEDULE',
    refined(optionalText(), (v) => validCron(v), 'cron 表达式，如 30 2 * * *（每天 02:30）').transform((v) => v ?? '30 2 * * *'),
  ),
  /** how many daily backups are kept */
  backupKeep: setting('BACKUP_KEEP', wholeNumber(1, 3650, 7)),
  /** worker processes serving requests (node:cluster); 1: this process alone */
  webWorkers: setting('WEB_WORKERS', wholeNumber(1, 64, 1)),
};

type Settings = typeof SETTINGS;

/** The environment variables read (README's configuration table lists each). */
export const SETTING_NAMES = Object.values(SETTINGS).map((s) => s.env);

export type Config = { [K in keyof Settings]: Settings[K] extends Setting<infer T> ? T : never } & {
  /** the sales system's SQL for orders (SALES_DB_…_QUERY); see src/orders/CONTEXT.md */
  salesDbQueries: SalesDbQueries;
};

/** Thrown at start for a bad configuration: its message lists every bad variable. */
export class ConfigError extends Error {}

/** Settings that only make sense together. */
function crossChecks(config: Config, env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  if (config.orderSource === 'mssql' && !config.salesDbUrl) {
    problems.push('SALES_DB_URL：ORDER_SOURCE=mssql 时必须设置（销售系统数据库的连接字符串）');
  }
  // The development default would let anyone who reads the source forge sessions.
  if (config.databaseUrl.startsWith('sqlserver:') && !env.SESSION_SECRET?.trim()) {
    problems.push('SESSION_SECRET：使用 SQL Server 运行时必须设置（会话签名密钥，一个足够长的随机字符串）');
  }
  return problems;
}

function shown(value: string | undefined): string {
  if (value === undefined) return '（未设置）';
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, { env: name, schema }] of Object.entries(SETTINGS) as [string, Setting<unknown>][]) {
    const result = schema.safeParse(env[name]);
    if (result.success) values[key] = result.data;
    else problems.push(`${name}=${shown(env[name])}：应为 ${result.error.issues[0].message}`);
  }
  const config = { ...values, salesDbQueries: salesDbQueriesFrom(env) } as Config;
  if (problems.length === 0) problems.push(...crossChecks(config, env));
  if (problems.length > 0) throw new ConfigError(`配置有误，未能启动：\n  ${problems.join('\n  ')}`);
  return config;
}
