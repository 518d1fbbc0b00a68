// Counts kept until the database changes (src/db/count-cache.ts): read once
// while nothing is written, read again after any change of this connection or
// a commit of another — a list never shows a count older than its rows.
import Database from 'better-sqlite3';
import { countCache, isCount, isPlainRead } from '../../src/db/count-cache';
import { preparedOnce, sqliteFile, type Db } from '../../src/db/client';
import { freshDb } from '../support/db';
import { createCustomer } from '../support/builders/customers';

describe('countCache', () => {
  test('a count is read once while nothing changes; its arguments are part of it (1 is not "1")', () => {
    const cache = countCache(() => 0);
    let reads = 0;
    const read = (value: number) => () => (reads++, [[value]]);
    expect(cache.rows('SELECT COUNT(*) FROM t WHERE x = ?', [1], read(5))).toEqual([[5]]);
    expect(cache.rows('SELECT COUNT(*) FROM t WHERE x = ?', [1], read(6))).toEqual([[5]]);
    expect(cache.rows('SELECT COUNT(*) FROM t WHERE x = ?', ['1'], read(7))).toEqual([[7]]);
    expect(cache.rows('SELECT COUNT(*) FROM t WHERE x = ?', [1n], read(8))).toEqual([[8]]);
    expect(reads).toBe(3);
  });

  test('a change of this connection or a commit of another reads every count again', () => {
    let otherCommits = 0;
    const cache = countCache(() => otherCommits);
    const sql = 'SELECT COUNT(*) FROM t';
    expect(cache.rows(sql, [], () => [[1]])).toEqual([[1]]);
    cache.changed();
    expect(cache.rows(sql, [], () => [[2]])).toEqual([[2]]);
    otherCommits += 1;
    expect(cache.rows(sql, [], () => [[3]])).toEqual([[3]]);
    expect(cache.rows(sql, [], () => [[4]])).toEqual([[3]]);
  });

  test('it keeps at most its limit of counts', () => {
    const cache = countCache(() => 0, 2);
    let reads = 0;
    const read = () => (reads++, [[reads]]);
    for (const x of [1, 2, 3, 1]) cache.rows('SELECT COUNT(*) FROM t WHERE x = ?', [x], read);
    expect(reads).toBe(4);
  });

  test('what counts as a count, and as a plain read', () => {
    expect(isCount('SELECT COUNT(*) AS `_count$_all` FROM (SELECT 1) AS `sub`')).toBe(true);
    expect(isCount('SELECT `id` FROM `Customer`')).toBe(false);
    expect(isPlainRead('SELECT 1', true)).toBe(true);
    expect(isPlainRead('INSERT INTO t VALUES (1) RETURNING x', false)).toBe(false);
    // SQLite calls transaction control read-only: it is not a plain read here.
    expect(isPlainRead('ROLLBACK', true)).toBe(false);
    expect(isPlainRead('PRAGMA data_version', true)).toBe(false);
  });
});

describe('counts through the prepared statements of the connection', () => {
  function counted() {
    const sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE t (x INTEGER)');
    const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
    let reads = 0;
    const prepare = preparedOnce(
      (sql) => {
        const statement = sqlite.prepare(sql);
        const raw = statement.raw.bind(statement);
        return Object.assign(statement, { raw: (on: boolean) => (reads++, raw(on)) }) as never;
      },
      countCache(() => dataVersion.get()),
    );
    const count = () => prepare('SELECT COUNT(*) FROM t').bind([]).raw().all();
    return { sqlite, prepare, count, reads: () => reads };
  }

  test('read again after an insert, after one with RETURNING and after a rollback; not otherwise', () => {
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
});
