// Loading the demo company's work in progress: sales opportunities with their
// plans, the churn warnings raised before, and service tickets played through
// as far as their stories go.
import type { Prisma, Tx } from '../db/client';
import { SATISFIED_FROM } from '../service/ticket-status';
import { byName, calendarDay, churnJobRun, DailyNumbers, DAY_MS, daysBefore, lookup } from './build';
import type { DemoCustomer } from './load-customers';
import { UserIds } from './tables/company';
import { OPPORTUNITIES } from './tables/opportunities';
import { CHURN_WARNINGS } from './tables/churn-warnings';
import { TICKETS, TicketSeed } from './tables/tickets';

export async function createOpportunities(tx: Tx, users: UserIds, customers: DemoCustomer[], now: Date): Promise<void> {
  for (const seed of OPPORTUNITIES) {
    const { plan = [], assignee, assignedDaysAgo } = seed;
    const assignedAt = assignee && assignedDaysAgo !== undefined ? daysBefore(now, assignedDaysAgo, 14, 30) : null;
    let customerId: number | null = null;
    if (seed.status === 'succeeded') {
      const customer = byName(customers, seed.customerName);
      if (!assignee || customer.managerId !== users[assignee]) throw new Error(`${seed.customerName} 的客户经理应是机会的指派对象`);
      customerId = customer.id;
    }
    const planCreatedAt = assignedAt ? new Date(assignedAt.getTime() + DAY_MS) : now;
    await tx.opportunity.create({
      data: {
        status: seed.status,
        source: seed.source,
        customerName: seed.customerName,
        successRate: seed.successRate,
        summary: seed.summary,
        contact: seed.contact,
        contactPhone: seed.contactPhone,
        description: seed.description,
        createdById: users[seed.createdBy],
        createdAt: daysBefore(now, seed.createdDaysAgo, 9, 40),
        assigneeId: assignee ? users[assignee] : null,
        assignedAt,
        customerId,
        planItems: {
          create: plan.map((item) => ({
            date: calendarDay(daysBefore(now, item.daysAgo)),
            content: item.content,
            result: item.result ?? null,
            createdAt: planCreatedAt,
          })),
        },
      },
    });
  }
}

/** The warnings the churn job raised before; a confirmed one makes its customer 已流失. */
export async function createChurnWarnings(tx: Tx, customers: DemoCustomer[], now: Date): Promise<void> {
  for (const seed of CHURN_WARNINGS) {
    const customer = byName(customers, seed.customer);
    const confirmedAt = seed.confirmedDaysAgo === undefined ? null : daysBefore(now, seed.confirmedDaysAgo, 16, 0);
    await tx.churnWarning.create({
      data: {
        customerId: customer.id,
        accountManagerId: customer.managerId,
        lastOrderDate: customer.lastOrderAt,
        status: seed.status,
        reason: seed.reason ?? null,
        confirmedAt,
        createdAt: churnJobRun(now, seed.weeksAgo),
        measures: {
          create: seed.measures.map((measure) => ({
            content: measure.content,
            authorId: customer.managerId,
            createdAt: daysBefore(now, measure.daysAgo, 15, 20),
          })),
        },
      },
    });
    if (confirmedAt) {
      await tx.customer.update({ where: { id: customer.id }, data: { status: 'churned', updatedAt: confirmedAt } });
    }
  }
}

export type TicketEvent = Omit<Prisma.ServiceTicketEventCreateManyInput, 'ticketId'>;

/** The fields of a ticket that its steps change. */
export interface TicketProgress {
  status: 'created' | 'assigned' | 'handled' | 'archived';
  round: number;
  assigneeId: number | null;
  assignedAt: Date | null;
  handling: string | null;
  handlerId: number | null;
  handledAt: Date | null;
  result: string | null;
  satisfaction: number | null;
}

export interface PlayedTicket {
  createdAt: Date;
  ticket: Omit<Prisma.ServiceTicketCreateManyInput, 'number'>;
  events: TicketEvent[];
}

/** Plays a ticket's story step by step as src/service/tickets.ts would: the ticket as it ends and its history. */
export function playTicket(seed: TicketSeed, users: UserIds, customers: DemoCustomer[], now: Date): PlayedTicket {
  const creatorId = users[seed.createdBy];
  const createdAt = daysBefore(now, seed.createdDaysAgo, 9, 15);
  const events: TicketEvent[] = [{ round: 1, action: 'create', actorId: creatorId, at: createdAt }];
  let progress: TicketProgress = {
    status: 'created',
    round: 1,
    assigneeId: null,
    assignedAt: null,
    handling: null,
    handlerId: null,
    handledAt: null,
    result: null,
    satisfaction: null,
  };
  if (seed.assignment) {
    const assigneeId = users[seed.assignment.assignee];
    const assignedAt = daysBefore(now, seed.assignment.daysAgo, 10, 30);
    progress = { ...progress, status: 'assigned', assigneeId, assignedAt };
    events.push({ round: progress.round, action: 'assign', actorId: users.manager, at: assignedAt, assigneeId });
  }
  for (const { handledDaysAgo, handling, feedback } of seed.rounds ?? []) {
    const handlerId = progress.assigneeId ?? creatorId;
    const handledAt = daysBefore(now, handledDaysAgo, 15, 0);
    progress = { ...progress, status: 'handled', handling, handlerId, handledAt };
    events.push({ round: progress.round, action: 'handle', actorId: handlerId, at: handledAt, handling });
    if (!feedback) continue;
    const { result, satisfaction } = feedback;
    const at = daysBefore(now, feedback.daysAgo, 11, 0);
    events.push({ round: progress.round, action: 'feedback', actorId: creatorId, at, result, satisfaction });
    progress =
      satisfaction >= SATISFIED_FROM
        ? { ...progress, status: 'archived', result, satisfaction }
        : { ...progress, status: 'assigned', round: progress.round + 1, handling: null, handlerId: null, handledAt: null };
  }
  const ticket = {
    type: seed.type,
    summary: seed.summary,
    request: seed.request,
    customerId: byName(customers, seed.customer).id,
    createdById: creatorId,
    createdAt,
    ...progress,
  };
  return { createdAt, ticket, events };
}

export async function createServiceTickets(tx: Tx, users: UserIds, customers: DemoCustomer[], numbers: DailyNumbers, now: Date): Promise<void> {
  const tickets = TICKETS.map((seed) => playTicket(seed, users, customers, now))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((played) => ({ ...played, number: numbers.next(played.createdAt) }));
  await tx.serviceTicket.createMany({ data: tickets.map(({ number, ticket }) => ({ ...ticket, number })) });
  const ids = new Map((await tx.serviceTicket.findMany({ select: { id: true, number: true } })).map((row) => [row.number, row.id]));
  await tx.serviceTicketEvent.createMany({
    data: tickets.flatMap(({ number, events }) => events.map((event) => ({ ...event, ticketId: lookup(ids, number) }))),
  });
}
