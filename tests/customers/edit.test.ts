// 编辑客户信息: the form, saving, every validation and every refusal — and
// that nothing changes when it is refused.
import request from 'supertest';
import { loadCurrentUser } from '../../src/auth/users';
import { editCustomer } from '../../src/customers/customers';
import { customerForm } from '../../src/customers/schemas';
import { parseForm } from '../../src/shared/form';
import { login, startTestApp, TestApp } from '../support/app';
import { auditEntries, createCustomer, customerNow } from '../support/builders/customers';
import { createUser } from '../support/builders/users';
import { customerStaff, follow } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof customerStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await customerStaff(t);
});
afterAll(() => t.close());

const form = (more: Record<string, string | number> = {}) => ({
  name: '北京远航科技股份有限公司',
  region: '华北',
  level: '战略合作伙伴',
  satisfaction: '4',
  credit: '5',
  address: '北京市海淀区中关村大街 1 号',
  postcode: '100080',
  phone: '010-62220000',
  fax: '010-62220001',
  website: 'www.yuanhang.cn',
  licenceNumber: '110108000012345',
  legalPerson: '张远航',
  registeredCapital: '1000.5',
  annualTurnover: '88000000.25',
  bank: '中国银行中关村支行',
  bankAccount: '3400000000001',
  localTaxNumber: 'DS110108001',
  nationalTaxNumber: 'GS110108001',
  ...more,
});

describe('the form', () => {
  test('offers regions and levels from the dictionary, grades 1–5, every field labelled and filled', async () => {
    const res = await (await login(t.app, 'sales1')).get(`/customers/${staff.mine.id}/edit`);
    expect(res.status).toBe(200);
    for (const region of ['北京', '华北', '中南', '东北', '西部', '华东', '华南']) expect(res.text).toContain(`<option value="${region}"`);
    for (const level of ['普通客户', '重点开发客户', '大客户', '合作伙伴', '战略合作伙伴']) expect(res.text).toContain(`<option value="${level}"`);
    expect(res.text).toContain('<option value="北京" selected>北京</option>');
    expect(res.text).toContain('<option value="大客户" selected>大客户</option>');
    for (const name of ['name', 'region', 'level', 'satisfaction', 'credit', 'address', 'registeredCapital', 'nationalTaxNumber']) {
      expect(res.text).toContain(`<label for="f-${name}"`);
    }
    expect(res.text).toContain(`value="${staff.mine.name}"`);
    // An account manager does not hand their customer to someone else.
    expect(res.text).not.toContain('<select id="f-accountManagerId"');
    expect(res.text).toContain('客户经理由销售主管指定');
  });

  test('the manager chooses the 客户经理 among normal sales and managers', async () => {
    await createUser(t.db, { role: 'sales', username: 'gone', name: '已离职经理', status: 'disabled' });
    const res = await (await login(t.app, 'manager')).get(`/customers/${staff.theirs.id}/edit`);
    expect(res.status).toBe(200);
    const select = /<select id="f-accountManagerId"[\s\S]*?<\/select>/.exec(res.text)?.[0] ?? '';
    expect(select).toContain(`<option value="${staff.otherSales.id}" selected>张伟</option>`);
    expect(select).toContain(`<option value="${staff.sales.id}">李明</option>`);
    expect(select).toContain(`<option value="${staff.manager.id}">王主管</option>`);
    expect(select).not.toContain('已离职经理');
    expect(select).not.toContain(`<option value="${staff.admin.id}"`);
    expect(select).not.toContain(`<option value="${staff.executive.id}"`);
  });
});

