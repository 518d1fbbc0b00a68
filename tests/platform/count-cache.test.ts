// Counts kept until the database changes (src/db/count-cache.ts): read once
// while nothing is written, read again after any change of this connection or
// a commit of another — a list never shows a count older than its rows.
import Database from 'better-sqlite3';
import { changeOf, countCache, isCount, tablesNamed } from '../../src/db/count-cache';
import { preparedOnce, sqliteFile, type Db } from '../../src/db/client';
import { freshDb } from '../support/db';
import { createCustomer } from '../support/builders/customers';

const schema = { tables: ['Customer', 'Contact', 'Session'], referenced: ['Customer'] };

describe('countCache', () => {
  const T = ['t'];
  test('a count is read once while nothing changes; its arguments are part of it (1 is not "1")', () => {
    const cache = countCache(() => 0);
    let reads = 0;
    const read = (value: number) => () => (reads++, [[value]]);
    expect(cache.rows('SELECT COUNT(*) FROM t WHERE x = ?', [1], T, read(5))).toEqual([[5]]);
    expect(cache.rows('SELECT COUNT(*) FROM t WHERE x = ?', [1], T, read(6))).toEqual([[5]]);
    expect(cache.rows('SELECT COUNT(*) FROM t WHERE x = ?', ['1'], T, read(7))).toEqual([[7]]);
    expect(cache.rows('SELECT COUNT(*) FROM t WHERE x = ?', [1n], T, read(8))).toEqual([[8]]);
    expect(reads).toBe(3);
  });

  test('a change of a table it names, any change, or a commit of another connection reads it again; a change of another table does not', () => {
    let otherCommits = 0;
    const cache = countCache(() => otherCommits);
    const sql = 'SELECT COUNT(*) FROM t';
    expect(cache.rows(sql, [], T, () => [[1]])).toEqual([[1]]);
    cache.changed({ kind: 'table', table: 'u' });
    cache.changed({ kind: 'none' });
    expect(cache.rows(sql, [], T, () => [[0]])).toEqual([[1]]);
    cache.changed({ kind: 'table', table: 't' });
    expect(cache.rows(sql, [], T, () => [[2]])).toEqual([[2]]);
    cache.changed({ kind: 'any' });
    expect(cache.rows(sql, [], T, () => [[3]])).toEqual([[3]]);
    otherCommits += 1;
    expect(cache.rows(sql, [], T, () => [[4]])).toEqual([[4]]);
    expect(cache.rows(sql, [], T, () => [[5]])).toEqual([[4]]);
  });

  test('it keeps at most its limit of counts', () => {
    const cache = countCache(() => 0, 2);
    let reads = 0;
    const read = () => (reads++, [[reads]]);
    for (const x of [1, 2, 3, 1]) cache.rows('SELECT COUNT(*) FROM t WHERE x = ?', [x], T, read);
    expect(reads).toBe(4);
  });

  test('what a statement changes: a plain read or a transaction\'s begin and commit nothing; an insert its table; an update or delete its table unless a foreign key refers to it', () => {
    expect(changeOf('SELECT 1', true, schema)).toEqual({ kind: 'none' });
    expect(changeOf('BEGIN IMMEDIATE', true, schema)).toEqual({ kind: 'none' });
    expect(changeOf('COMMIT', true, schema)).toEqual({ kind: 'none' });
    expect(changeOf('INSERT INTO `main`.`Customer` (`name`) VALUES (?) RETURNING `id`', false, schema)).toEqual({ kind: 'table', table: 'Customer' });
    expect(changeOf('INSERT INTO [Contact] ([name]) SELECT 1', false, schema)).toEqual({ kind: 'table', table: 'Contact' });
    expect(changeOf('UPDATE `main`.`Session` SET `expiresAt` = ? WHERE `sid` = ?', false, schema)).toEqual({ kind: 'table', table: 'Session' });
    expect(changeOf('DELETE FROM `main`.`Session` WHERE 1', false, schema)).toEqual({ kind: 'table', table: 'Session' });
    // A foreign key to Customer may cascade a delete or an update (also an upsert's) to other tables.
    expect(changeOf('DELETE FROM `main`.`Customer` WHERE `id` = ?', false, schema)).toEqual({ kind: 'any' });
    expect(changeOf('UPDATE [Customer] SET [name] = ?', false, schema)).toEqual({ kind: 'any' });
    expect(changeOf('INSERT INTO `main`.`Customer` (`id`) VALUES (?) ON CONFLICT (`id`) DO UPDATE SET `name` = ?', false, schema)).toEqual({ kind: 'any' });
    // SQLite calls a rollback read-only; it undoes whatever was written.
    expect(changeOf('ROLLBACK', true, schema)).toEqual({ kind: 'any' });
    expect(changeOf('PRAGMA foreign_keys = ON', false, schema)).toEqual({ kind: 'any' });
    expect(changeOf('INSERT OR REPLACE INTO [Contact] VALUES (1)', false, schema)).toEqual({ kind: 'any' });
    expect(changeOf('INSERT INTO [Unknown] VALUES (1)', false, schema)).toEqual({ kind: 'any' });
  });

  test('the tables a count names, and what counts as a count', () => {
    expect(tablesNamed('SELECT COUNT(*) AS `_count$_all` FROM (SELECT `main`.`Contact`.`id` FROM `main`.`Contact` LEFT JOIN `main`.`Customer` AS `j1`) AS `sub`', schema)).toEqual(['Customer', 'Contact']);
    expect(tablesNamed('SELECT COUNT(*) FROM [Customer] c, [Session] s', schema)).toEqual(['Customer', 'Session']);
    expect(tablesNamed('SELECT COUNT(*) FROM CustomerNamePiece', schema)).toEqual([]);
    expect(isCount('SELECT COUNT(*) AS `_count$_all` FROM (SELECT 1) AS `sub`')).toBe(true);
    expect(isCount('SELECT `id` FROM `Customer`')).toBe(false);
  });
});

