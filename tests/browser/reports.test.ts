// 统计报表 through the browser: the executive opens each analysis from the menu,
// sees its table and its chart (inside the main frame at 1024×768), filters by
// year and downloads the CSV; with JavaScript switched off the chart still shows.
import fs from 'fs';
import type { Frame } from 'playwright-core';
import { loginPage, openFromMenu, startBrowserRig, BrowserRig } from '../support/browser';
import { createStaff } from '../support/builders/users';
import { createCustomer, createOrder } from '../support/builders/customers';
import { createServiceTicket } from '../support/builders/service';
import { createWarning } from '../support/builders/churn';
import { TEST_PASSWORD } from '../support/app';

jest.setTimeout(120_000);

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startBrowserRig();
  const staff = await createStaff(rig.t.db);
  const big = await createCustomer(rig.t.db, { name: '北京远航科技有限公司', level: '大客户', accountManagerId: staff.sales.id });
  const small = await createCustomer(rig.t.db, { name: '上海明珠贸易有限公司', level: '普通客户', accountManagerId: staff.otherSales.id });
  const line = (price: string) => [{ productName: '服务器', quantity: 1, price }];
  await createOrder(rig.t.db, { customerId: big.id, date: new Date(2025, 3, 1, 10), lines: line('5000.00') });
  await createOrder(rig.t.db, { customerId: small.id, date: new Date(2025, 5, 1, 10), lines: line('800.00') });
  await createOrder(rig.t.db, { customerId: small.id, date: new Date(2024, 5, 1, 10), lines: line('9000.00') });
  await createServiceTicket(rig.t.db, { customerId: big.id, createdById: staff.manager.id, type: '投诉', createdAt: new Date(2025, 1, 1, 10) });
  const lost = await createCustomer(rig.t.db, { name: '沈阳北方机床有限公司', status: 'churned', accountManagerId: staff.sales.id });
  await createWarning(rig.t.db, { customerId: lost.id, status: 'churned', reason: '改用竞争对手的产品' });
}, 60000);
afterAll(() => rig?.close());

/** The chart is drawn and lies inside the main frame: no sideways scrolling at 1024×768. */
async function expectChartInFrame(main: Frame): Promise<void> {
  const chart = main.locator('.report-chart svg');
  expect(await chart.count()).toBe(1);
  const box = await chart.evaluate((svg) => {
    const r = svg.getBoundingClientRect();
    return { left: r.left, right: r.right, height: r.height, frame: document.documentElement.clientWidth };
  });
  expect(box.height).toBeGreaterThan(100);
  expect(box.right).toBeLessThanOrEqual(box.frame);
}

async function search(main: Frame, label: string, value: string): Promise<void> {
  await main.getByLabel(label).selectOption(value);
  await Promise.all([main.waitForNavigation(), main.getByRole('button', { name: '查询' }).click()]);
}

test('boss opens each analysis from the menu, filters by year and downloads the CSV', async () => {
  const page = await loginPage(rig, 'boss');

  const contribution = await openFromMenu(page, '客户贡献分析');
  expect(await contribution.locator('h1').textContent()).toBe('客户贡献分析');
  await expectChartInFrame(contribution);
  const all = await contribution.locator('table.list tbody tr').allTextContents();
  expect(all[0]).toContain('上海明珠贸易有限公司');
  await search(contribution, '年份', '2025');
  const rows = await contribution.locator('table.list tbody tr').allTextContents();
  expect(rows).toHaveLength(2);
  expect(rows[0]).toContain('北京远航科技有限公司');
  expect(rows[0]).toContain('5,000.00');
  expect(await contribution.locator('table.list tfoot').textContent()).toContain('5,800.00');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    contribution.getByRole('link', { name: '导出 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('客户贡献分析-2025.csv');
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('北京远航科技有限公司,李明,1,5000.00\r\n');

  const composition = await openFromMenu(page, '客户构成分析');
  await expectChartInFrame(composition);
  expect(await composition.locator('table.list tbody').textContent()).toContain('重点开发客户');

  const service = await openFromMenu(page, '客户服务分析');
  await expectChartInFrame(service);
  await search(service, '创建年份', '2025');
  expect(await service.locator('table.list').first().locator('tbody tr', { hasText: '投诉' }).textContent()).toContain('1');

  const churn = await openFromMenu(page, '客户流失分析');
  await expectChartInFrame(churn);
  expect(await churn.locator('table.list tbody').textContent()).toContain('改用竞争对手的产品');
  await page.context().close();
});

test('with JavaScript switched off the chart still shows', async () => {
  const context = await rig.browser.newContext({ viewport: { width: 1024, height: 768 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${rig.baseUrl}/login`);
  await page.getByLabel('用户名').fill('boss');
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登录' }).click()]);
  const main = page.frame({ name: 'main' })!;
  await main.waitForLoadState();
  await Promise.all([main.waitForNavigation(), page.frame({ name: 'left' })!.getByRole('link', { name: '客户贡献分析' }).click()]);
  await expectChartInFrame(main);
  expect(await main.locator('.report-chart svg text', { hasText: '北京远航科技有限公司' }).count()).toBe(1);
  await context.close();
});
