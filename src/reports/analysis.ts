// What every analysis is to the routes: its page, its search form, and the
// table its exports write. routes.ts serves each one the same way.
import type { z } from 'zod';
import { latestAuditEntryId } from '../audit/audit';
import type { Db } from '../db/client';
import { KeptAnswers, keptAnswers } from '../shared/kept-answers';
import type { OrderSource } from '../orders/order-source';
import type { ExportColumn, ExportTable } from './table-export';

export interface ReportContext {
  db: Db;
  orderSource: OrderSource;
  /** the reports' "now" (this year, the last 12 months) */
  now: () => Date;
  /**
   * Counts over CRM records (customers, tickets, warnings), kept until the next
   * audit entry (every change writes one) and at most a minute: counting
   * 100,000 customers takes milliseconds that every page view would pay.
   */
  keptCounts: KeptAnswers;
}

export function reportContext(db: Db, orderSource: OrderSource, now: () => Date = () => new Date()): ReportContext {
  return { db, orderSource, now, keptCounts: keptAnswers(() => latestAuditEntryId(db)) };
}

/** F: the filter of the search form; R: a row of the exports. */
export interface Analysis<F, R> {
  /** /reports/<path>, /reports/<path>.csv, /reports/<path>.xlsx */
  path: string;
  title: string;
  filter: z.ZodType<F>;
  /**
   * The page reads only CRM records: its locals are kept as ReportContext's
   * keptCounts. Not for pages that read orders: orders arrive without an audit entry.
   */
  keptUntilNextChange?: boolean;
  /** The page's locals: the form's choices and, for a readable filter, the table and the chart (null: nothing). */
  page(ctx: ReportContext, filter: F | null, page: number): Promise<Record<string, unknown>>;
  /** Every row of the filter, for the exports. */
  exportTable(ctx: ReportContext, filter: F): ExportTable<R> | Promise<ExportTable<R>>;
}

/** A share in per cent with one decimal (0 of nothing is 0). */
export function percent(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 1000) / 10;
}

/** Rows read in chunks, one query per chunk, for exports of any size. */
export async function* inChunks<T>(read: (skip: number, take: number) => Promise<T[]>, size = 1000): AsyncIterable<T> {
  for (let skip = 0; ; skip += size) {
    const rows = await read(skip, size);
    yield* rows;
    if (rows.length < size) return;
  }
}

/** One line of a count by category: 客户等级 大客户, 服务类型 投诉 … */
export interface CategoryCount {
  label: string;
  count: number;
  /** per cent of the total, one decimal */
  percent: number;
}

/**
 * Every known category with its count, zero included, in their order; then any
 * value no longer known (a renamed dictionary entry); then, with `blank`, the
 * records without a value (未填写).
 */
export function tally(known: string[], counts: Map<string | null, number>, blank?: string): CategoryCount[] {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const unknown = [...counts.keys()].filter((k): k is string => k !== null && !known.includes(k));
  const lines = [...known, ...unknown].map((label) => [label, counts.get(label) ?? 0] as const);
  if (blank !== undefined) lines.push([blank, counts.get(null) ?? 0]);
  return lines.map(([label, count]) => ({ label, count, percent: percent(count, total) }));
}

/** The count column and the share, for the exports of a count by category. */
export function categoryColumns(label: string, countHeader: string): ExportColumn<CategoryCount>[] {
  return [
    { header: label, kind: 'text', value: (r) => r.label, width: 20 },
    { header: countHeader, kind: 'number', value: (r) => r.count, width: 12 },
    { header: '占比（%）', kind: 'number', value: (r) => r.percent, width: 12 },
  ];
}

/** How a row names its customer, for the exports. */
export interface CustomerOfRow<T> {
  number: (row: T) => string;
  name: (row: T) => string;
  accountManager: (row: T) => string | null;
}

/** 客户编号, 客户名称 and 客户经理, as every export of customers begins (after 排名, if any). */
export function customerColumns<T>(customer: CustomerOfRow<T>): ExportColumn<T>[] {
  return [
    { header: '客户编号', kind: 'text', value: customer.number, width: 18 },
    { header: '客户名称', kind: 'text', value: customer.name, width: 30 },
    { header: '客户经理', kind: 'text', value: customer.accountManager, width: 12 },
  ];
}

/** Rows already at hand, as the exports take them. */
export async function* listed<T>(rows: T[]): AsyncIterable<T> {
  yield* rows;
}
