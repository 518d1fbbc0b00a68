// 客户信息管理: the list (own customers first for an account manager, search,
// paging, row links) and a customer's detail page — and who may see them.
import { login, startTestApp, TestApp } from '../support/app';
import { createCustomer } from '../support/builders/customers';
import { createUser } from '../support/builders/users';
import { customerStaff } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof customerStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await customerStaff(t);
});
afterAll(() => t.close());

const has = (html: string, name: string) => html.includes(`<td>${name}</td>`);

describe('who sees which customers', () => {
  test('an account manager opens the list with their own customers; 全部客户 shows every one, also on later pages', async () => {
    const session = await login(t.app, 'sales1');
    const own = await session.get('/customers');
    expect(own.status).toBe(200);
    expect(has(own.text, staff.mine.name)).toBe(true);
    expect(has(own.text, staff.churned.name)).toBe(true);
    expect(has(own.text, staff.theirs.name)).toBe(false);
    expect(own.text).toMatch(new RegExp(`<option value="${staff.sales.id}" selected>李明</option>`));
    expect(own.text).toContain('>我的客户</a>');

    const all = await session.get('/customers?accountManagerId=');
    expect(has(all.text, staff.mine.name)).toBe(true);
    expect(has(all.text, staff.theirs.name)).toBe(true);
    const secondPage = await session.get('/customers?page=1');
    expect(has(secondPage.text, staff.theirs.name)).toBe(true);
  });

  test('the manager and the executive see every customer from the start; the administrator none', async () => {
    for (const username of ['manager', 'boss']) {
      const res = await (await login(t.app, username)).get('/customers');
      expect(res.status).toBe(200);
      expect(has(res.text, staff.mine.name) && has(res.text, staff.theirs.name)).toBe(true);
      expect(res.text).not.toContain('>我的客户</a>');
    }
    const admin = await login(t.app, 'admin');
    expect((await admin.get('/customers')).status).toBe(403);
    expect((await admin.get(`/customers/${staff.mine.id}`)).status).toBe(403);
  });

  test('编辑 shows only on normal customers the user may change', async () => {
    const sales = await (await login(t.app, 'sales1')).get('/customers?accountManagerId=');
    expect(sales.text).toContain(`href="/customers/${staff.mine.id}/edit"`);
    expect(sales.text).not.toContain(`href="/customers/${staff.theirs.id}/edit"`);
    expect(sales.text).not.toContain(`href="/customers/${staff.churned.id}/edit"`);
    const manager = await (await login(t.app, 'manager')).get('/customers');
    expect(manager.text).toContain(`href="/customers/${staff.theirs.id}/edit"`);
    expect(manager.text).not.toContain(`href="/customers/${staff.churned.id}/edit"`);
    const executive = await (await login(t.app, 'boss')).get('/customers');
    expect(executive.text).not.toContain('/edit"');
  });
});

