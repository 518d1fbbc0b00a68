// The churn warnings (客户流失预警): raising them in bulk (the weekly job), and
// the two steps of the 客户经理 — 暂缓流失 (one more measure) and 确认流失. Each
// step checks the actor against the customer's current 客户经理, moves the status
// by a conditional update (whoever comes second is refused) and writes its audit
// entries, all in the caller's transaction.
import type { ChurnWarning } from '#prisma';
import type { Db, Prisma, Tx } from '../db/client';
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

/** A large run must not hit the default 5 s limit of an interactive transaction. */
const BULK_TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

/**
 * The weekly job's work: one warning (预警) for each 正常 customer the rule
 * selects. A constant number of queries whatever the number of customers: the
 * customers, their last order dates (one call of the order source), the
 * unfinished warnings, then one createMany and one audit entry. Safe to repeat:
 * a customer with an unfinished warning is skipped. Running twice at the same
 * moment is prevented by the caller's lock (jobs/churn-warnings.ts).
 */
export async function raiseChurnWarnings(
  db: Db,
  orderSource: OrderSource,
  {
    now = new Date(),
    actorId = null,
    timeZone,
  }: { now?: Date; actorId?: number | null; /** the job's zone: whose calendar days count */ timeZone?: string } = {},
): Promise<RaiseResult> {
  const customers = await db.customer.findMany({
    where: { status: { in: ACTIVE_CUSTOMER_STATUSES } },
    select: { id: true, number: true, createdAt: true, accountManagerId: true },
  });
  if (customers.length === 0) return { checked: 0, added: 0 };
  const lastOrderDates = await orderSource
    .lastOrderDates(customers.map(({ id, number }) => ({ id, number })))
    .catch((err: unknown) => {
      throw new OrderSourceError(err);
    });
  const candidates = selectChurnCandidates(customers, lastOrderDates, await openWarningCustomers(db), now, timeZone);
  if (candidates.length === 0) return { checked: customers.length, added: 0 };

  const added = await db.$transaction(async (tx) => {
    const rows = await stillWithoutWarning(tx, candidates);
    if (rows.length === 0) return 0;
    await tx.churnWarning.createMany({ data: rows.map((c) => ({ ...c, status: NEW_WARNING_STATUS, createdAt: now })) });
    // One entry for the whole run: the job adds warnings in bulk, not one by one.
    await recordAudit(tx, {
      userId: actorId,
      action: 'create',
      entity: 'ChurnWarning',
      entityId: `job:${now.toISOString()}`,
      after: rows,
    });
    return rows.length;
  }, BULK_TRANSACTION);
  return { checked: customers.length, added };
}

/**
 * The candidates still 正常 and still without an unfinished warning, read again
 * inside the writing transaction: a 确认流失 or another warning may have landed
 * since the job's first reads. Two queries, whatever the number of candidates.
 */
async function stillWithoutWarning(tx: Tx, candidates: ChurnCandidate[]): Promise<ChurnCandidate[]> {
  // No list of ids in the queries: SQL Server takes at most 2100 parameters.
  const active = await tx.customer.findMany({ where: { status: { in: ACTIVE_CUSTOMER_STATUSES } }, select: { id: true } });
  const open = await openWarningCustomers(tx);
  const stillActive = new Set(active.map((c) => c.id));
  return candidates.filter((c) => stillActive.has(c.customerId) && !open.has(c.customerId));
}

async function openWarningCustomers(db: Db | Tx): Promise<Set<number>> {
  const open = await db.churnWarning.findMany({ where: { status: { in: OPEN_WARNING_STATUSES } }, select: { customerId: true } });
  return new Set(open.map((w) => w.customerId));
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
