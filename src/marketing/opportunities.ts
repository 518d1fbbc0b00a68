// The steps of a sales opportunity (销售机会) up to its assignment: create,
// edit, delete, assign. Each takes a transaction, the actor and plain data;
// each is guarded by OPPORTUNITY_GUARD (the actor's right on the record, then
// its status), changes it by a conditional update on the status read (so that
// two people acting at once cannot both win) and writes the audit entry in
// that transaction.
import type { Opportunity } from '#prisma';
import type { Prisma, Tx } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { recordAudit } from '../audit/audit';
import { ValidationError } from '../shared/errors';
import type { Move } from '../shared/status-machine';
import { checkStep, takeStep } from '../shared/step-guard';
import { OPPORTUNITY_GUARD, OpportunityStatus, OpportunityStep } from './opportunity-status';
import { isSalesAssignee } from './queries';
import type { OpportunityForm } from './schemas';

export const OPPORTUNITY_ENTITY = 'Opportunity';

/** The opportunity, if the actor may take this step on it and its status allows the step. */
export async function opportunityForStep(
  tx: Tx,
  id: number,
  actor: CurrentUser,
  step: OpportunityStep,
): Promise<Opportunity> {
  return checkStep(OPPORTUNITY_GUARD, await tx.opportunity.findUnique({ where: { id } }), actor, step).record;
}

const readBack = (tx: Tx, opportunity: Opportunity) => () => tx.opportunity.findUnique({ where: { id: opportunity.id } });

/**
 * Takes the step on the opportunity, only if it is still in the status the
 * step was decided on: whoever comes second finds nothing to update. Steps that
 * keep the status (edit, plan) write it unchanged, which also locks the row
 * against a transition at the same moment.
 */
export async function moveOpportunity(
  tx: Tx,
  opportunity: Opportunity,
  actor: CurrentUser,
  step: OpportunityStep,
  data: Prisma.OpportunityUncheckedUpdateManyInput = {},
): Promise<Opportunity> {
  const write = (move: Move<OpportunityStatus>) =>
    tx.opportunity.updateMany({ where: { id: opportunity.id, ...move.where }, data: { ...data, ...move.data } });
  await takeStep(OPPORTUNITY_GUARD, opportunity, actor, step, write, readBack(tx, opportunity));
  return tx.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } });
}

/** The audit entry of a change to an opportunity (before: null on create; after: null on delete). */
export function auditOpportunity(
  tx: Tx,
  actor: CurrentUser,
  action: string,
  change: { before: Opportunity; after: Opportunity | null } | { before: null; after: Opportunity },
): Promise<void> {
  const entityId = change.before ? change.before.id : change.after.id;
  return recordAudit(tx, { userId: actor.id, action, entity: OPPORTUNITY_ENTITY, entityId, ...change });
}

/** 新建销售机会: 未分配, with the actor as creator and now as created time. */
export async function createOpportunity(tx: Tx, input: OpportunityForm, actor: CurrentUser): Promise<Opportunity> {
  const opportunity = await tx.opportunity.create({
    data: { ...input, createdById: actor.id, createdAt: new Date(), status: 'unassigned' },
  });
  await auditOpportunity(tx, actor, 'create', { before: null, after: opportunity });
  return opportunity;
}

/** 编辑: the entered fields, only while 未分配. */
export async function editOpportunity(tx: Tx, id: number, input: OpportunityForm, actor: CurrentUser): Promise<Opportunity> {
  const before = await opportunityForStep(tx, id, actor, 'edit');
  const after = await moveOpportunity(tx, before, actor, 'edit', input);
  await auditOpportunity(tx, actor, 'update', { before, after });
  return after;
}

/** 删除: only by its creator and only while 未分配 (it has no plan yet). */
export async function deleteOpportunity(tx: Tx, id: number, actor: CurrentUser): Promise<void> {
  const before = await opportunityForStep(tx, id, actor, 'delete');
  const remove = (move: Move<OpportunityStatus>) => tx.opportunity.deleteMany({ where: { id, ...move.where } });
  await takeStep(OPPORTUNITY_GUARD, before, actor, 'delete', remove, readBack(tx, before));
  await auditOpportunity(tx, actor, 'delete', { before, after: null });
}

/** 指派: to a normal user who may develop it (plan:develop), with the time; 已指派. */
export async function assignOpportunity(
  tx: Tx,
  id: number,
  assigneeId: number,
  actor: CurrentUser,
): Promise<Opportunity> {
  const before = await opportunityForStep(tx, id, actor, 'assign');
  if (!(await isSalesAssignee(tx, assigneeId))) {
    throw new ValidationError('请选择有效的客户经理', { assigneeId: '请选择有效的客户经理' });
  }
  const after = await moveOpportunity(tx, before, actor, 'assign', { assigneeId, assignedAt: new Date() });
  await auditOpportunity(tx, actor, 'assign', { before, after });
  return after;
}
