// Generated business numbers: a prefix, the day, and a per-day sequence kept in
// the Counter table (KH20261123001 for customers, FW20261123001 for tickets).
import type { Tx } from '../db/client';
import { retryOnUniqueViolation } from './errors';

function day(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
}

/** The day's counter of a prefix, also the start of its numbers: KH20261123. */
export function counterName(prefix: string, date: Date): string {
  return `${prefix}${day(date)}`;
}

/** The number of a counter's value: KH20261123001. */
export function numberOf(counter: string, value: number): string {
  return `${counter}${String(value).padStart(3, '0')}`;
}

export async function nextNumber(tx: Tx, prefix: string, now = new Date()): Promise<string> {
  const name = counterName(prefix, now);
  const bump = () =>
    tx.counter.upsert({
      where: { name },
      create: { name, value: 1 },
      update: { value: { increment: 1 } },
    });
  // The first two numbers of a day asked for at the same moment may both insert.
  const counter = await retryOnUniqueViolation(bump);
  return numberOf(name, counter.value);
}
