// The records a customer keeps — 联系人 (contacts.ts) and 交往记录
// (interactions.ts) — are listed, added, edited and deleted the same way: by
// whoever may change the customer, only while it is 正常, each change with its
// audit entry. This file is that one way; each kind says only its table,
// its form and its words.
import type { z } from 'zod';
import type { Db, Tx } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { recordAudit } from '../audit/audit';
import { ConflictError, NotFoundError } from '../shared/errors';
import { paged, Page } from '../shared/paging';
import { keptPage } from '../db/kept-reads';
import { lockCustomerForChange } from './customers';

/** The rows of one kind, always within one customer. */
export interface CustomerRecordTable<R, F> {
  find(customerId: number, id: number): Promise<R | null>;
  count(customerId: number): Promise<number>;
  list(customerId: number, window: { skip: number; take: number }): Promise<R[]>;
  create(customerId: number, input: F): Promise<R>;
  /** the number of rows changed (0: gone meanwhile) */
  update(customerId: number, id: number, input: F): Promise<number>;
  remove(customerId: number, id: number): Promise<number>;
}

export interface CustomerRecordKind<R extends { id: number }, F> {
  /** its table, also the audit log's entity name */
  entity: string;
  /** 联系人, 交往记录 */
  noun: string;
  /** the path segment under /customers/:id, and the name of its list view */
  segment: string;
  /** the view of its add/edit form */
  formView: string;
  form: z.ZodType<F>;
  table(db: Tx): CustomerRecordTable<R, F>;
  /** what the edit form shows of a record */
  formValues(record: R): Record<string, unknown>;
  /** the record in words, for 确认删除? */
  describe(record: R): string;
}

export function customerRecordPage<R extends { id: number }, F>(
  db: Db,
  kind: CustomerRecordKind<R, F>,
  customerId: number,
  page: number,
): Promise<Page<R>> {
  const table = kind.table(db);
  // Kept while the kind's table is unchanged (see keptPage).
  return keptPage(db, [kind.entity], kind.segment, { customerId, page }, () =>
    paged(page, () => table.count(customerId), (window) => table.list(customerId, window)),
  );
}

export async function customerRecord<R extends { id: number }, F>(
  db: Tx,
  kind: CustomerRecordKind<R, F>,
  customerId: number,
  id: number,
): Promise<R> {
  const record = await kind.table(db).find(customerId, id);
  if (!record) throw new NotFoundError(`该${kind.noun}不存在`);
  return record;
}

export async function addCustomerRecord<R extends { id: number }, F>(
  tx: Tx,
  kind: CustomerRecordKind<R, F>,
  customerId: number,
  input: F,
  actor: CurrentUser,
): Promise<R> {
  await lockCustomerForChange(tx, customerId, actor);
  const after = await kind.table(tx).create(customerId, input);
  await recordAudit(tx, { userId: actor.id, action: 'create', entity: kind.entity, entityId: after.id, after });
  return after;
}

/**
 * A change of one existing record: the customer locked for it, the record as it
 * was, then `write` (no row changed: the record was deleted meanwhile).
 */
async function changeCustomerRecord<R extends { id: number }, F>(
  tx: Tx,
  kind: CustomerRecordKind<R, F>,
  ids: { customerId: number; id: number },
  actor: CurrentUser,
  write: (table: CustomerRecordTable<R, F>) => Promise<number>,
): Promise<R> {
  await lockCustomerForChange(tx, ids.customerId, actor);
  const before = await customerRecord(tx, kind, ids.customerId, ids.id);
  if ((await write(kind.table(tx))) === 0) throw new ConflictError(`该${kind.noun}已被删除`);
  return before;
}

export async function editCustomerRecord<R extends { id: number }, F>(
  tx: Tx,
  kind: CustomerRecordKind<R, F>,
  customerId: number,
  id: number,
  input: F,
  actor: CurrentUser,
): Promise<R> {
  const before = await changeCustomerRecord(tx, kind, { customerId, id }, actor, (table) => table.update(customerId, id, input));
  const after = (await kind.table(tx).find(customerId, id))!;
  await recordAudit(tx, { userId: actor.id, action: 'update', entity: kind.entity, entityId: id, before, after });
  return after;
}

export async function deleteCustomerRecord<R extends { id: number }, F>(
  tx: Tx,
  kind: CustomerRecordKind<R, F>,
  customerId: number,
  id: number,
  actor: CurrentUser,
): Promise<void> {
  const before = await changeCustomerRecord(tx, kind, { customerId, id }, actor, (table) => table.remove(customerId, id));
  await recordAudit(tx, { userId: actor.id, action: 'delete', entity: kind.entity, entityId: id, before });
}
