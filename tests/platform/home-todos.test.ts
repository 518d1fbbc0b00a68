// The home page's to-dos (我的待办) are kept per user and rights while the tables
// they count are unchanged (src/shared/todos.ts): each one follows a change in
// its module at once, after the home page was shown, and a change of rights too.
import { login, startTestApp, TestApp } from '../support/app';
import { createStaff } from '../support/builders/users';
import { createCustomer } from '../support/builders/customers';
import { createServiceTicket } from '../support/builders/service';
import { createOpportunity } from '../support/builders/marketing';
import { createWarning } from '../support/builders/churn';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await createStaff(t.db);
});
afterAll(() => t.close());

const todo = (count: number, label: string) => `<span class="todo-count">${count}</span><span class="todo-label">${label}</span>`;
const home = async (session: Awaited<ReturnType<typeof login>>) => (await session.get('/home')).text;

test('a ticket assigned to the user adds to 待处理的服务, a new one to the manager’s 待分配的服务', async () => {
  const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id });
  const sales = await login(t.app, 'sales1');
  const manager = await login(t.app, 'manager');
  await createServiceTicket(t.db, { customerId: customer.id, createdById: staff.manager.id, status: 'assigned', assigneeId: staff.sales.id });
  expect(await home(sales)).toContain(todo(1, '待处理的服务'));
  expect(await home(manager)).not.toContain('待分配的服务');
  const waiting = await createServiceTicket(t.db, { customerId: customer.id, createdById: staff.manager.id });
  expect(await home(manager)).toContain(todo(1, '待分配的服务'));
  const res = await manager.post(`/service/${waiting.id}/assign`, { assigneeId: staff.sales.id });
  expect(res.status).toBe(302);
  expect(await home(sales)).toContain(todo(2, '待处理的服务'));
  expect(await home(manager)).not.toContain('待分配的服务');
});

test('a new opportunity adds to 待指派的销售机会', async () => {
  const manager = await login(t.app, 'manager');
  const before = await home(manager);
  const count = Number(/<span class="todo-count">(\d+)<\/span><span class="todo-label">待指派的销售机会/.exec(before)?.[1] ?? 0);
  await createOpportunity(t.db, { createdById: staff.manager.id });
  expect(await home(manager)).toContain(todo(count + 1, '待指派的销售机会'));
});

test('a warning counts for the customer’s 客户经理 now: it moves with the customer', async () => {
  const sales = await login(t.app, 'sales1');
  const other = await login(t.app, 'sales2');
  const customer = await createCustomer(t.db, { accountManagerId: staff.sales.id });
  expect(await home(sales)).not.toContain('待处理的流失预警');
  expect(await home(other)).not.toContain('待处理的流失预警');
  await createWarning(t.db, { customerId: customer.id });
  expect(await home(sales)).toContain(todo(1, '待处理的流失预警'));
  await t.db.customer.update({ where: { id: customer.id }, data: { accountManagerId: staff.otherSales.id } });
  expect(await home(sales)).not.toContain('待处理的流失预警');
  expect(await home(other)).toContain(todo(1, '待处理的流失预警'));
});

test('a right taken from the role takes its to-do off the home page at the next view', async () => {
  const customer = await createCustomer(t.db);
  await createServiceTicket(t.db, { customerId: customer.id, createdById: staff.manager.id });
  const manager = await login(t.app, 'manager');
  expect(await home(manager)).toContain('待分配的服务');
  const right = await t.db.permission.findFirstOrThrow({ where: { resource: 'ticket', action: 'assign', access: 'any' } });
  await t.db.$transaction(async (tx) => {
    await tx.rolePermission.delete({ where: { roleCode_permissionId: { roleCode: 'manager', permissionId: right.id } } });
    await tx.role.update({ where: { code: 'manager' }, data: { rightsVersion: { increment: 1 } } });
  });
  expect(await home(manager)).not.toContain('待分配的服务');
});
