// The life of a customer (客户), written once as data. A customer is 正常 until
// 确认流失 (the churn module) makes it 已流失; an 已流失 customer is read-only
// everywhere. `edit` keeps the status and stands for every change of the
// customer's information, contacts (联系人) and interactions (交往记录): each is
// guarded by a conditional update on this table (see customers.ts).
import { can, CurrentUser } from '../auth/can';
import { defineStatusMachine } from '../shared/status-machine';
import type { StepTable } from '../shared/step-buttons';
import type { StepGuard } from '../shared/step-guard';

export type CustomerStatus = 'normal' | 'churned';
export type CustomerStep = 'edit' | 'churn';

export const CUSTOMER_STATUS = defineStatusMachine<CustomerStatus, CustomerStep>(
  {
    normal: { edit: 'normal', churn: 'churned' },
    churned: {},
  },
  { normal: '正常', churned: '已流失' },
  (step, status) => (step === 'churn' ? '该客户已不是正常状态，不能确认流失' : customerRefusal(status)),
);

export const CUSTOMER_STATUSES = Object.keys(CUSTOMER_STATUS.labels) as CustomerStatus[];

/** Each step's name and button (确认流失 is taken in the churn module). */
export const CUSTOMER_STEPS: StepTable<CustomerStep> = {
  edit: { name: '编辑', button: { href: '/customers/:id/edit', cls: 'primary' } },
  churn: { name: '确认流失' },
};

/** A new customer's status. */
export const NEW_CUSTOMER_STATUS: CustomerStatus = 'normal';

/**
 * Live customers (正常): the ones that may still change, are offered for new
 * service tickets and are watched by the churn-warning job.
 */
export const ACTIVE_CUSTOMER_STATUSES = CUSTOMER_STATUS.statusesAllowing('edit');

/** What a customer needs for the record-level check of can(). */
export type CustomerOwner = { status: string; accountManagerId: number | null };

/** Whether the user holds customer:edit on this customer (its 客户经理, or "any"), whatever its status. */
export function mayChangeCustomer(user: CurrentUser, customer: CustomerOwner): boolean {
  return can(user, 'edit', 'customer', customer);
}

/** Whether the user may change the customer now: the right on it, and a status that allows it. */
export function customerEditableBy(user: CurrentUser, customer: CustomerOwner): boolean {
  return mayChangeCustomer(user, customer) && CUSTOMER_STATUS.allows(customer.status, 'edit');
}

/** Why a customer in this status refuses changes. */
export function customerRefusal(status: string): string {
  return `该客户当前状态为「${CUSTOMER_STATUS.label(status)}」，只能查看，不能修改`;
}

export const NOT_YOUR_CUSTOMER = '只有该客户的客户经理或销售主管可以修改该客户的信息';

/**
 * How every change of a customer and its records is guarded
 * (src/shared/step-guard.ts): customer:edit on it, then a status that allows it.
 */
export const CUSTOMER_GUARD: StepGuard<CustomerOwner, CustomerStep, CustomerStatus> = {
  noun: '该客户',
  machine: CUSTOMER_STATUS,
  mayTake: (user, _step, customer) => mayChangeCustomer(user, customer),
  notYours: () => NOT_YOUR_CUSTOMER,
};
