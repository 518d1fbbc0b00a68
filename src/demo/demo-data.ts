// 演示数据: fills a new embedded database with a small company's CRM — users of
// every role, products and stock, customers with contacts, interactions and two
// years of orders, sales opportunities, churn warnings and service tickets in
// every status. All dates are relative to `now`, and a seeded generator makes
// the data the same on every run. Six customers are left without a counted order
// for over six months and without a warning: the weekly churn job finds them.
import bcrypt from 'bcrypt';
import type { Db } from '../db/client';
import { CUSTOMER_NUMBER_PREFIX } from '../customers/create-customer';
import { TICKET_NUMBER_PREFIX } from '../service/tickets';
import { DailyNumbers } from './build';
import { createContacts, createCustomers, createInteractions, createOrders, createProducts, createUsers } from './load-customers';
import { createChurnWarnings, createOpportunities, createServiceTickets } from './load-workflows';
import { Random } from './random';

const DEMO_PASSWORD = 'demo123';
const SEED = 20240105;

/**
 * Fills a new embedded database (reference data already there) with demo data.
 * Every user's password is demo123.
 */
export async function loadDemoData(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const random = new Random(SEED);
  const customerNumbers = new DailyNumbers(CUSTOMER_NUMBER_PREFIX);
  const ticketNumbers = new DailyNumbers(TICKET_NUMBER_PREFIX);
  await db.$transaction(
    async (tx) => {
      const users = await createUsers(tx, passwordHash, now);
      const products = await createProducts(tx, random);
      const customers = await createCustomers(tx, random, users, customerNumbers, now);
      await createContacts(tx, random, customers);
      await createInteractions(tx, random, customers, now);
      await createOrders(tx, random, customers, products, now);
      await createOpportunities(tx, users, customers, now);
      await createChurnWarnings(tx, customers, now);
      await createServiceTickets(tx, users, customers, ticketNumbers, now);
      await tx.counter.createMany({ data: [...customerNumbers.counters(), ...ticketNumbers.counters()] });
    },
    { timeout: 60_000 },
  );
}
