// Builders for customers (客户) and what they keep — contacts, interactions —
// and their orders with lines, inserted directly as the system would have them.
import type { Db } from '../../../src/db/client';
import { fillMissingNamePieces, writeNamePieces } from '../../../src/customers/name-pieces';
import type { Prisma } from '../../../src/db/client';

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

export interface CustomerInput {
  name?: string;
  number?: string;
  status?: 'normal' | 'churned';
  accountManagerId?: number | null;
  region?: string | null;
  level?: string | null;
  satisfaction?: number | null;
  credit?: number | null;
  createdAt?: Date;
  /** any further column (address, bank …) */
  more?: Record<string, string | null>;
}

export async function createCustomer(db: Db, input: CustomerInput = {}) {
  const n = next();
  const customer = await db.customer.create({
    data: {
      number: input.number ?? `KHKT${process.pid}${String(n).padStart(5, '0')}`,
      name: input.name ?? `客户测试公司${n}`,
      status: input.status ?? 'normal',
      accountManagerId: input.accountManagerId ?? null,
      region: input.region ?? null,
      level: input.level ?? null,
      satisfaction: input.satisfaction ?? null,
      credit: input.credit ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      ...(input.more ?? {}),
    },
  });
  await writeNamePieces(db, [customer]);
  return customer;
}

/** Many customers at once (lists at scale), with their name pieces as the application keeps them. */
export async function createManyCustomers(db: Db, data: Prisma.CustomerCreateManyInput[]): Promise<void> {
  await db.customer.createMany({ data });
  await fillMissingNamePieces(db);
}

export interface ContactInput {
  customerId: number;
  name?: string;
  gender?: string;
  title?: string;
  officePhone?: string;
  mobile?: string | null;
  remark?: string | null;
}

export function createContact(db: Db, input: ContactInput) {
  const n = next();
  return db.contact.create({
    data: {
      customerId: input.customerId,
      name: input.name ?? `联系人${n}`,
      gender: input.gender ?? '男',
      title: input.title ?? '采购经理',
      officePhone: input.officePhone ?? `010-6${String(n).padStart(7, '0')}`,
      mobile: input.mobile ?? null,
      remark: input.remark ?? null,
    },
  });
}

export interface InteractionInput {
  customerId: number;
  /** 2011-07-01 */
  date?: string;
  place?: string;
  summary?: string;
  detail?: string | null;
  remark?: string | null;
}

export function createInteraction(db: Db, input: InteractionInput) {
  const n = next();
  return db.interaction.create({
    data: {
      customerId: input.customerId,
      date: new Date(`${input.date ?? '2011-07-01'}T00:00:00Z`),
      place: input.place ?? `会议室${n}`,
      summary: input.summary ?? `交往概要${n}`,
      detail: input.detail ?? null,
      remark: input.remark ?? null,
    },
  });
}

export interface OrderLineInput {
  productName: string;
  quantity: number;
  unit?: string | null;
  /** a decimal string, e.g. '12.50' */
  price: string;
}

export interface OrderInput {
  customerId: number;
  date: Date;
  /** 5 已发货 unless given */
  status?: number;
  number?: string;
  address?: string | null;
  lines?: OrderLineInput[];
}

/** Cents of price × quantity as a decimal string, without floating point. */
function amountOf(line: OrderLineInput): string {
  const [whole, fraction = ''] = line.price.split('.');
  const cents = (Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2))) * line.quantity;
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export async function createOrder(db: Db, input: OrderInput) {
  const n = next();
  const lines = input.lines ?? [];
  const total = lines.reduce((sum, line) => sum + Math.round(Number(amountOf(line)) * 100), 0);
  return db.order.create({
    data: {
      number: input.number ?? `DDKT${process.pid}${String(n).padStart(6, '0')}`,
      customerId: input.customerId,
      date: input.date,
      status: input.status ?? 5,
      amount: (total / 100).toFixed(2),
      address: input.address === undefined ? `北京市海淀区测试路${n}号` : input.address,
      lines: {
        create: lines.map((line) => ({
          productName: line.productName,
          quantity: line.quantity,
          unit: line.unit ?? '台',
          price: line.price,
          amount: amountOf(line),
        })),
      },
    },
    include: { lines: true },
  });
}

/** The customer as the database has it now. */
export function customerNow(db: Db, id: number) {
  return db.customer.findUniqueOrThrow({ where: { id } });
}

/** The audit entries written about one record. */
export function auditEntries(db: Db, entity: string, id: number) {
  return db.auditEntry.findMany({ where: { entity, entityId: String(id) }, orderBy: { id: 'asc' } });
}
