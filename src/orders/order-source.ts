// 历史订单: orders are not managed by the CRM but read from the company's sales
// system. Everything that reads orders goes through an OrderSource, so that the
// customer pages, the churn job and the reports work the same on both sources.

/** Only these order statuses count, for display and for churn: 5 已发货, 6 已回款. */
export const COUNTED_ORDER_STATUSES = [5, 6] as const;

export const ORDER_STATUS_LABELS: Record<number, string> = {
  1: '新建',
  2: '已审核',
  3: '备货中',
  4: '已出库',
  5: '已发货',
  6: '已回款',
};

/** An order id as pages pass it on: what a sales system's key looks like, nothing else. */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;

/** The customer as the order source knows it: by id in the CRM, by number in the sales system. */
export interface CustomerKey {
  id: number;
  number: string;
}

export interface OrderSummary {
  id: string;
  number: string;
  date: Date;
  address: string | null;
  status: number;
}

export interface OrderLineView {
  productName: string;
  quantity: number;
  unit: string | null;
  /** decimal strings, as money must not go through floating point */
  price: string;
  amount: string;
}

export interface OrderDetail {
  order: OrderSummary;
  lines: OrderLineView[];
  total: string;
}

/** A period of order dates: from (inclusive) to (exclusive). */
export interface OrderPeriod {
  from: Date;
  to: Date;
}

/** 客户贡献分析: which customers (name contains), which period (null: all orders), which rows. */
export interface ContributionQuery {
  customerName: string | null;
  period: OrderPeriod | null;
  skip: number;
  take: number;
}

export interface ContributionRow {
  customerId: number;
  customerNumber: string;
  customerName: string;
  accountManagerName: string | null;
  orderCount: number;
  /** decimal string with two places */
  amount: string;
}

/** A customer as the ranking shows it (the sales system knows only its number). */
export interface ContributionCustomer {
  id: number;
  number: string;
  name: string;
  accountManagerName: string | null;
}

/** The CRM's customers whose name contains the text (all when null), for a source outside the CRM. */
export type CustomerDirectory = (customerName: string | null) => Promise<ContributionCustomer[]>;

/** One window of the ranking, highest amount first, with the totals of the whole filtered set. */
export interface Contribution {
  rows: ContributionRow[];
  customers: number;
  orderCount: number;
  amount: string;
}

export interface OrderSource {
  /** counted orders of a customer, newest first */
  listOrders(customer: CustomerKey, page: { skip: number; take: number }): Promise<{ items: OrderSummary[]; total: number }>;
  /** one counted order of the customer with its lines, or null */
  getOrder(customer: CustomerKey, orderId: string): Promise<OrderDetail | null>;
  /** the date of the last counted order per customer id, for a batch of customers (the churn job asks batch by batch) */
  lastOrderDates(customers: CustomerKey[]): Promise<Map<number, Date>>;
  /** per customer, its counted orders and their amount: one aggregate query, never the orders themselves */
  contribution(query: ContributionQuery): Promise<Contribution>;
  /** the amount of all counted orders in the period (decimal string with two places) */
  orderTotal(period: OrderPeriod): Promise<string>;
  /** the years that have counted orders, latest first */
  orderYears(): Promise<number[]>;
  /** closes the connections the source holds, at shutdown */
  close?(): Promise<void>;
}
