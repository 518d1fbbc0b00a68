// Administration through the browser: a new user who then logs in and changes
// their password, and a role's rights edited so that its users' menu changes.
import { go, frame, loginPage, openFromMenu, startBrowserRigWithStaff, BrowserRig } from '../support/browser';

jest.setTimeout(120_000);

let rig: BrowserRig;
beforeAll(async () => (rig = await startBrowserRigWithStaff()), 60000);
afterAll(() => rig?.close());

test('the administrator creates a user, who then logs in and changes their password', async () => {
  const admin = await loginPage(rig, 'admin');
  const main = await openFromMenu(admin, '用户管理');
  await go(main, () => main.getByRole('link', { name: '新建用户' }).click());
  await main.getByLabel('用户名').fill('liuyang');
  await main.getByLabel('姓名').fill('刘洋');
  await main.getByLabel('角色').selectOption({ label: '客户经理' });
  await main.getByLabel('初始密码').fill('short');
  await main.getByLabel('确认密码').fill('short');
  await go(main, () => main.getByRole('button', { name: '保存' }).click());
  expect(await main.getByRole('alert').textContent()).toContain('密码至少需要 8 个字符');
  await main.getByLabel('初始密码').fill('welcome2026');
  await main.getByLabel('确认密码').fill('welcome2026');
  await go(main, () => main.getByRole('button', { name: '保存' }).click());
  expect(await main.getByRole('status').textContent()).toContain('保存成功');
  expect(await main.getByRole('row', { name: /liuyang/ }).textContent()).toContain('刘洋');

  const newcomer = await loginPage(rig, 'liuyang', 'welcome2026');
  expect(await frame(newcomer, 'top').locator('.user-name').textContent()).toBe('刘洋');
  expect(await frame(newcomer, 'left').getByRole('link', { name: '销售机会管理' }).count()).toBe(1);
  const theirMain = frame(newcomer, 'main');
  await go(theirMain, () => frame(newcomer, 'top').getByRole('link', { name: '修改密码' }).click());
  await theirMain.getByLabel('当前密码').fill('welcome2026');
  await theirMain.locator('#f-password').fill('changed2027');
  await theirMain.getByLabel('确认新密码').fill('changed2027');
  await go(theirMain, () => theirMain.getByRole('button', { name: '保存' }).click());
  expect(await theirMain.getByRole('status').textContent()).toContain('密码修改成功');
  await loginPage(rig, 'liuyang', 'changed2027');
});

test('the administrator takes 客户流失 from 客户经理: the menu of a salesperson loses it at the next request', async () => {
  const sales = await loginPage(rig, 'sales1');
  expect(await frame(sales, 'left').getByRole('link', { name: '客户流失管理' }).count()).toBe(1);

  const admin = await loginPage(rig, 'admin');
  const main = await openFromMenu(admin, '角色与权限');
  await go(main, () => main.getByRole('row', { name: /客户经理/ }).getByRole('link', { name: '设置权限' }).click());
  const churnRow = main.getByRole('row', { name: /^客户流失/ });
  for (const box of await churnRow.getByRole('checkbox').all()) await box.uncheck();
  await go(main, () => main.getByRole('button', { name: '保存' }).click());
  expect(await main.getByRole('status').textContent()).toContain('保存成功');

  await sales.reload();
  expect(await frame(sales, 'left').getByRole('link', { name: '客户流失管理' }).count()).toBe(0);
  expect(await frame(sales, 'left').getByRole('link', { name: '客户信息管理' }).count()).toBe(1);
});
