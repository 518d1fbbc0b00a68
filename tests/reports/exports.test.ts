// The exports read byte by byte: CSV with BOM, CRLF, a Chinese header row and
// plain numbers; the file name header; every filtered row, not one page; the
// xlsx read back with exceljs (numbers as numbers, identifiers as text, a bold
// frozen header row, column widths).
import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { login, LoggedIn, startTestApp, TestApp } from '../support/app';
import { createCustomer, createOrder } from '../support/builders/customers';
import { createWarning } from '../support/builders/churn';
import { createStaff } from '../support/builders/users';

let t: TestApp;
let boss: LoggedIn;

beforeAll(async () => {
  t = startTestApp();
  const staff = await createStaff(t.db);
  // A 客户编号 of digits only: Excel would make it a number (2.02401E+11) unless written as text.
  const digits = await createCustomer(t.db, { name: '数字编号公司', number: '202401010012', accountManagerId: staff.sales.id });
  await createOrder(t.db, { customerId: digits.id, date: new Date(2026, 2, 1, 10), lines: [{ productName: '服务器', quantity: 3, price: '1234.50' }] });
  for (let i = 1; i <= 14; i++) {
    const customer = await createCustomer(t.db, { name: `导出客户${String(i).padStart(2, '0')}, "有限"公司`, number: `KH2026${String(i).padStart(4, '0')}` });
    await createOrder(t.db, { customerId: customer.id, date: new Date(2026, 4, i, 10), lines: [{ productName: '网线', quantity: 1, price: `${i}.05` }] });
  }
  await createOrder(t.db, { customerId: digits.id, date: new Date(2025, 4, 1, 10), lines: [{ productName: '网线', quantity: 1, price: '9.99' }] });
  const lost = await createCustomer(t.db, { name: '流失公司', number: 'KH20250001', status: 'churned', accountManagerId: staff.sales.id });
  await createWarning(t.db, { customerId: lost.id, status: 'churned', reason: '价格原因' });
  // Text a salesperson typed that Excel would run as a formula.
  const formula = await createCustomer(t.db, { name: '=HYPERLINK("http://x.example","点我")', number: 'KH20250002', status: 'churned' });
  await createWarning(t.db, { customerId: formula.id, status: 'churned', reason: '@SUM(1+1)', confirmedAt: new Date(2025, 0, 2) });
  boss = await login(t.app, 'boss');
});
afterAll(() => t.close());

function binary(res: Response, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

const download = (url: string) => boss.get(url).buffer(true).parse(binary as never);

describe('CSV', () => {
  test('UTF-8 with BOM, CRLF, the Chinese header, every row of the year with plain amounts, quoted where needed', async () => {
    const res = await download('/reports/contribution.csv?year=2026');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="customer-contribution-2026.csv"; filename*=UTF-8''${encodeURIComponent('客户贡献分析-2026.csv')}`,
    );
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('排名,客户编号,客户名称,客户经理,订单数,订单金额');
    expect(lines[1]).toBe('1,202401010012,数字编号公司,李明,1,3703.50');
    expect(lines[2]).toBe('2,KH20260014,"导出客户14, ""有限""公司",,1,14.05');
    // All 15 customers of the year (more than a page), then the final CRLF.
    expect(lines).toHaveLength(1 + 15 + 1);
    expect(lines[16]).toBe('');
    expect(text).not.toMatch(/[^\r]\n/);
  });

  test('text that Excel would run as a formula is written as text', async () => {
    const csv = (await download('/reports/churn.csv')).body.toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""点我"")"`);
    expect(csv).toContain("'@SUM(1+1)");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  test('each analysis names its file after itself and its filter', async () => {
    const names: [string, string][] = [
      ['/reports/contribution.csv', '客户贡献分析-全部.csv'],
      ['/reports/composition.csv?dimension=credit&status=all', '客户构成分析-信用度-全部.csv'],
      ['/reports/service.csv?year=2026', '客户服务分析-2026.csv'],
      ['/reports/churn.csv', '客户流失分析.csv'],
    ];
    for (const [url, name] of names) {
      const res = await download(url);
      expect([url, res.status]).toEqual([url, 200]);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    }
  });

  test('客户流失分析: its columns, the confirm date as a day', async () => {
    const res = await download('/reports/churn.csv');
    const lines = (res.body as Buffer).subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('客户编号,客户名称,客户经理,流失原因,确认流失日期');
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(lines[1]).toBe(`KH20250001,流失公司,李明,价格原因,${day}`);
  });
});

describe('xlsx', () => {
  async function workbook(url: string) {
    const res = await download(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as never);
    return { res, sheet: book.worksheets[0] };
  }

  test('numbers as numbers, identifiers as text, a bold frozen header row, column widths', async () => {
    const { res, sheet } = await workbook('/reports/contribution.xlsx?year=2026');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('客户贡献分析-2026.xlsx')}`);
    expect(sheet.name).toBe('客户贡献分析');
    expect(sheet.getRow(1).values).toEqual([undefined, '排名', '客户编号', '客户名称', '客户经理', '订单数', '订单金额']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('202401010012');
    expect(first.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(5).value).toBe(1);
    expect(first.getCell(6).value).toBe(3703.5);
    expect(first.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(6).numFmt).toBe('#,##0.00');
    expect(sheet.rowCount).toBe(16);
    expect(sheet.getColumn(3).width).toBe(30);
  });

  test('客户流失分析: the confirm date as a date cell', async () => {
    const { sheet } = await workbook('/reports/churn.xlsx');
    const cell = sheet.getRow(2).getCell(5);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(2).getCell(1).value).toBe('KH20250001');
  });
});
