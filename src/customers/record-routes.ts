// The pages of a customer's records of one kind (联系人 or 交往记录): the list,
// add, edit and delete after 确认删除?. Changes need customer:edit on the
// customer, and a customer that is 正常.
import { Response, Router } from 'express';
import type { Db } from '../db/client';
import { currentUser, requireRight } from '../auth/middleware';
import { act, invalid, page, pathId } from '../http/page';
import type { ValidationError } from '../shared/errors';
import { parseForm } from '../shared/form';
import { pageNumber } from '../shared/paging';
import {
  addCustomerRecord,
  customerRecord,
  customerRecordPage,
  CustomerRecordKind,
  deleteCustomerRecord,
  editCustomerRecord,
} from './customer-records';
import { customerForChangePage, customerId, customerPath, LIST, loadCustomer, show } from './pages';
import type { CustomerRow } from './queries';

export function customerRecordRoutes<R extends { id: number }, F>(db: Db, kind: CustomerRecordKind<R, F>): Router {
  const router = Router();
  const listPath = (id: number) => `${customerPath(id)}/${kind.segment}`;
  const path = `${LIST}/:id/${kind.segment}`;
  const recordId = (value: unknown) => pathId(value, `该${kind.noun}不存在`);
  const edit = requireRight('edit', 'customer');

  router.get(path, requireRight('view', 'customer'), async (req, res) => {
    const { customer, editable } = await loadCustomer(db, req);
    const result = await customerRecordPage(db, kind, customer.id, pageNumber(req.query.page));
    const title = `${kind.noun} - ${customer.name}`;
    await show(res, kind.segment, { title, customer, editable, result, query: req.query, tab: kind.segment });
  });

  async function showForm(res: Response, customer: CustomerRow, record: R | null, values: unknown, error?: ValidationError) {
    const action = record ? `${listPath(customer.id)}/${record.id}/edit` : `${listPath(customer.id)}/new`;
    const locals = {
      title: `${record ? '编辑' : '新建'}${kind.noun} - ${customer.name}`,
      customer,
      record,
      action,
      back: listPath(customer.id),
      values: values ?? {},
      ...(error ? invalid(error, values) : {}),
    };
    await show(res, kind.formView, locals, error ? 422 : 200);
  }

  router.get(`${path}/new`, edit, async (req, res) => {
    const customer = await customerForChangePage(db, req, res, listPath(customerId(req)));
    if (customer) await showForm(res, customer, null, {});
  });

  router.post(`${path}/new`, edit, async (req, res) => {
    const customer = await customerForChangePage(db, req, res, listPath(customerId(req)));
    if (!customer) return;
    const form = parseForm(kind.form, req.body);
    if (!form.ok) return showForm(res, customer, null, req.body, form.error);
    await act(req, res, () => db.$transaction((tx) => addCustomerRecord(tx, kind, customer.id, form.data, currentUser(req))), {
      success: '保存成功',
      redirect: listPath(customer.id),
    });
  });

  router.get(`${path}/:recordId/edit`, edit, async (req, res) => {
    const customer = await customerForChangePage(db, req, res, listPath(customerId(req)));
    if (!customer) return;
    const record = await customerRecord(db, kind, customer.id, recordId(req.params.recordId));
    await showForm(res, customer, record, kind.formValues(record));
  });

  router.post(`${path}/:recordId/edit`, edit, async (req, res) => {
    const customer = await customerForChangePage(db, req, res, listPath(customerId(req)));
    if (!customer) return;
    const record = await customerRecord(db, kind, customer.id, recordId(req.params.recordId));
    const form = parseForm(kind.form, req.body);
    if (!form.ok) return showForm(res, customer, record, req.body, form.error);
    const user = currentUser(req);
    await act(req, res, () => db.$transaction((tx) => editCustomerRecord(tx, kind, customer.id, record.id, form.data, user)), {
      success: '保存成功',
      redirect: listPath(customer.id),
    });
  });

  router.get(`${path}/:recordId/delete`, edit, async (req, res) => {
    const customer = await customerForChangePage(db, req, res, listPath(customerId(req)));
    if (!customer) return;
    const record = await customerRecord(db, kind, customer.id, recordId(req.params.recordId));
    await page(res, 'shared/confirm-delete', {
      title: `删除${kind.noun} - ${customer.name}`,
      what: kind.describe(record),
      action: `${listPath(customer.id)}/${record.id}/delete`,
      back: listPath(customer.id),
    });
  });

  router.post(`${path}/:recordId/delete`, edit, async (req, res) => {
    const customer = await customerForChangePage(db, req, res, listPath(customerId(req)));
    if (!customer) return;
    const id = recordId(req.params.recordId);
    const user = currentUser(req);
    await act(req, res, () => db.$transaction((tx) => deleteCustomerRecord(tx, kind, customer.id, id, user)), {
      success: '删除成功',
      redirect: listPath(customer.id),
    });
  });

  return router;
}
