// Reading customers: the list with its search, one customer with everything
// its detail page shows, and the choices of the edit form and the search.
import type { Prisma, Tx } from '../db/client';
import type { Customer } from '#prisma';
import { keptPage, keptRead } from '../db/kept-reads';
import { can, CurrentUser, hasAnyAccess } from '../auth/can';
import type { Action, Resource } from '../auth/rights';
import { holdingRight, isNormalUser, normalUsers, RIGHTS_TABLES } from '../auth/users';
import { withPeople, type WithPeople } from '../auth/people';
import { dictionaryItems } from '../shared/dictionary';
import { paged, Page } from '../shared/paging';
import type { CustomerSearch } from './schemas';
import { countCustomers, nameSearch, pageOfCustomers } from './name-pieces';

/** Data-dictionary types the customer fields take their values from. */
export const REGION_TYPE = '地区';
export const LEVEL_TYPE = '企业客户等级';

/** Who may be a customer's 客户经理: whoever may edit customers (their own or all). */
export const ACCOUNT_MANAGER_RIGHT: { action: Action; resource: Resource } = { action: 'edit', resource: 'customer' };

/** Normal users who may be given a customer. */
export function accountManagerChoices(db: Tx) {
  return normalUsers(db, ACCOUNT_MANAGER_RIGHT.action, ACCOUNT_MANAGER_RIGHT.resource);
}

export function isAccountManagerChoice(db: Tx, id: number): Promise<boolean> {
  return isNormalUser(db, id, ACCOUNT_MANAGER_RIGHT.action, ACCOUNT_MANAGER_RIGHT.resource);
}

