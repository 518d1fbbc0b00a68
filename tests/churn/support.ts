// What the churn tests share: the staff, customers of sales1 and sales2, and
// following a redirect to read the message it left.
import type { Response } from 'supertest';
import type { LoggedIn, TestApp } from '../support/app';
import { createStaff } from '../support/builders/users';
import { createWarning, WarningInput } from '../support/builders/churn';
import { createCustomer } from '../support/builders/customers';

export async function churnStaff(t: TestApp) {
  return createStaff(t.db);
}

/** A customer of the 客户经理 with a warning in the given state. */
export async function warningFor(t: TestApp, accountManagerId: number | null, name: string, input: Partial<WarningInput> = {}) {
  const customer = await createCustomer(t.db, { name, accountManagerId, createdAt: new Date(2020, 0, 1) });
  const warning = await createWarning(t.db, { customerId: customer.id, ...input });
  return { customer, warning };
}

/** The page a redirect leads to (where its flash message shows). */
export async function follow(session: LoggedIn, res: Response): Promise<string> {
  expect(res.status).toBe(302);
  const next = await session.get(res.headers.location);
  return next.text;
}
