// Reports' aggregates are kept until a new order arrives, and at most a minute.
import { aggregateCache, KEPT_MS } from '../../src/orders/aggregate-cache';

function rig() {
  let version = 1;
  let clock = 0;
  let computed = 0;
  const cache = aggregateCache(async () => version, () => clock);
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

test('a failed answer is not kept', async () => {
  let fail = true;
  const cache = aggregateCache(async () => 1);
  const ask = () => cache.kept('q', async () => {
    if (fail) throw new Error('database busy');
    return 'ok';
  });
  await expect(ask()).rejects.toThrow('database busy');
  fail = false;
  await expect(ask()).resolves.toBe('ok');
});