describe('saving', () => {
  test('the account manager saves every field: 保存成功, back to the list, audit written, 客户经理 kept', async () => {
    const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id, region: '北京' });
    const session = await login(t.app, 'sales1');
    const res = await session.post(`/customers/${customer.id}/edit`, form({ accountManagerId: staff.otherSales.id }));
    expect(res.headers.location).toBe('/customers');
    expect(await follow(session, res)).toContain('保存成功');
    const now = await customerNow(t.db, customer.id);
    expect(now).toMatchObject({
      number: customer.number,
      name: '北京远航科技股份有限公司',
      region: '华北',
      level: '战略合作伙伴',
      satisfaction: 4,
      credit: 5,
      postcode: '100080',
      website: 'www.yuanhang.cn',
      legalPerson: '张远航',
      status: 'normal',
      accountManagerId: staff.sales.id,
    });
    expect(now.registeredCapital?.toFixed(2)).toBe('1000.50');
    expect(now.annualTurnover?.toFixed(2)).toBe('88000000.25');
    const audit = await auditEntries(t.db, 'Customer', customer.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', userId: staff.sales.id });
    expect(JSON.parse(audit[0].before!).region).toBe('北京');
    expect(JSON.parse(audit[0].after!).region).toBe('华北');
  });

  test('blank optional fields are emptied', async () => {
    const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id, region: '北京', satisfaction: 3, more: { phone: '123' } });
    const session = await login(t.app, 'sales1');
    const res = await session.post(`/customers/${customer.id}/edit`, { name: '只剩名称的客户', region: '', satisfaction: '', phone: ' ' });
    expect(res.status).toBe(302);
    expect(await customerNow(t.db, customer.id)).toMatchObject({ name: '只剩名称的客户', region: null, satisfaction: null, phone: null });
  });

  test('the manager edits any customer and gives it another 客户经理', async () => {
    const customer = await createCustomer(t.db, { accountManagerId: staff.otherSales.id });
    const session = await login(t.app, 'manager');
    const res = await session.post(`/customers/${customer.id}/edit`, form({ accountManagerId: staff.sales.id }));
    expect(res.status).toBe(302);
    expect(await customerNow(t.db, customer.id)).toMatchObject({ accountManagerId: staff.sales.id, name: '北京远航科技股份有限公司' });
  });

  test('a disabled 客户经理 is kept when the manager saves without changing it', async () => {
    const gone = await createUser(t.db, { role: 'sales', name: '停用的经理', status: 'disabled' });
    const customer = await createCustomer(t.db, { accountManagerId: gone.id });
    const session = await login(t.app, 'manager');
    const page = await session.get(`/customers/${customer.id}/edit`);
    expect(page.text).toContain(`<option value="${gone.id}" selected>停用的经理（已禁用）</option>`);
    const res = await session.post(`/customers/${customer.id}/edit`, form({ accountManagerId: gone.id }));
    expect(res.status).toBe(302);
    expect((await customerNow(t.db, customer.id)).accountManagerId).toBe(gone.id);
  });
});

describe('bad input: 422, the message, the entered values, nothing saved', () => {
  const cases: [string, Record<string, string | number>, string][] = [
    ['missing name', { name: ' ' }, '必填信息不完全：客户名称'],
    ['name too long', { name: '长'.repeat(101) }, '客户名称不能超过 100 个字'],
    ['satisfaction out of range', { satisfaction: '6' }, '客户满意度必须是 1–5 的整数'],
    ['credit not a number', { credit: '好' }, '客户信用度必须是数字'],
    ['a region not in the dictionary', { region: '火星' }, '请选择有效的地区'],
    ['a level not in the dictionary', { level: '超级客户' }, '请选择有效的客户等级'],
    ['money with three decimals', { registeredCapital: '1.234' }, '注册资金必须是不超过两位小数的非负数'],
    ['negative money', { annualTurnover: '-5' }, '年营业额必须是不超过两位小数的非负数'],
    ['postcode too long', { postcode: '1'.repeat(21) }, '邮政编码不能超过 20 个字'],
  ];
  test.each(cases)('%s', async (_case, change, message) => {
    const session = await login(t.app, 'sales1');
    const before = await customerNow(t.db, staff.mine.id);
    const res = await session.post(`/customers/${staff.mine.id}/edit`, form({ ...change, phone: '保留输入的电话' }));
    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(res.text).toContain('value="保留输入的电话"');
    expect(await customerNow(t.db, staff.mine.id)).toEqual(before);
  });

  test('the manager may not give the customer to a disabled user, an administrator or an executive', async () => {
    const gone = await createUser(t.db, { role: 'sales', status: 'disabled' });
    const session = await login(t.app, 'manager');
    for (const id of [gone.id, staff.admin.id, staff.executive.id, 999999]) {
      const res = await session.post(`/customers/${staff.theirs.id}/edit`, form({ accountManagerId: id }));
      expect(res.status).toBe(422);
      expect(res.text).toContain('请选择有效的客户经理');
    }
    expect((await customerNow(t.db, staff.theirs.id)).accountManagerId).toBe(staff.otherSales.id);
  });
});

