// Reports' aggregates are kept until a new order arrives, and at most a minute.
import { withKeptAggregates } from '../../src/orders/aggregate-cache';
import { keptAnswers, KEPT_MS } from '../../src/shared/kept-answers';
import type { OrderSource } from '../../src/orders/order-source';

function rig() {
  let version = 1;
  let clock = 0;
  let computed = 0;
  const cache = keptAnswers(async () => version, () => clock);
  const ask = (question: unknown) => cache.kept(question, async () => ++computed);
  return {
    ask,
    newOrder: () => version++,
    later: (ms: number) => (clock += ms),
    computed: () => computed,
  };
}

test('the same question on the same orders is answered once', async () => {
  const r = rig();
  expect(await r.ask(['contribution', { year: 2026 }])).toBe(1);
  expect(await r.ask(['contribution', { year: 2026 }])).toBe(1);
  expect(await r.ask(['contribution', { year: 2025 }])).toBe(2);
  expect(r.computed()).toBe(2);
});

test('a new order (a higher id) is seen at once', async () => {
  const r = rig();
  await r.ask('total');
  r.newOrder();
  expect(await r.ask('total')).toBe(2);
});

test('an answer is kept at most a minute (status changes of older orders)', async () => {
  const r = rig();
  await r.ask('total');
  r.later(KEPT_MS - 1);
  expect(await r.ask('total')).toBe(1);
  r.later(1);
  expect(await r.ask('total')).toBe(2);
});

test('questions asked together read the version once; a later question reads it again', async () => {
  let reads = 0;
  const cache = keptAnswers(async () => ++reads);
  await Promise.all([cache.kept('a', async () => 1), cache.kept('b', async () => 2), cache.kept('c', async () => 3)]);
  expect(reads).toBe(1);
  await cache.kept('a', async () => 1);
  expect(reads).toBe(2);
});

test('a failed answer is not kept', async () => {
  let fail = true;
  const cache = keptAnswers(async () => 1);
  const ask = () => cache.kept('q', async () => {
    if (fail) throw new Error('database busy');
    return 'ok';
  });
  await expect(ask()).rejects.toThrow('database busy');
  fail = false;
  await expect(ask()).resolves.toBe('ok');
});

test('an order source keeps its reports’ aggregates, and only those', async () => {
  const calls: string[] = [];
  const source = {
    listOrders: async () => (calls.push('listOrders'), { items: [], total: 0 }),
    orderTotal: async () => (calls.push('orderTotal'), '1.00'),
    orderYears: async () => (calls.push('orderYears'), [2026]),
  } as unknown as OrderSource;
  const kept = withKeptAggregates(source, async () => 1);
  const period = { from: new Date(2026, 0, 1), to: new Date(2027, 0, 1) };
  for (let i = 0; i < 2; i++) {
    await kept.orderTotal({ ...period });
    await kept.orderYears();
    await kept.listOrders({ id: 1, number: 'KH1' }, { skip: 0, take: 10 });
  }
  expect(calls).toEqual(['orderTotal', 'orderYears', 'listOrders', 'listOrders']);
});
