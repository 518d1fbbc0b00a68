// Changing a customer (客户信息) and the guard every change of a customer's
// records goes through. Each function takes a transaction, plain data and the
// actor; knows nothing of HTTP; writes its audit entry in that transaction.
import type { Customer } from '#prisma';
import type { Prisma, Tx } from '../db/client';
import { CurrentUser, hasAnyAccess, ownedWhere } from '../auth/can';
import { recordAudit } from '../audit/audit';
import { ValidationError } from '../shared/errors';
import type { Move } from '../shared/status-machine';
import { checkStep, takeStep } from '../shared/step-guard';
import { CUSTOMER_GUARD, CustomerStatus } from './customer-status';
import { isAccountManagerChoice } from './queries';
import { renewNamePieces } from './name-pieces';
import type { CustomerForm } from './schemas';

export const CUSTOMER_ENTITY = 'Customer';

/** The customer, if the actor may change it and it is still 正常. */
export async function customerForChange(tx: Tx, id: number, actor: CurrentUser): Promise<Customer> {
  return checkStep(CUSTOMER_GUARD, await tx.customer.findUnique({ where: { id } }), actor, 'edit').record;
}

/**
 * Writes `data` to the customer only if it is still in the status read and —
 * for an actor who may change only their own customers — still theirs: a
 * 确认流失 or a change of 客户经理 at the same moment wins, and this change is
 * refused. With no data it only locks the row for the rest of the transaction.
 */
async function updateIfStillChangeable(
  tx: Tx,
  customer: Customer,
  actor: CurrentUser,
  data: Prisma.CustomerUncheckedUpdateManyInput = {},
): Promise<void> {
  const write = (move: Move<CustomerStatus>) =>
    tx.customer.updateMany({
      // Still 正常, and still the actor's (a 客户经理 may have been replaced meanwhile).
      where: { id: customer.id, ...move.where, ...ownedWhere<Prisma.CustomerWhereInput>(actor, 'edit', 'customer') },
      data: { ...data, ...move.data },
    });
  await takeStep(CUSTOMER_GUARD, customer, actor, 'edit', write, () => tx.customer.findUnique({ where: { id: customer.id } }));
}

/**
 * For a change of the customer's contacts or interactions: the customer, once
 * it is locked against a 确认流失 or a change of 客户经理 until the transaction ends.
 */
export async function lockCustomerForChange(tx: Tx, id: number, actor: CurrentUser): Promise<Customer> {
  const customer = await customerForChange(tx, id, actor);
  await updateIfStillChangeable(tx, customer, actor);
  return customer;
}

/**
 * 编辑客户信息. Only an actor who may change every customer (销售主管) gives the
 * customer another 客户经理; an account manager keeps their own customer.
 */
export async function editCustomer(tx: Tx, id: number, input: CustomerForm, actor: CurrentUser): Promise<Customer> {
  const before = await customerForChange(tx, id, actor);
  const accountManagerId = hasAnyAccess(actor, 'edit', 'customer') ? input.accountManagerId : before.accountManagerId;
  const newManager = accountManagerId !== before.accountManagerId && accountManagerId !== null;
  if (newManager && !(await isAccountManagerChoice(tx, accountManagerId))) {
    throw new ValidationError('请选择有效的客户经理', { accountManagerId: '请选择有效的客户经理' });
  }
  await updateIfStillChangeable(tx, before, actor, { ...input, accountManagerId });
  const after = await tx.customer.findUniqueOrThrow({ where: { id } });
  if (after.name !== before.name) await renewNamePieces(tx, after);
  await recordAudit(tx, { userId: actor.id, action: 'update', entity: CUSTOMER_ENTITY, entityId: id, before, after });
  return after;
}