describe('counts through the prepared statements of the connection', () => {
  function counted() {
    const sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE t (x INTEGER); CREATE TABLE u (x INTEGER)');
    const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
    let reads = 0;
    const prepare = preparedOnce(
      (sql) => {
        const statement = sqlite.prepare(sql);
        const raw = statement.raw.bind(statement);
        return Object.assign(statement, { raw: (on: boolean) => (reads++, raw(on)) }) as never;
      },
      { cache: countCache(() => dataVersion.get()), schema: { tables: ['t', 'u'], referenced: [] } },
    );
    const count = () => prepare('SELECT COUNT(*) FROM t').bind([]).raw().all();
    return { sqlite, prepare, count, reads: () => reads };
  }

  test('read again after an insert, after one with RETURNING and after a rollback; not after an insert into another table', () => {
    const { sqlite, prepare, count, reads } = counted();
    try {
      expect(count()).toEqual([[0]]);
      expect(count()).toEqual([[0]]);
      expect(reads()).toBe(1);
      prepare('INSERT INTO t (x) VALUES (?)').bind([1]).run();
      expect(count()).toEqual([[1]]);
      prepare('INSERT INTO t (x) VALUES (?) RETURNING x').bind([2]).raw().all();
      expect(count()).toEqual([[2]]);
      prepare('BEGIN').run();
      prepare('INSERT INTO t (x) VALUES (?)').bind([3]).run();
      // Another request on the same connection sees the open transaction's row …
      expect(count()).toEqual([[3]]);
      prepare('ROLLBACK').run();
      // … and no longer once it is rolled back.
      expect(count()).toEqual([[2]]);
      const before = reads();
      prepare('INSERT INTO u (x) VALUES (?)').bind([1]).run();
      expect(count()).toEqual([[2]]);
      expect(reads()).toBe(before);
    } finally {
      sqlite.close();
    }
  });
});

describe('counts through Prisma on the embedded database', () => {
  let db: Db;
  let url: string;
  beforeAll(() => ({ db, url } = freshDb()));
  afterAll(() => db.$disconnect());

  const customers = () => db.customer.count({ where: { name: { startsWith: '计数' } }, take: 10_001 });

  test('a customer created, renamed in a rolled-back transaction, or inserted by another connection is counted at once', async () => {
    expect(await customers()).toBe(0);
    const first = await createCustomer(db, { name: '计数一' });
    expect(await customers()).toBe(1);

    await expect(
      db.$transaction(async (tx) => {
        await tx.customer.update({ where: { id: first.id }, data: { name: '不计' } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await customers()).toBe(1);

    await db.$transaction(async (tx) => tx.customer.update({ where: { id: first.id }, data: { name: '不计' } }));
    expect(await customers()).toBe(0);

    const other = new Database(sqliteFile(url));
    try {
      other.prepare('UPDATE Customer SET name = ? WHERE id = ?').run('计数二', first.id);
    } finally {
      other.close();
    }
    expect(await customers()).toBe(1);

    await db.$executeRawUnsafe(`UPDATE [Customer] SET [name] = '不计' WHERE [id] = ${first.id}`);
    expect(await customers()).toBe(0);
  });

  test('a delete that cascades (a customer\'s name pieces) and a write to the counted table alone are counted at once', async () => {
    const customer = await createCustomer(db, { name: '级联' });
    const pieces = () => db.customerNamePiece.count({ where: { customerId: customer.id } });
    // 级, 联 and 级联, written with the name.
    expect(await pieces()).toBe(3);
    await db.customerNamePiece.deleteMany({ where: { customerId: customer.id, piece: '级' } });
    expect(await pieces()).toBe(2);
    await db.customer.delete({ where: { id: customer.id } });
    expect(await pieces()).toBe(0);
  });
});
