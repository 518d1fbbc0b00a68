// Small pieces the demo loader builds its rows with: dates relative to now,
// generated numbers as the application makes them, names, phone numbers.
import type { Prisma } from '../db/client';
import { counterName, numberOf } from '../shared/numbers';
import type { City } from './tables/company';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './tables/company';
import type { Random } from './random';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** `days` days before `now` (negative: after), at hh:mm local time. */
export function daysBefore(now: Date, days: number, hour = 10, minute = 0): Date {
  const date = new Date(now.getTime() - days * DAY_MS);
  date.setHours(hour, minute, 0, 0);
  return date;
}

/** Some time in office hours, `days` days before now. */
export function officeTime(random: Random, now: Date, days: number): Date {
  return daysBefore(now, days, random.int(9, 17), random.int(0, 59));
}

/** The local calendar day of a date, as columns of type date store it (UTC midnight). */
export function calendarDay(date: Date): Date {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

export function daysBetween(later: Date, earlier: Date): number {
  return Math.floor((later.getTime() - earlier.getTime()) / DAY_MS);
}

/** A past Saturday 02:00, when the weekly churn job runs: 1 the latest run, 2 the one before … */
export function churnJobRun(now: Date, weeksAgo: number): Date {
  const run = daysBefore(now, 1, 2, 0);
  while (run.getDay() !== 6) run.setDate(run.getDate() - 1);
  run.setDate(run.getDate() - 7 * (weeksAgo - 1));
  return run;
}

/** Numbers as src/shared/numbers.ts makes them (prefix, local day, 3-digit sequence); hand out in date order. */
export class DailyNumbers {
  private readonly last = new Map<string, number>();

  constructor(private readonly prefix: string) {}

  next(date: Date): string {
    const name = counterName(this.prefix, date);
    const sequence = (this.last.get(name) ?? 0) + 1;
    this.last.set(name, sequence);
    return numberOf(name, sequence);
  }

  /** Counter rows, so that numbers generated later continue after these. */
  counters(): Prisma.CounterCreateManyInput[] {
    return [...this.last].map(([name, value]) => ({ name, value }));
  }
}

export function personName(random: Random, gender: '男' | '女'): string {
  return random.pick(SURNAMES) + random.pick(gender === '男' ? MALE_NAMES : FEMALE_NAMES);
}

export function officePhone(random: Random, city: City): string {
  return `${city.areaCode}-${random.digits(8)}`;
}

export function mobilePhone(random: Random): string {
  return `1${random.pick(['35', '38', '39', '50', '58', '77', '86', '88'])}${String(random.int(0, 99999999)).padStart(8, '0')}`;
}

/** A unified social credit code (统一社会信用代码), also the tax number since 三证合一. */
export function creditCode(random: Random): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let code = `91${random.digits(6)}`;
  while (code.length < 18) code += random.pick([...chars]);
  return code;
}

export function lookup<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`演示数据缺少 ${String(key)}`);
  return value;
}

export function byName<T extends { seed: { name: string } }>(items: T[], name: string): T {
  const found = items.find((item) => item.seed.name === name);
  if (!found) throw new Error(`演示数据中没有客户 ${name}`);
  return found;
}
