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

/** Time zones are at most 14 hours ahead of UTC and 12 hours behind. */
const MOST_AHEAD_MS = 14 * 3_600_000;
const MOST_BEHIND_MS = 12 * 3_600_000;

/**
 * Whether `date`'s calendar day in `timeZone` is before `day`. Decided from the
 * instant alone unless it lies within a zone's offset of the day's start in UTC:
 * formatting each of a hundred thousand dates was most of the rule's time.
 */
export function isBeforeDay(date: Date, day: CalendarDay, timeZone?: string): boolean {
  const dayStartUtc = Date.parse(`${day}T00:00:00Z`);
  const instant = date.getTime();
  if (instant < dayStartUtc - MOST_AHEAD_MS) return true;
  if (instant >= dayStartUtc + MOST_BEHIND_MS) return false;
  return calendarDay(date, timeZone) < day;
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
    .filter(({ customer, lastOrderDate }) => isBeforeDay(lastOrderDate ?? customer.createdAt, cutoff, timeZone))
    .map(({ customer, lastOrderDate }) => ({
      customerId: customer.id,
      accountManagerId: customer.accountManagerId,
      lastOrderDate,
    }));
}
