// The dictionary's rules: entries listed by 类别; a non-editable entry never
// changes; an entry in use is never deleted and keeps its 类别, 条目 and 值.
// Each change is one conditional write with its audit entry.
import type { DictionaryEntry } from '#prisma';
import type { Db, Prisma, Tx } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { recordAudit } from '../audit/audit';
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError, ValidationError } from '../shared/errors';
import { paged, Page } from '../shared/paging';
import type { EntryForm, EntrySearch } from './schemas';
import { entryUse } from './usage';

const ENTITY = 'DictionaryEntry';
const NOT_EDITABLE = '该条目不可编辑，不能修改或删除';

/** The list's order: its capped count walks it too (shared/paging.ts). */
const BY_TYPE: Prisma.DictionaryEntryOrderByWithRelationInput[] = [{ type: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }];

export function entryList(db: Db, search: EntrySearch, page: number): Promise<Page<DictionaryEntry>> {
  const where = search.type ? { type: search.type } : {};
  return paged(
    page,
    (cap) => db.dictionaryEntry.count({ where, orderBy: BY_TYPE, ...cap }),
    (window) => db.dictionaryEntry.findMany({ where, orderBy: BY_TYPE, ...window }),
  );
}

/** Every 类别 there is, for the filter. */
export async function entryTypes(db: Tx): Promise<string[]> {
  const rows = await db.dictionaryEntry.findMany({ distinct: ['type'], select: { type: true }, orderBy: { type: 'asc' } });
  return rows.map((row) => row.type);
}

export function findEntry(db: Tx, id: number): Promise<DictionaryEntry | null> {
  return db.dictionaryEntry.findUnique({ where: { id } });
}

/** The 条目 is unique within its 类别: a clear message instead of the constraint's. */
async function uniqueItem<T>(input: EntryForm, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ValidationError(`类别「${input.type}」中已有条目「${input.item}」`, { item: '该条目已存在' });
    throw err;
  }
}

async function changeableEntry(tx: Tx, id: number): Promise<DictionaryEntry> {
  const entry = await findEntry(tx, id);
  if (!entry) throw new NotFoundError('该条目不存在');
  if (!entry.editable) throw new ForbiddenError(NOT_EDITABLE);
  return entry;
}

/** The entry as saved: without an order given, it comes after the other entries of its 类别. */
async function withOrder(tx: Tx, input: EntryForm) {
  if (input.sortOrder !== null) return { ...input, sortOrder: input.sortOrder };
  const last = await tx.dictionaryEntry.aggregate({ where: { type: input.type }, _max: { sortOrder: true } });
  return { ...input, sortOrder: (last._max.sortOrder ?? 0) + 1 };
}

export async function createEntry(tx: Tx, input: EntryForm, actor: CurrentUser): Promise<DictionaryEntry> {
  const data = await withOrder(tx, input);
  const after = await uniqueItem(input, () => tx.dictionaryEntry.create({ data }));
  await recordAudit(tx, { userId: actor.id, action: 'create', entity: ENTITY, entityId: after.id, after });
  return after;
}

export async function updateEntry(tx: Tx, id: number, input: EntryForm, actor: CurrentUser): Promise<DictionaryEntry> {
  const before = await changeableEntry(tx, id);
  const renamed = input.type !== before.type || input.item !== before.item || input.value !== before.value;
  const use = renamed ? await entryUse(tx, before) : null;
  if (use) throw new ConflictError(`${use}，不能修改其类别、条目或值`);
  // Conditional: still editable and as read, so a change made meanwhile is not overwritten unseen.
  const where = { id, editable: true, type: before.type, item: before.item, value: before.value };
  const data = await withOrder(tx, input);
  const { count } = await uniqueItem(input, () => tx.dictionaryEntry.updateMany({ where, data }));
  if (count === 0) throw new ConflictError('该条目已被他人修改或删除，请重新打开后再试');
  const after = (await findEntry(tx, id))!;
  await recordAudit(tx, { userId: actor.id, action: 'update', entity: ENTITY, entityId: id, before, after });
  return after;
}

export async function deleteEntry(tx: Tx, id: number, actor: CurrentUser): Promise<void> {
  const before = await changeableEntry(tx, id);
  const use = await entryUse(tx, before);
  if (use) throw new ConflictError(`${use}，不能删除`);
  const { count } = await tx.dictionaryEntry.deleteMany({ where: { id, editable: true } });
  if (count === 0) throw new ConflictError('该条目已被他人修改或删除');
  await recordAudit(tx, { userId: actor.id, action: 'delete', entity: ENTITY, entityId: id, before });
}
