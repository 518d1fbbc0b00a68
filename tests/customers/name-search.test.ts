// Searching customers by part of their name through the name's pieces (名称片段):
// the pieces kept with every name written (开发成功, 编辑, demo data), filled in
// for customers written without them, and the list and 服务创建's choice finding
// exactly what comparing every name found — in the same order, with the same count.
import { customerNamed, fillMissingNamePieces, namePieces, nameSearch, RARE_PIECE, searchPieces } from '../../src/customers/name-pieces';
import { databaseKindOf } from '../../src/db/client';
import { raw, sql } from '../../src/db/sql-lists';
import { COUNT_LIMIT } from '../../src/shared/paging';
import { loadDemoData } from '../../src/demo/demo-data';
import { login, startTestApp, TestApp } from '../support/app';
import { createCustomer, createManyCustomers } from '../support/builders/customers';
import { createOpportunity, createPlanItem } from '../support/builders/marketing';
import { createServiceTicket } from '../support/builders/service';
import { createWarning } from '../support/builders/churn';
import { createStaff } from '../support/builders/users';
import { freshDb } from '../support/db';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await createStaff(t.db);
});
afterAll(() => t.close());

const listed = (html: string) => [...html.matchAll(/<td>([^<]*有限公司[^<]*)<\/td>/g)].map((m) => m[1]);
const piecesOf = async (customerId: number) =>
  (await t.db.customerNamePiece.findMany({ where: { customerId }, orderBy: { piece: 'asc' } })).map((p) => p.piece);

describe('the pieces of a name', () => {
  test('each character and every two characters in a row, once each, letters in lower case', () => {
    expect(namePieces('泰和ABc泰和')).toEqual(['泰', '和', 'a', 'b', 'c', '泰和', '和a', 'ab', 'bc', 'c泰']);
    expect(namePieces('泰')).toEqual(['泰']);
    expect(namePieces('')).toEqual([]);
    // Characters, not UTF-16 units: a character outside the BMP stays whole.
    expect(namePieces('𠀋和')).toEqual(['𠀋', '和', '𠀋和']);
  });

  test('a search is read through its pairs of characters, or a single character through itself', () => {
    expect(searchPieces('泰和泰和')).toEqual(['泰和', '和泰']);
    expect(searchPieces('泰')).toEqual(['泰']);
    expect(searchPieces('A')).toEqual(['a']);
    expect(searchPieces('𠀋')).toEqual(['𠀋']);
  });

  test('one character is a whole search; a search holding LIKE wildcards compares names as before', async () => {
    expect(await nameSearch(t.db, '泰')).toMatchObject({ piece: '泰', whole: true });
    expect(await nameSearch(t.db, '泰泰泰')).toMatchObject({ piece: '泰泰', whole: false });
    expect(await nameSearch(t.db, '泰_和')).toBeNull();
    expect(await nameSearch(t.db, '100%')).toBeNull();
  });
});

