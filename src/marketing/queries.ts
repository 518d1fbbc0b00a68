// Reading opportunities: the list with its search, the plans of an account
// manager, one opportunity with its people and plan, and whom to assign to.
import type { Prisma, Tx } from '../db/client';
import { CurrentUser, ownedWhere } from '../auth/can';
import { isNormalUser, normalUsers } from '../auth/users';
import { withPeople, type WithPeople } from '../auth/people';
import { keptPage } from '../db/kept-reads';
import { FEW_MATCHES, paged, Page, pageWindow, toPage } from '../shared/paging';
import { PLAN_STATUSES } from './opportunity-status';
import type { OpportunitySearch, PlanSearch } from './schemas';

/** Whom an opportunity may go to: normal users who may develop it (plan:develop). */
export function salesAssignees(db: Tx) {
  return normalUsers(db, 'develop', 'plan');
}

export function isSalesAssignee(db: Tx, userId: number): Promise<boolean> {
  return isNormalUser(db, userId, 'develop', 'plan');
}

const people = {
  createdBy: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.OpportunityInclude;

/** What a list shows of an opportunity: no description, its people by id (see withPeople). */
const listFields = {
  id: true,
  customerName: true,
  summary: true,
  contact: true,
  contactPhone: true,
  successRate: true,
  status: true,
  createdById: true,
  createdAt: true,
  assigneeId: true,
  assignedAt: true,
} satisfies Prisma.OpportunitySelect;

const OPPORTUNITY_PEOPLE = { createdBy: 'createdById', assignee: 'assigneeId' } as const;

export type OpportunityRow = WithPeople<Prisma.OpportunityGetPayload<{ select: typeof listFields }>, typeof OPPORTUNITY_PEOPLE>;

function opportunityRows(db: Tx, args: { where: Prisma.OpportunityWhereInput; orderBy: Order; skip?: number; take?: number }): Promise<OpportunityRow[]> {
  return db.opportunity.findMany({ ...args, select: listFields }).then((rows) => withPeople(db, rows, OPPORTUNITY_PEOPLE));
}

const NEWEST_FIRST: Order = [{ createdAt: 'desc' }, { id: 'desc' }];

type Order = Prisma.OpportunityOrderByWithRelationInput[];

/**
 * The order along the index that holds the text a search compares: customer name along
 * (status, customerName), summary and contact along their own. Read in it, the texts are
 * compared in the index and no row is read (a count 12 ms → 1.3 ms over 20,000 opportunities).
 */
function alongSearchedText(search: { customerName?: string | null; summary?: string | null; contact?: string | null }): Order | null {
  if (search.customerName) return [{ status: 'asc' }, { customerName: 'asc' }];
  if (search.summary) return [{ summary: 'asc' }];
  if (search.contact) return [{ contact: 'asc' }];
  return null;
}

/**
 * One page of a list, in `orderBy`. A text search first reads its matches' ids along the text's
 * index: when they are few, the page is read by those ids. The list's own order would read
 * every row looking for them (10 ms for a summary no opportunity has); when they are many it
 * finds a page's worth soon, and the count still reads along the text's index.
 */
function opportunityPage(db: Tx, where: Prisma.OpportunityWhereInput, orderBy: Order, along: Order | null, page: number): Promise<Page<OpportunityRow>> {
  // Kept while opportunities and users are unchanged (see keptPage); `where` holds whom the user's rights narrow it to.
  return keptPage(db, ['Opportunity', 'User'], 'opportunities', { where, orderBy, along, page }, () => readOpportunityPage(db, where, orderBy, along, page));
}

async function readOpportunityPage(db: Tx, where: Prisma.OpportunityWhereInput, orderBy: Order, along: Order | null, page: number) {
  if (along) {
    const matches = await db.opportunity.findMany({ where, orderBy: along, select: { id: true }, take: FEW_MATCHES + 1 });
    if (matches.length <= FEW_MATCHES) {
      const ids = matches.map((match) => match.id);
      const items = await opportunityRows(db, { where: { id: { in: ids } }, orderBy, ...pageWindow(page) });
      return toPage(items, ids.length, page);
    }
  }
  return paged(
    page,
    (cap) => db.opportunity.count({ where, orderBy: along ?? orderBy, ...cap }),
    (window) => opportunityRows(db, { where, orderBy, ...window }),
  );
}

export function opportunityWhere(search: OpportunitySearch): Prisma.OpportunityWhereInput {
  return {
    ...(search.customerName ? { customerName: { contains: search.customerName } } : {}),
    ...(search.summary ? { summary: { contains: search.summary } } : {}),
    ...(search.contact ? { contact: { contains: search.contact } } : {}),
    ...(search.status ? { status: search.status } : {}),
  };
}

/** 销售机会管理: every opportunity matching the search, newest first. */
export function opportunityList(db: Tx, search: OpportunitySearch, page: number): Promise<Page<OpportunityRow>> {
  return opportunityPage(db, opportunityWhere(search), NEWEST_FIRST, alongSearchedText(search), page);
}

/**
 * The opportunities that have a plan (assigned or finished) the user may see:
 * with "own" access only those assigned to the user (OWNER_FIELDS: assigneeId).
 */
export function planWhere(user: CurrentUser, search: PlanSearch): Prisma.OpportunityWhereInput {
  return {
    status: search.status && PLAN_STATUSES.includes(search.status) ? search.status : { in: PLAN_STATUSES },
    ...ownedWhere<Prisma.OpportunityWhereInput>(user, 'view', 'plan'),
    ...(search.customerName ? { customerName: { contains: search.customerName } } : {}),
  };
}

/** 客户开发计划: the user's opportunities with a plan, the most recently assigned first. */
export function planList(db: Tx, user: CurrentUser, search: PlanSearch, page: number): Promise<Page<OpportunityRow>> {
  return opportunityPage(db, planWhere(user, search), [{ assignedAt: 'desc' }, { id: 'desc' }], alongSearchedText(search), page);
}

/** One opportunity with its people, the customer it became, and its plan items by date. */
export function opportunityWithPlan(db: Tx, id: number) {
  return db.opportunity.findUnique({
    where: { id },
    include: {
      ...people,
      customer: { select: { id: true, number: true, name: true } },
      planItems: { orderBy: [{ date: 'asc' }, { id: 'asc' }] },
    },
  });
}

export type OpportunityWithPlan = NonNullable<Awaited<ReturnType<typeof opportunityWithPlan>>>;
