// Reports' aggregates over every order (客户贡献分析, the dashboard's order totals,
// the years with orders) cost hundreds of milliseconds at a million orders, and
// the embedded database answers synchronously: meanwhile the process serves no
// one else. The sales system adds orders far more often than it changes them,
// so an answer is kept until a new order arrives (a higher id, read from the
// primary key at no cost) and at most a minute, for status changes of older orders.
import { keptAnswers } from '../shared/kept-answers';
import type { OrderSource } from './order-source';

/** The source with its reports' aggregates (contribution, orderTotal, orderYears) kept per version of the orders. */
export function withKeptAggregates(source: OrderSource, version: () => Promise<unknown>): OrderSource {
  const { kept } = keptAnswers(version);
  return {
    ...source,
    contribution: (query) => kept(['contribution', query], () => source.contribution(query)),
    orderTotal: (period) => kept(['orderTotal', period.from, period.to], () => source.orderTotal(period)),
    orderYears: () => kept(['orderYears'], () => source.orderYears()),
  };
}
