// The churn warnings (客户流失预警): raising them in bulk (the weekly job), and
// the two steps of the 客户经理 — 暂缓流失 (one more measure) and 确认流失. Each
// step checks the actor against the customer's current 客户经理, moves the status
// by a conditional update (whoever comes second is refused) and writes its audit
// entries, all in the caller's transaction.
import type { ChurnWarning } from '#prisma';
import { empty, join, raw } from '@prisma/client/runtime/client';
import type { DatabaseKind, Db, Prisma, Tx } from '../db/client';
import { insertRows, rowsPerInsert } from '../db/insert-rows';
import type { CurrentUser } from '../auth/can';
import { recordAudit } from '../audit/audit';
import type { OrderSource } from '../orders/order-source';
import { ConflictError } from '../shared/errors';
import type { Move } from '../shared/status-machine';
import { checkStep, takeStep } from '../shared/step-guard';
import { ChurnCandidate, selectChurnCandidates } from './churn-rule';
import { ACTIVE_CUSTOMER_STATUSES, CUSTOMER_STATUS } from '../customers/customer-status';
import { CHURN_GUARD, ChurnStep, ChurnWarningStatus, NEW_WARNING_STATUS, OPEN_WARNING_STATUSES } from './warning-status';

export interface RaiseResult {
  /** 正常 customers looked at */
  checked: number;
  /** warnings added */
  added: number;
}

/** The order source failed (the sales system unreachable, a bad query …). */
export class OrderSourceError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'OrderSourceError';
  }
}

/** A batch's transaction: generous, as a slow disk or SQL Server under load may take a while. */
const BATCH_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };
/** Customers (a window of ids) read, checked and written at a time: memory stays bounded whatever their number. */
export const CHURN_BATCH = 1_000;

/** A window of customer ids, in the SQL dialect of the database it is read from. */
type IdRange = { gte: number; lte: number; kind: DatabaseKind };

/**
 * SQLite's way to keep a column off the indexes (`+status`), so that a window is
 * read by its range of ids whatever the planner's statistics. SQL Server chooses
 * by its own statistics, kept up to date by itself.
 */
const offIndex = (kind: DatabaseKind) => (kind === 'sqlite' ? raw('+') : empty);

/**
 * The weekly job's work: one warning (预警) for each 正常 customer the rule
 * selects. Customers are taken in windows of ids; per window a constant number
 * of queries: the customers, their last order dates (one call of the order
 * source), the unfinished warnings of the batch's range of ids, then — when
 * there are candidates — one transaction that checks again which of the window's
 * customers changed meanwhile (stillWithoutWarning), adds the
 * warnings (one INSERT per INSERTED_AT_ONCE) and writes one audit entry. Safe to repeat: a
 * customer with an unfinished warning is skipped. Running twice at the same
 * moment is prevented by the caller's lock (jobs/churn-warnings.ts).
 */
