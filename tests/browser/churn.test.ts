// The churn workflow through the browser: the administrator runs the job, the
// account manager defers twice and confirms; the customer is then 已流失.
import type { Frame } from 'playwright-core';
import { loginPage, openFromMenu, startBrowserRig, BrowserRig } from '../support/browser';
import { createStaff } from '../support/builders/users';
import { createOrder, monthsAgo } from '../support/builders/churn';
import { createCustomer } from '../support/builders/customers';

jest.setTimeout(120_000);

let rig: BrowserRig;
let customerId: number;
beforeAll(async () => {
  rig = await startBrowserRig();
  const staff = await createStaff(rig.t.db);
  const customer = await createCustomer(rig.t.db, {
    name: '沈阳北方机床有限公司',
    accountManagerId: staff.sales.id,
    createdAt: monthsAgo(new Date(), 30),
  });
  customerId = customer.id;
  await createOrder(rig.t.db, customer.id, monthsAgo(new Date(), 8), 6);
}, 60000);
afterAll(() => rig?.close());

async function submit(main: Frame, button: string): Promise<void> {
  await Promise.all([main.waitForNavigation(), main.getByRole('button', { name: button, exact: true }).click()]);
}

test('run the job, defer with two measures, confirm with a reason: the customer is churned', async () => {
  const admin = await loginPage(rig, 'admin');
  const jobs = await openFromMenu(admin, '定时任务');
  await submit(jobs, '立即运行');
  expect(await jobs.textContent('.message-success')).toContain('1');
  await admin.context().close();

  const page = await loginPage(rig, 'sales1');
  const list = await openFromMenu(page, '客户流失管理');
  const row = list.locator('tr', { hasText: '沈阳北方机床有限公司' });
  expect(await row.textContent()).toContain('预警');
  await Promise.all([list.waitForNavigation(), row.getByRole('link', { name: '处理' }).click()]);

  expect(await list.textContent('body')).toContain('填写至少一条暂缓措施后，才能确认流失。');
  await list.getByLabel('暂缓措施').fill('总经理亲自拜访，了解停购原因。');
  await submit(list, '暂缓流失');
  await list.getByLabel('暂缓措施').fill('提供九折优惠方案。');
  await submit(list, '暂缓流失');
  const measures = await list.locator('table.list').textContent();
  expect(measures).toContain('总经理亲自拜访，了解停购原因。');
  expect(measures).toContain('提供九折优惠方案。');

  await list.getByLabel('流失原因').fill('客户已改用竞争对手的产品。');
  await submit(list, '确认流失');
  const detail = await list.textContent('body');
  expect(detail).toContain('已流失');
  expect(detail).toContain('客户已改用竞争对手的产品。');

  await Promise.all([list.waitForNavigation(), list.getByRole('link', { name: '沈阳北方机床有限公司' }).click()]);
  expect(await list.textContent('body')).toContain('已流失');
  const customer = await rig.t.db.customer.findUniqueOrThrow({ where: { id: customerId } });
  expect(customer.status).toBe('churned');
});
