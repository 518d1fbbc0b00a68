// Builders for service tickets (服务), with their history as the steps would
// have written it. Customers come from builders/customers.ts.
import type { Db } from '../../../src/db/client';
import type { TicketStatus } from '../../../src/service/ticket-status';

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

export interface TicketInput {
  customerId: number;
  createdById: number;
  /** how far the ticket has come; each step before it is in its history */
  status?: TicketStatus;
  assigneeId?: number;
  /** who assigned it (default: the creator) */
  assignedById?: number;
  type?: string;
  summary?: string;
  request?: string;
  createdAt?: Date;
  satisfaction?: number;
}

const ORDER: TicketStatus[] = ['created', 'assigned', 'handled', 'archived'];

export async function createServiceTicket(db: Db, input: TicketInput) {
  const n = next();
  const status = input.status ?? 'created';
  const reached = (s: TicketStatus) => ORDER.indexOf(status) >= ORDER.indexOf(s);
  if (reached('assigned') && input.assigneeId === undefined) throw new Error('an assigned ticket needs assigneeId');
  const at = input.createdAt ?? new Date();
  const handling = `处理方式${n}`;
  const result = `处理结果${n}`;
  const satisfaction = input.satisfaction ?? 4;
  const ticket = await db.serviceTicket.create({
    data: {
      number: `FWT${String(n).padStart(6, '0')}`,
      type: input.type ?? '咨询',
      summary: input.summary ?? `服务概要${n}`,
      request: input.request ?? `服务请求${n}`,
      customerId: input.customerId,
      createdById: input.createdById,
      createdAt: at,
      status,
      round: 1,
      ...(reached('assigned') ? { assigneeId: input.assigneeId, assignedAt: at } : {}),
      ...(reached('handled') ? { handling, handlerId: input.assigneeId, handledAt: at } : {}),
      ...(reached('archived') ? { result, satisfaction } : {}),
    },
  });
  const events = [{ action: 'create', actorId: input.createdById }];
  if (reached('assigned')) {
    events.push({ action: 'assign', actorId: input.assignedById ?? input.createdById });
  }
  if (reached('handled')) events.push({ action: 'handle', actorId: input.assigneeId! });
  if (reached('archived')) events.push({ action: 'feedback', actorId: input.createdById });
  for (const event of events) {
    await db.serviceTicketEvent.create({
      data: {
        ticketId: ticket.id,
        round: 1,
        at,
        ...event,
        ...(event.action === 'assign' ? { assigneeId: input.assigneeId } : {}),
        ...(event.action === 'handle' ? { handling } : {}),
        ...(event.action === 'feedback' ? { result, satisfaction } : {}),
      },
    });
  }
  return ticket;
}

/** The ticket as the database has it now, with its history. */
export function ticketNow(db: Db, id: number) {
  return db.serviceTicket.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: 'asc' } } } });
}
