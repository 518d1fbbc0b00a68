// Loading the demo company: its users, products and stock, customers with
// contacts and interactions, and two years of orders (the counted ones end
// where each customer's story says).
import type { Prisma, Tx } from '../db/client';
import { DICTIONARY } from '../db/reference-data';
import { cents, centsText } from '../orders/money';
import { writeNamePieces } from '../customers/name-pieces';
import {
  calendarDay,
  creditCode,
  DailyNumbers,
  daysBefore,
  daysBetween,
  lookup,
  mobilePhone,
  officePhone,
  officeTime,
  personName,
} from './build';
import type { Random } from './random';
import {
  BANKS,
  CITIES,
  City,
  CONTACT_TITLES,
  CUSTOMERS,
  CustomerSeed,
  INTERACTION_PLACES,
  INTERACTION_TOPICS,
  LEVEL_WEIGHTS,
  PRODUCTS,
  ProductSeed,
  PROFILE_DAYS,
  REGISTERED_CAPITAL,
  STREETS,
  UserIds,
  USERS,
  WAREHOUSES,
} from './tables/company';
import { OPPORTUNITIES } from './tables/opportunities';

export interface DemoProduct {
  id: number;
  seed: ProductSeed;
  cents: number;
}

export interface DemoCustomer {
  id: number;
  seed: CustomerSeed;
  city: City;
  number: string;
  address: string;
  createdAt: Date;
  managerId: number;
  /** the planned last counted order (status 5 or 6) */
  lastOrderAt: Date | null;
}

export async function createUsers(tx: Tx, passwordHash: string, now: Date): Promise<UserIds> {
  const createdAt = daysBefore(now, 1100, 9, 0);
  await tx.user.createMany({
    data: USERS.map((user) => ({ ...user, passwordHash, createdAt, updatedAt: createdAt })),
  });
  const ids = new Map((await tx.user.findMany({ select: { id: true, username: true } })).map((row) => [row.username, row.id]));
  return Object.fromEntries(USERS.map((user) => [user.username, lookup(ids, user.username)])) as UserIds;
}

export async function createProducts(tx: Tx, random: Random): Promise<DemoProduct[]> {
  const products: DemoProduct[] = [];
  for (const seed of PRODUCTS) {
    const stock = random.sample(WAREHOUSES, random.int(1, 2)).map((warehouse) => ({
      warehouse,
      location: `${random.pick(['A', 'B', 'C'])}区-${String(random.int(1, 12)).padStart(2, '0')}-${random.int(1, 5)}`,
      quantity: random.int(seed.maxQuantity, seed.maxQuantity * 12),
    }));
    const { maxQuantity: _maxQuantity, ...fields } = seed;
    const product = await tx.product.create({
      data: { ...fields, remark: seed.remark ?? null, stock: { create: stock } },
    });
    products.push({ id: product.id, seed, cents: cents(seed.price) });
  }
  return products;
}

