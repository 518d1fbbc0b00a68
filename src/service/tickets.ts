// The steps of a service ticket (服务): create, assign, handle, feedback. Each
// takes a transaction, the actor and plain data; each is guarded by
// TICKET_GUARD (the actor's right on the ticket, then its status), moves the
// status by a conditional update on the status read (so that two people acting
// at once cannot both win), appends its ServiceTicketEvent (the history)
// and writes the audit entry, all in that one transaction.
import type { ServiceTicket } from '#prisma';
import type { Prisma, Tx } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { recordAudit } from '../audit/audit';
import { ValidationError } from '../shared/errors';
import { nextNumber } from '../shared/numbers';
import type { Move } from '../shared/status-machine';
import { checkStep, takeStep } from '../shared/step-guard';
import { isTicketHandler, isServiceType } from './queries';
import type { FeedbackForm, NewTicketForm } from './schemas';
import { feedbackStep, TICKET_GUARD, TicketStatus, TicketStep } from './ticket-status';
import { ACTIVE_CUSTOMER_STATUSES } from '../customers/customer-status';

export const TICKET_NUMBER_PREFIX = 'FW';

/** The ticket, if the actor may take this step on it and its status allows the step. */
async function ticketForStep(tx: Tx, id: number, actor: CurrentUser, step: TicketStep): Promise<ServiceTicket> {
  return checkStep(TICKET_GUARD, await tx.serviceTicket.findUnique({ where: { id } }), actor, step).record;
}

/**
 * Moves the ticket by one step, only if it is still in the status (and round)
 * the step was decided on: whoever comes second finds nothing to update.
 */
async function moveTicket(
  tx: Tx,
  ticket: ServiceTicket,
  actor: CurrentUser,
  step: TicketStep,
  data: Prisma.ServiceTicketUncheckedUpdateManyInput,
): Promise<ServiceTicket> {
  const write = (move: Move<TicketStatus>) =>
    tx.serviceTicket.updateMany({
      where: { id: ticket.id, round: ticket.round, ...move.where },
      data: { ...data, ...move.data },
    });
  await takeStep(TICKET_GUARD, ticket, actor, step, write, () => tx.serviceTicket.findUnique({ where: { id: ticket.id } }));
  return tx.serviceTicket.findUniqueOrThrow({ where: { id: ticket.id } });
}

async function recordStep(
  tx: Tx,
  actor: CurrentUser,
  before: ServiceTicket | null,
  after: ServiceTicket,
  event: Omit<Prisma.ServiceTicketEventUncheckedCreateInput, 'ticketId' | 'actorId'>,
): Promise<void> {
  await tx.serviceTicketEvent.create({ data: { ...event, ticketId: after.id, actorId: actor.id } });
  await recordAudit(tx, {
    userId: actor.id,
    action: event.action,
    entity: 'ServiceTicket',
    entityId: after.id,
    before,
    after,
  });
}

/** 服务创建: a new ticket (新创建) with a generated number, for a 正常 customer. */
export async function createServiceTicket(tx: Tx, input: NewTicketForm, actor: CurrentUser): Promise<ServiceTicket> {
  if (!(await isServiceType(tx, input.type))) {
    throw new ValidationError('请选择有效的服务类型', { type: '请选择有效的服务类型' });
  }
  const customer = await tx.customer.findFirst({ where: { id: input.customerId, status: { in: ACTIVE_CUSTOMER_STATUSES } } });
  if (!customer) throw new ValidationError('请选择有效的客户（正常状态）', { customerId: '请选择有效的客户' });
  const now = new Date();
  const ticket = await tx.serviceTicket.create({
    data: {
      number: await nextNumber(tx, TICKET_NUMBER_PREFIX, now),
      type: input.type,
      summary: input.summary,
      request: input.request,
      customerId: customer.id,
      status: 'created',
      createdById: actor.id,
      createdAt: now,
      round: 1,
    },
  });
  await recordStep(tx, actor, null, ticket, { round: 1, action: 'create', at: now });
  return ticket;
}

/** 服务分配: a 新创建 ticket goes to a normal user who may handle tickets. */
export async function assignServiceTicket(
  tx: Tx,
  id: number,
  assigneeId: number,
  actor: CurrentUser,
): Promise<ServiceTicket> {
  const ticket = await ticketForStep(tx, id, actor, 'assign');
  if (!(await isTicketHandler(tx, assigneeId))) {
    throw new ValidationError('请选择有效的分配对象', { assigneeId: '请选择有效的分配对象' });
  }
  const now = new Date();
  const after = await moveTicket(tx, ticket, actor, 'assign', { assigneeId, assignedAt: now });
  await recordStep(tx, actor, ticket, after, { round: ticket.round, action: 'assign', at: now, assigneeId });
  return after;
}

/** 服务处理: the assignee records how the ticket was handled; status 已处理. */
export async function handleServiceTicket(
  tx: Tx,
  id: number,
  handling: string,
  actor: CurrentUser,
): Promise<ServiceTicket> {
  const ticket = await ticketForStep(tx, id, actor, 'handle');
  const now = new Date();
  const after = await moveTicket(tx, ticket, actor, 'handle', { handling, handlerId: actor.id, handledAt: now });
  await recordStep(tx, actor, ticket, after, { round: ticket.round, action: 'handle', at: now, handling });
  return after;
}

/**
 * 服务反馈: the customer's result and satisfaction. Satisfied (≥ 3): 已归档.
 * Not satisfied: back to 已分配 for the same assignee, in a new round; the
 * ticket's handling fields start empty again, the old round lives on in its events.
 */
export async function giveServiceFeedback(
  tx: Tx,
  id: number,
  feedback: FeedbackForm,
  actor: CurrentUser,
): Promise<ServiceTicket> {
  const step = feedbackStep(feedback.satisfaction);
  const ticket = await ticketForStep(tx, id, actor, step);
  const data: Prisma.ServiceTicketUncheckedUpdateManyInput =
    step === 'archive'
      ? { result: feedback.result, satisfaction: feedback.satisfaction }
      : {
          round: ticket.round + 1,
          handling: null,
          handlerId: null,
          handledAt: null,
          result: null,
          satisfaction: null,
        };
  const after = await moveTicket(tx, ticket, actor, step, data);
  await recordStep(tx, actor, ticket, after, {
    round: ticket.round,
    action: 'feedback',
    at: new Date(),
    result: feedback.result,
    satisfaction: feedback.satisfaction,
  });
  return after;
}
