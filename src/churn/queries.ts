// Reading churn warnings: the list (a 客户经理 sees those of their own customers,
// a 销售主管 all), one warning with its measures, and the choices of the filter.
import type { Prisma, Tx } from '../db/client';
import { CurrentUser, hasAnyAccess } from '../auth/can';
import { toPage } from '../shared/paging';
import { inOrderOf, join, pageOfIds, raw, sql, type Sql } from '../db/sql-lists';
import { customerNamed } from '../customers/name-pieces';
import { withPeople } from '../auth/people';
import { keptPage, keptRead } from '../db/kept-reads';
import type { ListQuery } from './schemas';
import { OPEN_WARNING_STATUSES } from './warning-status';

const person = { select: { id: true, name: true } } as const;

const withCustomer = {
  customer: { select: { id: true, number: true, name: true, status: true, accountManager: person } },
} satisfies Prisma.ChurnWarningInclude;

/** What the list shows of a warning: no reason; its customer's 客户经理 by id (see withPeople). */
const listFields = {
  id: true,
  customerId: true,
  accountManagerId: true,
  lastOrderDate: true,
  status: true,
  createdAt: true,
  customer: { select: { id: true, number: true, name: true, status: true, accountManagerId: true } },
} satisfies Prisma.ChurnWarningSelect;

/** The customers managed by a user, as a condition in plain SQL on ChurnWarning `w`. */
const managedBy = (userId: number) => sql`w.[customerId] IN (SELECT c.[id] FROM [Customer] c WHERE c.[accountManagerId] = ${userId})`;

/**
 * The list's conditions, in plain SQL on ChurnWarning `w` (see src/db/sql-lists.ts). With "own"
 * access a user sees the warnings of the customers they manage now.
 */
export async function listConditions(db: Tx, user: CurrentUser, query: ListQuery): Promise<Sql[]> {
  const statuses = query.status === 'open' ? OPEN_WARNING_STATUSES : query.status ? [query.status] : [];
  return [
    ...(hasAnyAccess(user, 'view', 'churn') ? [] : [managedBy(user.id)]),
    ...(query.accountManagerId ? [managedBy(query.accountManagerId)] : []),
    ...(query.customerName ? [await customerNamed(db, query.customerName, raw('w.[customerId]'))] : []),
    ...(statuses.length ? [sql`w.[status] IN (${join(statuses)})`] : []),
  ];
}

/** The list: newest warnings first. */
export function churnWarningList(db: Tx, user: CurrentUser, query: ListQuery, page: number) {
  // Kept while warnings, customers and users are unchanged (see keptPage); with "own" access it is the user's own.
  const own = hasAnyAccess(user, 'view', 'churn') ? null : user.id;
  return keptPage(db, ['ChurnWarning', 'Customer', 'CustomerNamePiece', 'User'], 'churn-warnings', { own, query, page }, () =>
    readChurnWarningList(db, user, query, page),
  );
}

async function readChurnWarningList(db: Tx, user: CurrentUser, query: ListQuery, page: number) {
  const where = await listConditions(db, user, query);
  const { ids, total } = await pageOfIds(db, { table: 'ChurnWarning', alias: 'w', where, orderBy: sql`w.[createdAt] DESC, w.[id] DESC` }, page);
  const rows = await db.churnWarning.findMany({ where: { id: { in: ids } }, select: listFields });
  const customers = await withPeople(db, rows.map((row) => row.customer), { accountManager: 'accountManagerId' });
  return toPage(inOrderOf(ids, rows.map((row, i) => ({ ...row, customer: customers[i] }))), total, page);
}

/** Whom the 客户经理 filter offers: users who manage at least one customer. */
export function accountManagerChoices(db: Tx) {
  // Kept while users and customers are unchanged: every view of the list (and of 客户流失分析) offers them.
  return keptRead(db, ['User', 'Customer'], 'churn:account-managers', () =>
    db.user.findMany({
      where: { managedCustomers: { some: {} } },
      select: { id: true, name: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
  );
}

/** One warning with its customer, both 客户经理 (now and when raised) and every measure, oldest first. */
export function churnWarningDetail(db: Tx, id: number) {
  return db.churnWarning.findUnique({
    where: { id },
    include: {
      ...withCustomer,
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
