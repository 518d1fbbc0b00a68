// What the service tests share: the staff, a customer, and following a redirect
// to read the message it left.
import type { TestApp } from '../support/app';
import { createStaff, createUser } from '../support/builders/users';
import { createCustomer } from '../support/builders/customers';

export async function serviceStaff(t: TestApp) {
  const staff = await createStaff(t.db);
  const customer = await createCustomer(t.db, { name: '北京远航科技' });
  return { ...staff, customer };
}

/** A second manager, for assigning at the same moment. */
export function otherManager(t: TestApp) {
  return createUser(t.db, { role: 'manager', username: 'manager2' });
}

export { follow } from '../support/app';
