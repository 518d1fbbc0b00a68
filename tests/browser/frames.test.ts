import { frame, loginPage, mainFrame, openFromMenu, startBrowserRig, BrowserRig } from '../support/browser';
import { createUser } from '../support/builders/users';

jest.setTimeout(120_000);

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startBrowserRig();
  await createUser(rig.t.db, { role: 'manager', username: 'boss-wang', name: '王主管' });
}, 60000);
afterAll(() => rig?.close());

test('log in, see the frames, open a page from the left menu in main, log out', async () => {
  const page = await loginPage(rig, 'boss-wang');

  const top = frame(page, 'top');
  const who = await top.textContent('body');
  expect(who).toContain('王主管');
  expect(who).toContain('销售主管');

  const left = frame(page, 'left');
  const menu = await left.textContent('body');
  expect(menu).toContain('营销管理');
  expect(menu).toContain('销售机会管理');
  expect(menu).not.toContain('定时任务'); // an administrator's link

  expect(await mainFrame(page).textContent('h1')).toBe('我的待办');
  const main = await openFromMenu(page, '销售机会管理');
  expect(main.url()).toMatch(/\/opportunities$/);
  expect(await main.textContent('h1')).toContain('销售机会');
  expect(page.url()).toBe(`${rig.baseUrl}/`); // the frameset stays; only main changed

  await Promise.all([page.waitForURL(/\/login$/), top.getByRole('button', { name: '退出' }).click()]);
  expect(await page.textContent('h1')).toContain('客户关系管理系统');
  await page.goto(`${rig.baseUrl}/home`);
  expect(page.url()).toMatch(/\/login$/);
});
