// What every request costs: the user and the version of their role's rights in
// one query, the rights cached per version, no session write per request — and
// nothing of it may delay a disabled user's exit or a rights change.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient as SqliteClient } from '../../src/generated/sqlite/client';
import { createApp } from '../../src/app';
import { sqliteFile, type Db } from '../../src/db/client';
import { login, startTestApp, testConfig, TestApp } from '../support/app';
import { createUser } from '../support/builders/users';

let t: TestApp;
beforeAll(() => {
  t = startTestApp();
});
afterAll(() => t.close());

async function dropRight(roleCode: string, resource: string, action: string, raiseVersion: boolean) {
  const right = await t.db.permission.findFirstOrThrow({ where: { resource, action, access: 'any' } });
  await t.db.$transaction(async (tx) => {
    await tx.rolePermission.delete({ where: { roleCode_permissionId: { roleCode, permissionId: right.id } } });
    if (raiseVersion) await tx.role.update({ where: { code: roleCode }, data: { rightsVersion: { increment: 1 } } });
  });
  return async () => {
    await t.db.rolePermission.create({ data: { roleCode, permissionId: right.id } });
    await t.db.role.update({ where: { code: roleCode }, data: { rightsVersion: { increment: 1 } } });
  };
}

describe('每次请求的固定开销', () => {
  test('a rights change with its raised version takes effect at the next request; given back, it works again', async () => {
    await createUser(t.db, { role: 'manager', username: 'cost-manager' });
    const manager = await login(t.app, 'cost-manager');
    expect((await manager.get('/service/assign')).status).toBe(200);

    const giveBack = await dropRight('manager', 'ticket', 'assign', true);
    expect((await manager.get('/service/assign')).status).toBe(403);
    expect((await manager.get('/left')).text).not.toContain('服务分配');

    await giveBack();
    expect((await manager.get('/service/assign')).status).toBe(200);
    expect((await manager.get('/left')).text).toContain('服务分配');
  });

  test('rights are read once per version of the role: an edit that does not raise it is not seen (the contract of Role.rightsVersion)', async () => {
    await createUser(t.db, { role: 'manager', username: 'cost-manager2' });
    const manager = await login(t.app, 'cost-manager2');
    expect((await manager.get('/service/assign')).status).toBe(200);
    const giveBack = await dropRight('manager', 'ticket', 'assign', false);
    expect((await manager.get('/service/assign')).status).toBe(200);
    await giveBack();
  });

  test('a disabled user loses the session at the next request, however recently it was read', async () => {
    const user = await createUser(t.db, { role: 'sales', username: 'cost-sales' });
    const sales = await login(t.app, 'cost-sales');
    expect((await sales.get('/home')).status).toBe(200);
    await t.db.user.update({ where: { id: user.id }, data: { status: 'disabled' } });
    const res = await sales.get('/home');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login');
  });

  test('a page without data of its own costs one query: the session with its user and the version of the role’s rights', async () => {
    await createUser(t.db, { role: 'manager', username: 'cost-counted' });
    const logged = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: sqliteFile(t.url) }), log: [{ emit: 'event', level: 'query' }] });
    const queries: string[] = [];
    logged.$on('query', (e) => queries.push(e.query));
    try {
      const app = createApp({ db: logged as unknown as Db, config: testConfig(t.url) });
      const manager = await login(app, 'cost-counted');
      await manager.get('/top');
      queries.length = 0;
      const res = await manager.get('/left');
      expect(res.status).toBe(200);
      expect(res.text).toContain('服务分配');
      expect(queries).toHaveLength(1);
      expect(queries[0]).toMatch(/FROM \[Session\] s\s+LEFT JOIN \[User\] u/);
    } finally {
      await logged.$disconnect();
    }
  });

  test('pages read without changing the session write nothing to the session table', async () => {
    await createUser(t.db, { role: 'sales', username: 'cost-reader' });
    const sales = await login(t.app, 'cost-reader');
    await sales.get('/home');
    const before = await t.db.session.findMany({ orderBy: { sid: 'asc' } });
    for (let i = 0; i < 5; i++) expect((await sales.get('/customers')).status).toBe(200);
    expect(await t.db.session.findMany({ orderBy: { sid: 'asc' } })).toEqual(before);
  });
});

describe('静态文件', () => {
  test('styles, scripts and images are served from their folders; other paths are pages', async () => {
    const request = (await import('supertest')).default;
    for (const file of ['/css/app.css', '/js/app.js', '/img/logo.svg']) expect((await request(t.app).get(file)).status).toBe(200);
    expect((await request(t.app).get('/app.css')).status).not.toBe(200);
  });
});

describe('内置数据库的连接', () => {
  test('a transaction takes the write lock when it begins: another process cannot write between its reads and its writes', async () => {
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(sqliteFile(t.url), { timeout: 0 });
    try {
      await t.db.$transaction(async (tx) => {
        await tx.user.count();
        expect(() => other.prepare("UPDATE Counter SET value = value WHERE name = 'none'").run()).toThrow(/locked|busy/i);
      });
      // Afterwards the other process writes again.
      expect(() => other.prepare("UPDATE Counter SET value = value WHERE name = 'none'").run()).not.toThrow();
    } finally {
      other.close();
    }
  });

  test('commits do not wait for the disk (synchronous = NORMAL in WAL mode): a commit would block every request', async () => {
    const [row] = await t.db.$queryRawUnsafe<{ synchronous: number | bigint }[]>('PRAGMA synchronous');
    expect(Number(row.synchronous)).toBe(1);
  });
});

describe('预编译语句', () => {
  test('each SQL text is prepared once and its columns read once; every use binds its own arguments; transactions begin IMMEDIATE', async () => {
    const { preparedOnce } = await import('../../src/db/client');
    const Database = (await import('better-sqlite3')).default;
    const sqlite = new Database(':memory:');
    try {
      sqlite.exec('CREATE TABLE t (x INTEGER)');
      const prepared: string[] = [];
      let columnsRead = 0;
      const prepare = preparedOnce((sql) => {
        prepared.push(sql);
        const statement = sqlite.prepare(sql);
        const columns = statement.columns.bind(statement);
        return Object.assign(statement, { columns: () => (columnsRead++, columns()) }) as never;
      });
      const insert = (x: number) => prepare('INSERT INTO t (x) VALUES (?)').bind([x]).run();
      insert(1);
      insert(2);
      const select = prepare('SELECT x FROM t WHERE x >= ? ORDER BY x').bind([2]);
      expect(select.reader).toBe(true);
      expect(select.raw().all()).toEqual([[2]]);
      expect(prepare('SELECT x FROM t WHERE x >= ? ORDER BY x').bind([1]).raw().all()).toEqual([[1], [2]]);
      // The columns of a statement are read from it once.
      expect(select.columns()).toEqual(prepare('SELECT x FROM t WHERE x >= ? ORDER BY x').bind([3]).columns());
      expect(columnsRead).toBe(1);
      prepare('BEGIN').run();
      prepare('COMMIT').run();
      expect(prepared).toEqual(['INSERT INTO t (x) VALUES (?)', 'SELECT x FROM t WHERE x >= ? ORDER BY x', 'BEGIN IMMEDIATE', 'COMMIT']);
    } finally {
      sqlite.close();
    }
  });
});
