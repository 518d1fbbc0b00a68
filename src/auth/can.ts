// The one question every guard and every menu asks: may this user do this?
import { Action, Resource, Role } from './rights';

export interface CurrentUser {
  id: number;
  username: string;
  name: string;
  role: Role;
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

export function owns(user: CurrentUser, action: Action, resource: Resource, record: OwnedRecord): boolean {
  const fields = OWNER_FIELDS[resource]?.[action] ?? OWNER_FIELDS[resource]?.['*'] ?? [];
  return fields.some((field) => record[field] === user.id);
}

/** Whether the user holds the right at all ("any" or "own"). */
export function hasRight(user: CurrentUser, action: Action, resource: Resource): boolean {
  return user.rights.has(`${resource}:${action}:any`) || user.rights.has(`${resource}:${action}:own`);
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
