// express-session's store on the Session table: sessions survive restarts and
// are shared by every app instance. Expired rows are removed lazily.
import session from 'express-session';
import type { Db } from '../db/client';

type Callback<T = void> = (err?: unknown, value?: T) => void;

const PRUNE_EVERY_MS = 15 * 60 * 1000;
/** A session's expiry is pushed back at most this often: every request would otherwise write. */
const TOUCH_EVERY_MS = 60 * 1000;
const MAX_REMEMBERED_TOUCHES = 10_000;

export class DatabaseSessionStore extends session.Store {
  private lastPrune = 0;
  /** when this process last wrote each session's expiry; only saves writes, never decides access */
  private readonly lastTouch = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly idleMs: number,
  ) {
    super();
  }

  private expiry(sess: session.SessionData): Date {
    const cookieExpiry = sess.cookie?.expires ? new Date(sess.cookie.expires) : undefined;
    return cookieExpiry ?? new Date(Date.now() + this.idleMs);
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    this.db.session
      .findUnique({ where: { sid } })
      .then((row) => {
        if (!row || row.expiresAt.getTime() <= Date.now()) return callback(undefined, null);
        callback(undefined, JSON.parse(row.data) as session.SessionData);
      })
      .catch(callback);
  }

  override set(sid: string, sess: session.SessionData, callback?: Callback): void {
    const data = JSON.stringify(sess);
    const expiresAt = this.expiry(sess);
    this.lastTouch.set(sid, Date.now());
    this.db.session
      .upsert({ where: { sid }, create: { sid, data, expiresAt }, update: { data, expiresAt } })
      .then(() => this.pruneNowAndThen())
      .then(() => callback?.())
      .catch((err) => callback?.(err));
  }

  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    const now = Date.now();
    if (now - (this.lastTouch.get(sid) ?? 0) < TOUCH_EVERY_MS) return callback?.();
    if (this.lastTouch.size >= MAX_REMEMBERED_TOUCHES) this.lastTouch.clear();
    this.lastTouch.set(sid, now);
    this.db.session
      .updateMany({ where: { sid }, data: { expiresAt: this.expiry(sess) } })
      .then(() => callback?.())
      .catch((err) => callback?.(err));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.lastTouch.delete(sid);
    this.db.session
      .deleteMany({ where: { sid } })
      .then(() => callback?.())
      .catch((err) => callback?.(err));
  }

  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.db.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  }
}
