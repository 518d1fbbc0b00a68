// Reading service tickets: the list of each step (only what the user may act
// on), the archive query, a ticket with its history, and the choices of the forms.
import type { Prisma, Tx } from '../db/client';
import { CurrentUser, ownedWhere } from '../auth/can';
import { isNormalUser, normalUsers } from '../auth/users';
import { withPeople, type WithPeople } from '../auth/people';
import { keptPage } from '../db/kept-reads';
import { dictionaryItems } from '../shared/dictionary';
import { COUNT_LIMIT, COUNT_WINDOW, paged, Page, toPage } from '../shared/paging';
import { containsText, inOrderOf, pageOfIds, raw, sql, type Sql } from '../db/sql-lists';
import { withinDays } from '../shared/form';
import { BY_NAME, numberPrefix } from '../customers/queries';
import { countCustomers, customerNamed, nameSearch, pageOfCustomers } from '../customers/name-pieces';
import type { ArchiveQuery } from './schemas';
import { statusesFor, TicketRight } from './ticket-status';
import { ACTIVE_CUSTOMER_STATUSES } from '../customers/customer-status';

export const SERVICE_TYPE = '服务类型';
/** How many customers the create form offers at once; the filter box narrows them. */
export const CUSTOMER_CHOICES = 50;

// ---------------------------------------------------------------- choices

/** The items of the 服务类型 dictionary, in their order. */
export const serviceTypes = (db: Tx) => dictionaryItems(db, SERVICE_TYPE);

export async function isServiceType(db: Tx, type: string): Promise<boolean> {
  return (await db.dictionaryEntry.count({ where: { type: SERVICE_TYPE, item: type } })) > 0;
}

export interface CustomerChoices {
  options: { id: number; number: string; name: string }[];
  /** 正常 customers matching the filter, of which `options` shows the first CUSTOMER_CHOICES; at most COUNT_LIMIT */
  total: number;
  /** more than COUNT_LIMIT match: total is a lower bound */
  approximate: boolean;
}

/**
 * 正常 customers whose name contains the filter or whose number starts with it,
 * by name; the chosen one always among them. Counted up to COUNT_LIMIT.
 */
export function customerChoices(db: Tx, filter: string, chosenId?: number): Promise<CustomerChoices> {
  // Kept while customers are unchanged (see keptPage): 服务创建 shows them on every view.
  return keptPage(db, ['Customer', 'CustomerNamePiece'], 'customer-choices', { filter, chosenId }, () => readCustomerChoices(db, filter, chosenId));
}

async function readCustomerChoices(db: Tx, filter: string, chosenId?: number): Promise<CustomerChoices> {
  const text = filter.trim();
  const number = numberPrefix(text);
  // A text no 客户编号 starts with searches names only: through its pieces, where it has them.
  const byName = text && 'in' in number;
  const matching: Prisma.CustomerWhereInput = byName ? { name: { contains: text } } : text ? { OR: [{ name: { contains: text } }, { number }] } : {};
  const where: Prisma.CustomerWhereInput = { status: { in: ACTIVE_CUSTOMER_STATUSES }, ...matching };
  const byPiece = byName ? await nameSearch(db, text) : null;
  const select = { id: true, number: true, name: true };
  const [options, total, chosen] = await Promise.all([
    pageOfCustomers(db, byPiece, where, BY_NAME, { take: CUSTOMER_CHOICES }).then((page) => db.customer.findMany({ ...page, select, orderBy: BY_NAME })),
    countCustomers(db, byPiece, where, BY_NAME, COUNT_WINDOW),
    chosenId ? db.customer.findFirst({ where: { id: chosenId, status: { in: ACTIVE_CUSTOMER_STATUSES } }, select }) : null,
  ]);
  if (chosen && !options.some((o) => o.id === chosen.id)) options.unshift(chosen);
  return { options, total: Math.min(total, COUNT_LIMIT), approximate: total > COUNT_LIMIT };
}

/** Whom a ticket may be assigned to: normal users whose role may handle tickets (ticket:handle). */
export function ticketHandlers(db: Tx) {
  return normalUsers(db, 'handle', 'ticket');
}

export function isTicketHandler(db: Tx, userId: number): Promise<boolean> {
  return isNormalUser(db, userId, 'handle', 'ticket');
}

// ---------------------------------------------------------------- lists

/**
 * The tickets waiting for the user's right (assign, handle or feedback): those
 * in a status where the right applies, and — with "own" access only — those
 * the user owns, as OWNER_FIELDS in auth/can.ts says (handle: the assignee;
 * feedback: the assignee or the creator).
 */
/**
 * The lists of waiting tickets, oldest first. The home page counts them in this order too:
 * along (status, createdAt) the tickets of a status are read in the table's order, where any
 * other index of the status alone would read their rows at random.
 */
export const WAITING_ORDER: Prisma.ServiceTicketOrderByWithRelationInput[] = [{ createdAt: 'asc' }, { id: 'asc' }];

export function waitingFor(user: CurrentUser, right: TicketRight): Prisma.ServiceTicketWhereInput {
  return { status: { in: statusesFor(right) }, ...ownedWhere<Prisma.ServiceTicketWhereInput>(user, right, 'ticket') };
}

const withCustomer = { customer: { select: { id: true, name: true } } } satisfies Prisma.ServiceTicketInclude;

