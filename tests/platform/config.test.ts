// The configuration is checked at start: each bad setting is named with what it accepts.
import fs from 'fs';
import path from 'path';
import { ConfigError, loadConfig, SETTING_NAMES } from '../../src/config';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
}

test('no settings at all: every default', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({
    port: 3000,
    host: '0.0.0.0',
    sessionIdleMinutes: 30,
    secureCookies: false,
    trustProxy: 'loopback',
    demoData: true,
    churnJobEnabled: true,
    churnJobSchedule: '0 2 * * 6',
    churnJobTimezone: undefined,
    orderSource: 'crm',
    logRequests: true,
    logLevel: 'info',
    shutdownTimeoutSeconds: 30,
  });
  expect(config.databaseUrl).toMatch(/^file:.*crm\.db$/);
});

test('good values are read; blank ones keep their default', () => {
  const config = loadConfig({
    PORT: '8080',
    SESSION_IDLE_MINUTES: ' 45 ',
    SECURE_COOKIES: 'yes',
    DEMO_DATA: 'off',
    CHURN_JOB_TIMEZONE: 'Asia/Shanghai',
    CHURN_JOB_SCHEDULE: '30 1 * * 1',
    TRUST_PROXY: '10.0.0.0/8, loopback',
    LOG_LEVEL: 'warn',
    HOST: '',
  });
  expect(config).toMatchObject({
    port: 8080,
    sessionIdleMinutes: 45,
    secureCookies: true,
    demoData: false,
    churnJobTimezone: 'Asia/Shanghai',
    churnJobSchedule: '30 1 * * 1',
    trustProxy: '10.0.0.0/8, loopback',
    logLevel: 'warn',
    host: '0.0.0.0',
  });
  expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
});

test.each([
  ['PORT', 'abc', '1–65535 的整数'],
  ['PORT', '70000', '1–65535 的整数'],
  ['PORT', '80.5', '1–65535 的整数'],
  ['SESSION_IDLE_MINUTES', 'abc', '的整数'],
  ['SESSION_IDLE_MINUTES', '0', '的整数'],
  ['SECURE_COOKIES', 'maybe', 'true 或 false'],
  ['DEMO_DATA', 'ja', 'true 或 false'],
  ['CHURN_JOB_ENABLED', '2', 'true 或 false'],
  ['LOG_REQUESTS', 'yes please', 'true 或 false'],
  ['ORDER_SOURCE', 'msql', 'crm、mssql 之一'],
  ['DATABASE_URL', 'postgres://db/crm', 'file:… 或 sqlserver://…'],
  ['CHURN_JOB_SCHEDULE', 'every saturday', 'cron 表达式'],
  ['CHURN_JOB_TIMEZONE', 'Mars/Olympus', '时区名称'],
  ['TRUST_PROXY', 'my-proxy', '代理的层数'],
  ['LOG_LEVEL', 'loud', 'info'],
  ['SHUTDOWN_TIMEOUT_SECONDS', '-1', '的整数'],
])('%s=%s refuses to start, naming the variable and what it accepts', (name, value, accepts) => {
  const message = problemsOf({ [name]: value });
  expect(message).toContain('配置有误');
  expect(message).toContain(`${name}=${value}：应为 `);
  expect(message).toContain(accepts);
});

test('every bad variable is named in the one message', () => {
  const message = problemsOf({ PORT: 'abc', SESSION_IDLE_MINUTES: 'abc', ORDER_SOURCE: 'msql' });
  expect(message.split('\n')).toHaveLength(4);
  for (const name of ['PORT=abc', 'SESSION_IDLE_MINUTES=abc', 'ORDER_SOURCE=msql']) expect(message).toContain(name);
});

test('settings that belong together: the sales system needs its URL, SQL Server a session secret', () => {
  expect(problemsOf({ ORDER_SOURCE: 'mssql' })).toContain('SALES_DB_URL');
  expect(problemsOf({ DATABASE_URL: 'sqlserver://db:1433;database=crm' })).toContain('SESSION_SECRET');
  expect(loadConfig({ DATABASE_URL: 'sqlserver://db:1433;database=crm', SESSION_SECRET: 's3cret-value' }).sessionSecret).toBe('s3cret-value');
});

test('the README’s configuration table lists every setting', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
  expect(SETTING_NAMES.filter((name) => !table.includes(`| \`${name}\``))).toEqual([]);
});
