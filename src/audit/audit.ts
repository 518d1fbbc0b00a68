// The audit log: every change to business data writes one entry, in the same
// transaction as the change, with who, when, what and the record before/after.
import type { Tx } from '../db/client';

export interface AuditInput {
  userId: number | null;
  action: string;
  entity: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
}

function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value);
}

export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    },
  });
}

/**
 * The newest entry's id: a version of all business data, since every change
 * writes an entry (tests/audit/coverage.test.ts). Read from the primary key.
 */
export async function latestAuditEntryId(db: Tx): Promise<number> {
  const newest = await db.auditEntry.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return newest?.id ?? 0;
}
