// Generated numbers: the per-day sequence, and the second try when two first
// numbers of a day race on a database whose upsert is not atomic (SQL Server).
import { nextNumber } from '../../src/shared/numbers';
import type { Tx } from '../../src/db/client';

const DAY = new Date(2026, 10, 23, 9, 30);

function fakeCounter(results: (number | Error)[]) {
  const calls: unknown[] = [];
  const tx = {
    counter: {
      upsert: async (args: unknown) => {
        calls.push(args);
        const next = results.shift();
        if (next instanceof Error) throw next;
        return { name: 'x', value: next };
      },
    },
  } as unknown as Tx;
  return { tx, calls };
}

const uniqueViolation = () => Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });

test('prefix, day and a three-digit sequence', async () => {
  const { tx, calls } = fakeCounter([7]);
  await expect(nextNumber(tx, 'KH', DAY)).resolves.toBe('KH20261123007');
  expect(calls).toEqual([
    { where: { name: 'KH20261123' }, create: { name: 'KH20261123', value: 1 }, update: { value: { increment: 1 } } },
  ]);
});

test('a unique violation (someone inserted the day’s row first) is tried once more', async () => {
  const { tx, calls } = fakeCounter([uniqueViolation(), 2]);
  await expect(nextNumber(tx, 'FW', DAY)).resolves.toBe('FW20261123002');
  expect(calls).toHaveLength(2);
});

test('other errors, and a second violation, are not hidden', async () => {
  await expect(nextNumber(fakeCounter([new Error('connection lost')]).tx, 'KH', DAY)).rejects.toThrow('connection lost');
  await expect(nextNumber(fakeCounter([uniqueViolation(), uniqueViolation()]).tx, 'KH', DAY)).rejects.toMatchObject({
    code: 'P2002',
  });
});
