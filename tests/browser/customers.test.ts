// An account manager's customer through the browser: edit it, add a contact
// and an interaction, open an order and see its total.
import { go, loginPage, openFromMenu, startBrowserRig, BrowserRig } from '../support/browser';
import { createStaff } from '../support/builders/users';
import { createCustomer, createOrder } from '../support/builders/customers';

jest.setTimeout(120_000);

let rig: BrowserRig;
let customerId: number;
beforeAll(async () => {
  rig = await startBrowserRig();
  const staff = await createStaff(rig.t.db);
  const customer = await createCustomer(rig.t.db, { name: '天津海河物流有限公司', accountManagerId: staff.sales.id });
  customerId = customer.id;
  await createOrder(rig.t.db, {
    customerId: customer.id,
    date: new Date('2026-10-08T10:00:00Z'),
    number: 'DD20261008001',
    status: 6,
    lines: [
      { productName: '激光打印机', quantity: 3, price: '1999.00' },
      { productName: '硒鼓', quantity: 10, price: '88.50' },
    ],
  });
}, 60000);
afterAll(() => rig?.close());

test('edit the customer, add a contact and an interaction, open an order with its total', async () => {
  const page = await loginPage(rig, 'sales1');
  const main = await openFromMenu(page, '客户信息管理');
  const row = main.locator('tr', { hasText: '天津海河物流有限公司' });
  await go(main, () => row.getByRole('link', { name: '查看' }).click());

  await go(main, () => main.getByRole('link', { name: '编辑' }).click());
  await main.getByLabel('地区').selectOption('华北');
  await main.getByLabel('客户等级').selectOption('大客户');
  await main.getByLabel('客户满意度').selectOption('4');
  await main.getByLabel('地址').fill('天津市河西区友谊路 18 号');
  await go(main, () => main.getByRole('button', { name: '保存' }).click());
  expect(await main.textContent('.message-success')).toContain('保存成功');
  const saved = await rig.t.db.customer.findUniqueOrThrow({ where: { id: customerId } });
  expect([saved.region, saved.level, saved.satisfaction, saved.address]).toEqual(['华北', '大客户', 4, '天津市河西区友谊路 18 号']);

  await main.goto(`${rig.baseUrl}/customers/${customerId}/contacts`);
  await go(main, () => main.getByRole('link', { name: '新建联系人' }).click());
  await main.getByLabel('姓名').fill('孙丽');
  await main.getByLabel('性别').selectOption('女');
  await main.getByLabel('职位').fill('采购经理');
  await main.getByLabel('办公电话').fill('022-23456789');
  await go(main, () => main.getByRole('button', { name: '保存' }).click());
  expect(await main.textContent('.message-success')).toContain('保存成功');
  expect(await main.locator('table.list').textContent()).toContain('孙丽');

  await go(main, () => main.getByRole('link', { name: '交往记录', exact: true }).click());
  await go(main, () => main.getByRole('link', { name: /新建/ }).click());
  await main.getByLabel('时间').fill('2026-11-2');
  await main.getByLabel('地点').fill('客户公司会议室');
  await main.getByLabel('概要').fill('年度合作回顾');
  await go(main, () => main.getByRole('button', { name: '保存' }).click());
  expect(await main.locator('table.list').textContent()).toContain('年度合作回顾');

  await go(main, () => main.getByRole('link', { name: '历史订单', exact: true }).click());
  await go(main, () => main.getByRole('link', { name: 'DD20261008001' }).click());
  const order = await main.textContent('body');
  expect(order).toContain('激光打印机');
  expect(order).toContain('硒鼓');
  expect(await main.textContent('.order-total')).toBe('6,882.00');
});
