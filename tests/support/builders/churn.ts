// Builders for churn: customers and their orders inserted directly, and
// warnings with measures as the steps would have written them.
import type { Db } from '../../../src/db/client';
import type { ChurnWarningStatus } from '../../../src/churn/warning-status';

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

export interface ChurnCustomerInput {
  name?: string;
  status?: 'normal' | 'churned';
  accountManagerId?: number | null;
  createdAt?: Date;
}

export async function createChurnCustomer(db: Db, input: ChurnCustomerInput = {}) {
  const n = next();
  return db.customer.create({
    data: {
      number: `KHLS${process.pid}${String(n).padStart(5, '0')}`,
      name: input.name ?? `流失测试客户${n}`,
      status: input.status ?? 'normal',
      accountManagerId: input.accountManagerId ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
}

/** An order of the customer; status 5 已发货 unless given. */
export async function createOrder(db: Db, customerId: number, date: Date, status = 5) {
  const n = next();
  return db.order.create({
    data: { number: `DD${process.pid}${String(n).padStart(6, '0')}`, customerId, date, status },
  });
}

export interface WarningInput {
  customerId: number;
  status?: ChurnWarningStatus;
  accountManagerId?: number | null;
  lastOrderDate?: Date | null;
  /** measures (content, author) appended in order */
  measures?: { content: string; authorId: number }[];
  reason?: string;
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
      ...(status === 'churned' ? { reason: input.reason ?? '客户转向竞争对手', confirmedAt: new Date() } : {}),
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
