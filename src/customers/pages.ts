// What the customer routes share: rendering with the status names, the customer
// of the path, and the guard of a page that changes a customer.
import type { Request, Response } from 'express';
import type { Db } from '../db/client';
import { currentUser } from '../auth/middleware';
import { moduleViews, pathId } from '../http/page';
import { recordForStepPage } from '../http/step-page';
import { NotFoundError } from '../shared/errors';
import { CUSTOMER_GUARD, CUSTOMER_STATUS, CUSTOMER_STEPS, customerEditableBy } from './customer-status';
import { customerDetail, CustomerDetail } from './queries';

export const LIST = '/customers';
export const customerPath = (id: number) => `${LIST}/${id}`;

export const show = moduleViews('customers', { statusLabel: (s: string) => CUSTOMER_STATUS.label(s), stepTable: CUSTOMER_STEPS });

export const customerId = (req: Request) => pathId(req.params.id, '该客户不存在');

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
  return recordForStepPage(req, res, CUSTOMER_GUARD, await customerDetail(db, customerId(req)), 'edit', back);
}
