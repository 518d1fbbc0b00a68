// 客户贡献分析: per customer, the amount of its counted orders (5 已发货, 6 已回款),
// highest first, from the order source's one aggregate query.
import type { Contribution, ContributionRow } from '../orders/order-source';
import { emptyPage, PAGE_SIZE, toPage } from '../shared/paging';
import { yearPeriod } from '../shared/years';
import { Analysis, customerColumns, inChunks, ReportContext } from './analysis';
import { barChart } from './chart';
import { ContributionFilter, contributionQuery } from './schemas';
import type { ExportColumn } from './table-export';

export type RankedContribution = ContributionRow & { rank: number };

/** How many customers the chart shows. */
const CHART_TOP = 10;

function read(ctx: ReportContext, filter: ContributionFilter, skip: number, take: number): Promise<Contribution> {
  const period = filter.year === null ? null : yearPeriod(filter.year);
  return ctx.orderSource.contribution({ customerName: filter.customerName, period, skip, take });
}

const ranked = (rows: ContributionRow[], skip: number): RankedContribution[] =>
  rows.map((row, i) => ({ ...row, rank: skip + i + 1 }));

export function contributionChart(rows: ContributionRow[]): string {
  return barChart(
    { labels: rows.map((r) => r.customerName), values: rows.map((r) => Number(r.amount)), name: '订单金额（元）' },
    { horizontal: true },
  );
}

const COLUMNS: ExportColumn<RankedContribution>[] = [
  { header: '排名', kind: 'number', value: (r) => r.rank, width: 8 },
  ...customerColumns<RankedContribution>({
    number: (r) => r.customerNumber,
    name: (r) => r.customerName,
    accountManager: (r) => r.accountManagerName,
  }),
  { header: '订单数', kind: 'number', value: (r) => r.orderCount, width: 10 },
  { header: '订单金额', kind: 'money', value: (r) => r.amount, width: 16 },
];

export const contributionAnalysis: Analysis<ContributionFilter, RankedContribution> = {
  path: 'contribution',
  title: '客户贡献分析',
  filter: contributionQuery,

  async page(ctx, filter, page) {
    const years = await ctx.orderSource.orderYears();
    if (!filter) return { years, result: emptyPage(), totals: null, chart: null };
    const skip = (page - 1) * PAGE_SIZE;
    const window = await read(ctx, filter, skip, PAGE_SIZE);
    // Page 1 holds the top 10 already; another page asks for them.
    const top = skip === 0 && PAGE_SIZE >= CHART_TOP ? window.rows : (await read(ctx, filter, 0, CHART_TOP)).rows;
    return {
      years,
      result: toPage(ranked(window.rows, skip), window.customers, page),
      totals: window,
      chart: window.customers > 0 ? contributionChart(top.slice(0, CHART_TOP)) : null,
    };
  },

  exportTable(ctx, filter) {
    const suffix = filter.year === null ? '全部' : String(filter.year);
    return {
      name: `客户贡献分析-${suffix}`,
      asciiName: `customer-contribution-${filter.year ?? 'all'}`,
      columns: COLUMNS,
      // Each chunk runs the aggregate again: large chunks (rows are customers, not orders).
      rows: inChunks(async (skip, take) => ranked((await read(ctx, filter, skip, take)).rows, skip), 50_000),
    };
  },
};
