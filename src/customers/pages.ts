// What the customer routes share: rendering with the status names, ids from
// the path, bad input, and the guard of a page that changes a customer.
import type { Request, Response } from 'express';
import type { Db } from '../db/client';
import { currentUser } from '../auth/middleware';
import { flash, page, PageLocals } from '../http/page';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { CUSTOMER_STATUS, customerEditableBy, customerRefusal, mayChangeCustomer, NOT_YOUR_CUSTOMER } from './customer-status';
import { customerDetail, CustomerDetail } from './queries';

export const LIST = '/customers';
export const customerPath = (id: number) => `${LIST}/${id}`;

export function show(res: Response, view: string, locals: PageLocals, status = 200): Promise<void> {
  return page(res, `customers/${view}`, { statusLabel: (s: string) => CUSTOMER_STATUS.label(s), ...locals }, status);
}

export function idFrom(value: unknown, missing: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError(missing);
  return id;
}

export const customerId = (req: Request) => idFrom(req.params.id, '该客户不存在');

/** Bad input: the message, each field's error, and the entered values. */
export function invalid(error: ValidationError, values: unknown) {
  return { error: error.message, errors: error.fieldErrors, values: values ?? {} };
}

/** The customer of the path, with whether the user may change it now (its buttons). */
export async function loadCustomer(db: Db, req: Request): Promise<{ customer: CustomerDetail; editable: boolean }> {
  const customer = await customerDetail(db, customerId(req));
  if (!customer) throw new NotFoundError('该客户不存在');
  return { customer, editable: customerEditableBy(currentUser(req), customer) };
}

/**
 * The customer of a page or form that changes it or its records. Unknown: 404;
 * not the user's: 403. The user's, but 已流失: null, after sending the user
 * `back` with the reason.
 */
export async function customerForChangePage(
  db: Db,
  req: Request,
  res: Response,
  back: string,
): Promise<CustomerDetail | null> {
  const { customer } = await loadCustomer(db, req);
  if (!mayChangeCustomer(currentUser(req), customer)) throw new ForbiddenError(NOT_YOUR_CUSTOMER);
  if (CUSTOMER_STATUS.allows(customer.status, 'edit')) return customer;
  flash(req, customerRefusal(customer.status), 'error');
  res.redirect(back);
  return null;
}
