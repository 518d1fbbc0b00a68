// express-session's store on the Session table: sessions survive restarts and
// are shared by every app instance. Expired rows are removed lazily.
//
// Reading a session also reads its user, the user's role and the version of
// the role's rights, in the same query: the fixed cost of a request is one
// query (auth/middleware.ts takes the user from the request, see sessionUser),
// kept on the embedded database while sessions, users and roles are unchanged
// (db/kept-reads.ts): any session's write, a user disabled, rights changed,
// another process's commit reads it again. Its expiry is checked at every request.
import type { Request } from 'express';
import session from 'express-session';
import { sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { DatabaseKind, Db } from '../db/client';
import { directRows } from '../db/direct-reads';
import { keptRead } from '../db/kept-reads';
import type { UserWithRoleRow } from '../auth/users';

type Callback<T = void> = (err?: unknown, value?: T) => void;

const PRUNE_EVERY_MS = 15 * 60 * 1000;
/** A session's expiry is pushed back at most this often: every request would otherwise write. */
const TOUCH_EVERY_MS = 60 * 1000;
const MAX_REMEMBERED_TOUCHES = 10_000;

/** Carries the user read with a session from get() to createSession(); symbols are never saved. */
const USER_ROW = Symbol('user row');
type SessionWithUser = session.SessionData & { [USER_ROW]?: UserWithRoleRow | null };
const usersOfRequests = new WeakMap<Request, UserWithRoleRow | null>();

/**
 * The user (with role name and rights version) read together with this
 * request's session: null when the session names a user no longer there;
 * undefined when the session was not read with one (then read the user).
 */
export function sessionUser(req: Request): UserWithRoleRow | null | undefined {
  return usersOfRequests.get(req);
}

interface SessionRow extends Omit<UserWithRoleRow, 'id'> {
  data: string;
  /** a Date through Prisma, its text read directly (direct-reads.ts) */
  expiresAt: Date | string;
  userId: number | null;
}

/** What reading a session reads. */
const SESSION_TABLES = ['Session', 'User', 'Role'];

/** The user id inside the session's JSON, in each database's own words. */
const USER_ID_IN_DATA: Record<DatabaseKind, Sql> = {
  sqlite: sql`json_extract(s.data, '$.userId')`,
  sqlserver: sql`TRY_CAST(JSON_VALUE(s.data, '$.userId') AS INT)`,
};

export class DatabaseSessionStore extends session.Store {
  private lastPrune = 0;
  /** when this process last wrote each session's expiry; only saves writes, never decides access */
  private readonly lastTouch = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly idleMs: number,
    private readonly kind: DatabaseKind = 'sqlite',
  ) {
    super();
  }

  private expiry(sess: session.SessionData): Date {
    const cookieExpiry = sess.cookie?.expires ? new Date(sess.cookie.expires) : undefined;
    return cookieExpiry ?? new Date(Date.now() + this.idleMs);
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    const read = () =>
      directRows<SessionRow>(
        this.db,
        sql`
          SELECT s.data, s.expiresAt, u.id AS userId, u.username, u.name, u.status, u.roleCode, r.name AS roleName, r.rightsVersion
            FROM [Session] s
            LEFT JOIN [User] u ON u.id = ${USER_ID_IN_DATA[this.kind]}
            LEFT JOIN [Role] r ON r.code = u.roleCode
           WHERE s.sid = ${sid}`,
      );
    keptRead(this.db, SESSION_TABLES, `session:${sid}`, read)
      .then(([row]) => {
        if (!row || new Date(row.expiresAt).getTime() <= Date.now()) return callback(undefined, null);
        const sess = JSON.parse(row.data) as SessionWithUser;
        const { userId, username, name, status, roleCode, roleName, rightsVersion } = row;
        sess[USER_ROW] = userId === null ? null : { id: userId, username, name, status, roleCode, roleName, rightsVersion };
        callback(undefined, sess);
      })
      .catch(callback);
  }

  /** express-session makes the request's session from what get() answered: the user row goes to the request. */
  override createSession(req: Request, sess: session.SessionData): session.Session & session.SessionData {
    const row = (sess as SessionWithUser)[USER_ROW];
    if (row !== undefined) usersOfRequests.set(req, row);
    return super.createSession(req, sess);
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
