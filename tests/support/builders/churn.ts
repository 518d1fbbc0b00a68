// Builders for churn: orders on a given day, and warnings with measures as
// the steps would have written them. Customers come from builders/customers.ts.
import type { Db } from '../../../src/db/client';
import { createOrder as createOrderWithLines } from './customers';
import type { ChurnWarningStatus } from '../../../src/churn/warning-status';

/** An order of the customer on a day; status 5 已发货 unless given. */
export function createOrder(db: Db, customerId: number, date: Date, status = 5) {
  return createOrderWithLines(db, { customerId, date, status });
}

export interface WarningInput {
  customerId: number;
  status?: ChurnWarningStatus;
  accountManagerId?: number | null;
  lastOrderDate?: Date | null;
  /** measures (content, author) appended in order */
  measures?: { content: string; authorId: number }[];
  reason?: string;
  /** a churned warning's 确认流失 date (now by default) */
  confirmedAt?: Date;
}

export async function createWarning(db: Db, input: WarningInput) {
  const customer = await db.customer.findUniqueOrThrow({ where: { id: input.customerId } });
  const status = input.status ?? (input.measures?.length ? 'deferred' : 'warning');
  const warning = await db.churnWarning.create({
    data: {
      customerId: input.customerId,
      accountManagerId: input.accountManagerId === undefined ? customer.accountManagerId : input.accountManagerId,
      lastOrderDate: input.lastOrderDate ?? null,
      status,
      ...(status === 'churned' ? { reason: input.reason ?? '客户转向竞争对手', confirmedAt: input.confirmedAt ?? new Date() } : {}),
    },
  });
  for (const measure of input.measures ?? []) {
    await db.churnMeasure.create({ data: { warningId: warning.id, ...measure } });
  }
  return warning;
}

/** A warning as the database has it now, with its measures and customer. */
export function warningNow(db: Db, id: number) {
  return db.churnWarning.findUniqueOrThrow({
    where: { id },
    include: { measures: { orderBy: { id: 'asc' } }, customer: true },
  });
}

/** A date `months` months and `days` days before `from`, at the given hour (server time). */
export function monthsAgo(from: Date, months: number, days = 0, hour = 12): Date {
  return new Date(from.getFullYear(), from.getMonth() - months, from.getDate() - days, hour);
}
