// A sales opportunity from creation to a new customer, through the browser.
import { go, loginPage, openFromMenu, startBrowserRigWithStaff, BrowserRig } from '../support/browser';

jest.setTimeout(120_000);

let rig: BrowserRig;
beforeAll(async () => (rig = await startBrowserRigWithStaff()), 60000);
afterAll(() => rig?.close());

test('create, assign, plan two items, record results, 开发成功: the customer exists', async () => {
  const sales = await loginPage(rig, 'sales1');
  let main = await openFromMenu(sales, '销售机会管理');
  await go(main, () => main.getByRole('link', { name: '新建销售机会' }).click());
  await main.getByLabel('机会来源').fill('展会');
  await main.getByLabel('客户名称').fill('南京紫金电子有限公司');
  await main.getByLabel('成功几率').fill('70');
  await main.getByLabel('概要').fill('采购二十台服务器');
  await main.getByLabel('联系人', { exact: true }).fill('周经理');
  await main.getByLabel('联系电话').fill('025-88886666');
  await main.getByLabel('机会描述').fill('客户新建机房，计划年底前采购。');
  await go(main, () => main.getByRole('button', { name: '保存' }).click());
  expect(await main.textContent('.message-success')).toContain('保存成功');

  const manager = await loginPage(rig, 'manager');
  const list = await openFromMenu(manager, '销售机会管理');
  const row = list.locator('tr', { hasText: '南京紫金电子有限公司' });
  expect(await row.textContent()).toContain('未分配');
  await go(list, () => row.getByRole('link', { name: '指派' }).click());
  await list.getByLabel('指派给').selectOption({ label: '李明（sales1）' });
  await go(list, () => list.getByRole('button', { name: '指派' }).click());
  expect(await list.textContent('.message-success')).toContain('指派成功');
  await manager.context().close();

  main = await openFromMenu(sales, '客户开发计划');
  const planRow = main.locator('tr', { hasText: '南京紫金电子有限公司' });
  await go(main, () => planRow.getByRole('link', { name: '制定计划' }).click());
  for (const [date, content] of [
    ['2026-12-1', '电话联系周经理，了解机房规划'],
    ['2026-12-08', '上门演示服务器方案'],
  ]) {
    await main.getByLabel('日期').fill(date);
    await main.locator('#f-content').fill(content);
    await go(main, () => main.getByRole('button', { name: '添加' }).click());
  }
  const items = await main.locator('table.plan-items').textContent();
  expect(items).toContain('2026-12-01');
  expect(items).toContain('2026-12-08');

  await go(main, () => main.getByRole('link', { name: '执行计划' }).click());
  await main.getByLabel('执行效果（2026-12-01）').fill('已确认需求：二十台');
  await go(main, () => main.locator('form', { has: main.getByLabel('执行效果（2026-12-01）') }).getByRole('button', { name: '保存' }).click());
  await main.getByLabel('执行效果（2026-12-08）').fill('演示顺利，客户同意采购');
  await go(main, () => main.locator('form', { has: main.getByLabel('执行效果（2026-12-08）') }).getByRole('button', { name: '保存' }).click());
  expect(await main.locator('table.plan-items').textContent()).toContain('已确认需求：二十台');

  await go(main, () => main.getByRole('button', { name: '开发成功' }).click());
  expect(await main.textContent('.message-success')).toContain('操作成功');

  main = await openFromMenu(sales, '客户信息管理');
  const customers = await main.textContent('body');
  expect(customers).toContain('南京紫金电子有限公司');
  const customer = await rig.t.db.customer.findFirstOrThrow({
    where: { name: '南京紫金电子有限公司' },
    include: { contacts: true, accountManager: true },
  });
  expect(customer.accountManager?.username).toBe('sales1');
  expect(customer.contacts.map((c) => [c.name, c.officePhone])).toEqual([['周经理', '025-88886666']]);
});
