// The benchmark's production-sized data (tests/bench/scale-data.js) stays in step
// with the schema: built small here, every status is present, and the
// application goes on numbering after it.
import { loadDemoData } from '../../src/demo/demo-data';
import { sqliteFile } from '../../src/db/client';
import { freshDb } from '../support/db';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildScaleData } = require('../bench/scale-data.js') as {
  buildScaleData(file: string, factor: number): Record<string, number>;
};

const { db, url } = freshDb();
afterAll(() => db.$disconnect());

test('a small build holds every status and counters beyond its numbers', async () => {
  await loadDemoData(db);
  await db.$disconnect();
  const made = buildScaleData(sqliteFile(url), 0.002);
  expect(made.customers).toBe(200);
  expect(await db.customer.count()).toBeGreaterThanOrEqual(200);
  expect(await db.order.count()).toBeGreaterThan(1000);
  // Every customer holds its name's pieces, as the application writes them.
  expect(await db.customer.count({ where: { namePieces: { none: {} } } })).toBe(0);
  const statuses = async (rows: { status: string | number }[]) => new Set(rows.map((r) => String(r.status)));
  expect(await statuses(await db.serviceTicket.findMany({ select: { status: true } }))).toEqual(new Set(['created', 'assigned', 'handled', 'archived']));
  expect(await statuses(await db.opportunity.findMany({ select: { status: true } }))).toEqual(new Set(['unassigned', 'assigned', 'succeeded', 'failed']));
  expect((await statuses(await db.order.findMany({ select: { status: true } }))).size).toBe(6);
  // Every customer number's day has a counter at least as high as its sequence.
  const customers = await db.customer.findMany({ select: { number: true } });
  const counters = new Map((await db.counter.findMany()).map((c) => [c.name, c.value]));
  for (const { number } of customers) {
    const day = number.slice(0, 10);
    if (/^KH\d{8}\d{3}$/.test(number)) expect(counters.get(day) ?? 0).toBeGreaterThanOrEqual(Number(number.slice(10)));
  }
});
