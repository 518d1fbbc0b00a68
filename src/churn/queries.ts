// Reading churn warnings: the list (a 客户经理 sees those of their own customers,
// a 销售主管 all), one warning with its measures, and the choices of the filter.
import type { Prisma, Tx } from '../db/client';
import { CurrentUser, hasAnyAccess } from '../auth/can';
import { paged } from '../shared/paging';
import { customerNamed } from '../customers/name-pieces';
import type { ListQuery } from './schemas';
import { OPEN_WARNING_STATUSES } from './warning-status';

const person = { select: { id: true, name: true } } as const;

const listInclude = {
  customer: { select: { id: true, number: true, name: true, status: true, accountManager: person } },
} satisfies Prisma.ChurnWarningInclude;

/** The warnings the user may see: with "own" access, those of the customers they manage now. */
export function visibleWarnings(user: CurrentUser): Prisma.ChurnWarningWhereInput {
  return hasAnyAccess(user, 'view', 'churn') ? {} : { customer: { accountManagerId: user.id } };
}

/** `named`: the condition on the customer's name (customerNamed), when the query has one. */
export function listWhere(user: CurrentUser, query: ListQuery, named: Prisma.ChurnWarningWhereInput = {}): Prisma.ChurnWarningWhereInput {
  const customer: Prisma.CustomerWhereInput = query.accountManagerId ? { accountManagerId: query.accountManagerId } : {};
  const status = query.status === 'open' ? { in: OPEN_WARNING_STATUSES } : (query.status ?? undefined);
  return {
    AND: [visibleWarnings(user), { customer }, named, ...(status ? [{ status }] : [])],
  };
}

/** The list: newest warnings first. */
export async function churnWarningList(db: Tx, user: CurrentUser, query: ListQuery, page: number) {
  const named = query.customerName ? await customerNamed(db, query.customerName, { table: 'ChurnWarning' }) : {};
  const where = listWhere(user, query, named);
  const orderBy: Prisma.ChurnWarningOrderByWithRelationInput[] = [{ createdAt: 'desc' }, { id: 'desc' }];
  // Warnings of listed customers are counted customer by customer along (customerId, status, createdAt).
  const countOrder: Prisma.ChurnWarningOrderByWithRelationInput[] = 'customerId' in named ? [{ customerId: 'asc' }] : orderBy;
  return paged(
    page,
    (cap) => db.churnWarning.count({ where, orderBy: countOrder, ...cap }),
    (window) => db.churnWarning.findMany({ where, include: listInclude, orderBy, ...window }),
  );
}

/** Whom the 客户经理 filter offers: users who manage at least one customer. */
export function accountManagerChoices(db: Tx) {
  return db.user.findMany({
    where: { managedCustomers: { some: {} } },
    select: { id: true, name: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

/** One warning with its customer, both 客户经理 (now and when raised) and every measure, oldest first. */
export function churnWarningDetail(db: Tx, id: number) {
  return db.churnWarning.findUnique({
    where: { id },
    include: {
      ...listInclude,
      accountManager: person,
      measures: { include: { author: person }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
}

export type ChurnWarningDetail = NonNullable<Awaited<ReturnType<typeof churnWarningDetail>>>;

/** The home page's count: unfinished warnings of the customers the user manages (all with "any" access). */
export function openWarningsToHandle(user: CurrentUser): Prisma.ChurnWarningWhereInput {
  const mine = hasAnyAccess(user, 'handle', 'churn') ? {} : { customer: { accountManagerId: user.id } };
  return { ...mine, status: { in: OPEN_WARNING_STATUSES } };
}
