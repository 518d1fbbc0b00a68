// An audit entry's before/after as rows of a table: each field with its Chinese
// name, the old and the new value side by side, and whether it changed.
import { fieldName } from './labels';

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

/** The rows of the before/after table of an entry. */
export function fieldChanges(entity: string, beforeText: string | null, afterText: string | null): FieldChange[] {
  const before = parse(beforeText);
  const after = parse(afterText);
  if ((before !== null && !isRecord(before)) || (after !== null && !isRecord(after))) {
    const row = { field: '*', label: '内容', before: shownValue(before), after: shownValue(after) };
    return [{ ...row, changed: row.before !== row.after }];
  }
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => {
    const old = shownValue(before?.[field]);
    const now = shownValue(after?.[field]);
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
