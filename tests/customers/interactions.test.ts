// 交往记录: the list (newest first), add, edit (时间, 地点, 概要 can never be
// emptied), delete after 确认删除? — and the refusals, with the database checked.
import { login, startTestApp, TestApp } from '../support/app';
import { auditEntries, createCustomer, createInteraction } from '../support/builders/customers';
import { customerStaff, expectChangesRefusedWithoutToken, follow } from './support';

let t: TestApp;
let staff: Awaited<ReturnType<typeof customerStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await customerStaff(t);
});
afterAll(() => t.close());

const form = (more: Record<string, string> = {}) => ({
  date: '2011-7-1',
  place: '客户公司会议室',
  summary: '洽谈年度采购合同',
  detail: '客户希望分两批交货\n第二批在九月',
  remark: '需尽快报价',
  ...more,
});
const base = (id: number) => `/customers/${id}/interactions`;
const interactionsOf = (customerId: number) => t.db.interaction.findMany({ where: { customerId }, orderBy: { id: 'asc' } });

test('the list shows the interactions newest first, with their fields', async () => {
  const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id });
  await createInteraction(t.db, { customerId: customer.id, date: '2011-03-01', summary: '较早的拜访' });
  await createInteraction(t.db, { customerId: customer.id, date: '2011-09-15', summary: '最近的拜访', place: '北京饭店' });
  const res = await (await login(t.app, 'boss')).get(base(customer.id));
  expect(res.status).toBe(200);
  expect(res.text).toContain('2011-09-15');
  expect(res.text).toContain('北京饭店');
  expect(res.text.indexOf('最近的拜访')).toBeLessThan(res.text.indexOf('较早的拜访'));
  expect(res.text).not.toContain('新建交往记录');
});

test('the account manager adds one: the date as entered (2011-7-1), every field, 保存成功, audit', async () => {
  const session = await login(t.app, 'sales1');
  const page = await session.get(`${base(staff.mine.id)}/new`);
  for (const name of ['date', 'place', 'summary', 'detail', 'remark']) expect(page.text).toContain(`<label for="f-${name}"`);
  const res = await session.post(`${base(staff.mine.id)}/new`, form());
  expect(res.headers.location).toBe(base(staff.mine.id));
  const list = await follow(session, res);
  expect(list).toContain('保存成功');
  expect(list).toContain('2011-07-01');
  const [interaction] = await interactionsOf(staff.mine.id);
  expect(interaction).toMatchObject({ place: '客户公司会议室', summary: '洽谈年度采购合同', detail: '客户希望分两批交货\n第二批在九月', remark: '需尽快报价' });
  expect(interaction.date.toISOString()).toBe('2011-07-01T00:00:00.000Z');
  expect((await auditEntries(t.db, 'Interaction', interaction.id)).map((a) => a.action)).toEqual(['create']);
});

test('editing shows the record with its date, saves the change and writes the audit', async () => {
  const interaction = await createInteraction(t.db, { customerId: staff.mine.id, date: '2012-02-29', summary: '旧概要' });
  const session = await login(t.app, 'sales1');
  const page = await session.get(`${base(staff.mine.id)}/${interaction.id}/edit`);
  expect(page.text).toContain('value="2012-02-29"');
  expect(page.text).toContain('value="旧概要"');
  const res = await session.post(`${base(staff.mine.id)}/${interaction.id}/edit`, form({ date: '2012-03-01', summary: '新概要', detail: '' }));
  expect(await follow(session, res)).toContain('保存成功');
  const now = await t.db.interaction.findUniqueOrThrow({ where: { id: interaction.id } });
  expect(now).toMatchObject({ summary: '新概要', detail: null });
  expect(now.date.toISOString()).toBe('2012-03-01T00:00:00.000Z');
  expect((await auditEntries(t.db, 'Interaction', interaction.id)).map((a) => a.action)).toEqual(['update']);
});

