// Reports' aggregates over every order (客户贡献分析, the dashboard's order totals,
// the years with orders) cost hundreds of milliseconds at a million orders, and
// the embedded database answers synchronously: meanwhile the process serves no
// one else. The sales system adds orders far more often than it changes them,
// so an answer is kept until a new order arrives (a higher id, read from the
// primary key at no cost) and at most a minute, for status changes of older orders.
import type { OrderSource } from './order-source';

export const KEPT_MS = 60_000;
const KEPT_ANSWERS = 100;

interface Kept {
  version: string;
  at: number;
  answer: Promise<unknown>;
}

export interface AggregateCache {
  /** the answer kept for this question and the current version of the orders, or `compute`'s */
  kept<T>(question: unknown, compute: () => Promise<T>): Promise<T>;
}

export function aggregateCache(version: () => Promise<unknown>, now: () => number = Date.now): AggregateCache {
  const answers = new Map<string, Kept>();
  return {
    async kept<T>(question: unknown, compute: () => Promise<T>): Promise<T> {
      const key = JSON.stringify(question);
      const current = JSON.stringify(await version());
      const known = answers.get(key);
      if (known && known.version === current && now() - known.at < KEPT_MS) return known.answer as Promise<T>;
      const answer = compute();
      answers.delete(key);
      answers.set(key, { version: current, at: now(), answer });
      if (answers.size > KEPT_ANSWERS) answers.delete(answers.keys().next().value as string);
      // A failed answer is not kept: the next question asks the database again.
      answer.catch(() => answers.get(key)?.answer === answer && answers.delete(key));
      return answer;
    },
  };
}

/** The source with its reports' aggregates (contribution, orderTotal, orderYears) kept per version of the orders. */
export function withKeptAggregates(source: OrderSource, version: () => Promise<unknown>): OrderSource {
  const { kept } = aggregateCache(version);
  return {
    ...source,
    contribution: (query) => kept(['contribution', query], () => source.contribution(query)),
    orderTotal: (period) => kept(['orderTotal', period.from, period.to], () => source.orderTotal(period)),
    orderYears: () => kept(['orderYears'], () => source.orderYears()),
  };
}
