// The one question every guard and every menu asks: may this user do this?
import type { Action, Resource, RoleCode } from './rights';

export interface CurrentUser {
  id: number;
  username: string;
  name: string;
  role: RoleCode;
  roleName: string;
  /** "resource:action:access" keys from the user's role */
  rights: ReadonlySet<string>;
}

type OwnedRecord = Record<string, unknown>;

/** Which fields of a record name its owners, per resource (and per action where it differs). */
const OWNER_FIELDS: Partial<Record<Resource, Partial<Record<Action | '*', string[]>>>> = {
  opportunity: { '*': ['createdById'] },
  plan: { '*': ['assigneeId'] },
  customer: { '*': ['accountManagerId'] },
  churn: { '*': ['accountManagerId'] },
  ticket: { feedback: ['assigneeId', 'createdById'], '*': ['assigneeId'] },
};

function ownerFields(action: Action, resource: Resource): string[] {
  return OWNER_FIELDS[resource]?.[action] ?? OWNER_FIELDS[resource]?.['*'] ?? [];
}

export function owns(user: CurrentUser, action: Action, resource: Resource, record: OwnedRecord): boolean {
  return ownerFields(action, resource).some((field) => record[field] === user.id);
}

/**
 * The same rule as a query's `where` (W: that model's where input): every
 * record with "any" access, otherwise the records the user owns.
 */
export function ownedWhere<W extends object>(user: CurrentUser, action: Action, resource: Resource): W {
  if (hasAnyAccess(user, action, resource)) return {} as W;
  const conditions = ownerFields(action, resource).map((field) => ({ [field]: user.id }));
  return (conditions.length === 1 ? conditions[0] : { OR: conditions }) as W;
}

/** Whether the user's right covers every record (not only their own). */
export function hasAnyAccess(user: CurrentUser, action: Action, resource: Resource): boolean {
  return user.rights.has(`${resource}:${action}:any`);
}

/**
 * Without a record: may the user do this to some record (menus, list pages).
 * With a record: may the user do this to that record.
 */
export function can(user: CurrentUser, action: Action, resource: Resource, record?: OwnedRecord): boolean {
  if (hasAnyAccess(user, action, resource)) return true;
  if (!user.rights.has(`${resource}:${action}:own`)) return false;
  return record === undefined || owns(user, action, resource, record);
}