describe('kept with every name written', () => {
  test('开发成功 writes the new customer’s pieces in its transaction: the list finds it at once', async () => {
    const o = await createOpportunity(t.db, { createdById: staff.manager.id, status: 'assigned', assigneeId: staff.sales.id, customerName: '青岛瀚海贸易有限公司' });
    await createPlanItem(t.db, { opportunityId: o.id, content: '拜访', result: '成交' });
    const session = await login(t.app, 'sales1');
    expect((await session.post(`/plans/${o.id}/succeed`)).status).toBe(302);
    const customer = await t.db.customer.findFirstOrThrow({ where: { name: '青岛瀚海贸易有限公司' } });
    expect(await piecesOf(customer.id)).toEqual(expect.arrayContaining(['瀚海', '海贸', '青岛']));
    expect(listed((await session.get(`/customers?name=${encodeURIComponent('瀚海')}`)).text)).toEqual(['青岛瀚海贸易有限公司']);
  });

  test('编辑 with a new name: found by the new name, no longer by the old; the same name keeps its pieces', async () => {
    const customer = await createCustomer(t.db, { name: '旧名称甲乙有限公司', accountManagerId: staff.sales.id });
    const session = await login(t.app, 'sales1');
    const save = (name: string) => session.post(`/customers/${customer.id}/edit`, { name, region: '', level: '', satisfaction: '', credit: '' });
    expect((await save('新名称丙丁有限公司')).status).toBe(302);
    expect(listed((await session.get(`/customers?name=${encodeURIComponent('丙丁')}`)).text)).toEqual(['新名称丙丁有限公司']);
    expect(listed((await session.get(`/customers?name=${encodeURIComponent('甲乙')}`)).text)).toEqual([]);
    expect(await piecesOf(customer.id)).not.toContain('甲乙');
    const before = await piecesOf(customer.id);
    expect((await save('新名称丙丁有限公司')).status).toBe(302);
    expect(await piecesOf(customer.id)).toEqual(before);
  });

  test('a refused edit changes neither the name nor its pieces', async () => {
    const theirs = await createCustomer(t.db, { name: '别人家戊己有限公司', accountManagerId: staff.otherSales.id });
    const session = await login(t.app, 'sales1');
    const res = await session.post(`/customers/${theirs.id}/edit`, { name: '抢来的庚辛有限公司' });
    expect(res.status).toBe(403);
    expect(await piecesOf(theirs.id)).toContain('戊己');
    expect(await piecesOf(theirs.id)).not.toContain('庚辛');
  });

  test('customers written without pieces are found once they are filled in (as at every start), and only then', async () => {
    await t.db.customer.createMany({ data: [{ number: 'KHFILL00001', name: '补建壬癸有限公司' }, { number: 'KHFILL00002', name: '子' }] });
    const session = await login(t.app, 'manager');
    const search = () => session.get(`/customers?name=${encodeURIComponent('壬癸')}`).then((res) => listed(res.text));
    expect(await search()).toEqual([]);
    expect(await fillMissingNamePieces(t.db)).toBe(2);
    expect(await search()).toEqual(['补建壬癸有限公司']);
    expect(listed((await session.get(`/customers?name=${encodeURIComponent('壬')}`)).text)).toEqual(['补建壬癸有限公司']);
    expect(await fillMissingNamePieces(t.db)).toBe(0);
  });

  test('customers whose pieces were written before pieces of one character were kept get them at the next start', async () => {
    const customer = await createCustomer(t.db, { name: '旧版片段卯辰有限公司' });
    await t.db.$executeRaw`DELETE FROM CustomerNamePiece WHERE customerId = ${customer.id} AND length(piece) = 1`;
    const session = await login(t.app, 'manager');
    const search = (text: string) => session.get(`/customers?name=${encodeURIComponent(text)}`).then((res) => listed(res.text));
    expect(await search('卯')).toEqual([]);
    expect(await search('卯辰')).toEqual(['旧版片段卯辰有限公司']);
    expect(await fillMissingNamePieces(t.db)).toBe(1);
    expect(await search('卯')).toEqual(['旧版片段卯辰有限公司']);
    expect(await piecesOf(customer.id)).toEqual([...namePieces('旧版片段卯辰有限公司')].sort());
    expect(await fillMissingNamePieces(t.db)).toBe(0);
  });
});

