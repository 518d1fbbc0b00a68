// The selection rule of the weekly churn-warning job, the only place that knows
// it: a 正常 customer without a counted order for more than CHURN_AFTER_MONTHS
// months — counted from its creation when it never ordered — gets a warning,
// unless it has an unfinished one. Which orders count (COUNTED_ORDER_STATUSES,
// 5 已发货 and 6 已回款) is decided by the order source, in orders/order-source.ts.
export { COUNTED_ORDER_STATUSES } from '../orders/order-source';

export const CHURN_AFTER_MONTHS = 6;

/**
 * The start (server time) of the day CHURN_AFTER_MONTHS months before `now`'s
 * day: the last order must be before it. An order on that very day is exactly
 * six months old, not more. From 31 August the day is the end of February.
 */
export function churnCutoff(now: Date, months = CHURN_AFTER_MONTHS): Date {
  const first = new Date(now.getFullYear(), now.getMonth() - months, 1);
  const lastDay = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return new Date(first.getFullYear(), first.getMonth(), Math.min(now.getDate(), lastDay));
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
): ChurnCandidate[] {
  const cutoff = churnCutoff(now).getTime();
  return customers
    .filter((customer) => !withOpenWarning.has(customer.id))
    .map((customer) => ({ customer, lastOrderDate: lastOrderDates.get(customer.id) ?? null }))
    .filter(({ customer, lastOrderDate }) => (lastOrderDate ?? customer.createdAt).getTime() < cutoff)
    .map(({ customer, lastOrderDate }) => ({
      customerId: customer.id,
      accountManagerId: customer.accountManagerId,
      lastOrderDate,
    }));
}
