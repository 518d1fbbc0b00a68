// The customer development plan (客户开发计划) of an assigned opportunity: its
// items (add, edit the content, delete, record 执行效果) and its end — 开发成功,
// which creates the customer in the same transaction, or 终止开发. Only the
// assignee works on it, and only while 已指派: every change first takes the
// `plan` step (or the transition) on the opportunity as a conditional update,
// so that nothing is written to a plan that was finished at the same moment.
import type { Opportunity, PlanItem } from '#prisma';
import type { Tx } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { recordAudit } from '../audit/audit';
import { createCustomer, NewCustomer } from '../customers/create-customer';
import { NotFoundError } from '../shared/errors';
import { auditOpportunity, moveOpportunity, opportunityForStep } from './opportunities';
import type { PlanItemForm } from './schemas';

export const PLAN_ITEM_ENTITY = 'PlanItem';

/** The assignee's opportunity, still 已指派 and now locked for this change. */
async function planToWorkOn(tx: Tx, opportunityId: number, actor: CurrentUser): Promise<Opportunity> {
  const opportunity = await opportunityForStep(tx, opportunityId, actor, 'plan');
  return moveOpportunity(tx, opportunity, actor, 'plan');
}

async function itemOf(tx: Tx, opportunityId: number, itemId: number): Promise<PlanItem> {
  const item = await tx.planItem.findFirst({ where: { id: itemId, opportunityId } });
  if (!item) throw new NotFoundError('该计划项不存在');
  return item;
}

function auditItem(tx: Tx, actor: CurrentUser, action: string, before: PlanItem | null, after: PlanItem | null) {
  const entityId = before?.id ?? after?.id ?? 0;
  return recordAudit(tx, { userId: actor.id, action, entity: PLAN_ITEM_ENTITY, entityId, before, after });
}

/** 制定计划: a new item (date and content). */
export async function addPlanItem(tx: Tx, opportunityId: number, input: PlanItemForm, actor: CurrentUser) {
  await planToWorkOn(tx, opportunityId, actor);
  const item = await tx.planItem.create({ data: { opportunityId, date: input.date, content: input.content } });
  await auditItem(tx, actor, 'create', null, item);
  return item;
}

/** An item's content changes; its date does not. */
export async function editPlanItem(tx: Tx, opportunityId: number, itemId: number, content: string, actor: CurrentUser) {
  await planToWorkOn(tx, opportunityId, actor);
  const before = await itemOf(tx, opportunityId, itemId);
  const after = await tx.planItem.update({ where: { id: itemId }, data: { content } });
  await auditItem(tx, actor, 'update', before, after);
  return after;
}

export async function deletePlanItem(tx: Tx, opportunityId: number, itemId: number, actor: CurrentUser): Promise<void> {
  await planToWorkOn(tx, opportunityId, actor);
  const before = await itemOf(tx, opportunityId, itemId);
  await tx.planItem.delete({ where: { id: itemId } });
  await auditItem(tx, actor, 'delete', before, null);
}

/** 执行计划: the 执行效果 of one item. */
export async function recordPlanResult(tx: Tx, opportunityId: number, itemId: number, result: string, actor: CurrentUser) {
  await planToWorkOn(tx, opportunityId, actor);
  const before = await itemOf(tx, opportunityId, itemId);
  const after = await tx.planItem.update({ where: { id: itemId }, data: { result } });
  await auditItem(tx, actor, 'result', before, after);
  return after;
}

/**
 * The customer an opportunity becomes: its 客户名称, its assignee as 客户经理,
 * and a first contact from 联系人/联系电话. Without a 联系人 there is no one to
 * name, so a 联系电话 alone becomes the customer's phone.
 */
export function customerFrom(opportunity: Opportunity): NewCustomer {
  const contact = opportunity.contact ? { name: opportunity.contact, officePhone: opportunity.contactPhone ?? '' } : null;
  return {
    name: opportunity.customerName,
    accountManagerId: opportunity.assigneeId,
    phone: contact ? null : opportunity.contactPhone,
    contact,
  };
}

/** 开发成功: status 开发成功 and, in the same transaction, the new customer. */
export async function succeedOpportunity(tx: Tx, id: number, actor: CurrentUser) {
  const before = await opportunityForStep(tx, id, actor, 'succeed');
  const succeeded = await moveOpportunity(tx, before, actor, 'succeed');
  const customer = await createCustomer(tx, customerFrom(succeeded), actor.id);
  const after = await tx.opportunity.update({ where: { id }, data: { customerId: customer.id } });
  await auditOpportunity(tx, actor, 'succeed', { before, after });
  return { opportunity: after, customer };
}

/** 终止开发: status 开发失败. */
export async function failOpportunity(tx: Tx, id: number, actor: CurrentUser): Promise<Opportunity> {
  const before = await opportunityForStep(tx, id, actor, 'fail');
  const after = await moveOpportunity(tx, before, actor, 'fail');
  await auditOpportunity(tx, actor, 'fail', { before, after });
  return after;
}
