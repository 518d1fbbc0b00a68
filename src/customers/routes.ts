// 客户信息管理 pages: the list with its search, a customer's detail and its
// edit form; the pages of its contacts, interactions and orders come from
// record-routes.ts and order-routes.ts.
import { Request, Response, Router } from 'express';
import type { Db } from '../db/client';
import { hasAnyAccess } from '../auth/can';
import { currentUser, requireRight } from '../auth/middleware';
import { act, invalid } from '../http/page';
import type { OrderSource } from '../orders/order-source';
import type { ValidationError } from '../shared/errors';
import { dictionaryItems } from '../shared/dictionary';
import { parseForm } from '../shared/form';
import { emptyPage, pageNumber } from '../shared/paging';
import { CONTACTS } from './contacts';
import { CUSTOMER_STATUS, CUSTOMER_STATUSES, customerEditableBy } from './customer-status';
import { editCustomer } from './customers';
import { INTERACTIONS } from './interactions';
import { customerOrderRoutes } from './order-routes';
import { customerForChangePage, customerId, customerPath, LIST, loadCustomer, show } from './pages';
import {
  accountManagersToSearch,
  customerFormChoices,
  customerList,
  CustomerRow,
  LEVEL_TYPE,
  REGION_TYPE,
  searchInput,
  startsWithOwnCustomers,
} from './queries';
import { customerRecordRoutes } from './record-routes';
import { customerForm, customerSearch } from './schemas';

const statusOptions = CUSTOMER_STATUSES.map((value) => ({ value, label: CUSTOMER_STATUS.label(value) }));
const asOptions = (items: string[]) => items.map((item) => ({ value: item, label: item }));

export function customerRoutes(db: Db, orderSource: OrderSource): Router {
  const router = Router();

  // ------------------------------------------------------------ list

  router.get(LIST, requireRight('view', 'customer'), async (req, res) => {
    const user = currentUser(req);
    const query = searchInput(user, req.query as Record<string, unknown>);
    const [regions, levels, managers] = await Promise.all([
      dictionaryItems(db, REGION_TYPE),
      dictionaryItems(db, LEVEL_TYPE),
      accountManagersToSearch(db, user),
    ]);
    const locals = {
      title: '客户信息管理',
      query,
      options: { regions: asOptions(regions), levels: asOptions(levels), managers, statuses: statusOptions },
      ownFirst: startsWithOwnCustomers(user),
    };
    const search = parseForm(customerSearch, query);
    if (!search.ok) {
      return show(res, 'list', { ...locals, result: emptyPage(), rows: [], error: search.error.message }, 422);
    }
    const result = await customerList(db, search.data, pageNumber(query.page));
    const rows = result.items.map((c) => ({ ...c, editable: customerEditableBy(user, c) }));
    await show(res, 'list', { ...locals, result, rows });
  });

  // ------------------------------------------------------------ edit

  async function showForm(req: Request, res: Response, customer: CustomerRow, values: unknown, error?: ValidationError) {
    const choices = await customerFormChoices(db, customer);
    const locals = {
      title: '编辑客户信息',
      customer,
      choices,
      canReassign: hasAnyAccess(currentUser(req), 'edit', 'customer'),
      values: values ?? {},
      ...(error ? invalid(error, values) : {}),
    };
    await show(res, 'form', locals, error ? 422 : 200);
  }

  router.get(`${LIST}/:id/edit`, requireRight('edit', 'customer'), async (req, res) => {
    const customer = await customerForChangePage(db, req, res, customerPath(customerId(req)));
    if (customer) await showForm(req, res, customer, customer);
  });

  router.post(`${LIST}/:id/edit`, requireRight('edit', 'customer'), async (req, res) => {
    const user = currentUser(req);
    const customer = await customerForChangePage(db, req, res, customerPath(customerId(req)));
    if (!customer) return;
    // Checked against the choices the form offers this customer (dictionary items, normal 客户经理).
    const { regions, levels, managerOptions } = await customerFormChoices(db, customer);
    const accountManagerIds = managerOptions.map((option) => option.value);
    const form = parseForm(customerForm({ regions, levels, accountManagerIds }), req.body);
    if (!form.ok) return showForm(req, res, customer, req.body, form.error);
    await act(req, res, () => db.$transaction((tx) => editCustomer(tx, customer.id, form.data, user)), {
      success: '保存成功',
      redirect: LIST,
      back: customerPath(customer.id),
      invalid: (error) => showForm(req, res, customer, req.body, error),
    });
  });

  // ------------------------------------------------------------ contacts, interactions, orders

  router.use(customerRecordRoutes(db, CONTACTS));
  router.use(customerRecordRoutes(db, INTERACTIONS));
  router.use(customerOrderRoutes(db, orderSource));

  // ------------------------------------------------------------ detail

  router.get(`${LIST}/:id`, requireRight('view', 'customer'), async (req, res) => {
    const { customer, editable } = await loadCustomer(db, req);
    await show(res, 'detail', { title: `客户信息 ${customer.name}`, customer, editable, tab: 'detail' });
  });

  return router;
}
