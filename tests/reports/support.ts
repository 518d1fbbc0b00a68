// Shared by the report tests: the refusals every report route must give, and
// reading a page's table rows.
import request from 'supertest';
import type { TestApp } from '../support/app';
import { login } from '../support/app';

/** sales and admin get 403 on the page and both exports; without login, the login page. */
export async function expectRefused(t: TestApp, path: string): Promise<void> {
  for (const url of [path, `${path}.csv`, `${path}.xlsx`]) {
    for (const username of ['sales1', 'admin']) {
      const res = await (await login(t.app, username)).get(url);
      expect([url, username, res.status]).toEqual([url, username, 403]);
      expect(res.text).toContain('没有执行此操作的权限');
    }
    const anonymous = await request(t.app).get(url);
    expect([url, anonymous.status, anonymous.headers.location]).toEqual([url, 302, '/login']);
  }
}

/** The text of each body row of the page's first list table, cells joined by |. */
export function tableRows(html: string, nth = 0): string[] {
  const table = html.split('<table class="list">')[nth + 1];
  if (!table) return [];
  const body = table.split('<tbody>')[1].split('</tbody>')[0];
  return body
    .split('</tr>')
    .filter((row) => row.includes('<td'))
    .map((row) =>
      [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, '').trim()).join('|'),
    );
}

/** The 合计 row of the page's nth table. */
export function totalRow(html: string, nth = 0): string {
  const table = html.split('<table class="list">')[nth + 1] ?? '';
  const foot = table.split('<tfoot>')[1]?.split('</tfoot>')[0] ?? '';
  return [...foot.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((cell) => cell[1].trim()).join('|');
}