/** What a list shows of a ticket: no long texts (request, handling, result), its people by id (see withPeople). */
const listFields = {
  id: true,
  number: true,
  type: true,
  summary: true,
  status: true,
  round: true,
  satisfaction: true,
  customerId: true,
  createdById: true,
  createdAt: true,
  assigneeId: true,
  assignedAt: true,
  handlerId: true,
  handledAt: true,
  ...withCustomer,
} satisfies Prisma.ServiceTicketSelect;

const TICKET_PEOPLE = { createdBy: 'createdById', assignee: 'assigneeId', handler: 'handlerId' } as const;

type ListedTicket = Prisma.ServiceTicketGetPayload<{ select: typeof listFields }>;
export type TicketRow = WithPeople<ListedTicket, typeof TICKET_PEOPLE>;

function ticketRows(db: Tx, where: Prisma.ServiceTicketWhereInput, window: { orderBy?: Prisma.ServiceTicketOrderByWithRelationInput[]; skip?: number; take?: number }): Promise<TicketRow[]> {
  return db.serviceTicket.findMany({ where, select: listFields, ...window }).then((rows) => withPeople(db, rows, TICKET_PEOPLE));
}

/** What a page of tickets reads: the tickets, their customers (and a name search's pieces), their people. */
const TICKET_PAGE_TABLES = ['ServiceTicket', 'Customer', 'CustomerNamePiece', 'User'];

function ticketPage(
  db: Tx,
  where: Prisma.ServiceTicketWhereInput,
  orderBy: Prisma.ServiceTicketOrderByWithRelationInput[],
  page: number,
): Promise<Page<TicketRow>> {
  // Kept while tickets, their customers and users are unchanged (see keptPage); `where` holds whom the user's rights narrow it to.
  return keptPage(db, TICKET_PAGE_TABLES, 'tickets', { where, orderBy, page }, () =>
    paged(
      page,
      (cap) => db.serviceTicket.count({ where, orderBy, ...cap }),
      (window) => ticketRows(db, where, { orderBy, ...window }),
    ),
  );
}

/** The list of one step: oldest first, as they wait. */
export function ticketsWaitingFor(db: Tx, user: CurrentUser, right: TicketRight, page: number) {
  return ticketPage(db, waitingFor(user, right), WAITING_ORDER, page);
}

/** 服务归档's conditions, in plain SQL on ServiceTicket `t` (see src/db/sql-lists.ts). */
export async function archiveConditions(db: Tx, query: ArchiveQuery): Promise<Sql[]> {
  const days = withinDays(query.createdFrom, query.createdTo);
  return [
    sql`t.[status] = ${'archived'}`,
    ...(query.customerName ? [await customerNamed(db, query.customerName, raw('t.[customerId]'))] : []),
    ...(query.summary ? [containsText(raw('t.[summary]'), query.summary)] : []),
    ...(query.type ? [sql`t.[type] = ${query.type}`] : []),
    ...(days?.gte ? [sql`t.[createdAt] >= ${days.gte}`] : []),
    ...(days?.lt ? [sql`t.[createdAt] < ${days.lt}`] : []),
  ];
}

/** 服务归档: archived tickets matching the query, newest first (kept, see keptPage). */
export function archivedTickets(db: Tx, query: ArchiveQuery, page: number): Promise<Page<TicketRow>> {
  return keptPage(db, TICKET_PAGE_TABLES, 'archive', { query, page }, () => readArchivedTickets(db, query, page));
}

async function readArchivedTickets(db: Tx, query: ArchiveQuery, page: number): Promise<Page<TicketRow>> {
  const where = await archiveConditions(db, query);
  const { ids, total } = await pageOfIds(db, { table: 'ServiceTicket', alias: 't', where, orderBy: sql`t.[createdAt] DESC, t.[id] DESC` }, page);
  const rows = await ticketRows(db, { id: { in: ids } }, {});
  return toPage(inOrderOf(ids, rows), total, page);
}

// ---------------------------------------------------------------- one ticket

/** A ticket with its people and its whole history, oldest step first (people by id, see withPeople). */
export function ticketWithHistory(db: Tx, id: number) {
  // Kept while tickets, their steps, customers and users are unchanged (see keptPage).
  return keptPage(db, ['ServiceTicket', 'ServiceTicketEvent', 'Customer', 'User'], 'ticket', id, () => readTicketWithHistory(db, id));
}

async function readTicketWithHistory(db: Tx, id: number) {
  const ticket = await db.serviceTicket.findUnique({ where: { id }, include: { ...withCustomer, events: { orderBy: { id: 'asc' } } } });
  if (!ticket) return null;
  const [named] = await withPeople(db, [ticket], TICKET_PEOPLE);
  return { ...named, events: await withPeople(db, ticket.events, { actor: 'actorId', assignee: 'assigneeId' }) };
}

export type TicketWithHistory = NonNullable<Awaited<ReturnType<typeof ticketWithHistory>>>;
export type TicketEventRow = TicketWithHistory['events'][number];

/** The history in rounds (轮次): each round's assignment, handling and feedback. */
export function historyByRound(events: TicketEventRow[]): { round: number; events: TicketEventRow[] }[] {
  const rounds: { round: number; events: TicketEventRow[] }[] = [];
  for (const event of events) {
    const last = rounds[rounds.length - 1];
    if (last && last.round === event.round) last.events.push(event);
    else rounds.push({ round: event.round, events: [event] });
  }
  return rounds;
}
