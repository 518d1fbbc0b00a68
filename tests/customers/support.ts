// What the customer tests share: the staff with a customer of each kind.
import type { LoggedIn, TestApp } from '../support/app';
import { createStaff } from '../support/builders/users';
import { createCustomer } from '../support/builders/customers';

/** sales1 (李明) manages `mine` and `churned`; sales2 (张伟) manages `theirs`. */
export async function customerStaff(t: TestApp) {
  const staff = await createStaff(t.db);
  const mine = await createCustomer(t.db, { name: '北京远航科技有限公司', accountManagerId: staff.sales.id, region: '北京', level: '大客户' });
  const theirs = await createCustomer(t.db, { name: '上海明珠贸易有限公司', accountManagerId: staff.otherSales.id, region: '华东' });
  const churned = await createCustomer(t.db, { name: '广州旧城贸易有限公司', accountManagerId: staff.sales.id, status: 'churned' });
  return { ...staff, mine, theirs, churned };
}

export { follow } from '../support/app';

/** Posts an edit and a delete of a contact or an interaction with a forged, then no, CSRF token: each must be 403. */
export async function expectChangesRefusedWithoutToken(session: LoggedIn, path: string, edit: Record<string, string>) {
  for (const token of [{ _csrf: 'forged' }, {}]) {
    expect((await session.agent.post(`${path}/edit`).type('form').send({ ...edit, ...token })).status).toBe(403);
    expect((await session.agent.post(`${path}/delete`).type('form').send(token)).status).toBe(403);
  }
}