describe('searching through the pieces finds what comparing names found', () => {
  beforeAll(async () => {
    // 12 names with 寰宇 (rare piece), two regions, one churned; in creation order.
    for (let i = 0; i < 12; i++) {
      await createCustomer(t.db, {
        name: `${i % 2 ? '杭州' : '苏州'}寰宇${i < 6 ? '科技' : '电子'}有限公司${String(i).padStart(2, '0')}`,
        region: i % 2 ? '华东' : '华北',
        status: i === 3 ? 'churned' : 'normal',
        accountManagerId: staff.sales.id,
        createdAt: new Date(Date.UTC(2025, 0, 1 + i)),
      });
    }
  });

  test('the list: newest first, 共 N 条 and the second page, by two characters, by three, in lower case', async () => {
    const session = await login(t.app, 'manager');
    const first = (await session.get(`/customers?name=${encodeURIComponent('寰宇')}`)).text;
    expect(first).toContain('共 12 条');
    expect(listed(first)).toEqual(Array.from({ length: 10 }, (_, k) => 11 - k).map((i) => `${i % 2 ? '杭州' : '苏州'}寰宇${i < 6 ? '科技' : '电子'}有限公司${String(i).padStart(2, '0')}`));
    const second = (await session.get(`/customers?name=${encodeURIComponent('寰宇')}&page=2`)).text;
    expect(listed(second)).toEqual(['杭州寰宇科技有限公司01', '苏州寰宇科技有限公司00']);

    const three = (await session.get(`/customers?name=${encodeURIComponent('寰宇科')}`)).text;
    expect(three).toContain('共 6 条');
    // Pieces in a row, not merely present: 州寰 and 宇电 are both in 杭州寰宇电子…, 州寰宇电 too, 州电 nowhere.
    expect((await session.get(`/customers?name=${encodeURIComponent('州寰宇电')}`)).text).toContain('共 6 条');
    expect(listed((await session.get(`/customers?name=${encodeURIComponent('寰电')}`)).text)).toEqual([]);
  });

  test('by one character: the same list, count and pages', async () => {
    const session = await login(t.app, 'manager');
    const two = (await session.get(`/customers?name=${encodeURIComponent('寰宇')}`)).text;
    const one = (await session.get(`/customers?name=${encodeURIComponent('宇')}`)).text;
    expect(one).toContain('共 12 条');
    expect(listed(one)).toEqual(listed(two));
    expect(listed((await session.get(`/customers?name=${encodeURIComponent('宇')}&page=2`)).text)).toEqual(['杭州寰宇科技有限公司01', '苏州寰宇科技有限公司00']);
    expect((await session.get(`/customers?name=${encodeURIComponent('科')}`)).text).toContain('共 6 条');
    expect(listed((await session.get(`/customers?name=${encodeURIComponent('宇')}&region=${encodeURIComponent('华东')}`)).text)).toHaveLength(6);
  });

  test('with the other conditions of the search: region and status', async () => {
    const session = await login(t.app, 'manager');
    const east = (await session.get(`/customers?name=${encodeURIComponent('寰宇')}&region=${encodeURIComponent('华东')}`)).text;
    expect(east).toContain('共 6 条');
    expect(listed(east).every((name) => name.startsWith('杭州'))).toBe(true);
    const churned = (await session.get(`/customers?name=${encodeURIComponent('寰宇')}&status=churned`)).text;
    expect(listed(churned)).toEqual(['杭州寰宇科技有限公司03']);
  });

  test('letters without case, as before', async () => {
    await createCustomer(t.db, { name: 'ACME寰球有限公司' });
    const session = await login(t.app, 'manager');
    expect(listed((await session.get('/customers?name=acme')).text)).toEqual(['ACME寰球有限公司']);
    expect(listed((await session.get('/customers?name=cMe')).text)).toEqual(['ACME寰球有限公司']);
  });

  test('服务创建’s choice: 正常 customers only, by name, with their count', async () => {
    const session = await login(t.app, 'sales1');
    const text = (await session.get(`/service/new?customerQuery=${encodeURIComponent('寰宇')}`)).text;
    const offered = [...text.matchAll(/>([^<>]*寰宇[^<>]*)（KH/g)].map((m) => m[1]);
    expect(offered).toHaveLength(11);
    expect(offered).not.toContain('杭州寰宇科技有限公司03');
    expect(offered).toEqual([...offered].sort((a, b) => (a < b ? -1 : 1)));
  });

  test('a piece more than RARE_PIECE names hold is counted through the pieces and paged along the list’s order', async () => {
    await createManyCustomers(
      t.db,
      Array.from({ length: RARE_PIECE + 3 }, (_, i) => ({ number: `KHMANY${String(i).padStart(5, '0')}`, name: `常见片段${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) })),
    );
    expect(await nameSearch(t.db, '常见')).toEqual({ piece: '常见', rare: false, whole: true, holders: RARE_PIECE + 3 });
    // The rarest piece of the search is the one read; its name is compared as well.
    expect(await nameSearch(t.db, `常见片段${RARE_PIECE + 2}`)).toMatchObject({ piece: '段2', rare: true, whole: false });
    const session = await login(t.app, 'manager');
    const page = (await session.get(`/customers?name=${encodeURIComponent('常见')}`)).text;
    expect(page).toContain(`共 ${RARE_PIECE + 3} 条`);
    expect(page).toContain(`<td>常见片段${RARE_PIECE + 2}</td>`);
    expect((await session.get(`/customers?name=${encodeURIComponent(`段${RARE_PIECE + 2}`)}`)).text).toContain('共 1 条');
  });
});

describe('churn warnings and tickets by their customer’s name', () => {
  const namesOf = async (text: string) => {
    const condition = await customerNamed(t.db, text, raw('t.[customerId]'));
    const rows = await t.db.$queryRaw<{ name: string }[]>(
      sql`SELECT c.[name] AS name FROM [Customer] c JOIN [ServiceTicket] t ON t.[customerId] = c.[id] WHERE ${condition} ORDER BY c.[name]`,
    );
    return rows.map((row) => row.name);
  };

  test('the customers holding the rarest piece, their names compared unless the piece is the whole search', async () => {
    for (const name of ['记录甲乙丙有限公司', '记录甲乙丁有限公司', '记录%乙_公司']) {
      const customer = await createCustomer(t.db, { name });
      await createServiceTicket(t.db, { customerId: customer.id, createdById: staff.manager.id });
    }
    expect((await customerNamed(t.db, '甲乙', raw('t.[customerId]'))).sql).toBe(
      't.[customerId] IN (SELECT p.[customerId] FROM [CustomerNamePiece] p WHERE p.[piece] = ?)',
    );
    expect(await namesOf('甲乙')).toEqual(['记录甲乙丁有限公司', '记录甲乙丙有限公司']);
    expect(await namesOf('甲乙丙')).toEqual(['记录甲乙丙有限公司']);
    expect(await namesOf('乙丁有')).toEqual(['记录甲乙丁有限公司']);
    expect(await namesOf('无此名称')).toEqual([]);
    // One character is a piece of its own; LIKE's wildcards (taken literally) compare every name.
    expect((await customerNamed(t.db, '丙', raw('t.[customerId]'))).sql).toBe(
      't.[customerId] IN (SELECT p.[customerId] FROM [CustomerNamePiece] p WHERE p.[piece] = ?)',
    );
    expect(await namesOf('丙')).toEqual(['记录甲乙丙有限公司']);
    expect(await namesOf('%乙_')).toEqual(['记录%乙_公司']);
    expect(await namesOf('_')).toEqual(['记录%乙_公司']);
  });

  test('which database a client or a transaction talks to decides how a list pages', async () => {
    expect(databaseKindOf(t.db)).toBe('sqlite');
    expect(await t.db.$transaction(async (tx) => databaseKindOf(tx))).toBe('sqlite');
  });

  test('many customers holding the piece: 客户流失管理 and 服务归档 find theirs', async () => {
    await createManyCustomers(
      t.db,
      Array.from({ length: 1200 }, (_, i) => ({ number: `KHQR${String(i).padStart(5, '0')}`, name: `千人同名${i}有限公司` })),
    );
    const many = await t.db.customer.findMany({ where: { name: { startsWith: '千人同名' } }, select: { id: true } });
    await t.db.churnWarning.createMany({ data: many.map(({ id }) => ({ customerId: id, status: 'warning' })) });
    const last = await t.db.customer.findFirstOrThrow({ where: { name: '千人同名1199有限公司' } });
    await createServiceTicket(t.db, { customerId: last.id, createdById: staff.manager.id, status: 'archived', assigneeId: staff.sales.id, summary: '千人中的归档服务' });
    const manager = await login(t.app, 'manager');
    const churn = (await manager.get(`/churn?customerName=${encodeURIComponent('千人')}`)).text;
    expect(churn).toContain('共 1200 条，第 1/120 页');
    expect(churn.match(/<td>千人同名\d+有限公司<\/td>/g)).toHaveLength(10);
    const archive = (await manager.get(`/service/archive?customerName=${encodeURIComponent('千人')}`)).text;
    expect(archive).toContain('千人中的归档服务');
    expect(archive).toContain('共 1 条');
  });

  test('a piece most names hold: each record’s customer checked, the name compared when the piece is not the whole search', async () => {
    await createManyCustomers(
      t.db,
      Array.from({ length: COUNT_LIMIT + 1 }, (_, i) => ({ number: `KHPB${String(i).padStart(6, '0')}`, name: `普遍的${i}号公司` })),
    );
    const [first, middle] = await Promise.all(['普遍的0号公司', '普遍的5000号公司'].map((name) => t.db.customer.findFirstOrThrow({ where: { name } })));
    await createServiceTicket(t.db, { customerId: first.id, createdById: staff.manager.id, status: 'archived', assigneeId: staff.sales.id, summary: '普遍中的第一' });
    await createServiceTicket(t.db, { customerId: middle.id, createdById: staff.manager.id, status: 'archived', assigneeId: staff.sales.id, summary: '普遍中的第二' });
    await createWarning(t.db, { customerId: middle.id });
    expect((await customerNamed(t.db, '普遍', raw('t.[customerId]'))).sql).toMatch(/^EXISTS \(SELECT 1 FROM \[CustomerNamePiece\] p/);
    expect((await customerNamed(t.db, '普遍的', raw('t.[customerId]'))).sql).toMatch(/^EXISTS \(SELECT 1 FROM \[Customer\] c/);
    const manager = await login(t.app, 'manager');
    for (const text of ['普遍', '普遍的']) {
      const archive = (await manager.get(`/service/archive?customerName=${encodeURIComponent(text)}`)).text;
      expect(archive).toContain('共 2 条');
      expect(archive).toContain('普遍中的第一');
      expect(archive).toContain('普遍中的第二');
      const churn = (await manager.get(`/churn?customerName=${encodeURIComponent(text)}`)).text;
      expect(churn).toContain('共 1 条');
      expect(churn).toContain('普遍的5000号公司');
    }
    expect((await manager.get(`/service/archive?customerName=${encodeURIComponent('普遍的5000')}`)).text).toContain('共 1 条');
  });
});

describe('demo data', () => {
  test('every demo customer is found by part of its name', async () => {
    const demo = freshDb();
    try {
      await loadDemoData(demo.db);
      const customers = await demo.db.customer.findMany({ select: { id: true, name: true } });
      expect(customers.length).toBeGreaterThan(10);
      expect(await demo.db.customer.count({ where: { namePieces: { none: {} } } })).toBe(0);
      expect(await fillMissingNamePieces(demo.db)).toBe(0);
    } finally {
      await demo.db.$disconnect();
    }
  });
});
