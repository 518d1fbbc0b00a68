// Login throttling, kept in the database so that every app instance sees the
// same counts. Failures are counted three ways within a window:
// - account + address: the strict limit; blocks that address for that account,
//   so that someone guessing from one place cannot lock the real user out;
// - address: a looser limit across accounts (one place trying many accounts);
// - account, from every address: never a block (that would be a lock the
//   attacker controls) but growing delays before each further attempt answers.
// The administrator sees the blocks and lifts them (系统管理 › 登录封锁).
import type { Db, Tx } from '../db/client';
import { ConflictError, retryOnUniqueViolation } from '../shared/errors';
import { recordAudit } from '../audit/audit';

export const WINDOW_MS = 15 * 60 * 1000;
export const BLOCK_MS = 15 * 60 * 1000;

export type ThrottleKind = 'pair' | 'address' | 'account';

/** Failures within the window after which the key is blocked (account: slowed down). */
export const LIMITS: Record<ThrottleKind, number> = { pair: 5, address: 20, account: 10 };
export const KIND_NAMES: Record<ThrottleKind, string> = { pair: '账号 + 地址', address: '地址', account: '账号（来自各地址）' };

/** Delays against one account: 1 s after the limit, doubling, at most 10 s. */
export const ACCOUNT_DELAY = { firstMs: 1000, maxMs: 10_000 } as const;

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
  username?: string;
  address?: string;
}

// The address never holds "|" (an IPv4 or IPv6 address), the user name may.
export function throttleKeys(username: string, address: string): ThrottleKey[] {
  const name = username.toLowerCase();
  return [
    { kind: 'pair', key: `pair|${address}|${name}`, username: name, address },
    { kind: 'address', key: `address|${address}`, address },
    { kind: 'account', key: `account|${name}`, username: name },
  ];
}

/** What a stored key stands for; null for a key of another form. */
export function describeKey(key: string): ThrottleKey | null {
  const [kind, first, ...rest] = key.split('|');
  if (kind === 'pair' && rest.length) return { kind, key, address: first, username: rest.join('|') };
  if (kind === 'address' && first) return { kind, key, address: first };
  if (kind === 'account' && first !== undefined) return { kind, key, username: [first, ...rest].join('|') };
  return null;
}

/** The wait before answering an attempt on an account with this many failures. */
export function accountDelayMs(failures: number): number {
  const over = failures - LIMITS.account;
  if (over < 0) return 0;
  return Math.min(ACCOUNT_DELAY.firstMs * 2 ** Math.min(over, 20), ACCOUNT_DELAY.maxMs);
}

/** How an account's delay is waited out (a test makes it instant). */
export const accountDelay = {
  wait: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface ThrottleState {
  /** the attempt is refused until then */
  blockedUntil: Date | null;
  /** the attempt is answered only after this wait */
  delayMs: number;
}

export async function throttleState(db: Db, username: string, address: string, now = new Date()): Promise<ThrottleState> {
  const keys = throttleKeys(username, address);
  const rows = await db.loginThrottle.findMany({
    where: {
      key: { in: keys.map((k) => k.key) },
      // A block lasts its full time, even when it was set late in its counting window.
      OR: [{ windowStart: { gt: new Date(now.getTime() - WINDOW_MS) } }, { blockedUntil: { gt: now } }],
    },
  });
  const blocks = rows.filter((row) => row.blockedUntil && row.blockedUntil > now).map((row) => row.blockedUntil!.getTime());
  const account = rows.find((row) => row.key === keys[2].key);
  return {
    blockedUntil: blocks.length ? new Date(Math.max(...blocks)) : null,
    delayMs: accountDelayMs(account?.failures ?? 0),
  };
}

/**
 * Counts one failed login against each key. The count is incremented in the
 * database (never read, added to and written back), so failures sent in
 * parallel are all counted. Returns the keys this failure blocked.
 */
export async function recordFailure(db: Db, username: string, address: string, now = new Date()): Promise<ThrottleKey[]> {
  const blocked: ThrottleKey[] = [];
  for (const key of throttleKeys(username, address)) {
    // A window that has passed starts again, unless its block still runs.
    await db.loginThrottle.updateMany({
      where: {
        key: key.key,
        windowStart: { lte: new Date(now.getTime() - WINDOW_MS) },
        OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }],
      },
      data: { failures: 0, windowStart: now, blockedUntil: null },
    });
    const row = await retryOnUniqueViolation(() =>
      db.loginThrottle.upsert({
        where: { key: key.key },
        create: { key: key.key, failures: 1, windowStart: now },
        update: { failures: { increment: 1 } },
      }),
    );
    if (key.kind !== 'account' && row.failures === LIMITS[key.kind]) {
      await db.loginThrottle.update({ where: { key: key.key }, data: { blockedUntil: new Date(now.getTime() + BLOCK_MS) } });
      blocked.push(key);
    }
  }
  return blocked;
}

/** After a good login: this address's failures for the account are forgotten. */
export async function clearFailures(db: Db, username: string, address: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: throttleKeys(username, address)[0].key } });
}

export interface LoginBlock extends ThrottleKey {
  failures: number;
  windowStart: Date;
  blockedUntil: Date | null;
}

/** What the administrator sees: blocked keys, and accounts being slowed down, within the window. */
export async function currentBlocks(db: Db, now = new Date()): Promise<LoginBlock[]> {
  const rows = await db.loginThrottle.findMany({
    where: {
      OR: [
        { blockedUntil: { gt: now } },
        { key: { startsWith: 'account|' }, failures: { gte: LIMITS.account }, windowStart: { gt: new Date(now.getTime() - WINDOW_MS) } },
      ],
    },
    orderBy: [{ windowStart: 'desc' }, { key: 'asc' }],
  });
  return rows.flatMap((row) => {
    const key = describeKey(row.key);
    return key ? [{ ...key, failures: row.failures, windowStart: row.windowStart, blockedUntil: row.blockedUntil }] : [];
  });
}

/** Lifts a block (or an account's delays), for the administrator: its count starts again. */
export async function liftBlock(tx: Tx, key: string, actorId: number): Promise<void> {
  const row = await tx.loginThrottle.findUnique({ where: { key } });
  if (!row) throw new ConflictError('该封锁已解除或已过期');
  await tx.loginThrottle.delete({ where: { key } });
  await recordAudit(tx, { userId: actorId, action: 'login-unblocked', entity: 'LoginThrottle', entityId: key, before: row });
}
