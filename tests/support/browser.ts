// Browser tests: the application on 127.0.0.1 and Debian's headless Chromium,
// driven by playwright-core.
import type { AddressInfo } from 'net';
import type { Server } from 'http';
import { chromium, Browser, Frame, Page } from 'playwright-core';
import { startTestApp, TestApp, TEST_PASSWORD } from './app';
import { createStaff } from './builders/users';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface BrowserRig {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserRig(): Promise<BrowserRig> {
  const t = startTestApp();
  const server: Server = await new Promise((resolve) => {
    const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/** The rig with one user of each role (createStaff), as most browser tests begin. */
export async function startBrowserRigWithStaff(): Promise<BrowserRig> {
  const rig = await startBrowserRig();
  await createStaff(rig.t.db);
  return rig;
}

/** A new page logged in as the user, showing the frame layout. */
export async function loginPage(rig: BrowserRig, username: string, password = TEST_PASSWORD): Promise<Page> {
  const context = await rig.browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${rig.baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${rig.baseUrl}/`);
  await mainFrame(page).waitForLoadState();
  return page;
}

export function frame(page: Page, name: 'top' | 'left' | 'main'): Frame {
  const found = page.frame({ name });
  if (!found) throw new Error(`no frame named ${name}`);
  return found;
}

export function mainFrame(page: Page): Frame {
  return frame(page, 'main');
}

/** Clicks a link of the left menu and waits for the page in main. */
export async function openFromMenu(page: Page, label: string): Promise<Frame> {
  const main = mainFrame(page);
  await Promise.all([main.waitForNavigation(), frame(page, 'left').getByRole('link', { name: label, exact: true }).click()]);
  return main;
}

/** Does something that loads a new page in the frame (a click on a link or a button) and waits for it. */
export async function go(target: Frame, click: () => Promise<void>): Promise<void> {
  await Promise.all([target.waitForNavigation(), click()]);
}
