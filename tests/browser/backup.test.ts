// The administrator backs the database up, changes the data, restores the
// backup after its confirmation, logs in again and finds the data as it was.
import { go, loginPage, mainFrame, openFromMenu, startBrowserRigWithStaff, BrowserRig } from '../support/browser';
import { TEST_PASSWORD } from '../support/app';

jest.setTimeout(120_000);

// A restore tells a primary process, if any; not jest's.
jest.mock('../../src/backup/announce');

let rig: BrowserRig;
beforeAll(async () => (rig = await startBrowserRigWithStaff()), 60000);
afterAll(() => rig?.close());

test('backup, a change, restore after the confirmation, log in again: the change is gone', async () => {
  const page = await loginPage(rig, 'admin');
  let main = await openFromMenu(page, '数据库备份');
  await go(main, () => main.getByRole('button', { name: '立即备份' }).click());
  expect(await main.textContent('.message-success')).toContain('备份成功');
  const madeAt = (await main.locator('table.list tbody tr').first().locator('td').first().textContent())!.trim();

  main = await openFromMenu(page, '数据字典');
  await go(main, () => main.getByRole('link', { name: '新建条目' }).click());
  await main.getByLabel('类别').fill('地区');
  await main.getByLabel('条目').fill('备份后新增地区');
  await main.getByLabel('值').fill('备份后新增地区');
  await main.getByLabel('顺序').fill('99');
  await go(main, () => main.getByRole('button', { name: '保存' }).click());
  expect(await main.textContent('.message-success')).toContain('保存成功');

  main = await openFromMenu(page, '数据库备份');
  const row = main.locator('tr', { hasText: madeAt });
  await go(main, () => row.getByRole('link', { name: '恢复' }).click());
  expect(await main.textContent('.confirm-question')).toContain(`确认用 ${madeAt} 的备份恢复数据库?`);
  await go(main, () => main.getByRole('button', { name: '确认恢复' }).click());
  expect(await main.textContent('.message-success')).toContain(`数据库已恢复为 ${madeAt} 的备份`);

  await Promise.all([page.waitForURL(`${rig.baseUrl}/login`), main.getByRole('link', { name: '重新登录' }).click()]);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${rig.baseUrl}/`), page.getByRole('button', { name: '登录' }).click()]);
  await mainFrame(page).waitForLoadState();
  main = await openFromMenu(page, '数据字典');
  await go(main, () => main.getByRole('button', { name: '查询' }).click());
  expect(await main.locator('body').textContent()).not.toContain('备份后新增地区');
  main = await openFromMenu(page, '数据库备份');
  expect(await main.locator('table.list').textContent()).toContain('恢复前自动');
});
