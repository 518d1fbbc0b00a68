// Login throttling: after too many failures within a window, an account (and,
// more leniently, an address) is blocked for a while. Kept in the database so
// that every app instance sees the same counts.
import type { Db } from '../db/client';

export const WINDOW_MS = 15 * 60 * 1000;
export const BLOCK_MS = 15 * 60 * 1000;
export const LIMITS = { user: 5, ip: 20 } as const;

export type ThrottleKind = keyof typeof LIMITS;

export function throttleKeys(username: string, ip: string): { kind: ThrottleKind; key: string }[] {
  return [
    { kind: 'user', key: `user:${username.toLowerCase()}` },
    { kind: 'ip', key: `ip:${ip}` },
  ];
}

/** The time until which any of the keys is blocked, or null. */
export async function blockedUntil(db: Db, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, blockedUntil: { gt: now } } });
  const times = rows.map((row) => row.blockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

export async function recordFailure(db: Db, username: string, ip: string, now = new Date()): Promise<void> {
  for (const { kind, key } of throttleKeys(username, ip)) {
    const row = await db.loginThrottle.findUnique({ where: { key } });
    const inWindow = row && now.getTime() - row.windowStart.getTime() < WINDOW_MS;
    const failures = inWindow ? row.failures + 1 : 1;
    const data = {
      failures,
      windowStart: inWindow ? row.windowStart : now,
      blockedUntil: failures >= LIMITS[kind] ? new Date(now.getTime() + BLOCK_MS) : null,
    };
    await db.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
  }
}

export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `user:${username.toLowerCase()}` } });
}
