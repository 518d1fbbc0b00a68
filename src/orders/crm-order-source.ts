// The default order source: the Order/OrderLine tables in the CRM's own database.
import { join } from '@prisma/client/runtime/client';
import type { Db } from '../db/client';
import { COUNTED_ORDER_STATUSES, CustomerKey, OrderDetail, OrderSource, OrderSummary } from './order-source';

const counted = { status: { in: [...COUNTED_ORDER_STATUSES] } };

function summary(order: { id: number; number: string; date: Date; address: string | null; status: number }): OrderSummary {
  return { id: String(order.id), number: order.number, date: order.date, address: order.address, status: order.status };
}

export function crmOrderSource(db: Db): OrderSource {
  return {
    async listOrders(customer, { skip, take }) {
      const where = { customerId: customer.id, ...counted };
      const [total, rows] = await Promise.all([
        db.order.count({ where }),
        db.order.findMany({ where, orderBy: [{ date: 'desc' }, { id: 'desc' }], skip, take }),
      ]);
      return { total, items: rows.map(summary) };
    },

    async getOrder(customer, orderId): Promise<OrderDetail | null> {
      const id = Number(orderId);
      if (!Number.isInteger(id)) return null;
      const order = await db.order.findFirst({
        where: { id, customerId: customer.id, ...counted },
        include: { lines: { orderBy: { id: 'asc' } } },
      });
      if (!order) return null;
      const cents = order.lines.reduce((sum, line) => sum + Math.round(Number(line.amount) * 100), 0);
      return {
        order: summary(order),
        lines: order.lines.map((line) => ({
          productName: line.productName,
          quantity: line.quantity,
          unit: line.unit,
          price: line.price.toFixed(2),
          amount: line.amount.toFixed(2),
        })),
        total: (cents / 100).toFixed(2),
      };
    },

    async lastOrderDates(customers: CustomerKey[]) {
      // Asked one batch of customers at a time: their range of ids, not an IN
      // list (SQL Server takes at most 2,100 parameters in a statement). In
      // plain SQL both databases take: thousands of rows, read once a week, need
      // no query builder (it cost the job most of its time).
      if (customers.length === 0) return new Map<number, Date>();
      const wanted = new Set(customers.map((c) => c.id));
      const ids = customers.map((c) => c.id);
      const rows = await db.$queryRaw<{ customerId: number; lastOrderDate: Date | string }[]>`
        SELECT o.customerId, MAX(o.date) AS lastOrderDate FROM [Order] o
         WHERE o.status IN (${join([...COUNTED_ORDER_STATUSES])}) AND o.customerId BETWEEN ${Math.min(...ids)} AND ${Math.max(...ids)}
         GROUP BY o.customerId`;
      return new Map(
        rows.filter((r) => r.lastOrderDate !== null && wanted.has(Number(r.customerId))).map((r) => [Number(r.customerId), new Date(r.lastOrderDate)]),
      );
    },
  };
}
