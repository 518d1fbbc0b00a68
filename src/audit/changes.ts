// An audit entry's before/after as rows of a table: each field with its Chinese
// name, the old and the new value side by side, and whether it changed. A field
// pointing at another record shows that record's name beside its id.
import { MAX_ID } from '../shared/form';
import { fieldName } from './labels';

/** The kinds of record a snapshot's field may point at. */
export type ReferenceKind = 'user' | 'customer' | 'product' | 'opportunity';

/** Fields holding another record's id, and the kind of that record. */
export const REFERENCE_FIELDS: Record<string, ReferenceKind> = {
  accountManagerId: 'user',
  assigneeId: 'user',
  createdById: 'user',
  handlerId: 'user',
  authorId: 'user',
  actorId: 'user',
  userId: 'user',
  customerId: 'customer',
  productId: 'product',
  opportunityId: 'opportunity',
};

function referenceKind(field: string): ReferenceKind | undefined {
  return Object.hasOwn(REFERENCE_FIELDS, field) ? REFERENCE_FIELDS[field] : undefined;
}

/** For each kind, the name shown beside each id found. */
export type ReferenceNames = Record<ReferenceKind, Map<number, string>>;
export type ReferencedIds = Record<ReferenceKind, number[]>;

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

function parse(snapshot: string | null): unknown {
  if (snapshot === null) return null;
  try {
    return JSON.parse(snapshot);
  } catch {
    return snapshot;
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A stored value as the page shows it: times in the server's time, yes/no, lists as JSON. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && ISO_TIME.test(value)) {
    const d = new Date(value);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }
  if (typeof value === 'object') return JSON.stringify(value, null, 1);
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored id as a number: a whole number or its digits; anything else is no id. */
function storedId(value: unknown): number | null {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(id) && id >= 1 && id <= MAX_ID ? id : null;
}

/** The snapshots of an entry as field → value, or null when one is no such object. */
function snapshots(beforeText: string | null, afterText: string | null) {
  const before = parse(beforeText);
  const after = parse(afterText);
  if ((before !== null && !isRecord(before)) || (after !== null && !isRecord(after))) return null;
  return [before ?? {}, after ?? {}];
}

/** The ids the entry's reference fields point at, by kind of record (for one read per kind). */
export function referencedIds(beforeText: string | null, afterText: string | null): ReferencedIds {
  const ids: Record<ReferenceKind, Set<number>> = { user: new Set(), customer: new Set(), product: new Set(), opportunity: new Set() };
  for (const snapshot of snapshots(beforeText, afterText) ?? []) {
    for (const [field, value] of Object.entries(snapshot)) {
      const kind = referenceKind(field);
      const id = kind ? storedId(value) : null;
      if (kind && id !== null) ids[kind].add(id);
    }
  }
  return { user: [...ids.user], customer: [...ids.customer], product: [...ids.product], opportunity: [...ids.opportunity] };
}

/** A field's value as shown: a known record's id followed by its name. */
function shownField(field: string, value: unknown, names?: ReferenceNames): string {
  const shown = shownValue(value);
  const kind = referenceKind(field);
  const id = kind && names ? storedId(value) : null;
  const name = kind && id !== null ? names?.[kind].get(id) : undefined;
  return name ? `${shown} ${name}` : shown;
}

/** The rows of the before/after table of an entry; `names` names the records its fields point at. */
export function fieldChanges(entity: string, beforeText: string | null, afterText: string | null, names?: ReferenceNames): FieldChange[] {
  const both = snapshots(beforeText, afterText);
  if (!both) {
    const row = { field: '*', label: '内容', before: shownValue(parse(beforeText)), after: shownValue(parse(afterText)) };
    return [{ ...row, changed: row.before !== row.after }];
  }
  const [before, after] = both;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => {
    const old = shownField(field, before[field], names);
    const now = shownField(field, after[field], names);
    return { field, label: fieldName(entity, field), before: old, after: now, changed: old !== now };
  });
}

const NAMING_FIELDS = ['number', 'username', 'name', 'customerName', 'item', 'summary', 'content'];

/** How the list names an entry's record: its id, and its number or name when the entry keeps one. */
export function recordLabel(entry: { entityId: string; before: string | null; after: string | null }): string {
  const snapshot = [parse(entry.after), parse(entry.before)].find(isRecord);
  const naming = snapshot ? NAMING_FIELDS.map((field) => snapshot[field]).find((v) => typeof v === 'string' && v !== '') : undefined;
  return naming && naming !== entry.entityId ? `${entry.entityId} ${String(naming)}` : entry.entityId;
}
