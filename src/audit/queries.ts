// Reading the audit log: the search of the 审计日志 page, newest first, and one entry.
import type { Prisma, Tx } from '../db/client';
import { NotFoundError } from '../shared/errors';
import { withinDays } from '../shared/form';
import { paged, Page } from '../shared/paging';
import type { ReferencedIds, ReferenceNames } from './changes';
import type { AuditSearch } from './schemas';

const withUser = { user: { select: { id: true, username: true, name: true } } } satisfies Prisma.AuditEntryInclude;
export type AuditRow = Prisma.AuditEntryGetPayload<{ include: typeof withUser }>;

export function auditWhere(search: AuditSearch): Prisma.AuditEntryWhereInput {
  const record = search.record;
  return {
    ...(search.userId ? { userId: search.userId } : {}),
    ...(search.entity ? { entity: search.entity } : {}),
    ...(search.action ? { action: search.action } : {}),
    // A record is found by its id or by any text of it (number, name …) kept before or after.
    ...(record ? { OR: [{ entityId: record }, { before: { contains: record } }, { after: { contains: record } }] } : {}),
    ...(search.from || search.to ? { at: withinDays(search.from, search.to) } : {}),
  };
}

/** The list's order: its capped count walks it too (shared/paging.ts). */
const NEWEST_FIRST: Prisma.AuditEntryOrderByWithRelationInput[] = [{ at: 'desc' }, { id: 'desc' }];

export function auditPage(db: Tx, search: AuditSearch, page: number): Promise<Page<AuditRow>> {
  const where = auditWhere(search);
  return paged(
    page,
    (cap) => db.auditEntry.count({ where, orderBy: NEWEST_FIRST, ...cap }),
    (window) => db.auditEntry.findMany({ where, include: withUser, orderBy: NEWEST_FIRST, ...window }),
  );
}

export async function auditEntry(db: Tx, id: number): Promise<AuditRow> {
  const entry = await db.auditEntry.findUnique({ where: { id }, include: withUser });
  if (!entry) throw new NotFoundError('该审计记录不存在');
  return entry;
}

/** The users the search offers: everyone, disabled users too. */
export function auditUsers(db: Tx) {
  return db.user.findMany({ select: { id: true, name: true, username: true }, orderBy: [{ username: 'asc' }] });
}

/** The names of the records an entry's fields point at: one read per kind of record, none when it has no ids. */
export async function referenceNames(db: Tx, ids: ReferencedIds): Promise<ReferenceNames> {
  const named = async <R extends { id: number }>(list: number[], read: (where: { id: { in: number[] } }) => Promise<R[]>, name: (record: R) => string) =>
    new Map(list.length === 0 ? [] : (await read({ id: { in: list } })).map((record) => [record.id, name(record)] as const));
  const [user, customer, product, opportunity] = await Promise.all([
    named(ids.user, (where) => db.user.findMany({ where, select: { id: true, name: true } }), (u) => u.name),
    named(ids.customer, (where) => db.customer.findMany({ where, select: { id: true, number: true, name: true } }), (c) => `${c.number} ${c.name}`),
    named(ids.product, (where) => db.product.findMany({ where, select: { id: true, name: true } }), (p) => p.name),
    named(ids.opportunity, (where) => db.opportunity.findMany({ where, select: { id: true, customerName: true } }), (o) => o.customerName),
  ]);
  return { user, customer, product, opportunity };
}
