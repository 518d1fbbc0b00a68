// 历史订单 pages (read-only): a customer's counted orders, newest first and
// paged, and one order with its lines and total — read through the order
// source the configuration chose (the CRM's tables or the sales system).
import { Router } from 'express';
import type { Db } from '../db/client';
import { requireRight } from '../auth/middleware';
import { ORDER_ID_PATTERN, ORDER_STATUS_LABELS, OrderSource } from '../orders/order-source';
import { NotFoundError } from '../shared/errors';
import { pageNumber, pageWindow, toPage } from '../shared/paging';
import { LIST, loadCustomer, show } from './pages';

const orderStatusLabel = (status: number) => ORDER_STATUS_LABELS[status] ?? String(status);

export function customerOrderRoutes(db: Db, orderSource: OrderSource): Router {
  const router = Router();
  const view = requireRight('view', 'customer');

  router.get(`${LIST}/:id/orders`, view, async (req, res) => {
    const { customer } = await loadCustomer(db, req);
    const page = pageNumber(req.query.page);
    const { items, total } = await orderSource.listOrders(customer, pageWindow(page));
    await show(res, 'orders', {
      title: `历史订单 - ${customer.name}`,
      customer,
      result: toPage(items, total, page),
      query: req.query,
      orderStatusLabel,
      tab: 'orders',
    });
  });

  router.get(`${LIST}/:id/orders/:orderId`, view, async (req, res) => {
    const { customer } = await loadCustomer(db, req);
    const orderId = String(req.params.orderId);
    const detail = ORDER_ID_PATTERN.test(orderId) ? await orderSource.getOrder(customer, orderId) : null;
    if (!detail) throw new NotFoundError('该订单不存在');
    await show(res, 'order', {
      title: `订单 ${detail.order.number} - ${customer.name}`,
      customer,
      detail,
      orderStatusLabel,
      tab: 'orders',
    });
  });

  return router;
}
