// Changing a customer (客户信息) and the guard every change of a customer's
// records goes through. Each function takes a transaction, plain data and the
// actor; knows nothing of HTTP; writes its audit entry in that transaction.
import type { Customer } from '#prisma';
import type { Prisma, Tx } from '../db/client';
import { CurrentUser, hasAnyAccess, ownedWhere } from '../auth/can';
import { recordAudit } from '../audit/audit';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { CUSTOMER_STATUS, customerRefusal, mayChangeCustomer, NOT_YOUR_CUSTOMER } from './customer-status';
import { validate } from '../shared/form';
import { customerFormChoices, isAccountManagerChoice, CustomerRow } from './queries';
import { customerForm, CustomerForm } from './schemas';

export const CUSTOMER_ENTITY = 'Customer';

/** Why a customer cannot be changed by the actor now, or null when it can. */
function refusalFor(customer: Customer | null, actor: CurrentUser): Error | null {
  if (!customer) return new NotFoundError('该客户不存在');
  if (!mayChangeCustomer(actor, customer)) return new ForbiddenError(NOT_YOUR_CUSTOMER);
  if (!CUSTOMER_STATUS.allows(customer.status, 'edit')) return new ConflictError(customerRefusal(customer.status));
  return null;
}

/** The customer, if the actor may change it and it is still 正常. */
export async function customerForChange(tx: Tx, id: number, actor: CurrentUser): Promise<Customer> {
  const customer = await tx.customer.findUnique({ where: { id } });
  const refusal = refusalFor(customer, actor);
  if (refusal) throw refusal;
  return customer!;
}

/**
 * Writes `data` to the customer only if it is still 正常 and — for an actor
 * who may change only their own customers — still theirs: a 确认流失 or a
 * change of 客户经理 at the same moment wins, and this change is refused.
 * With no data it only locks the row for the rest of the transaction.
 */
async function updateIfStillChangeable(
  tx: Tx,
  customer: Customer,
  actor: CurrentUser,
  data: Prisma.CustomerUncheckedUpdateManyInput = {},
): Promise<void> {
  const move = CUSTOMER_STATUS.move(customer.status, 'edit');
  const { count } = await tx.customer.updateMany({
    // Still 正常, and still the actor's (a 客户经理 may have been replaced meanwhile).
    where: { id: customer.id, ...move.where, ...ownedWhere<Prisma.CustomerWhereInput>(actor, 'edit', 'customer') },
    data: { ...data, ...move.data },
  });
  if (count > 0) return;
  const now = await tx.customer.findUnique({ where: { id: customer.id } });
  throw refusalFor(now, actor) ?? new ConflictError('该客户刚被他人修改，请重试');
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
 * 编辑客户信息 from the form as sent: checked against the choices the form
 * offers this customer (dictionary entries, normal 客户经理), then saved.
 */
export async function editCustomerFromForm(tx: Tx, customer: CustomerRow, body: unknown, actor: CurrentUser): Promise<Customer> {
  const { regions, levels, managerOptions } = await customerFormChoices(tx, customer);
  const accountManagerIds = managerOptions.map((option) => option.value);
  const input = validate(customerForm({ regions, levels, accountManagerIds }), body);
  return editCustomer(tx, customer.id, input, actor);
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
  await recordAudit(tx, { userId: actor.id, action: 'update', entity: CUSTOMER_ENTITY, entityId: id, before, after });
  return after;
}
