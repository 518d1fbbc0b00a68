// The dashboard on the home page of whoever may see the reports (销售主管, 高管):
// this year's counted orders against last year's, customers by status, open
// churn warnings and open tickets, each leading to its report.
import type { CurrentUser } from '../auth/can';
import { can } from '../auth/can';
import { OPEN_WARNING_STATUSES } from '../churn/warning-status';
import { CUSTOMER_STATUS } from '../customers/customer-status';
import type { Db } from '../db/client';
import { yearPeriod } from '../shared/years';
import type { ReportContext } from './analysis';
import { barChart, SMALL_CHART_SIZE } from './chart';

export interface OrderFigure {
  label: string;
  amount: string;
  href: string;
}

export interface Dashboard {
  orders: OrderFigure[];
  customers: { label: string; count: number; href: string }[];
  openWarnings: { count: number; href: string };
  openTickets: { count: number; href: string };
  chart: string;
}

/** The same day and time one year earlier (29 February becomes 1 March). */
function yearEarlier(date: Date): Date {
  const copy = new Date(date);
  copy.setFullYear(date.getFullYear() - 1);
  return copy;
}

/**
 * 至今 ends with today: the start of tomorrow. A whole day, not this instant, so
 * that the order source's kept answers (keyed by the period) serve every visit of the day.
 */
export function endOfToday(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}

async function recordCounts(db: Db) {
  const [customers, openWarnings, openTickets] = await Promise.all([
    db.customer.groupBy({ by: ['status'], _count: { _all: true } }),
    db.churnWarning.count({ where: { status: { in: OPEN_WARNING_STATUSES } } }),
    db.serviceTicket.count({ where: { status: { not: 'archived' } } }),
  ]);
  return { customers, openWarnings, openTickets };
}

export async function reportDashboard(ctx: ReportContext, user: CurrentUser): Promise<Dashboard | null> {
  if (!can(user, 'view', 'report')) return null;
  const now = ctx.now();
  const today = endOfToday(now);
  const year = now.getFullYear();
  const lastYear = yearPeriod(year - 1);
  const { orderSource } = ctx;
  const [thisYearToDate, lastYearToDate, lastYearAll, { customers, openWarnings, openTickets }] = await Promise.all([
    orderSource.orderTotal({ from: yearPeriod(year).from, to: today }),
    orderSource.orderTotal({ from: lastYear.from, to: yearEarlier(today) }),
    orderSource.orderTotal(lastYear),
    ctx.keptCounts.kept('dashboard', () => recordCounts(ctx.db)),
  ]);
  const orders: OrderFigure[] = [
    { label: `${year} 年至今`, amount: thisYearToDate, href: `/reports/contribution?year=${year}` },
    { label: `${year - 1} 年同期`, amount: lastYearToDate, href: `/reports/contribution?year=${year - 1}` },
    { label: `${year - 1} 年全年`, amount: lastYearAll, href: `/reports/contribution?year=${year - 1}` },
  ];
  const counts = new Map(customers.map((g) => [g.status, g._count._all]));
  return {
    orders,
    customers: Object.entries(CUSTOMER_STATUS.labels).map(([status, label]) => ({
      label,
      count: counts.get(status) ?? 0,
      href: `/reports/composition?status=${status}`,
    })),
    // The warnings' own list where the user may see it (销售主管), else the report of the churned.
    openWarnings: { count: openWarnings, href: can(user, 'view', 'churn') ? '/churn?status=open' : '/reports/churn' },
    openTickets: { count: openTickets, href: '/reports/service' },
    chart: barChart(
      { labels: orders.map((o) => o.label), values: orders.map((o) => Number(o.amount)), name: '订单金额（元）' },
      { size: SMALL_CHART_SIZE },
    ),
  };
}
