// 联系人: the list, add, edit (required fields stay required), delete after
// 确认删除? — and every refusal, with the database checked after each.
import { login, startTestApp, TestApp } from '../support/app';
import { auditEntries, createContact, createCustomer } from '../support/builders/customers';
import { customerStaff, expectChangesRefusedWithoutToken, follow } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof customerStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await customerStaff(t);
});
afterAll(() => t.close());

const form = (more: Record<string, string> = {}) => ({
  name: '王芳',
  gender: '女',
  title: '采购部经理',
  officePhone: '010-82345678',
  mobile: '13900001111',
  remark: '周一至周五 9:00–17:00',
  ...more,
});
const contactsOf = (customerId: number) => t.db.contact.findMany({ where: { customerId }, orderBy: { id: 'asc' } });
const base = (id: number) => `/customers/${id}/contacts`;

describe('the list', () => {
  test('every user who may see the customer sees its contacts; the buttons only those who may change them', async () => {
    const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id });
    const contact = await createContact(t.db, { customerId: customer.id, name: '刘强', title: '总经理', mobile: '13800000000' });
    const own = (await (await login(t.app, 'sales1')).get(base(customer.id))).text;
    for (const text of ['刘强', '总经理', '13800000000', contact.officePhone, '新建联系人']) expect(own).toContain(text);
    expect(own).toContain(`href="${base(customer.id)}/${contact.id}/edit"`);
    expect(own).toContain(`href="${base(customer.id)}/${contact.id}/delete"`);
    for (const username of ['sales2', 'boss']) {
      const res = await (await login(t.app, username)).get(base(customer.id));
      expect(res.status).toBe(200);
      expect(res.text).toContain('刘强');
      expect(res.text).not.toContain('新建联系人');
      expect(res.text).not.toContain('/edit"');
    }
    expect((await (await login(t.app, 'admin')).get(base(customer.id))).status).toBe(403);
  });
});

describe('add, edit, delete', () => {
  test('the account manager adds a contact: every field saved, 保存成功 on the list, audit written', async () => {
    const session = await login(t.app, 'sales1');
    const page = await session.get(`${base(staff.mine.id)}/new`);
    for (const name of ['name', 'gender', 'title', 'officePhone', 'mobile', 'remark']) expect(page.text).toContain(`<label for="f-${name}"`);
    const res = await session.post(`${base(staff.mine.id)}/new`, form());
    expect(res.headers.location).toBe(base(staff.mine.id));
    expect(await follow(session, res)).toContain('保存成功');
    const [contact] = await contactsOf(staff.mine.id);
    expect(contact).toMatchObject({ ...form(), customerId: staff.mine.id });
    const audit = await auditEntries(t.db, 'Contact', contact.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'create', userId: staff.sales.id })]);
  });

  test('editing shows the contact, saves the change, and blanks optional fields', async () => {
    const contact = await createContact(t.db, { customerId: staff.mine.id, name: '赵六', mobile: '13700000000' });
    const session = await login(t.app, 'sales1');
    const page = await session.get(`${base(staff.mine.id)}/${contact.id}/edit`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="赵六"');
    expect(page.text).toContain('<option value="男" selected>男</option>');
    const res = await session.post(`${base(staff.mine.id)}/${contact.id}/edit`, form({ name: '赵六六', mobile: '' }));
    expect(await follow(session, res)).toContain('保存成功');
    const now = await t.db.contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(now).toMatchObject({ name: '赵六六', gender: '女', mobile: null, customerId: staff.mine.id });
    const audit = await auditEntries(t.db, 'Contact', contact.id);
    expect(audit.map((a) => a.action)).toEqual(['update']);
    expect(JSON.parse(audit[0].before!).name).toBe('赵六');
  });

  test('deleting asks 确认删除? first, then deletes with 删除成功', async () => {
    const contact = await createContact(t.db, { customerId: staff.mine.id, name: '要删除的人' });
    const session = await login(t.app, 'sales1');
    const confirm = await session.get(`${base(staff.mine.id)}/${contact.id}/delete`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('确认删除?');
    expect(confirm.text).toContain('要删除的人');
    expect(confirm.text).toContain(`action="${base(staff.mine.id)}/${contact.id}/delete"`);
    expect(await t.db.contact.count({ where: { id: contact.id } })).toBe(1);
    const res = await session.post(`${base(staff.mine.id)}/${contact.id}/delete`);
    expect(await follow(session, res)).toContain('删除成功');
    expect(await t.db.contact.count({ where: { id: contact.id } })).toBe(0);
    expect((await auditEntries(t.db, 'Contact', contact.id)).map((a) => a.action)).toEqual(['delete']);
  });

  test('the manager changes the contacts of any customer', async () => {
    const session = await login(t.app, 'manager');
    const res = await session.post(`${base(staff.theirs.id)}/new`, form({ name: '主管添加的联系人' }));
    expect(res.status).toBe(302);
    expect((await contactsOf(staff.theirs.id)).map((c) => c.name)).toContain('主管添加的联系人');
  });
});

