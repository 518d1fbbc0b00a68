// Audit coverage: every domain write of every module, run once here in the
// order a business day would run them, writes its audit entry — who, what,
// which record — in its own transaction.
import type { Tx } from '../../src/db/client';
import type { CurrentUser } from '../../src/auth/can';
import * as opportunities from '../../src/marketing/opportunities';
import * as plans from '../../src/marketing/plans';
import { createCustomer } from '../../src/customers/create-customer';
import { editCustomer } from '../../src/customers/customers';
import { addCustomerRecord, deleteCustomerRecord, editCustomerRecord } from '../../src/customers/customer-records';
import { CONTACTS } from '../../src/customers/contacts';
import { INTERACTIONS } from '../../src/customers/interactions';
import { confirmChurn, deferChurn, raiseChurnWarnings } from '../../src/churn/warnings';
import { crmOrderSource } from '../../src/orders/crm-order-source';
import * as tickets from '../../src/service/tickets';
import * as users from '../../src/users/users';
import * as roles from '../../src/roles/roles';
import { startTestApp, TestApp, TEST_PASSWORD } from '../support/app';
import { createStaff, userOf } from '../support/builders/users';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let manager: CurrentUser;
let sales: CurrentUser;
let admin: CurrentUser;
beforeAll(async () => {
  t = startTestApp();
  staff = await createStaff(t.db);
  manager = userOf('manager', staff.manager.id);
  sales = userOf('sales', staff.sales.id);
  admin = userOf('admin', staff.admin.id);
});
afterAll(() => t.close());

/** Ids of the records the steps make, for the steps after them. */
const made: Record<string, number> = {};
const inTx = <T>(work: (tx: Tx) => Promise<T>) => t.db.$transaction(work);
const day = (text: string) => new Date(`${text}T00:00:00Z`);
const opportunityInput = { source: null, customerName: '审计测试公司', successRate: 50, summary: '采购意向', contact: '钱经理', contactPhone: '010-1', description: '需要 ERP' };

interface Step {
  name: string;
  entity: string;
  action: string;
  actor: () => CurrentUser | null;
  /** runs the write; returns the record id its entry names */
  run: () => Promise<number | string>;
}