test('an edit can never empty 时间, 地点 or 概要; a date that does not exist is refused', async () => {
  const interaction = await createInteraction(t.db, { customerId: staff.mine.id });
  const session = await login(t.app, 'sales1');
  const url = `${base(staff.mine.id)}/${interaction.id}/edit`;
  const cases: [Record<string, string>, string][] = [
    [{ date: '', place: '', summary: '' }, '必填信息不完全：时间、地点、概要'],
    [{ summary: ' ' }, '必填信息不完全：概要'],
    [{ date: '2011-02-30' }, '时间格式应为 2011-7-1 或 2011-07-01'],
    [{ date: '昨天' }, '时间格式应为 2011-7-1 或 2011-07-01'],
    [{ place: '地'.repeat(101) }, '地点不能超过 100 个字'],
  ];
  for (const [change, message] of cases) {
    const res = await session.post(url, form(change));
    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(res.text).toContain(`value="${form(change).summary}"`);
  }
  expect(await t.db.interaction.findUniqueOrThrow({ where: { id: interaction.id } })).toEqual(interaction);
});

test('a new interaction with missing fields saves nothing', async () => {
  const session = await login(t.app, 'sales1');
  const before = await t.db.interaction.count();
  const res = await session.post(`${base(staff.mine.id)}/new`, { detail: '只有详细信息' });
  expect(res.status).toBe(422);
  expect(res.text).toContain('必填信息不完全：时间、地点、概要');
  expect(res.text).toContain('只有详细信息');
  expect(await t.db.interaction.count()).toBe(before);
});

test('deleting after 确认删除?', async () => {
  const interaction = await createInteraction(t.db, { customerId: staff.mine.id, summary: '要删除的记录' });
  const session = await login(t.app, 'sales1');
  const confirm = await session.get(`${base(staff.mine.id)}/${interaction.id}/delete`);
  expect(confirm.text).toContain('确认删除?');
  expect(confirm.text).toContain('要删除的记录');
  const res = await session.post(`${base(staff.mine.id)}/${interaction.id}/delete`);
  expect(await follow(session, res)).toContain('删除成功');
  expect(await t.db.interaction.count({ where: { id: interaction.id } })).toBe(0);
  expect((await auditEntries(t.db, 'Interaction', interaction.id)).map((a) => a.action)).toEqual(['delete']);
});

describe('refusals', () => {
  test('not the customer’s account manager, or the executive: 403, nothing changed', async () => {
    const interaction = await createInteraction(t.db, { customerId: staff.theirs.id });
    for (const username of ['sales1', 'boss']) {
      const session = await login(t.app, username);
      expect((await session.post(`${base(staff.theirs.id)}/new`, form())).status).toBe(403);
      expect((await session.post(`${base(staff.theirs.id)}/${interaction.id}/edit`, form())).status).toBe(403);
      expect((await session.post(`${base(staff.theirs.id)}/${interaction.id}/delete`)).status).toBe(403);
    }
    expect(await interactionsOf(staff.theirs.id)).toEqual([interaction]);
  });

  test('an 已流失 customer: read-only, with the reason', async () => {
    const interaction = await createInteraction(t.db, { customerId: staff.churned.id });
    const session = await login(t.app, 'manager');
    const res = await session.post(`${base(staff.churned.id)}/${interaction.id}/edit`, form());
    expect(res.headers.location).toBe(base(staff.churned.id));
    expect(await follow(session, res)).toContain('只能查看，不能修改');
    const added = await session.post(`${base(staff.churned.id)}/new`, form());
    expect(await follow(session, added)).toContain('只能查看，不能修改');
    expect(await interactionsOf(staff.churned.id)).toEqual([interaction]);
  });

  test('a missing CSRF token: 403, nothing saved', async () => {
    const session = await login(t.app, 'sales1');
    const before = await t.db.interaction.count();
    const res = await session.agent.post(`${base(staff.mine.id)}/new`).type('form').send(form());
    expect(res.status).toBe(403);
    expect(await t.db.interaction.count()).toBe(before);
  });

  test('editing or deleting with a bad or missing CSRF token: 403, nothing changes', async () => {
    const interaction = await createInteraction(t.db, { customerId: staff.mine.id, summary: '防伪记录' });
    const session = await login(t.app, 'sales1');
    await expectChangesRefusedWithoutToken(session, `${base(staff.mine.id)}/${interaction.id}`, form({ summary: '被篡改' }));
    expect(await t.db.interaction.findUnique({ where: { id: interaction.id } })).toMatchObject({ summary: '防伪记录' });
  });
});