export async function raiseChurnWarnings(
  db: Db,
  orderSource: OrderSource,
  {
    now = new Date(),
    actorId = null,
    timeZone,
    batchSize = CHURN_BATCH,
    dialect = 'sqlite',
  }: {
    now?: Date;
    actorId?: number | null;
    /** the job's zone: whose calendar days count */ timeZone?: string;
    batchSize?: number;
    /** the SQL dialect of `db` */
    dialect?: DatabaseKind;
  } = {},
): Promise<RaiseResult> {
  const result: RaiseResult = { checked: 0, added: 0 };
  // Windows of ids rather than LIMIT/TOP: the same SQL on both databases. A
  // customer added during the run is not looked at (it is not dormant anyway).
  const { _max } = await db.customer.aggregate({ _max: { id: true } });
  for (let from = 1; from <= (_max.id ?? 0); from += batchSize) {
    const range = { gte: from, lte: from + batchSize - 1, kind: dialect };
    const customers = await activeCustomersIn(db, range);
    if (customers.length === 0) continue;
    result.checked += customers.length;
    const lastOrderDates = await orderSource
      .lastOrderDates(customers.map(({ id, number }) => ({ id, number })))
      .catch((err: unknown) => {
        throw new OrderSourceError(err);
      });
    const candidates = selectChurnCandidates(customers, lastOrderDates, await openWarningCustomers(db, range), now, timeZone);
    if (candidates.length > 0) result.added += await addWarnings(db, candidates, range, now, actorId);
    // The embedded database answers synchronously: let waiting requests in between windows.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
}

/**
 * The 正常 customers of a window of ids. In plain SQL both databases take: the
 * query builder's work on thousands of rows cost the job more than the database's.
 * In this and the next, the status is kept off the indexes (offIndex).
 */
async function activeCustomersIn(db: Db | Tx, ids: IdRange) {
  const rows = await db.$queryRaw<{ id: number; number: string; createdAt: Date | string; accountManagerId: number | null }[]>`
    SELECT c.id, c.number, c.createdAt, c.accountManagerId FROM [Customer] c
     WHERE ${offIndex(ids.kind)}c.status IN (${join(ACTIVE_CUSTOMER_STATUSES)}) AND c.id BETWEEN ${ids.gte} AND ${ids.lte}
     ORDER BY c.id`;
  return rows.map((c) => ({
    id: Number(c.id),
    number: c.number,
    createdAt: new Date(c.createdAt),
    accountManagerId: c.accountManagerId === null ? null : Number(c.accountManagerId),
  }));
}

/** One batch's warnings with their audit entry, in one transaction. */
async function addWarnings(db: Db, candidates: ChurnCandidate[], range: IdRange, now: Date, actorId: number | null) {
  return db.$transaction(async (tx) => {
    const rows = await stillWithoutWarning(tx, candidates, range);
    if (rows.length === 0) return 0;
    await insertRows(tx, 'ChurnWarning', WARNING_COLUMNS, rows.map((c) => [c.customerId, c.accountManagerId, c.lastOrderDate, NEW_WARNING_STATUS, now]));
    // One entry per batch of the run: the job adds warnings in bulk, not one by one.
    await recordAudit(tx, {
      userId: actorId,
      action: 'create',
      entity: 'ChurnWarning',
      entityId: `job:${now.toISOString()}`,
      after: rows,
    });
    return rows.length;
  }, BATCH_TRANSACTION);
}

const WARNING_COLUMNS = ['customerId', 'accountManagerId', 'lastOrderDate', 'status', 'createdAt'];

/** Warnings per INSERT (in plain SQL, src/db/insert-rows.ts). */
export const INSERTED_AT_ONCE = rowsPerInsert(WARNING_COLUMNS.length);

/**
 * The candidates still 正常 and still without an unfinished warning, checked
 * again inside the writing transaction: a 确认流失 or another warning may have
 * landed since the job's first reads. One query over the batch's range of ids
 * (a range, not a list: SQL Server takes at most 2100 parameters) that answers
 * only the customers that changed meanwhile, usually none.
 */
async function stillWithoutWarning(tx: Tx, candidates: ChurnCandidate[], range: IdRange): Promise<ChurnCandidate[]> {
  const changed = await tx.$queryRaw<{ id: number }[]>`
    SELECT c.id FROM [Customer] c
     WHERE c.id BETWEEN ${range.gte} AND ${range.lte}
       AND (${offIndex(range.kind)}c.status NOT IN (${join(ACTIVE_CUSTOMER_STATUSES)})
            OR EXISTS (SELECT 1 FROM [ChurnWarning] w WHERE w.customerId = c.id AND w.status IN (${join(OPEN_WARNING_STATUSES)})))`;
  const excluded = new Set(changed.map((c) => Number(c.id)));
  return candidates.filter((c) => !excluded.has(c.customerId));
}

async function openWarningCustomers(db: Db | Tx, customerIds: IdRange): Promise<Set<number>> {
  const open = await db.$queryRaw<{ customerId: number }[]>`
    SELECT w.customerId FROM [ChurnWarning] w
     WHERE ${offIndex(customerIds.kind)}w.status IN (${join(OPEN_WARNING_STATUSES)}) AND w.customerId BETWEEN ${customerIds.gte} AND ${customerIds.lte}`;
  return new Set(open.map((w) => Number(w.customerId)));
}

const withCustomer = { customer: { select: { id: true, accountManagerId: true, status: true } } } as const;

function findWarning(tx: Tx, id: number) {
  return tx.churnWarning.findUnique({ where: { id }, include: withCustomer });
}

type GuardedWarning = NonNullable<Awaited<ReturnType<typeof findWarning>>>;

/**
 * Takes the step on the warning by a conditional update on the status read
 * (`where` narrows it further); whoever comes second is refused.
 */
async function moveWarning(
  tx: Tx,
  warning: GuardedWarning,
  actor: CurrentUser,
  step: ChurnStep,
  update: { where?: Prisma.ChurnWarningWhereInput; data?: Prisma.ChurnWarningUncheckedUpdateManyInput } = {},
): Promise<void> {
  const write = (move: Move<ChurnWarningStatus>) =>
    tx.churnWarning.updateMany({
      where: { id: warning.id, ...move.where, ...update.where },
      data: { ...update.data, ...move.data },
    });
  await takeStep(CHURN_GUARD, warning, actor, step, write, () => findWarning(tx, warning.id));
}

function plain({ id, customerId, accountManagerId, lastOrderDate, status, reason, confirmedAt, createdAt }: ChurnWarning) {
  return { id, customerId, accountManagerId, lastOrderDate, status, reason, confirmedAt, createdAt };
}

/** 暂缓流失: the customer's 客户经理 appends a measure (措施); status 暂缓流失. */
export async function deferChurn(tx: Tx, id: number, content: string, actor: CurrentUser) {
  const { record: warning } = checkStep(CHURN_GUARD, await findWarning(tx, id), actor, 'defer');
  await moveWarning(tx, warning, actor, 'defer');
  const measure = await tx.churnMeasure.create({ data: { warningId: id, content, authorId: actor.id } });
  const after = await tx.churnWarning.findUniqueOrThrow({ where: { id } });
  await recordAudit(tx, {
    userId: actor.id,
    action: 'defer',
    entity: 'ChurnWarning',
    entityId: id,
    before: plain(warning),
    after: { ...plain(after), measure },
  });
  return measure;
}

/**
 * 确认流失: only once a measure exists (status 暂缓流失, and the measure is
 * checked again in the update itself); the warning becomes 已流失 with the
 * reason and the confirm date, and the customer 已流失 — both or neither.
 */
export async function confirmChurn(tx: Tx, id: number, reason: string, actor: CurrentUser) {
  const { record: warning } = checkStep(CHURN_GUARD, await findWarning(tx, id), actor, 'confirm');
  const confirmedAt = new Date();
  await moveWarning(tx, warning, actor, 'confirm', { where: { measures: { some: {} } }, data: { reason, confirmedAt } });
  // Throwing rolls the warning back too.
  const churn = CUSTOMER_STATUS.moveBy(warning.customer.status, 'churn');
  if (!churn.allowed) throw new ConflictError(churn.refusal);
  const customer = await tx.customer.updateMany({ where: { id: warning.customerId, ...churn.where }, data: churn.data });
  if (customer.count === 0) throw new ConflictError(CUSTOMER_STATUS.refusal('churn', warning.customer.status));
  const after = await tx.churnWarning.findUniqueOrThrow({ where: { id } });
  await recordAudit(tx, {
    userId: actor.id,
    action: 'confirm',
    entity: 'ChurnWarning',
    entityId: id,
    before: plain(warning),
    after: plain(after),
  });
  await recordAudit(tx, {
    userId: actor.id,
    action: 'update',
    entity: 'Customer',
    entityId: warning.customerId,
    before: { status: warning.customer.status },
    after: churn.data,
  });
  return after;
}