/** When each customer was created and last ordered, oldest first (so numbers run with ids). */
export function planCustomers(random: Random, users: UserIds, now: Date): Omit<DemoCustomer, 'id' | 'number'>[] {
  const planned = CUSTOMERS.map((seed) => {
    const days = PROFILE_DAYS[seed.profile];
    const createdDays = seed.createdDaysAgo ?? random.int(...days.created);
    const lastOrderDays = days.lastOrder && Math.min(random.int(...days.lastOrder), createdDays - 7);
    const city: City = CITIES[seed.city];
    return {
      seed,
      city,
      address: `${seed.city}市${random.pick(city.districts)}${random.pick(STREETS)}${random.int(1, 399)}号`,
      createdAt: officeTime(random, now, createdDays),
      managerId: users[seed.manager],
      lastOrderAt: lastOrderDays === null ? null : officeTime(random, now, lastOrderDays),
    };
  });
  return planned.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export async function createCustomers(
  tx: Tx,
  random: Random,
  users: UserIds,
  numbers: DailyNumbers,
  now: Date,
): Promise<DemoCustomer[]> {
  const levels = DICTIONARY['企业客户等级'];
  const planned = planCustomers(random, users, now).map((customer) => ({ ...customer, number: numbers.next(customer.createdAt) }));
  await tx.customer.createMany({
    data: planned.map(({ seed, city, number, address, createdAt, managerId }): Prisma.CustomerCreateManyInput => {
      const code = creditCode(random);
      const district = random.pick(city.districts);
      return {
        number,
        name: seed.name,
        region: city.region,
        accountManagerId: managerId,
        level: random.weighted(levels, LEVEL_WEIGHTS),
        satisfaction: seed.profile === 'churned' ? random.int(1, 2) : random.int(3, 5),
        credit: random.int(seed.profile === 'churned' ? 1 : 3, 5),
        address,
        postcode: city.postcode,
        phone: officePhone(random, city),
        fax: officePhone(random, city),
        website: `www.${seed.web}.com.cn`,
        licenceNumber: code,
        legalPerson: personName(random, random.chance(0.8) ? '男' : '女'),
        registeredCapital: random.pick(REGISTERED_CAPITAL),
        annualTurnover: `${random.int(3, 500) * 100}.00`,
        bank: `${random.pick(BANKS)}${seed.city}${district}支行`,
        bankAccount: random.digits(19),
        localTaxNumber: code,
        nationalTaxNumber: code,
        status: 'normal',
        createdAt,
        updatedAt: createdAt,
      };
    }),
  });
  const ids = new Map((await tx.customer.findMany({ select: { id: true, number: true } })).map((row) => [row.number, row.id]));
  const customers = planned.map((customer) => ({ ...customer, id: lookup(ids, customer.number) }));
  await writeNamePieces(tx, customers.map((customer) => ({ id: customer.id, name: customer.seed.name })));
  return customers;
}

/** 1–3 contacts each; a customer won from an opportunity starts with that opportunity's contact. */
export async function createContacts(tx: Tx, random: Random, customers: DemoCustomer[]): Promise<void> {
  const data: Prisma.ContactCreateManyInput[] = [];
  for (const customer of customers) {
    const opportunity = OPPORTUNITIES.find((o) => o.status === 'succeeded' && o.customerName === customer.seed.name);
    if (opportunity) {
      data.push({
        customerId: customer.id,
        name: opportunity.contact,
        gender: opportunity.contactGender ?? '男',
        title: opportunity.contactTitle ?? '联系人',
        officePhone: opportunity.contactPhone,
        mobile: mobilePhone(random),
      });
    }
    const titles = random.sample(CONTACT_TITLES, random.int(1, 3) - (opportunity ? 1 : 0));
    for (const title of titles) {
      const gender = random.chance(0.6) ? '男' : '女';
      data.push({
        customerId: customer.id,
        name: personName(random, gender),
        gender,
        title,
        officePhone: officePhone(random, customer.city),
        mobile: random.chance(0.8) ? mobilePhone(random) : null,
        remark: title === '采购经理' ? '主要对接人' : null,
      });
    }
  }
  await tx.contact.createMany({ data });
}

export function stillBuying(customer: DemoCustomer): boolean {
  return customer.seed.profile === 'active' || customer.seed.profile === 'won';
}

/** 0–3 interactions each, while the customer was still buying. */
export async function createInteractions(tx: Tx, random: Random, customers: DemoCustomer[], now: Date): Promise<void> {
  const data: Prisma.InteractionCreateManyInput[] = [];
  for (const customer of customers) {
    const first = daysBetween(now, customer.createdAt) - 3;
    const quietFor = customer.lastOrderAt ? daysBetween(now, customer.lastOrderAt) - 30 : first - 90;
    const last = stillBuying(customer) ? 1 : Math.max(1, quietFor);
    for (let i = random.int(0, 3); i > 0 && first > last; i--) {
      const topic = random.pick(INTERACTION_TOPICS);
      data.push({
        customerId: customer.id,
        date: calendarDay(daysBefore(now, random.int(last, first))),
        place: random.pick(INTERACTION_PLACES),
        summary: topic.summary,
        detail: topic.detail,
        remark: random.chance(0.2) ? '需跟进' : null,
      });
    }
  }
  await tx.interaction.createMany({ data });
}

export interface PlannedOrder {
  customer: DemoCustomer;
  date: Date;
  status: number;
}

/** A counted order (5 已发货, 6 已回款): recent ones are often not yet paid. */
export function countedStatus(random: Random, ageDays: number): number {
  return random.chance(ageDays < 45 ? 0.6 : 0.08) ? 5 : 6;
}

/** Each customer's orders of the past two years, ending with its planned last counted order. */
export function planOrders(random: Random, customers: DemoCustomer[], now: Date): PlannedOrder[] {
  const orders: PlannedOrder[] = [];
  for (const customer of customers) {
    const { lastOrderAt } = customer;
    if (lastOrderAt) {
      const lastDays = daysBetween(now, lastOrderAt);
      const firstDays = Math.min(daysBetween(now, customer.createdAt) - 10, 730);
      const earlier = firstDays - lastDays > 30 ? random.int(1, Math.min(7, Math.ceil((firstDays - lastDays) / 60))) : 0;
      for (let i = 0; i < earlier; i++) {
        const days = random.int(lastDays + 15, firstDays);
        orders.push({ customer, date: officeTime(random, now, days), status: countedStatus(random, days) });
      }
      orders.push({ customer, date: lastOrderAt, status: countedStatus(random, lastDays) });
    }
    if (customer.seed.openOrder || (stillBuying(customer) && random.chance(0.35))) {
      orders.push({ customer, date: officeTime(random, now, random.int(1, 25)), status: random.int(1, 4) });
    }
  }
  return orders.sort((a, b) => a.date.getTime() - b.date.getTime());
}

export function orderLines(random: Random, products: DemoProduct[]): Omit<Prisma.OrderLineCreateManyInput, 'orderId'>[] {
  return random.sample(products, random.int(1, 4)).map((product) => {
    const quantity = random.int(1, product.seed.maxQuantity);
    return {
      productId: product.id,
      productName: product.seed.name,
      quantity,
      unit: product.seed.unit,
      price: product.seed.price,
      amount: centsText(product.cents * quantity),
    };
  });
}

export async function createOrders(tx: Tx, random: Random, customers: DemoCustomer[], products: DemoProduct[], now: Date): Promise<void> {
  const numbers = new DailyNumbers('DD');
  const orders = planOrders(random, customers, now).map((order) => {
    const lines = orderLines(random, products);
    return {
      number: numbers.next(order.date),
      customerId: order.customer.id,
      date: order.date,
      address: order.customer.address,
      status: order.status,
      // the order's total, as the sales system records it beside its lines
      amount: centsText(lines.reduce((sum, line) => sum + cents(line.amount), 0)),
      lines,
    };
  });
  await tx.order.createMany({ data: orders.map(({ lines: _lines, ...order }) => order) });
  const ids = new Map((await tx.order.findMany({ select: { id: true, number: true } })).map((row) => [row.number, row.id]));
  await tx.orderLine.createMany({
    data: orders.flatMap((order) => order.lines.map((line) => ({ ...line, orderId: lookup(ids, order.number) }))),
  });
}
