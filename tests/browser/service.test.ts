// A whole service ticket through the browser, two handling rounds included.
import type { Frame, Page } from 'playwright-core';
import { loginPage, openFromMenu, startBrowserRig, BrowserRig } from '../support/browser';
import { createStaff } from '../support/builders/users';
import { createCustomer } from '../support/builders/customers';

jest.setTimeout(120_000);

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startBrowserRig();
  const staff = await createStaff(rig.t.db);
  await createCustomer(rig.t.db, { name: '北京星辰科技有限公司', accountManagerId: staff.sales.id });
}, 60000);
afterAll(() => rig?.close());

async function submit(main: Frame, button = '保存'): Promise<void> {
  await Promise.all([main.waitForNavigation(), main.getByRole('button', { name: button, exact: true }).click()]);
}

async function asUser<T>(username: string, work: (page: Page) => Promise<T>): Promise<T> {
  const page = await loginPage(rig, username);
  try {
    return await work(page);
  } finally {
    await page.context().close();
  }
}

async function handle(username: string, how: string) {
  await asUser(username, async (page) => {
    const main = await openFromMenu(page, '服务处理');
    await Promise.all([main.waitForNavigation(), main.getByRole('link', { name: '处理', exact: true }).click()]);
    await main.getByLabel('服务处理').fill(how);
    await submit(main);
    expect(await main.textContent('.message-success')).toContain('操作成功');
  });
}

async function feedback(username: string, result: string, satisfaction: string) {
  await asUser(username, async (page) => {
    const main = await openFromMenu(page, '服务反馈');
    await Promise.all([main.waitForNavigation(), main.getByRole('link', { name: '反馈', exact: true }).click()]);
    await main.getByLabel('处理结果').fill(result);
    await main.getByLabel('满意度').selectOption(satisfaction);
    await submit(main);
  });
}

test('create, assign, handle, feedback 2 sends it back, handle again, feedback 4 archives; the archive shows both rounds', async () => {
  await asUser('sales1', async (page) => {
    const main = await openFromMenu(page, '服务创建');
    await main.getByLabel('服务类型').selectOption('投诉');
    const customer = main.locator('select#f-customerId');
    const option = await customer.locator('option', { hasText: '北京星辰科技有限公司' }).getAttribute('value');
    await customer.selectOption(option!);
    await main.getByLabel('概要').fill('打印机频繁卡纸');
    await main.getByLabel('服务请求').fill('客户反映上月购买的打印机每天卡纸数次，要求上门检修。');
    await submit(main);
    expect(await main.textContent('.message-success')).toContain('保存成功');
    expect(await main.getByLabel('概要').inputValue()).toBe('');
  });

  await asUser('manager', async (page) => {
    const main = await openFromMenu(page, '服务分配');
    const row = main.locator('tr', { hasText: '打印机频繁卡纸' });
    await row.getByLabel('分配给').selectOption({ label: '张伟（客户经理）' });
    await Promise.all([main.waitForNavigation(), row.getByRole('button', { name: '分配' }).click()]);
    expect(await main.textContent('.message-success')).toMatch(/指派成功|操作成功/);
  });

  await handle('sales2', '电话指导客户清理进纸器。');
  await feedback('sales1', '问题依旧，客户不满意。', '2');
  await handle('sales2', '上门更换进纸辊。');
  await feedback('sales1', '已解决，客户满意。', '4');

  await asUser('boss', async (page) => {
    const main = await openFromMenu(page, '服务归档');
    await main.getByLabel('概要').fill('卡纸');
    await submit(main, '查询');
    await Promise.all([main.waitForNavigation(), main.getByRole('link', { name: '查看' }).click()]);
    const detail = await main.textContent('body');
    expect(detail).toContain('已归档');
    expect(detail).toContain('电话指导客户清理进纸器。');
    expect(detail).toContain('问题依旧，客户不满意。');
    expect(detail).toContain('上门更换进纸辊。');
    expect(detail).toContain('已解决，客户满意。');
  });
});
