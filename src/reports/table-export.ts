// Exports of the analyses: the filtered rows as CSV (csv-stringify: UTF-8 with
// BOM and CRLF, so Excel opens it as it is) or as .xlsx (exceljs: numbers as
// numbers, identifiers as text, a bold frozen header). Rows arrive as an async
// iterable and are written as they come, so a large export is never held whole.
import type { Response } from 'express';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { stringify } from 'csv-stringify';
import type ExcelJS from 'exceljs';
import { localDay } from '../http/view-helpers';

/** text: identifiers and names (客户编号, phone numbers stay text); money: two decimals; day: a date. */
export type ColumnKind = 'text' | 'number' | 'money' | 'day';

export interface ExportColumn<T> {
  header: string;
  kind: ColumnKind;
  value: (row: T) => string | number | Date | null;
  /** width in characters (xlsx) */
  width: number;
}

export interface ExportTable<T> {
  /** 客户贡献分析-2026: the file name without extension */
  name: string;
  /** its ASCII fallback for old clients, e.g. customer-contribution-2026 */
  asciiName: string;
  columns: ExportColumn<T>[];
  rows: AsyncIterable<T>;
}

/** A cell as CSV writes it: amounts as plain numbers (no thousands separator), days as 2026-03-01. */
function csvCell(kind: ColumnKind, value: string | number | Date | null): string {
  if (value === null) return '';
  if (value instanceof Date) return localDay(value);
  if (kind === 'money') return Number(value).toFixed(2);
  return String(value);
}

function xlsxCell(kind: ColumnKind, value: string | number | Date | null): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === 'text') return String(value);
  if (kind === 'day') return value instanceof Date ? new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate())) : String(value);
  return Number(value);
}

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: '@',
  number: 'General',
  money: '#,##0.00',
  day: 'yyyy-mm-dd',
};

/** attachment; filename="<ascii>"; filename*=UTF-8''<Chinese> (RFC 6266 / 5987) */
export function attachment(table: Pick<ExportTable<unknown>, 'name' | 'asciiName'>, extension: string): string {
  const ascii = `${table.asciiName}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`${table.name}.${extension}`)}`;
}

export async function sendCsv<T>(res: Response, table: ExportTable<T>): Promise<void> {
  res.type('text/csv; charset=utf-8').set('Content-Disposition', attachment(table, 'csv'));
  async function* records(): AsyncIterable<string[]> {
    yield table.columns.map((c) => c.header);
    for await (const row of table.rows) yield table.columns.map((c) => csvCell(c.kind, c.value(row)));
  }
  // pipeline: rows are read only as fast as the client takes them, and stop when it goes away.
  await pipeline(Readable.from(records()), stringify({ bom: true, record_delimiter: 'windows', escape_formulas: true }), res);
}

/** Loaded at the first .xlsx export: 30 MB of memory a process that exports none does without. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = () => require('exceljs') as typeof ExcelJS;

export async function sendXlsx<T>(res: Response, table: ExportTable<T>, sheetName: string): Promise<void> {
  res
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .set('Content-Disposition', attachment(table, 'xlsx'));
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    style: { numFmt: NUMBER_FORMATS[c.kind] },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const row of table.rows) {
    sheet.addRow(table.columns.map((c) => xlsxCell(c.kind, c.value(row)))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