describe('search and paging', () => {
  test('by number, name, region, 客户经理, level and status, each field labelled', async () => {
    const session = await login(t.app, 'manager');
    const form = (await session.get('/customers')).text;
    for (const name of ['number', 'name', 'region', 'accountManagerId', 'level', 'status']) {
      expect(form).toContain(`<label for="s-${name}"`);
    }
    expect(form).toContain('<option value="华南">华南</option>');
    expect(form).toContain('<option value="战略合作伙伴">战略合作伙伴</option>');

    const search = async (query: string) => (await session.get(`/customers?${query}`)).text;
    const byNumber = await search(`number=${staff.theirs.number}`);
    expect(has(byNumber, staff.theirs.name) && !has(byNumber, staff.mine.name)).toBe(true);
    const byName = await search(`name=${encodeURIComponent('远航')}`);
    expect(has(byName, staff.mine.name) && !has(byName, staff.theirs.name)).toBe(true);
    const byRegion = await search(`region=${encodeURIComponent('华东')}`);
    expect(has(byRegion, staff.theirs.name) && !has(byRegion, staff.mine.name)).toBe(true);
    const byManager = await search(`accountManagerId=${staff.otherSales.id}`);
    expect(has(byManager, staff.theirs.name) && !has(byManager, staff.mine.name)).toBe(true);
    const byLevel = await search(`level=${encodeURIComponent('大客户')}`);
    expect(has(byLevel, staff.mine.name) && !has(byLevel, staff.theirs.name)).toBe(true);
    const churned = await search('status=churned');
    expect(has(churned, staff.churned.name) && !has(churned, staff.mine.name)).toBe(true);
    expect(await search(`name=${encodeURIComponent('没有这个客户')}`)).toContain('没有符合条件的客户');
  });

  test('a search longer than the column is refused with a message', async () => {
    const res = await (await login(t.app, 'manager')).get(`/customers?name=${'长'.repeat(101)}`);
    expect(res.status).toBe(422);
    expect(res.text).toContain('客户名称不能超过 100 个字');
  });

  test('ten a page, newest first, the search kept across pages', async () => {
    const manager = await createUser(t.db, { role: 'sales', username: 'pager', name: '分页经理' });
    const base = Date.UTC(2031, 0, 1);
    for (let i = 1; i <= 12; i += 1) {
      await createCustomer(t.db, { name: `分页客户${String(i).padStart(2, '0')}`, accountManagerId: manager.id, createdAt: new Date(base + i * 60_000) });
    }
    const session = await login(t.app, 'pager');
    const first = (await session.get('/customers')).text;
    expect(first).toContain('共 12 条，第 1/2 页');
    const order = ['分页客户12', '分页客户11', '分页客户03'].map((n) => first.indexOf(`<td>${n}</td>`));
    expect(order[0]).toBeGreaterThan(0);
    expect(order[1]).toBeGreaterThan(order[0]);
    expect(order[2]).toBeGreaterThan(order[1]);
    expect(first).toContain(`href="?accountManagerId=${manager.id}&amp;page=2"`);
    const second = (await session.get(`/customers?accountManagerId=${manager.id}&page=2`)).text;
    expect(second).toContain('第 2/2 页');
    expect(has(second, '分页客户01') && has(second, '分页客户02')).toBe(true);
    expect(has(second, '分页客户03')).toBe(false);
  });
});

describe('a customer’s detail', () => {
  test('shows every field of the spec and links to its contacts, interactions and orders', async () => {
    const full = await createCustomer(t.db, {
      name: '杭州全字段科技有限公司',
      accountManagerId: staff.sales.id,
      region: '华东',
      level: '合作伙伴',
      satisfaction: 4,
      credit: 5,
      more: {
        address: '杭州市西湖区文三路 1 号',
        postcode: '310012',
        phone: '0571-88880000',
        fax: '0571-88880001',
        website: 'www.example.cn',
        licenceNumber: '330100000012345',
        legalPerson: '钱江',
        registeredCapital: '500.50',
        annualTurnover: '12345678.90',
        bank: '工商银行杭州分行',
        bankAccount: '1202020000000001',
        localTaxNumber: 'DS330100001',
        nationalTaxNumber: 'GS330100001',
      },
    });
    const res = await (await login(t.app, 'boss')).get(`/customers/${full.id}`);
    expect(res.status).toBe(200);
    for (const text of [
      full.number, '杭州全字段科技有限公司', '华东', '李明', '合作伙伴', '<dd>4</dd>', '<dd>5</dd>', '杭州市西湖区文三路 1 号', '310012',
      '0571-88880000', '0571-88880001', 'www.example.cn', '330100000012345', '钱江', '500.50', '12,345,678.90',
      '工商银行杭州分行', '1202020000000001', 'DS330100001', 'GS330100001', '正常',
    ]) {
      expect(res.text).toContain(text);
    }
    for (const label of ['客户编号', '地区', '客户经理', '客户等级', '客户满意度', '客户信用度', '营业执照注册号', '法人', '注册资金（万元）', '年营业额', '开户银行', '银行帐号', '地税登记号', '国税登记号', '状态']) {
      expect(res.text).toContain(`<dt>${label}</dt>`);
    }
    for (const page of ['contacts', 'interactions', 'orders']) expect(res.text).toContain(`href="/customers/${full.id}/${page}"`);
    expect(res.text).not.toContain(`/customers/${full.id}/edit`);
  });

  test('编辑 is offered to its account manager, not for an 已流失 customer; unknown customers are 404', async () => {
    const session = await login(t.app, 'sales1');
    expect((await session.get(`/customers/${staff.mine.id}`)).text).toContain(`href="/customers/${staff.mine.id}/edit"`);
    const churned = await session.get(`/customers/${staff.churned.id}`);
    expect(churned.text).not.toContain('/edit"');
    expect(churned.text).toContain('已流失的客户只能查看');
    expect((await session.get(`/customers/${staff.theirs.id}`)).text).not.toContain('/edit"');
    expect((await session.get('/customers/999999')).status).toBe(404);
    expect((await session.get('/customers/abc')).status).toBe(404);
  });
});
