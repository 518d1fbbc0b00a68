// Reads of reference data kept while the tables they read are unchanged
// (src/db/kept-reads.ts): read once, read again after any change of those
// tables, by this process or another, and shared frozen.
import Database from 'better-sqlite3';
import { keptPage, keptRead } from '../../src/db/kept-reads';
import { sqliteFile, type Db } from '../../src/db/client';
import { dictionaryItems } from '../../src/shared/dictionary';
import { freshDb, plainClient } from '../support/db';
import { login, startTestApp, TestApp } from '../support/app';
import { createCustomer } from '../support/builders/customers';
import { createStaff } from '../support/builders/users';

describe('keptRead', () => {
  let db: Db;
  let url: string;
  beforeAll(() => ({ db, url } = freshDb()));
  afterAll(() => db.$disconnect());

  test('read once while its tables are unchanged; again after a write to one of them, by this client or another connection; not after a write elsewhere', async () => {
    // A first statement connects: what was kept before counts for nothing.
    await db.user.count();
    let reads = 0;
    const regions = () => keptRead(db, ['DictionaryEntry'], 'test:regions', async () => (reads++, await db.dictionaryEntry.count({ where: { type: '地区' } }), [reads]));
    expect(await regions()).toEqual([1]);
    expect(await regions()).toEqual([1]);
    await db.auditEntry.create({ data: { action: 'create', entity: 'Other', entityId: '1' } });
    expect(await regions()).toEqual([1]);
    await db.dictionaryEntry.create({ data: { type: '地区', item: '新区', value: '新区' } });
    expect(await regions()).toEqual([2]);
    const other = new Database(sqliteFile(url));
    try {
      other.prepare("UPDATE DictionaryEntry SET sortOrder = sortOrder + 1 WHERE item = '新区'").run();
    } finally {
      other.close();
    }
    expect(await regions()).toEqual([3]);
    expect(await regions()).toEqual([3]);
  });

  test('the kept value is frozen: one caller cannot change it for the others', async () => {
    const items = await dictionaryItems(db, '地区');
    expect(Object.isFrozen(items)).toBe(true);
    expect(() => (items as string[]).push('x')).toThrow(/not extensible/);
  });

  test('a client without kept reads (as on SQL Server) reads every time, a reference read or a page', async () => {
    const plain = plainClient(url);
    try {
      let reads = 0;
      const read = () => keptRead(plain, ['DictionaryEntry'], 'test:plain', async () => [++reads]);
      await read();
      await read();
      expect(reads).toBe(2);
      let pageReads = 0;
      const page = () => keptPage(plain, ['Opportunity'], 'test:plain', 1, async () => ({ reads: ++pageReads }));
      await page();
      await page();
      expect(pageReads).toBe(2);
    } finally {
      await plain.$disconnect();
    }
  });
});

describe('kept reads in the pages', () => {
  let t: TestApp;
  beforeAll(() => {
    t = startTestApp();
  });
  afterAll(() => t.close());

  test('a 地区 added at 数据字典 shows in the customer search and form at once, after both were shown', async () => {
    const staff = await createStaff(t.db);
    const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id });
    const admin = await login(t.app, 'admin');
    const manager = await login(t.app, 'manager');
    for (const page of ['/customers', `/customers/${customer.id}/edit`]) expect((await manager.get(page)).text).not.toContain('>保税区<');
    const res = await admin.post('/dictionary/new', { type: '地区', item: '保税区', value: '保税区', editable: 'yes', sortOrder: 9 });
    expect(res.status).toBe(302);
    for (const page of ['/customers', `/customers/${customer.id}/edit`]) expect((await manager.get(page)).text).toContain('>保税区<');
  });
});
