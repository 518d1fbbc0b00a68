// What the churn tests share: the staff, customers of sales1 and sales2.
import type { TestApp } from '../support/app';
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

export { follow } from '../support/app';
