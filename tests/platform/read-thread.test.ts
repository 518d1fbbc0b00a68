// Long reads of the embedded database on a thread of their own: the same rows
// and value formats as through Prisma, the event loop free meanwhile, errors as
// rejections, and a new connection after the file was replaced (a restore).
import fs from 'fs';
import { sqltag as sql } from '@prisma/client/runtime/client';
import { swappableDatabase } from '../../src/db/handle';
import { readThread } from '../../src/db/read-thread';
import { createDb, sqliteFile, type Db } from '../../src/db/client';
import { freshDb } from '../support/db';
import { createCustomer, createOrder } from '../support/builders/customers';

let db: Db;
let url: string;
beforeEach(() => {
  ({ db, url } = freshDb());
});
afterEach(() => db.$disconnect());

test('reads what the application wrote, comparing dates as Prisma stores them', async () => {
  const customer = await createCustomer(db, { name: '读取线程客户' });
  await createOrder(db, { customerId: customer.id, date: new Date(2026, 2, 1, 9), lines: [{ productName: '服务器', quantity: 1, price: '10.00' }] });
  const thread = readThread(sqliteFile(url));
  try {
    const rows = await thread.read<{ name: string; orders: number }>(sql`
      SELECT c.[name] AS name, COUNT(o.[id]) AS orders FROM [Customer] c JOIN [Order] o ON o.[customerId] = c.[id]
       WHERE o.[date] >= ${new Date(2026, 2, 1)} AND o.[date] < ${new Date(2026, 2, 2)} GROUP BY c.[name]`);
    expect(rows).toEqual([{ name: '读取线程客户', orders: 1 }]);
    expect(await thread.read(sql`SELECT COUNT(*) AS n FROM [Order] WHERE [date] >= ${new Date(2026, 2, 1, 9, 0, 1)}`)).toEqual([{ n: 0 }]);
  } finally {
    await thread.close();
  }
});

test('the event loop goes on while a long statement runs on the thread', async () => {
  const thread = readThread(sqliteFile(url));
  try {
    const ticks: string[] = [];
    const timer = setInterval(() => ticks.push('tick'), 5);
    const counted = thread.read<{ n: number }>(sql`
      WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${3_000_000}) SELECT COUNT(*) AS n FROM k`);
    const [{ n }] = await counted;
    clearInterval(timer);
    expect(n).toBe(3_000_000);
    // Run on the main thread, the statement would have let no timer fire until it ended.
    expect(ticks.length).toBeGreaterThan(2);
  } finally {
    await thread.close();
  }
});

test('a bad statement is a rejection, and the thread goes on serving', async () => {
  const thread = readThread(sqliteFile(url));
  try {
    await expect(thread.read(sql`SELECT * FROM [NoSuchTable]`)).rejects.toThrow('no such table');
    expect(await thread.read(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  } finally {
    await thread.close();
  }
});

test('after a replacement of the file the handle reads the new one', async () => {
  const other = freshDb();
  await createCustomer(other.db, { name: '换过的数据库' });
  await other.db.$disconnect();
  const handle = swappableDatabase(db, url, () => createDb(url));
  const names = () => handle.longRead<{ name: string }>(sql`SELECT [name] AS name FROM [Customer] WHERE [name] = '换过的数据库'`);
  expect(await names()).toEqual([]);
  await handle.replace(async () => {
    for (const suffix of ['-wal', '-shm']) fs.rmSync(sqliteFile(url) + suffix, { force: true });
    fs.copyFileSync(sqliteFile(other.url), sqliteFile(url));
  });
  expect(await names()).toEqual([{ name: '换过的数据库' }]);
  db = handle.db;
});

test('a value that cannot be sent to the thread is a rejection, with nothing left waiting', async () => {
  const thread = readThread(sqliteFile(url));
  try {
    await expect(thread.read(sql`SELECT ${Symbol('not sendable')} AS v`)).rejects.toThrow();
    expect(await thread.read(sql`SELECT 2 AS two`)).toEqual([{ two: 2 }]);
  } finally {
    await thread.close();
  }
});

test('closing the thread fails the statements it had, not those of the thread after it', async () => {
  const thread = readThread(sqliteFile(url));
  try {
    const long = thread.read(sql`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${50_000_000}) SELECT COUNT(*) AS n FROM k`);
    const closed = thread.close();
    const next = thread.read<{ three: number }>(sql`SELECT 3 AS three`);
    await closed;
    await expect(long).rejects.toThrow('读取线程已停止');
    expect(await next).toEqual([{ three: 3 }]);
  } finally {
    await thread.close();
  }
});