/** The 客户经理 the search offers: whoever manages a customer (disabled users too), and the user. */
export function accountManagersToSearch(db: Tx, user: CurrentUser) {
  // Kept while users, rights and customers are unchanged: every view of the list offers them.
  return keptRead(db, [...RIGHTS_TABLES, 'Customer'], `managers-to-search:${user.id}`, async () => {
    const managers = await db.user.findMany({
      where: { OR: [{ managedCustomers: { some: {} } }, { id: user.id, ...holdingRight(ACCOUNT_MANAGER_RIGHT.action, ACCOUNT_MANAGER_RIGHT.resource) }] },
      select: { id: true, name: true, status: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    return managers.map((m) => ({ value: m.id, label: m.status === 'normal' ? m.name : `${m.name}（已禁用）` }));
  });
}

/** Whether the user's list starts with their own customers: they may change only those. */
export function startsWithOwnCustomers(user: CurrentUser): boolean {
  return can(user, 'edit', 'customer') && !hasAnyAccess(user, 'edit', 'customer');
}

/**
 * The search of the list. Opened without any parameter (from the menu), an
 * account manager sees their own customers; choosing 全部 as 客户经理 — or
 * any other search or page — shows every customer they may see.
 */
export function searchInput(user: CurrentUser, query: Record<string, unknown>): Record<string, unknown> {
  if (Object.keys(query).length === 0 && startsWithOwnCustomers(user)) return { accountManagerId: String(user.id) };
  return query;
}

/** Characters of a 客户编号 (KH, then digits). */
const NUMBER_CHARACTERS = /^[0-9A-Z]*$/;
const NUMBER_LENGTH = 30;

/**
 * 客户编号 searched by its beginning, as a range the unique index answers on
 * both databases (SQLite's LIKE cannot use it). Upper case; digits alone are
 * read after the KH every number starts with. Numbers hold only digits and
 * capitals, and every collation sorts those below Z: whatever starts with the
 * prefix lies between it and the prefix filled up with Z.
 */
export function numberPrefix(input: string): { gte: string; lte: string } | { in: [] } {
  const text = input.trim().toUpperCase();
  const prefix = /^[0-9]/.test(text) ? `KH${text}` : text;
  if (!NUMBER_CHARACTERS.test(prefix) || prefix.length > NUMBER_LENGTH) return { in: [] };
  return { gte: prefix, lte: prefix.padEnd(NUMBER_LENGTH, 'Z') };
}

export function customerWhere(search: CustomerSearch): Prisma.CustomerWhereInput {
  return {
    ...(search.number ? { number: numberPrefix(search.number) } : {}),
    ...(search.name ? { name: { contains: search.name } } : {}),
    ...(search.region ? { region: search.region } : {}),
    ...(search.level ? { level: search.level } : {}),
    ...(search.accountManagerId ? { accountManagerId: search.accountManagerId } : {}),
    ...(search.status ? { status: search.status } : {}),
  };
}

const ACCOUNT_MANAGER = { accountManager: 'accountManagerId' } as const;

/** A customer with its 客户经理. */
export type CustomerRow = WithPeople<Customer, typeof ACCOUNT_MANAGER>;

/** What 客户信息管理 shows of a customer: none of its address, bank or tax details; its 客户经理 by id (see withPeople). */
const listFields = {
  id: true,
  number: true,
  name: true,
  region: true,
  accountManagerId: true,
  level: true,
  satisfaction: true,
  credit: true,
  status: true,
} satisfies Prisma.CustomerSelect;

export type CustomerListRow = WithPeople<Prisma.CustomerGetPayload<{ select: typeof listFields }>, typeof ACCOUNT_MANAGER>;

/** Customers by name: the order of 服务创建's choice, and of counting a one-character name search (the name index). */
export const BY_NAME: Prisma.CustomerOrderByWithRelationInput[] = [{ name: 'asc' }, { id: 'asc' }];

/** What a page of customers reads: the customers, their names' pieces (a name search), their 客户经理. */
const CUSTOMER_PAGE_TABLES = ['Customer', 'CustomerNamePiece', 'User'];

/** 客户信息管理: the customers matching the search, newest first (kept while they are unchanged, see keptPage). */
export function customerList(db: Tx, search: CustomerSearch, page: number): Promise<Page<CustomerListRow>> {
  return keptPage(db, CUSTOMER_PAGE_TABLES, 'customers', { search, page }, () => readCustomerList(db, search, page));
}

async function readCustomerList(db: Tx, search: CustomerSearch, page: number): Promise<Page<CustomerListRow>> {
  const where = customerWhere(search);
  const orderBy: Prisma.CustomerOrderByWithRelationInput[] = [{ createdAt: 'desc' }, { id: 'desc' }];
  // A name search counts (and, for a rare piece, pages) through the name's pieces (name-pieces.ts);
  // by one character it counts along the name index (the names alone), not the table in the list's order.
  const byPiece = search.name ? await nameSearch(db, search.name) : null;
  return paged(
    page,
    (cap) => countCustomers(db, byPiece, where, search.name ? BY_NAME : orderBy, cap),
    async (window) => {
      const rows = await db.customer.findMany({ ...(await pageOfCustomers(db, byPiece, where, orderBy, window)), select: listFields, orderBy });
      return withPeople(db, rows, ACCOUNT_MANAGER);
    },
  );
}

/**
 * One customer with its 客户经理 and how many contacts and interactions it has.
 * Counted by the customer's id (index lookups): Prisma's `_count` include
 * groups the whole Contact and Interaction tables first.
 */
export function customerDetail(db: Tx, id: number) {
  // Kept while the customer, its records and users are unchanged (see keptPage): every tab of a customer shows it.
  return keptPage(db, ['Customer', 'Contact', 'Interaction', 'User'], 'customer', id, () => readCustomerDetail(db, id));
}

async function readCustomerDetail(db: Tx, id: number) {
  const [customer, contacts, interactions] = await Promise.all([
    db.customer.findUnique({ where: { id } }),
    db.contact.count({ where: { customerId: id } }),
    db.interaction.count({ where: { customerId: id } }),
  ]);
  if (!customer) return null;
  const [named] = await withPeople(db, [customer], ACCOUNT_MANAGER);
  return { ...named, _count: { contacts, interactions } };
}

export type CustomerDetail = NonNullable<Awaited<ReturnType<typeof customerDetail>>>;

/**
 * The choices of the edit form: dictionary items and normal account managers,
 * plus the customer's current values even when no longer offered (a disabled
 * 客户经理, a removed dictionary item), so that saving keeps them.
 */
export async function customerFormChoices(db: Tx, customer: CustomerRow) {
  const [regions, levels, managers] = await Promise.all([
    dictionaryItems(db, REGION_TYPE),
    dictionaryItems(db, LEVEL_TYPE),
    accountManagerChoices(db),
  ]);
  const keep = (items: string[], current: string | null) => (current && !items.includes(current) ? [...items, current] : items);
  const managerOptions = managers.map((m) => ({ value: m.id, label: m.name }));
  const current = customer.accountManager;
  if (current && !managerOptions.some((o) => o.value === current.id)) {
    managerOptions.push({ value: current.id, label: `${current.name}（已禁用）` });
  }
  return { regions: keep(regions, customer.region), levels: keep(levels, customer.level), managerOptions };
}
