// The SQL Server schema is the one source of truth: the SQLite schema must be
// derived from it, and the committed migrations must match it.
import fs from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';
import Database from 'better-sqlite3';
import { createDb } from '../../src/db/client';
import { scratchDir } from '../support/db';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const derive = require('../../prisma/derive-sqlite-schema.js') as {
  deriveSqliteSchema(source: string): string;
  derivedSchemaIsCurrent(): boolean;
};
const ROOT = path.resolve(__dirname, '../..');

function node(code: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, ['-e', code], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

test('prisma/sqlite/schema.prisma is derived from the SQL Server schema and current (npm run db:derive)', () => {
  expect(derive.derivedSchemaIsCurrent()).toBe(true);
});

test('the derived schema differs only in provider, output and native types', () => {
  const source = fs.readFileSync(path.join(ROOT, 'prisma/schema.prisma'), 'utf8');
  const derived = derive.deriveSqliteSchema(source);
  expect(source).toContain('provider = "sqlserver"');
  expect(derived).toContain('provider = "sqlite"');
  expect(derived).not.toMatch(/@db\./);
  const models = (text: string) => text.match(/^model \w+/gm);
  expect(models(derived)).toEqual(models(source));
});

test('the derivation does not depend on spacing (prisma format realigns the = of a block)', () => {
  const schema = (provider: string, output: string) =>
    `generator client {\n  provider${' '.repeat(20)}= "prisma-client"\n  output${output}"../src/generated/sqlserver"\n}\n\n` +
    `datasource db {\n  provider${provider}"sqlserver"\n}\n\nmodel Thing {\n  id    Int     @id @db.Int\n  price Decimal @db.Decimal(18, 2)\n}\n`;
  for (const [provider, output] of [
    [' = ', ' = '],
    ['=', '='],
    ['   =   ', '\t=\t'],
  ]) {
    const derived = derive.deriveSqliteSchema(schema(provider, output));
    expect(derived).toContain(`provider${provider}"sqlite"`);
    expect(derived).toContain(`output${output}"../../src/generated/sqlite"`);
    expect(derived).not.toMatch(/sqlserver|@db\./);
  }
});

test('a schema whose provider or output cannot be found is refused, not half derived', () => {
  const source = fs.readFileSync(path.join(ROOT, 'prisma/schema.prisma'), 'utf8');
  expect(() => derive.deriveSqliteSchema(source.replace('"../src/generated/sqlserver"', '"../generated"'))).toThrow(/output/);
  expect(() => derive.deriveSqliteSchema(source.replace('"sqlserver"', '"postgresql"'))).toThrow(/provider/);
});

test('the committed SQLite migrations match the schema (npm run db:migration -- <name>)', () => {
  const pending = node(
    "require('./dist/src/db/schema-engine.js').pendingSchemaChanges(':memory:').then(s => process.stdout.write(s))",
  );
  expect(pending.replace(/^-- This is an empty migration\.?$/m, '').trim()).toBe('');
});

test('on start a new embedded database is migrated and filled with demo data; a second start changes nothing', async () => {
  const file = path.join(scratchDir('crm-prepare-'), 'crm.db');
  const migrate = () =>
    execFileSync(process.execPath, ['dist/src/db/cli.js', 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      encoding: 'utf8',
    });
  const counts = async () => {
    const db = createDb(`file:${file}`);
    try {
      return {
        users: (await db.user.findMany({ select: { username: true } })).map((u) => u.username).sort(),
        customers: await db.customer.count(),
        orders: await db.order.count(),
        opportunities: (await db.opportunity.groupBy({ by: ['status'], _count: true })).map((g) => g.status).sort(),
        tickets: (await db.serviceTicket.groupBy({ by: ['status'], _count: true })).map((g) => g.status).sort(),
      };
    } finally {
      await db.$disconnect();
    }
  };

  expect(migrate()).toContain('已应用迁移');
  const first = await counts();
  expect(first.users).toEqual(expect.arrayContaining(['admin', 'boss', 'manager', 'sales1', 'sales2']));
  expect(first.customers).toBeGreaterThanOrEqual(25);
  expect(first.orders).toBeGreaterThan(50);
  expect(first.opportunities).toEqual(['assigned', 'failed', 'succeeded', 'unassigned']);
  expect(first.tickets).toEqual(['archived', 'assigned', 'created', 'handled']);

  expect(migrate()).toContain('数据库已是最新');
  expect(await counts()).toEqual(first);
});

test('create-admin makes the first administrator of a database without demo data, once', async () => {
  const file = path.join(scratchDir('crm-admin-'), 'crm.db');
  const createAdmin = (password: string, ...args: string[]) =>
    execFileSync(process.execPath, ['dist/src/db/cli.js', 'create-admin', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${file}`, DEMO_DATA: 'false', CRM_ADMIN_PASSWORD: password },
      encoding: 'utf8',
      stdio: 'pipe',
    });
  const failure = (run: () => string) => {
    try {
      run();
    } catch (err) {
      return String((err as { stderr?: string }).stderr);
    }
    throw new Error('expected the command to fail');
  };

  expect(failure(() => createAdmin('short', 'chief'))).toContain('密码至少需要 8 个字符');
  expect(failure(() => createAdmin('a-long-password', 'chief'))).toContain('密码必须同时包含字母和数字');
  expect(createAdmin('a-long-password-1', 'chief', '李总')).toContain('已创建系统管理员 chief');
  expect(failure(() => createAdmin('a-long-password-1', 'chief'))).toContain('用户名 chief 已存在');
  const db = createDb(`file:${file}`);
  try {
    const users = await db.user.findMany();
    expect(users.map((u) => [u.username, u.name, u.roleCode])).toEqual([['chief', '李总', 'admin']]);
    expect(users[0].passwordHash).toMatch(/^\$2[aby]\$/);
    expect(await db.customer.count()).toBe(0);
    expect(await db.rolePermission.count({ where: { roleCode: 'admin' } })).toBeGreaterThan(0);
  } finally {
    await db.$disconnect();
  }
});

test('an older database is copied aside, then brought up to date; an up-to-date one is not copied', () => {
  const dir = scratchDir('crm-upgrade-');
  const file = path.join(dir, 'crm.db');
  fs.copyFileSync(path.join(process.env.CRM_TEST_DIR!, 'template.db'), file);
  // Make it what the previous version left: its last migration not applied.
  const last = '20261123114710_opportunity_customer_not_unique';
  const old = new Database(file);
  old.exec(`DROP INDEX "Opportunity_customerId_idx";
    CREATE UNIQUE INDEX "Opportunity_customerId_key" ON "Opportunity"("customerId");
    DELETE FROM _prisma_migrations WHERE migration_name = '${last}';`);
  old.close();
  const start = () =>
    execFileSync(process.execPath, ['dist/src/db/cli.js', 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${file}`, DEMO_DATA: 'false' },
      encoding: 'utf8',
    });

  const first = start();
  expect(first).toContain(`升级前的数据库已备份到 ${file}.before-migrate`);
  expect(first).toContain(`已应用迁移：${last}`);
  const copy = new Database(`${file}.before-migrate`, { readonly: true });
  const indexes = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Opportunity'").all();
  copy.close();
  expect(indexes).toContainEqual({ name: 'Opportunity_customerId_key' });

  fs.rmSync(`${file}.before-migrate`);
  expect(start()).not.toContain('备份');
  expect(fs.existsSync(`${file}.before-migrate`)).toBe(false);
});
