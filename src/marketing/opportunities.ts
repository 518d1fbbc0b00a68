// The steps of a sales opportunity (销售机会) up to its assignment: create,
// edit, delete, assign. Each takes a transaction, the actor and plain data;
// each checks the actor's right on the record, changes it only if its status
// still allows the step (a conditional update, so that two people acting at
// once cannot both win) and writes the audit entry in that transaction.
import type { Opportunity } from '#prisma';
import type { Prisma, Tx } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { recordAudit } from '../audit/audit';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { mayTakeStep, notYours, OPPORTUNITY_STATUS, OpportunityStep, refusal } from './opportunity-status';
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
  const opportunity = await tx.opportunity.findUnique({ where: { id } });
  if (!opportunity) throw new NotFoundError('该销售机会不存在');
  if (!mayTakeStep(actor, step, opportunity)) throw new ForbiddenError(notYours(step));
  if (!OPPORTUNITY_STATUS.allows(opportunity.status, step)) throw new ConflictError(refusal(step, opportunity.status));
  return opportunity;
}

/** The refusal of a conditional update that found nothing: the status changed meanwhile. */
async function staleStatus(tx: Tx, opportunity: Opportunity, step: OpportunityStep): Promise<ConflictError> {
  const current = await tx.opportunity.findUnique({ where: { id: opportunity.id }, select: { status: true } });
  if (!current) return new ConflictError('该销售机会已被删除');
  return new ConflictError(refusal(step, current.status));
}

/**
 * Takes the step on the opportunity, only if it is still in a status that
 * allows it: whoever comes second finds nothing to update. Steps that keep
 * the status (edit, plan) write it unchanged, which also locks the row
 * against a transition at the same moment.
 */
export async function moveOpportunity(
  tx: Tx,
  opportunity: Opportunity,
  step: OpportunityStep,
  data: Prisma.OpportunityUncheckedUpdateManyInput = {},
): Promise<Opportunity> {
  const move = OPPORTUNITY_STATUS.move(opportunity.status, step);
  const { count } = await tx.opportunity.updateMany({
    where: { id: opportunity.id, ...move.where },
    data: { ...data, ...move.data },
  });
  if (count === 0) throw await staleStatus(tx, opportunity, step);
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
  const after = await moveOpportunity(tx, before, 'edit', input);
  await auditOpportunity(tx, actor, 'update', { before, after });
  return after;
}

/** 删除: only by its creator and only while 未分配 (it has no plan yet). */
export async function deleteOpportunity(tx: Tx, id: number, actor: CurrentUser): Promise<void> {
  const before = await opportunityForStep(tx, id, actor, 'delete');
  const { count } = await tx.opportunity.deleteMany({
    where: { id, status: { in: OPPORTUNITY_STATUS.statusesAllowing('delete') } },
  });
  if (count === 0) throw await staleStatus(tx, before, 'delete');
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
  const after = await moveOpportunity(tx, before, 'assign', { assigneeId, assignedAt: new Date() });
  await auditOpportunity(tx, actor, 'assign', { before, after });
  return after;
}
