// The selection rule of the weekly churn-warning job, the only place that knows
// it: a 正常 customer without a counted order for more than CHURN_AFTER_MONTHS
// months — counted from its creation when it never ordered — gets a warning,
// unless it has an unfinished one. Which orders count (COUNTED_ORDER_STATUSES,
// 5 已发货 and 6 已回款) is decided by the order source, in orders/order-source.ts.
export { COUNTED_ORDER_STATUSES } from '../orders/order-source';

export const CHURN_AFTER_MONTHS = 6;

/** A calendar day as `YYYY-MM-DD`; such strings sort like the days they name. */
export type CalendarDay = string;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `date` in `timeZone` (default: the server's zone). */
export function calendarDay(date: Date, timeZone?: string): CalendarDay {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(key, format);
  }
  return format.format(date);
}

/**
 * The day CHURN_AFTER_MONTHS months before `now`'s day (both in `timeZone`,
 * the zone the job is scheduled in): the last order must be before it. An
 * order on that very day is exactly six months old, not more. From 31 August
 * the day is the end of February.
 */
export function churnCutoffDay(now: Date, timeZone?: string, months = CHURN_AFTER_MONTHS): CalendarDay {
  const [year, month, day] = calendarDay(now, timeZone).split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

export interface ChurnCustomer {
  id: number;
  createdAt: Date;
  accountManagerId: number | null;
}

export interface ChurnCandidate {
  customerId: number;
  accountManagerId: number | null;
  /** null: the customer never ordered */
  lastOrderDate: Date | null;
}

/**
 * The customers (all 正常, as loaded by the job) that get a warning now.
 * lastOrderDates: the last counted order per customer id (the order source's answer);
 * withOpenWarning: customers that already have an unfinished warning.
 */
export function selectChurnCandidates(
  customers: ChurnCustomer[],
  lastOrderDates: ReadonlyMap<number, Date>,
  withOpenWarning: ReadonlySet<number>,
  now: Date,
  timeZone?: string,
): ChurnCandidate[] {
  const cutoff = churnCutoffDay(now, timeZone);
  return customers
    .filter((customer) => !withOpenWarning.has(customer.id))
    .map((customer) => ({ customer, lastOrderDate: lastOrderDates.get(customer.id) ?? null }))
    .filter(({ customer, lastOrderDate }) => calendarDay(lastOrderDate ?? customer.createdAt, timeZone) < cutoff)
    .map(({ customer, lastOrderDate }) => ({
      customerId: customer.id,
      accountManagerId: customer.accountManagerId,
      lastOrderDate,
    }));
}
