// Reading users for 用户管理: the list with its search, one user for a form.
import type { Prisma, Tx } from '../db/client';
import { NotFoundError } from '../shared/errors';
import { paged, Page } from '../shared/paging';
import type { UserSearch } from './schemas';

const listSelect = {
  id: true,
  username: true,
  name: true,
  status: true,
  createdAt: true,
  roleCode: true,
  role: { select: { name: true } },
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof listSelect }>;

export function userWhere(search: UserSearch): Prisma.UserWhereInput {
  return {
    ...(search.username ? { username: { contains: search.username } } : {}),
    ...(search.name ? { name: { contains: search.name } } : {}),
    ...(search.roleCode ? { roleCode: search.roleCode } : {}),
    ...(search.status ? { status: search.status } : {}),
  };
}

/** 用户管理: users matching the search, by username. */
/** The list's order: its capped count walks it too (shared/paging.ts). */
const BY_USERNAME: Prisma.UserOrderByWithRelationInput[] = [{ username: 'asc' }, { id: 'asc' }];

export function userPage(db: Tx, search: UserSearch, page: number): Promise<Page<UserRow>> {
  const where = userWhere(search);
  return paged(
    page,
    (cap) => db.user.count({ where, orderBy: BY_USERNAME, ...cap }),
    (window) => db.user.findMany({ where, select: listSelect, orderBy: BY_USERNAME, ...window }),
  );
}

/**
 * Every relation through which a user owns, created or did something (the
 * type insists each of the user's relations is named here).
 */
const USER_RECORDS = {
  createdOpportunities: true,
  assignedOpportunities: true,
  managedCustomers: true,
  churnWarnings: true,
  churnMeasures: true,
  createdTickets: true,
  assignedTickets: true,
  handledTickets: true,
  ticketEvents: true,
  ticketEventAssignees: true,
  auditEntries: true,
} satisfies Record<keyof Prisma.UserCountOutputType, true>;

/**
 * Of these users, those who may be deleted (who never owned or did anything),
 * in one query for the whole page: each relation an EXISTS on its indexed key.
 */
export async function deletableUsers(db: Tx, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const anyRecord = Object.keys(USER_RECORDS).map((relation) => ({ [relation]: { some: {} } }) as Prisma.UserWhereInput);
  const busy = await db.user.findMany({ where: { id: { in: ids }, OR: anyRecord }, select: { id: true } });
  const taken = new Set(busy.map((user) => user.id));
  return new Set(ids.filter((id) => !taken.has(id)));
}

export async function userForAdmin(db: Tx, id: number): Promise<UserRow> {
  const user = await db.user.findUnique({ where: { id }, select: listSelect });
  if (!user) throw new NotFoundError('该用户不存在');
  return user;
}
