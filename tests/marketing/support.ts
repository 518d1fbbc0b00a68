// What the marketing tests share: the staff, users as the rights table makes
// them, and following a redirect.
import type { TestApp } from '../support/app';
import { createStaff } from '../support/builders/users';

export function marketingStaff(t: TestApp) {
  return createStaff(t.db);
}

export { userOf } from '../support/builders/users';

export { follow } from '../support/app';
