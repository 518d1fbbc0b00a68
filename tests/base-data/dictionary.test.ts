// 数据字典: the list by 类别, add, edit, delete — non-editable entries and
// entries in use refused, with the database checked after each; every select
// reading the dictionary in its order.
import { follow, login, LoggedIn, TestApp } from '../support/app';
import { startStaffedAppAsAdmin, Staff } from '../support/staffed-app';
import { auditEntries, createCustomer } from '../support/builders/customers';
import { createServiceTicket } from '../support/builders/service';

let t: TestApp;
let staff: Staff;
let admin: LoggedIn;
beforeAll(async () => ({ t, staff, admin } = await startStaffedAppAsAdmin()));
afterAll(() => t.close());

const entry = (type: string, item: string) => t.db.dictionaryEntry.findUniqueOrThrow({ where: { type_item: { type, item } } });
const form = (more: Record<string, string | number> = {}) => ({ type: '付款方式', item: '现金', value: 'cash', editable: 'yes', sortOrder: 1, ...more });

describe('the list', () => {
  test('entries by 类别 and order, filtered by 类别, paged; non-editable ones without edit or delete', async () => {
    const page = (await admin.get('/dictionary?type=企业客户等级')).text;
    const levels = ['普通客户', '重点开发客户', '大客户', '合作伙伴', '战略合作伙伴'];
    const positions = levels.map((item) => page.indexOf(`<td>${item}</td>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).not.toContain('<td>北京</td>');
    const level = await entry('企业客户等级', '大客户');
    expect(page).not.toContain(`/dictionary/${level.id}/edit`);
    const regions = (await admin.get('/dictionary?type=地区')).text;
    const beijing = await entry('地区', '北京');
    expect(regions).toContain(`href="/dictionary/${beijing.id}/edit"`);
    expect(regions).toContain(`href="/dictionary/${beijing.id}/delete"`);
    const all = (await admin.get('/dictionary')).text;
    expect(all).toContain('共 15 条，第 1/2 页');
    expect((await admin.get('/dictionary?page=2')).text).toContain('第 2/2 页');
  });

  test('everyone but the administrator gets 403 on every dictionary route', async () => {
    const beijing = await entry('地区', '北京');
    for (const username of ['manager', 'sales1', 'boss']) {
      const session = await login(t.app, username);
      for (const url of ['/dictionary', '/dictionary/new', `/dictionary/${beijing.id}/edit`, `/dictionary/${beijing.id}/delete`]) {
        expect([url, (await session.get(url)).status]).toEqual([url, 403]);
      }
      expect((await session.post('/dictionary/new', form())).status).toBe(403);
      expect((await session.post(`/dictionary/${beijing.id}/delete`)).status).toBe(403);
    }
    expect(await t.db.dictionaryEntry.count({ where: { type: '付款方式' } })).toBe(0);
    expect(await entry('地区', '北京')).toBeTruthy();
  });
});

describe('add, edit, delete', () => {
  test('adding an entry: every field saved, 保存成功, audit written; a new entry of 地区 shows in the customer form in its order', async () => {
    const page = (await admin.get('/dictionary/new')).text;
    for (const name of ['type', 'item', 'value', 'editable', 'sortOrder']) expect(page).toContain(`<label for="f-${name}"`);
    const res = await admin.post('/dictionary/new', form({ type: '地区', item: '港澳台', value: '港澳台地区', sortOrder: 0 }));
    expect(res.headers.location).toBe('/dictionary');
    expect(await follow(admin, res)).toContain('保存成功');
    const added = await entry('地区', '港澳台');
    expect(added).toMatchObject({ value: '港澳台地区', editable: true, sortOrder: 0 });
    expect(await auditEntries(t.db, 'DictionaryEntry', added.id)).toEqual([expect.objectContaining({ action: 'create', userId: staff.admin.id })]);
    const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id });
    const edit = (await (await login(t.app, 'sales1')).get(`/customers/${customer.id}/edit`)).text;
    expect(edit.indexOf('>港澳台<')).toBeGreaterThan(0);
    expect(edit.indexOf('>港澳台<')).toBeLessThan(edit.indexOf('>北京<'));
  });

  test('missing fields are named, a duplicate 条目 of a 类别 refused, a bad order refused: nothing saved', async () => {
    const before = await t.db.dictionaryEntry.count();
    const missing = await admin.post('/dictionary/new', { editable: 'yes', sortOrder: '' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('必填信息不完全：类别、条目、值<');
    const duplicate = await admin.post('/dictionary/new', form({ type: '地区', item: '北京' }));
    expect(duplicate.status).toBe(422);
    expect(duplicate.text).toContain('类别「地区」中已有条目「北京」');
    const badOrder = await admin.post('/dictionary/new', form({ sortOrder: '-1' }));
    expect(badOrder.text).toContain('顺序必须是 0–9999 的整数');
    expect(await t.db.dictionaryEntry.count()).toBe(before);
  });

  test('an entry without an order comes after the others of its 类别', async () => {
    await admin.post('/dictionary/new', form({ type: '地区', item: '东南亚', value: '东南亚', sortOrder: '' }));
    const regions = await t.db.dictionaryEntry.findMany({ where: { type: '地区' }, orderBy: { sortOrder: 'desc' } });
    expect(regions[0].item).toBe('东南亚');
    expect(regions[0].sortOrder).toBe(regions[1].sortOrder + 1);
    await admin.post('/dictionary/new', form({ type: '新类别', item: '甲', value: '甲', sortOrder: '' }));
    expect((await entry('新类别', '甲')).sortOrder).toBe(1);
  });

  test('editing an unused entry changes every field; deleting it after 确认删除? removes it; both audited', async () => {
    const created = await t.db.dictionaryEntry.create({ data: { type: '地区', item: '海外', value: '海外', sortOrder: 20 } });
    const page = (await admin.get(`/dictionary/${created.id}/edit`)).text;
    expect(page).toContain('value="海外"');
    const res = await admin.post(`/dictionary/${created.id}/edit`, form({ type: '地区', item: '境外', value: '境外地区', sortOrder: 21 }));
    expect(await follow(admin, res)).toContain('保存成功');
    expect(await t.db.dictionaryEntry.findUnique({ where: { id: created.id } })).toMatchObject({ item: '境外', value: '境外地区', sortOrder: 21 });
    const confirm = (await admin.get(`/dictionary/${created.id}/delete`)).text;
    expect(confirm).toContain('确认删除?');
    expect(confirm).toContain('境外');
    expect(await follow(admin, await admin.post(`/dictionary/${created.id}/delete`))).toContain('删除成功');
    expect(await t.db.dictionaryEntry.findUnique({ where: { id: created.id } })).toBeNull();
    const audit = await auditEntries(t.db, 'DictionaryEntry', created.id);
    expect(audit.map((a) => a.action)).toEqual(['update', 'delete']);
  });

  test('a non-editable entry: no edit page, and forged edit and delete POSTs get 403 and change nothing', async () => {
    const level = await entry('企业客户等级', '大客户');
    expect((await admin.get(`/dictionary/${level.id}/edit`)).status).toBe(403);
    expect((await admin.get(`/dictionary/${level.id}/delete`)).status).toBe(403);
    const edit = await admin.post(`/dictionary/${level.id}/edit`, form({ type: '企业客户等级', item: '超大客户' }));
    expect(edit.status).toBe(403);
    expect(edit.text).toContain('不可修改');
    expect((await admin.post(`/dictionary/${level.id}/delete`)).status).toBe(403);
    expect(await entry('企业客户等级', '大客户')).toEqual(level);
    expect(await auditEntries(t.db, 'DictionaryEntry', level.id)).toEqual([]);
  });

  test('an entry in use is not deleted and keeps its 条目 and 值, the message says where it is used; its order may change', async () => {
    const region = await t.db.dictionaryEntry.create({ data: { type: '地区', item: '西南', value: '西南', sortOrder: 30 } });
    for (let i = 0; i < 12; i += 1) await createCustomer(t.db, { region: '西南' });
    expect((await admin.get(`/dictionary/${region.id}/edit`)).text).toContain('已有 12 个客户使用该地区：只能修改顺序和是否可编辑');
    const deleted = await admin.post(`/dictionary/${region.id}/delete`);
    expect(await follow(admin, deleted)).toContain('已有 12 个客户使用该地区，不能删除');
    const renamed = await admin.post(`/dictionary/${region.id}/edit`, form({ type: '地区', item: '大西南', value: '西南', sortOrder: 30 }));
    expect(await follow(admin, renamed)).toContain('已有 12 个客户使用该地区，不能修改其类别、条目或值');
    const revalued = await admin.post(`/dictionary/${region.id}/edit`, form({ type: '地区', item: '西南', value: 'SW', sortOrder: 30 }));
    expect(await follow(admin, revalued)).toContain('不能修改其类别、条目或值');
    expect(await t.db.dictionaryEntry.findUnique({ where: { id: region.id } })).toEqual(region);
    const reordered = await admin.post(`/dictionary/${region.id}/edit`, form({ type: '地区', item: '西南', value: '西南', sortOrder: 2 }));
    expect(await follow(admin, reordered)).toContain('保存成功');
    expect((await t.db.dictionaryEntry.findUnique({ where: { id: region.id } }))?.sortOrder).toBe(2);
  });

  test('a service type in use by tickets is not deleted: the message counts the tickets', async () => {
    const type = await t.db.dictionaryEntry.create({ data: { type: '服务类型', item: '维修', value: '维修', sortOrder: 9 } });
    const customer = await createCustomer(t.db);
    for (let i = 0; i < 3; i += 1) await createServiceTicket(t.db, { customerId: customer.id, createdById: staff.manager.id, type: '维修' });
    expect(await follow(admin, await admin.post(`/dictionary/${type.id}/delete`))).toContain('已有 3 张服务单使用该服务类型，不能删除');
    expect(await t.db.dictionaryEntry.findUnique({ where: { id: type.id } })).not.toBeNull();
  });

  test('a customer level in use is named too', async () => {
    const level = await t.db.dictionaryEntry.create({ data: { type: '企业客户等级', item: '潜在客户', value: '潜在客户', sortOrder: 9 } });
    await createCustomer(t.db, { level: '潜在客户' });
    expect(await follow(admin, await admin.post(`/dictionary/${level.id}/delete`))).toContain('已有 1 个客户使用该客户等级');
  });

  test('without a valid CSRF token nothing is added, changed or deleted', async () => {
    const created = await t.db.dictionaryEntry.create({ data: { type: '付款方式', item: '支票', value: '支票' } });
    for (const token of [{ _csrf: 'forged' }, {}]) {
      expect((await admin.agent.post('/dictionary/new').type('form').send({ ...form(), ...token })).status).toBe(403);
      expect((await admin.agent.post(`/dictionary/${created.id}/edit`).type('form').send({ ...form(), ...token })).status).toBe(403);
      expect((await admin.agent.post(`/dictionary/${created.id}/delete`).type('form').send(token)).status).toBe(403);
    }
    expect(await t.db.dictionaryEntry.findMany({ where: { type: '付款方式' } })).toEqual([created]);
  });
});

describe('every select reads the dictionary in its order', () => {
  test('region and level (customer form and search) and service type (create form, archive search)', async () => {
    await t.db.dictionaryEntry.updateMany({ where: { type: '服务类型', item: '投诉' }, data: { sortOrder: -1 } });
    await t.db.dictionaryEntry.updateMany({ where: { type: '企业客户等级', item: '战略合作伙伴' }, data: { sortOrder: -1 } });
    await t.db.dictionaryEntry.updateMany({ where: { type: '地区', item: '西部' }, data: { sortOrder: -1 } });
    const before = (html: string, first: string, second: string) => {
      const a = html.indexOf(`>${first}</option>`);
      const b = html.indexOf(`>${second}</option>`);
      expect([first, a > 0, a < b]).toEqual([first, true, true]);
    };
    const manager = await login(t.app, 'manager');
    const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id });
    for (const url of ['/customers', `/customers/${customer.id}/edit`]) {
      const html = (await manager.get(url)).text;
      before(html, '西部', '北京');
      before(html, '战略合作伙伴', '普通客户');
    }
    for (const url of ['/service/new', '/service/archive']) before((await manager.get(url)).text, '投诉', '咨询');
  });
});
