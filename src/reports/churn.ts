// 客户流失分析: the churned customers (确认流失 warnings) with their 客户经理, reason
// and confirm date, newest first; and how many were confirmed in each of the
// last 12 months.
import type { Db, Prisma } from '../db/client';
import { accountManagerChoices } from '../churn/queries';
import { localDay } from '../http/view-helpers';
import { emptyPage, paged } from '../shared/paging';
import { Analysis, customerColumns, inChunks } from './analysis';
import { lineChart } from './chart';
import { ChurnFilter, churnQuery } from './schemas';
import type { ExportColumn } from './table-export';

const CHURNED = 'churned';

function churnedWhere(filter: ChurnFilter): Prisma.ChurnWarningWhereInput {
  const customer: Prisma.CustomerWhereInput = {
    ...(filter.customerName ? { name: { contains: filter.customerName } } : {}),
    ...(filter.accountManagerId ? { accountManagerId: filter.accountManagerId } : {}),
  };
  return { status: CHURNED, customer };
}

const churnedSelect = {
  id: true,
  reason: true,
  confirmedAt: true,
  customer: { select: { number: true, name: true, accountManager: { select: { name: true } } } },
} satisfies Prisma.ChurnWarningSelect;

const order: Prisma.ChurnWarningOrderByWithRelationInput[] = [{ confirmedAt: 'desc' }, { id: 'desc' }];

function churnedCustomers(db: Db, filter: ChurnFilter, window: { skip: number; take: number }) {
  return db.churnWarning.findMany({ where: churnedWhere(filter), select: churnedSelect, orderBy: order, ...window });
}
export type ChurnedCustomer = Awaited<ReturnType<typeof churnedCustomers>>[number];

export interface MonthCount {
  /** 2026-03 */
  month: string;
  count: number;
}

/** The last 12 months up to this one, each with the churns confirmed in it. */
export async function churnPerMonth(db: Db, filter: ChurnFilter, now: Date): Promise<MonthCount[]> {
  const months = Array.from({ length: 12 }, (_, i) => new Date(now.getFullYear(), now.getMonth() - 11 + i, 1));
  const key = (d: Date) => localDay(d).slice(0, 7);
  // Only the dates of a year's churns come back (a few hundred at most), counted here per month.
  const rows = await db.churnWarning.findMany({
    where: { ...churnedWhere(filter), confirmedAt: { gte: months[0] } },
    select: { confirmedAt: true },
  });
  const counts = new Map<string, number>();
  for (const { confirmedAt } of rows) if (confirmedAt) counts.set(key(confirmedAt), (counts.get(key(confirmedAt)) ?? 0) + 1);
  return months.map((m) => ({ month: key(m), count: counts.get(key(m)) ?? 0 }));
}

const COLUMNS: ExportColumn<ChurnedCustomer>[] = [
  ...customerColumns<ChurnedCustomer>({
    number: (r) => r.customer.number,
    name: (r) => r.customer.name,
    accountManager: (r) => r.customer.accountManager?.name ?? null,
  }),
  { header: '流失原因', kind: 'text', value: (r) => r.reason, width: 40 },
  { header: '确认流失日期', kind: 'day', value: (r) => r.confirmedAt, width: 14 },
];

export const churnAnalysis: Analysis<ChurnFilter, ChurnedCustomer> = {
  path: 'churn',
  title: '客户流失分析',
  filter: churnQuery,
  keptUntilNextChange: true,

  async page(ctx, filter, page) {
    const managers = await accountManagerChoices(ctx.db);
    if (!filter) return { managers, result: emptyPage(), months: [], chart: null };
    const [result, months] = await Promise.all([
      paged(
        page,
        () => ctx.db.churnWarning.count({ where: churnedWhere(filter) }),
        (window) => churnedCustomers(ctx.db, filter, window),
      ),
      churnPerMonth(ctx.db, filter, ctx.now()),
    ]);
    const chart = lineChart({ labels: months.map((m) => m.month.slice(2)), values: months.map((m) => m.count), name: '流失客户数' });
    return { managers, result, months, chart };
  },

  exportTable(ctx, filter) {
    return {
      name: '客户流失分析',
      asciiName: 'customer-churn',
      columns: COLUMNS,
      rows: inChunks((skip, take) => churnedCustomers(ctx.db, filter, { skip, take })),
    };
  },
};