const steps: Step[] = [
  { name: '新建销售机会', entity: 'Opportunity', action: 'create', actor: () => sales, run: async () => (made.opportunity = (await inTx((tx) => opportunities.createOpportunity(tx, opportunityInput, sales))).id) },
  { name: '编辑销售机会', entity: 'Opportunity', action: 'update', actor: () => sales, run: async () => (await inTx((tx) => opportunities.editOpportunity(tx, made.opportunity, { ...opportunityInput, successRate: 60 }, sales))).id },
  { name: '指派', entity: 'Opportunity', action: 'assign', actor: () => manager, run: async () => (await inTx((tx) => opportunities.assignOpportunity(tx, made.opportunity, staff.sales.id, manager))).id },
  { name: '制定计划', entity: 'PlanItem', action: 'create', actor: () => sales, run: async () => (made.item = (await inTx((tx) => plans.addPlanItem(tx, made.opportunity, { date: day('2026-12-01'), content: '拜访' }, sales))).id) },
  { name: '修改计划项', entity: 'PlanItem', action: 'update', actor: () => sales, run: async () => (await inTx((tx) => plans.editPlanItem(tx, made.opportunity, made.item, '再次拜访', sales))).id },
  { name: '执行计划', entity: 'PlanItem', action: 'result', actor: () => sales, run: async () => (await inTx((tx) => plans.recordPlanResult(tx, made.opportunity, made.item, '有意向', sales))).id },
  {
    name: '删除计划项', entity: 'PlanItem', action: 'delete', actor: () => sales,
    run: async () => {
      const extra = await inTx((tx) => plans.addPlanItem(tx, made.opportunity, { date: day('2026-12-02'), content: '电话' }, sales));
      await inTx((tx) => plans.deletePlanItem(tx, made.opportunity, extra.id, sales));
      return extra.id;
    },
  },
  {
    name: '开发成功 (the opportunity, its new customer and first contact)', entity: 'Opportunity', action: 'succeed', actor: () => sales,
    run: async () => {
      const { customer } = await inTx((tx) => plans.succeedOpportunity(tx, made.opportunity, sales));
      made.customer = customer.id;
      const entries = await t.db.auditEntry.findMany({ where: { entity: { in: ['Customer', 'Contact'] }, action: 'create' }, orderBy: { id: 'desc' }, take: 2 });
      expect(entries.map((e) => e.entity).sort()).toEqual(['Contact', 'Customer']);
      return made.opportunity;
    },
  },
  {
    name: '终止开发', entity: 'Opportunity', action: 'fail', actor: () => sales,
    run: async () => {
      const other = await inTx((tx) => opportunities.createOpportunity(tx, opportunityInput, manager));
      await inTx((tx) => opportunities.assignOpportunity(tx, other.id, staff.sales.id, manager));
      return (await inTx((tx) => plans.failOpportunity(tx, other.id, sales))).id;
    },
  },
  {
    name: '删除销售机会', entity: 'Opportunity', action: 'delete', actor: () => sales,
    run: async () => {
      const other = await inTx((tx) => opportunities.createOpportunity(tx, opportunityInput, sales));
      await inTx((tx) => opportunities.deleteOpportunity(tx, other.id, sales));
      return other.id;
    },
  },
  { name: '新建客户', entity: 'Customer', action: 'create', actor: () => manager, run: async () => (await inTx((tx) => createCustomer(tx, { name: '直接建档公司', accountManagerId: staff.sales.id }, staff.manager.id))).id },
  {
    name: '编辑客户信息', entity: 'Customer', action: 'update', actor: () => manager,
    run: async () => {
      const input = { name: '审计测试公司（改）', region: null, accountManagerId: staff.sales.id, level: null, satisfaction: 4, credit: null, address: null, postcode: null, phone: null, fax: null, website: null, licenceNumber: null, legalPerson: null, registeredCapital: null, annualTurnover: null, bank: null, bankAccount: null, localTaxNumber: null, nationalTaxNumber: null };
      return (await inTx((tx) => editCustomer(tx, made.customer, input, manager))).id;
    },
  },
  { name: '新建联系人', entity: 'Contact', action: 'create', actor: () => sales, run: async () => (made.contact = (await inTx((tx) => addCustomerRecord(tx, CONTACTS, made.customer, { name: '孙七', gender: '男', title: '经理', officePhone: '010-2', mobile: null, remark: null }, sales))).id) },
  { name: '编辑联系人', entity: 'Contact', action: 'update', actor: () => sales, run: async () => (await inTx((tx) => editCustomerRecord(tx, CONTACTS, made.customer, made.contact, { name: '孙七', gender: '男', title: '总经理', officePhone: '010-2', mobile: null, remark: null }, sales)), made.contact) },
  { name: '删除联系人', entity: 'Contact', action: 'delete', actor: () => sales, run: async () => (await inTx((tx) => deleteCustomerRecord(tx, CONTACTS, made.customer, made.contact, sales)), made.contact) },
  { name: '新建交往记录', entity: 'Interaction', action: 'create', actor: () => sales, run: async () => (made.interaction = (await inTx((tx) => addCustomerRecord(tx, INTERACTIONS, made.customer, { date: day('2026-11-30'), place: '客户公司', summary: '回访', detail: null, remark: null }, sales))).id) },
  { name: '编辑交往记录', entity: 'Interaction', action: 'update', actor: () => sales, run: async () => (await inTx((tx) => editCustomerRecord(tx, INTERACTIONS, made.customer, made.interaction, { date: day('2026-11-30'), place: '客户公司', summary: '二次回访', detail: null, remark: null }, sales)), made.interaction) },
  { name: '删除交往记录', entity: 'Interaction', action: 'delete', actor: () => sales, run: async () => (await inTx((tx) => deleteCustomerRecord(tx, INTERACTIONS, made.customer, made.interaction, sales)), made.interaction) },
  {
    name: '流失预警 (the weekly job)', entity: 'ChurnWarning', action: 'create', actor: () => null,
    run: async () => {
      const now = new Date(Date.now() + 400 * 24 * 3600 * 1000);
      const result = await raiseChurnWarnings(t.db, crmOrderSource(t.db), { now });
      expect(result.added).toBeGreaterThan(0);
      made.warning = (await t.db.churnWarning.findFirstOrThrow({ where: { customerId: made.customer } })).id;
      return `job:${now.toISOString()}`;
    },
  },
  { name: '暂缓流失', entity: 'ChurnWarning', action: 'defer', actor: () => sales, run: async () => (await inTx((tx) => deferChurn(tx, made.warning, '打折促销', sales)), made.warning) },
  { name: '确认流失', entity: 'ChurnWarning', action: 'confirm', actor: () => sales, run: async () => (await inTx((tx) => confirmChurn(tx, made.warning, '客户转产', sales)), made.warning) },
  {
    name: '服务创建', entity: 'ServiceTicket', action: 'create', actor: () => manager,
    run: async () => {
      const customer = await inTx((tx) => createCustomer(tx, { name: '服务客户', accountManagerId: staff.sales.id }, staff.manager.id));
      return (made.ticket = (await inTx((tx) => tickets.createServiceTicket(tx, { type: '咨询', customerId: customer.id, summary: '咨询价格', request: '报价' }, manager))).id);
    },
  },
  { name: '服务分配', entity: 'ServiceTicket', action: 'assign', actor: () => manager, run: async () => (await inTx((tx) => tickets.assignServiceTicket(tx, made.ticket, staff.sales.id, manager))).id },
  { name: '服务处理', entity: 'ServiceTicket', action: 'handle', actor: () => sales, run: async () => (await inTx((tx) => tickets.handleServiceTicket(tx, made.ticket, '已报价', sales))).id },
  { name: '服务反馈', entity: 'ServiceTicket', action: 'feedback', actor: () => sales, run: async () => (await inTx((tx) => tickets.giveServiceFeedback(tx, made.ticket, { result: '满意', satisfaction: 5 }, sales))).id },
  { name: '新建用户', entity: 'User', action: 'create', actor: () => admin, run: async () => (made.user = (await inTx((tx) => users.createUser(tx, { username: 'audit1', name: '审计', roleCode: 'sales', password: 'abc12345', passwordAgain: 'abc12345' }, admin))).id) },
  { name: '编辑用户', entity: 'User', action: 'update', actor: () => admin, run: async () => (await inTx((tx) => users.editUser(tx, made.user, { name: '审计员', roleCode: 'executive' }, admin))).id },
  { name: '重置密码', entity: 'User', action: 'reset-password', actor: () => admin, run: async () => (await inTx((tx) => users.resetPassword(tx, made.user, { password: 'xyz12345', passwordAgain: 'xyz12345' }, admin))).id },
  { name: '修改密码', entity: 'User', action: 'change-password', actor: () => userOf('executive', made.user), run: async () => (await inTx((tx) => users.changeOwnPassword(tx, made.user, { currentPassword: 'xyz12345', password: 'own12345', passwordAgain: 'own12345' }, 'no-session')), made.user) },
  { name: '禁用用户', entity: 'User', action: 'disable', actor: () => admin, run: async () => (await inTx((tx) => users.disableUser(tx, made.user, admin))).id },
  { name: '启用用户', entity: 'User', action: 'enable', actor: () => admin, run: async () => (await inTx((tx) => users.enableUser(tx, made.user, admin))).id },
  {
    // A user who changed their own password did something: only one who never did is deleted.
    name: '删除用户', entity: 'User', action: 'delete', actor: () => admin,
    run: async () => {
      const unused = await inTx((tx) => users.createUser(tx, { username: 'audit2', name: '建错', roleCode: 'sales', password: 'abc12345', passwordAgain: 'abc12345' }, admin));
      await expect(inTx((tx) => users.deleteUser(tx, made.user, admin))).rejects.toThrow('只能禁用');
      await inTx((tx) => users.deleteUser(tx, unused.id, admin));
      return unused.id;
    },
  },
  { name: '新建角色', entity: 'Role', action: 'create', actor: () => admin, run: async () => (await inTx((tx) => roles.createRole(tx, { code: 'auditor', name: '审计员', rights: ['audit:view:any'] }, admin))).code },
  { name: '修改角色权限', entity: 'Role', action: 'update', actor: () => admin, run: async () => (await inTx((tx) => roles.editRole(tx, 'auditor', { name: '审计员', rights: ['audit:view:any', 'report:view:any'], rightsVersion: 1 }, admin))).code },
  { name: '删除角色', entity: 'Role', action: 'delete', actor: () => admin, run: async () => (await inTx((tx) => roles.deleteRole(tx, 'auditor', admin)), 'auditor') },
];

test.each(steps.map((step) => [step.name, step] as const))('%s writes its audit entry', async (_name, step) => {
  const last = (await t.db.auditEntry.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const id = await step.run();
  const entries = await t.db.auditEntry.findMany({ where: { id: { gt: last }, entity: step.entity, action: step.action } });
  expect(entries.map((e) => [e.entityId, e.userId])).toContainEqual([String(id), step.actor()?.id ?? null]);
  expect(JSON.stringify(entries)).not.toContain(TEST_PASSWORD);
});

test('a write that fails writes no entry: the transaction takes both back', async () => {
  const before = await t.db.auditEntry.count();
  await expect(inTx((tx) => users.disableUser(tx, staff.admin.id, admin))).rejects.toThrow('不能禁用自己的帐号');
  await expect(inTx((tx) => users.editUser(tx, staff.admin.id, { name: 'x', roleCode: 'sales' }, admin))).rejects.toThrow('不能保存');
  expect(await t.db.auditEntry.count()).toBe(before);
  expect((await t.db.user.findUniqueOrThrow({ where: { id: staff.admin.id } })).roleCode).toBe('admin');
});
