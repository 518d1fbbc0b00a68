// Login throttling: after too many failures within a window, an account (and,
// more leniently, an address) is blocked for a while. Kept in the database so
// that every app instance sees the same counts.
import type { Db } from '../db/client';
import { retryOnUniqueViolation } from '../shared/errors';

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

/**
 * Counts one failed login against the account and the address. The count is
 * incremented in the database (never read, added to and written back), so
 * failures sent in parallel are all counted.
 */
export async function recordFailure(db: Db, username: string, ip: string, now = new Date()): Promise<void> {
  for (const { kind, key } of throttleKeys(username, ip)) {
    // A window that has passed starts again.
    await db.loginThrottle.updateMany({
      where: { key, windowStart: { lte: new Date(now.getTime() - WINDOW_MS) } },
      data: { failures: 0, windowStart: now, blockedUntil: null },
    });
    const row = await retryOnUniqueViolation(() =>
      db.loginThrottle.upsert({
        where: { key },
        create: { key, failures: 1, windowStart: now },
        update: { failures: { increment: 1 } },
      }),
    );
    if (row.failures >= LIMITS[kind]) {
      await db.loginThrottle.update({ where: { key }, data: { blockedUntil: new Date(now.getTime() + BLOCK_MS) } });
    }
  }
}

export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `user:${username.toLowerCase()}` } });
}