describe('bad input: 422, the message, the entered values, nothing saved', () => {
  test('a new contact without the starred fields names each missing one', async () => {
    const session = await login(t.app, 'sales1');
    const before = await t.db.contact.count();
    const res = await session.post(`${base(staff.mine.id)}/new`, { name: '', gender: '', title: ' ', officePhone: '', mobile: '13511112222' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('必填信息不完全：姓名、性别、职位、办公电话');
    expect(res.text).toContain('value="13511112222"');
    expect(await t.db.contact.count()).toBe(before);
  });

  test('an edit can never empty a required field; a bad gender or an overlong name is refused', async () => {
    const contact = await createContact(t.db, { customerId: staff.mine.id, name: '必填测试' });
    const session = await login(t.app, 'sales1');
    const url = `${base(staff.mine.id)}/${contact.id}/edit`;
    const cases: [Record<string, string>, string][] = [
      [{ officePhone: '' }, '必填信息不完全：办公电话'],
      [{ name: '' }, '必填信息不完全：姓名'],
      [{ gender: '其他' }, '请选择有效的性别'],
      [{ name: '名'.repeat(51) }, '姓名不能超过 50 个字'],
      [{ remark: '备'.repeat(501) }, '备注不能超过 500 个字'],
    ];
    for (const [change, message] of cases) {
      const res = await session.post(url, form(change));
      expect(res.status).toBe(422);
      expect(res.text).toContain(message);
    }
    expect(await t.db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toEqual(contact);
  });
});

describe('refusals', () => {
  test('another account manager’s customer: 403 for every change, nothing changed', async () => {
    const contact = await createContact(t.db, { customerId: staff.theirs.id, name: '别人的联系人' });
    const before = await contactsOf(staff.theirs.id);
    const session = await login(t.app, 'sales1');
    const url = base(staff.theirs.id);
    expect((await session.get(`${url}/new`)).status).toBe(403);
    expect((await session.post(`${url}/new`, form())).status).toBe(403);
    expect((await session.get(`${url}/${contact.id}/edit`)).status).toBe(403);
    expect((await session.post(`${url}/${contact.id}/edit`, form())).status).toBe(403);
    expect((await session.get(`${url}/${contact.id}/delete`)).status).toBe(403);
    expect((await session.post(`${url}/${contact.id}/delete`)).status).toBe(403);
    expect(await contactsOf(staff.theirs.id)).toEqual(before);
  });

  test('the executive may only look: 403', async () => {
    const contact = await createContact(t.db, { customerId: staff.mine.id });
    const session = await login(t.app, 'boss');
    expect((await session.post(`${base(staff.mine.id)}/new`, form())).status).toBe(403);
    expect((await session.post(`${base(staff.mine.id)}/${contact.id}/delete`)).status).toBe(403);
    expect(await t.db.contact.count({ where: { id: contact.id } })).toBe(1);
  });

  test('an 已流失 customer’s contacts are read-only: back to the list with the reason, nothing changed', async () => {
    const contact = await createContact(t.db, { customerId: staff.churned.id, name: '流失客户的联系人' });
    const session = await login(t.app, 'sales1');
    const url = base(staff.churned.id);
    const list = await session.get(url);
    expect(list.text).toContain('流失客户的联系人');
    expect(list.text).not.toContain('新建联系人');
    const attempts = [
      () => session.get(`${url}/new`),
      () => session.post(`${url}/new`, form()),
      () => session.get(`${url}/${contact.id}/edit`),
      () => session.post(`${url}/${contact.id}/edit`, form()),
      () => session.get(`${url}/${contact.id}/delete`),
      () => session.post(`${url}/${contact.id}/delete`),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.headers.location).toBe(url);
      expect(await follow(session, res)).toContain('该客户当前状态为「已流失」，只能查看，不能修改');
    }
    expect(await contactsOf(staff.churned.id)).toEqual([contact]);
  });

  test('a contact of another customer, or none at all, is not found through this customer', async () => {
    const contact = await createContact(t.db, { customerId: staff.theirs.id });
    const session = await login(t.app, 'manager');
    expect((await session.get(`${base(staff.mine.id)}/${contact.id}/edit`)).status).toBe(404);
    expect((await session.post(`${base(staff.mine.id)}/${contact.id}/edit`, form())).status).toBe(404);
    expect((await session.post(`${base(staff.mine.id)}/${contact.id}/delete`)).status).toBe(404);
    expect((await session.get(`${base(staff.mine.id)}/999999/edit`)).status).toBe(404);
    expect((await session.get(`${base(999999)}`)).status).toBe(404);
    expect(await t.db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toEqual(contact);
  });

  test('a bad CSRF token: 403, nothing saved', async () => {
    const session = await login(t.app, 'sales1');
    const before = await t.db.contact.count();
    const res = await session.agent.post(`${base(staff.mine.id)}/new`).type('form').send({ ...form(), _csrf: 'forged' });
    expect(res.status).toBe(403);
    expect(await t.db.contact.count()).toBe(before);
  });

  test('editing or deleting with a bad or missing CSRF token: 403, nothing changes', async () => {
    const contact = await createContact(t.db, { customerId: staff.mine.id, name: '防伪联系人' });
    const session = await login(t.app, 'sales1');
    await expectChangesRefusedWithoutToken(session, `${base(staff.mine.id)}/${contact.id}`, form({ name: '被篡改' }));
    expect(await t.db.contact.findUnique({ where: { id: contact.id } })).toMatchObject({ name: '防伪联系人' });
  });
});