describe('refusals', () => {
  test('another account manager’s customer: 403 on the form and on saving, nothing changed', async () => {
    const session = await login(t.app, 'sales1');
    const before = await customerNow(t.db, staff.theirs.id);
    expect((await session.get(`/customers/${staff.theirs.id}/edit`)).status).toBe(403);
    const res = await session.post(`/customers/${staff.theirs.id}/edit`, form());
    expect(res.status).toBe(403);
    expect(res.text).toContain('只有该客户的客户经理或销售主管可以修改');
    expect(await customerNow(t.db, staff.theirs.id)).toEqual(before);
  });

  test('the executive and the administrator may not edit: 403', async () => {
    for (const username of ['boss', 'admin']) {
      const session = await login(t.app, username);
      expect((await session.get(`/customers/${staff.mine.id}/edit`)).status).toBe(403);
      expect((await session.post(`/customers/${staff.mine.id}/edit`, form())).status).toBe(403);
    }
    expect((await customerNow(t.db, staff.mine.id)).name).toBe(staff.mine.name);
  });

  test('an 已流失 customer is read-only: the form sends back with the reason, saving changes nothing', async () => {
    for (const username of ['sales1', 'manager']) {
      const session = await login(t.app, username);
      const page = await session.get(`/customers/${staff.churned.id}/edit`);
      expect(page.headers.location).toBe(`/customers/${staff.churned.id}`);
      expect(await follow(session, page)).toContain('该客户当前状态为「已流失」，只能查看，不能修改');
      const res = await session.post(`/customers/${staff.churned.id}/edit`, form());
      expect(await follow(session, res)).toContain('只能查看，不能修改');
    }
    expect(await customerNow(t.db, staff.churned.id)).toMatchObject({ name: staff.churned.name, region: null, status: 'churned' });
    expect(await auditEntries(t.db, 'Customer', staff.churned.id)).toEqual([]);
  });

  test('a bad or missing CSRF token: 403, nothing changed', async () => {
    const session = await login(t.app, 'sales1');
    const bad = await session.agent.post(`/customers/${staff.mine.id}/edit`).type('form').send({ ...form(), _csrf: 'wrong' });
    expect(bad.status).toBe(403);
    const none = await session.agent.post(`/customers/${staff.mine.id}/edit`).type('form').send(form());
    expect(none.status).toBe(403);
    expect((await customerNow(t.db, staff.mine.id)).name).toBe(staff.mine.name);
  });

  test('not logged in: sent to the login page', async () => {
    const res = await request(t.app).get(`/customers/${staff.mine.id}/edit`).set('Accept', 'text/html');
    expect(res.headers.location).toBe('/login');
  });

  test('the domain step itself refuses an 已流失 customer (a 确认流失 just before saving)', async () => {
    const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id, status: 'churned' });
    const actor = await loadCurrentUser(t.db, staff.sales.id);
    const input = parseForm(customerForm({ regions: [], levels: [], accountManagerIds: [] }), { name: '改名' });
    if (!actor || !input.ok) throw new Error('setup');
    await expect(t.db.$transaction((tx) => editCustomer(tx, customer.id, input.data, actor))).rejects.toThrow('已流失');
    expect((await customerNow(t.db, customer.id)).name).toBe(customer.name);
  });
});
