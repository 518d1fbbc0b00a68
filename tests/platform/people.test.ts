// The people records name, from the kept users (src/auth/people.ts): each id
// gives its user, a missing one null; a renamed user shows at once on every
// list that names them; a client that keeps nothing reads the page's people.
import type { Db } from '../../src/db/client';
import { withPeople } from '../../src/auth/people';
import { freshDb, plainClient } from '../support/db';
import { login, startTestApp, TestApp } from '../support/app';
import { createCustomer } from '../support/builders/customers';
import { createStaff, createUser } from '../support/builders/users';
import { createOpportunity } from '../support/builders/marketing';
import { createServiceTicket } from '../support/builders/service';
import { createWarning } from '../support/builders/churn';

describe('withPeople', () => {
  let db: Db;
  let url: string;
  beforeAll(() => ({ db, url } = freshDb()));
  afterAll(() => db.$disconnect());

  test('each id field gives its user (id, name, status); a null id gives null; the row keeps its fields', async () => {
    const li = await createUser(db, { name: '李明' });
    const zhang = await createUser(db, { name: '张伟', status: 'disabled' });
    const rows = await withPeople(db, [{ n: 1, createdById: li.id, assigneeId: zhang.id }, { n: 2, createdById: zhang.id, assigneeId: null }], {
      createdBy: 'createdById',
      assignee: 'assigneeId',
    });
    expect(rows).toEqual([
      { n: 1, createdById: li.id, assigneeId: zhang.id, createdBy: { id: li.id, name: '李明', status: 'normal' }, assignee: { id: zhang.id, name: '张伟', status: 'disabled' } },
      { n: 2, createdById: zhang.id, assigneeId: null, createdBy: { id: zhang.id, name: '张伟', status: 'disabled' }, assignee: null },
    ]);
    expect(await withPeople(db, [], { createdBy: 'createdById' })).toEqual([]);
  });

  test('a user added or renamed after the users were kept is named at once', async () => {
    const first = await createUser(db, { name: '旧名' });
    expect((await withPeople(db, [{ id: first.id }], { user: 'id' }))[0].user?.name).toBe('旧名');
    await db.user.update({ where: { id: first.id }, data: { name: '新名' } });
    const added = await createUser(db, { name: '新人' });
    const rows = await withPeople(db, [{ id: first.id }, { id: added.id }], { user: 'id' });
    expect(rows.map((row) => row.user?.name)).toEqual(['新名', '新人']);
  });

  test('a client that keeps no reads (as on SQL Server) reads the people of the rows', async () => {
    const plain = plainClient(url);
    try {
      const wang = await createUser(db, { name: '王五' });
      const rows = await withPeople(plain, [{ by: wang.id }], { person: 'by' });
      expect(rows[0].person).toEqual({ id: wang.id, name: '王五', status: 'normal' });
    } finally {
      await plain.$disconnect();
    }
  });
});

describe('people on the lists', () => {
  let t: TestApp;
  beforeAll(() => {
    t = startTestApp();
  });
  afterAll(() => t.close());

  test('a user renamed at 用户管理 shows with the new name on the lists of opportunities, plans, customers, churn warnings and tickets, and on a ticket and a customer, after each was shown', async () => {
    const staff = await createStaff(t.db);
    const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id, name: '泰和商贸' });
    await createOpportunity(t.db, { createdById: staff.manager.id, status: 'assigned', assigneeId: staff.sales.id, customerName: '泰和商贸' });
    await createWarning(t.db, { customerId: customer.id });
    const ticket = await createServiceTicket(t.db, { customerId: customer.id, createdById: staff.sales.id, status: 'archived', assigneeId: staff.sales.id });
    const admin = await login(t.app, 'admin');
    const manager = await login(t.app, 'manager');
    const pages = ['/opportunities', '/plans', '/customers', '/churn', '/service/archive', `/service/${ticket.id}`, `/customers/${customer.id}`];
    for (const page of pages) {
      const text = (await manager.get(page)).text;
      expect(text).toContain('李明');
      expect(text).not.toContain('李晓明');
    }
    const res = await admin.post(`/users/${staff.sales.id}/edit`, { name: '李晓明', roleCode: 'sales' });
    expect(res.status).toBe(302);
    for (const page of pages) {
      const text = (await manager.get(page)).text;
      expect(text).toContain('李晓明');
      expect(text).not.toContain('李明');
    }
  });
});
