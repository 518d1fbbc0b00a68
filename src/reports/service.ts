// 客户服务分析: how many service tickets of each 服务类型 (every type of the
// dictionary, zero included), and how many in each status, created in a year.
import type { Db, Prisma } from '../db/client';
import { dictionaryItems } from '../shared/dictionary';
import { SERVICE_TYPE } from '../service/queries';
import { TICKET_STATUS } from '../service/ticket-status';
import { yearPeriod, yearsBetween } from '../shared/years';
import { Analysis, CategoryCount, categoryColumns, tally } from './analysis';
import { barChart } from './chart';
import { ServiceFilter, serviceQuery } from './schemas';

export interface ServiceBreakdown {
  byType: CategoryCount[];
  byStatus: CategoryCount[];
}

/** One row of the export: the breakdown it belongs to, and the count. */
export type ServiceExportRow = CategoryCount & { breakdown: string };

const STATUS_LABELS = Object.values(TICKET_STATUS.labels);

export async function serviceBreakdown(db: Db, filter: ServiceFilter): Promise<ServiceBreakdown> {
  const year = filter.year === null ? null : yearPeriod(filter.year);
  const where: Prisma.ServiceTicketWhereInput = year ? { createdAt: { gte: year.from, lt: year.to } } : {};
  const [types, byType, byStatus] = await Promise.all([
    dictionaryItems(db, SERVICE_TYPE),
    db.serviceTicket.groupBy({ by: ['type'], where, _count: { _all: true } }),
    db.serviceTicket.groupBy({ by: ['status'], where, _count: { _all: true } }),
  ]);
  return {
    byType: tally(types, new Map(byType.map((g) => [g.type, g._count._all]))),
    byStatus: tally(STATUS_LABELS, new Map(byStatus.map((g) => [TICKET_STATUS.label(g.status), g._count._all]))),
  };
}

/**
 * The years from the first ticket to the last. Two ends of the createdAt index:
 * Prisma's aggregate() wraps MIN/MAX in a subquery that reads every ticket.
 */
async function ticketYears(db: Db): Promise<number[]> {
  const end = (direction: 'asc' | 'desc') => db.serviceTicket.findFirst({ orderBy: { createdAt: direction }, select: { createdAt: true } });
  const [first, last] = await Promise.all([end('asc'), end('desc')]);
  return yearsBetween(first?.createdAt, last?.createdAt);
}

export const serviceAnalysis: Analysis<ServiceFilter, ServiceExportRow> = {
  path: 'service',
  title: '客户服务分析',
  filter: serviceQuery,
  keptUntilNextChange: true,

  async page(ctx, filter) {
    const years = await ticketYears(ctx.db);
    if (!filter) return { years, byType: [], byStatus: [], total: 0, chart: null };
    const { byType, byStatus } = await serviceBreakdown(ctx.db, filter);
    const total = byType.reduce((sum, r) => sum + r.count, 0);
    const chart = barChart({ labels: byType.map((r) => r.label), values: byType.map((r) => r.count), name: '服务数' });
    return { years, byType, byStatus, total, chart };
  },

  exportTable(ctx, filter) {
    const [type, count, share] = categoryColumns('项目', '服务数');
    async function* rows(): AsyncIterable<ServiceExportRow> {
      const { byType, byStatus } = await serviceBreakdown(ctx.db, filter);
      for (const row of byType) yield { ...row, breakdown: '服务类型' };
      for (const row of byStatus) yield { ...row, breakdown: '状态' };
    }
    return {
      name: `客户服务分析-${filter.year ?? '全部'}`,
      asciiName: `customer-service-${filter.year ?? 'all'}`,
      columns: [{ header: '分类', kind: 'text', value: (r) => r.breakdown, width: 12 }, type, count, share],
      rows: rows(),
    };
  },
};
