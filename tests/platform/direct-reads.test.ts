// Plain-SQL reads answered by the embedded database's connection without
// Prisma's pipeline (src/db/direct-reads.ts): the same rows as Prisma's
// $queryRaw but as SQLite holds them, counts kept and renewed like Prisma's,
// writes refused, and Prisma's $queryRaw wherever there is no such connection.
import { sqltag as sql } from '@prisma/client/runtime/client';
import type { Db } from '../../src/db/client';
import { directRows } from '../../src/db/direct-reads';
import { freshDb, plainClient } from '../support/db';
import { createUser } from '../support/builders/users';

let db: Db;
let url: string;
beforeAll(() => ({ db, url } = freshDb()));
afterAll(() => db.$disconnect());

const userRow = (id: number) => sql`SELECT u.[id] AS id, u.[name] AS name, u.[createdAt] AS createdAt FROM [User] u WHERE u.[id] = ${id}`;

test('the rows Prisma gives, as SQLite holds them: integers as numbers, a DateTime as its text', async () => {
  const user = await createUser(db, { name: '李明' });
  const [direct] = await directRows<{ id: number; name: string; createdAt: string }>(db, userRow(user.id));
  expect(direct).toEqual({ id: user.id, name: '李明', createdAt: expect.any(String) });
  expect(new Date(direct.createdAt).getTime()).toBe(user.createdAt.getTime());
  const [viaPrisma] = await db.$queryRaw<{ id: number; name: string; createdAt: Date }[]>(userRow(user.id));
  expect({ ...viaPrisma, createdAt: viaPrisma.createdAt.getTime() }).toEqual({ ...direct, createdAt: user.createdAt.getTime() });
});

test('a Date argument compares as Prisma writes it', async () => {
  const user = await createUser(db);
  const at = (shift: number) => new Date(user.createdAt.getTime() + shift);
  const between = (from: Date, to: Date) => directRows<{ id: number }>(db, sql`SELECT u.[id] AS id FROM [User] u WHERE u.[id] = ${user.id} AND u.[createdAt] >= ${from} AND u.[createdAt] < ${to}`);
  expect(await between(at(0), at(1))).toEqual([{ id: user.id }]);
  expect(await between(at(1), at(2))).toEqual([]);
});

test('a count is kept until its table changes, by this client or another connection', async () => {
  const count = async () => Number((await directRows<{ n: number }>(db, sql`SELECT COUNT(*) AS n FROM [User] u WHERE u.[status] = ${'disabled'}`))[0].n);
  const before = await count();
  expect(await count()).toBe(before);
  await createUser(db, { status: 'disabled' });
  expect(await count()).toBe(before + 1);
  const other = plainClient(url);
  try {
    await other.user.updateMany({ where: { status: 'disabled' }, data: { status: 'normal' } });
  } finally {
    await other.$disconnect();
  }
  expect(await count()).toBe(0);
});

test('a statement that writes is refused and changes nothing', async () => {
  const user = await createUser(db, { name: '原名' });
  await expect(directRows(db, sql`UPDATE [User] SET [name] = ${'改名'} WHERE [id] = ${user.id}`)).rejects.toThrow(/只读/);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('原名');
});

test('in a transaction the transaction’s own writes are seen (it runs on the same connection)', async () => {
  await db.$transaction(async (tx) => {
    const user = await createUser(tx as Db, { name: '事务中' });
    expect(await directRows(tx, userRow(user.id))).toEqual([{ id: user.id, name: '事务中', createdAt: expect.any(String) }]);
  });
});

test('without a connection of its own (a plain client, as on SQL Server; or once disconnected) it is Prisma’s $queryRaw', async () => {
  const user = await createUser(db, { name: '王五' });
  const plain = plainClient(url);
  try {
    expect(await directRows(plain, userRow(user.id))).toEqual([{ id: user.id, name: '王五', createdAt: user.createdAt }]);
  } finally {
    await plain.$disconnect();
  }
  await db.$disconnect();
  expect(await directRows(db, userRow(user.id))).toEqual([{ id: user.id, name: '王五', createdAt: user.createdAt }]);
  expect(await directRows(db, userRow(user.id))).toEqual([{ id: user.id, name: '王五', createdAt: expect.any(String) }]);
});
