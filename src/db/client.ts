// The Prisma client for the configured database. The application is written
// against one client type (`Db`, from the #prisma alias): tsconfig.json takes it
// from the SQLite client, tsconfig.sqlserver.json from the SQL Server client, so
// the whole application is type-checked against both. The two classes differ
// only in details such as isolation levels, hence the casts here.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { PrismaClient, Prisma } from '#prisma';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client';
import { changeOf, countCache, countedTables, type Change, type CountCache, type Schema } from './count-cache';
import { keepReads } from './kept-reads';
import { directReader, readDirectly, type DirectReader } from './direct-reads';

export type Db = PrismaClient;
/** A client or an interactive transaction: what domain functions take. */
export type Tx = Prisma.TransactionClient | Db;
export type { Prisma };

export type DatabaseKind = 'sqlite' | 'sqlserver';

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('sqlserver://')) return 'sqlserver';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL 必须以 file: 或 sqlserver:// 开头`);
}

export function sqliteFile(url: string): string {
  return url.replace(/^file:/, '');
}

/** The parts between semicolons, a semicolon inside {…} not counting. */
function connectionStringParts(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '{') quoted = true;
    else if (char === '}') quoted = false;
    if (char === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** sqlserver://host:port;database=crm;user=sa;password=…;encrypt=true;trustServerCertificate=true */
export function parseSqlServerUrl(url: string) {
  const [hostPart, ...pairs] = connectionStringParts(url.replace(/^sqlserver:\/\//, ''));
  const [server, port] = hostPart.split(':');
  const params = new Map(
    pairs
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        const key = (at < 0 ? pair : pair.slice(0, at)).trim().toLowerCase();
        const raw = at < 0 ? '' : pair.slice(at + 1).trim();
        // {…} quotes a value holding ; or = (as in Prisma's SQL Server URLs).
        const value = /^\{.*\}$/.test(raw) ? raw.slice(1, -1) : decodeURIComponent(raw);
        return [key, value] as const;
      }),
  );
  return {
    server,
    port: port ? Number(port) : 1433,
    database: params.get('database') ?? params.get('initial catalog') ?? 'crm',
    user: params.get('user') ?? params.get('username'),
    password: params.get('password'),
    options: {
      encrypt: params.get('encrypt') !== 'false',
      trustServerCertificate: params.get('trustservercertificate') === 'true',
    },
  };
}

/**
 * The embedded database's connection, tuned in two ways.
 * - `synchronous = NORMAL`: in WAL mode a commit no longer waits for the disk
 *   (a commit blocks the whole process, better-sqlite3 being synchronous:
 *   8–25 ms each on this kind of disk). A crash of the application loses
 *   nothing; a power cut may lose the last commits, never consistency.
 * - Transactions begin IMMEDIATE (taking the write lock at once; other writers
 *   wait up to the driver's busy timeout of 5 s). Begun DEFERRED, a transaction
 *   that read and then writes fails at once with SQLITE_BUSY when another
 *   process wrote in between: with several worker processes (cluster.ts) two
 *   workflow steps at the same time would fail. Within one process the adapter
 *   runs one transaction at a time anyway.
 */
class EmbeddedDatabaseAdapter extends PrismaBetterSqlite3 {
  #dataVersion: { get(): unknown } | null = null;
  #connection: { open: boolean } | null = null;
  #direct: DirectReader | null = null;
  /** the versions of the tables on this connection (count-cache.ts), for counts and kept reads */
  readonly versions = countCache(() => this.#dataVersion?.get());

  override async connect() {
    const adapter = await super.connect();
    await adapter.executeRaw({ sql: 'PRAGMA synchronous = NORMAL', args: [], argTypes: [] });
    // The adapter (7.10, pinned) calls prepare(sql).bind(args) for every query and
    // prepare('BEGIN') for a transaction; tests/platform/request-cost.test.ts checks both changes.
    const client = (adapter as unknown as { client: Connection }).client;
    const prepare = client.prepare.bind(client) as (sql: string) => Statement;
    this.#dataVersion = (client.prepare('PRAGMA data_version') as unknown as { pluck(): { get(): unknown } }).pluck();
    // A new connection: what was read on another one counts for nothing.
    this.versions.changed({ kind: 'any' });
    const counts = { cache: this.versions, schema: schemaOf(client) };
    client.prepare = preparedOnce(prepare, counts);
    this.#connection = client as unknown as { open: boolean };
    this.#direct = directReader(prepare, counts);
    // A script (Prisma's executeScript) may write anything.
    const exec = client.exec.bind(client);
    client.exec = (script: string) => {
      counts.cache.changed({ kind: 'any' });
      return exec(script);
    };
    return adapter;
  }

  /** The reader of the open connection (direct-reads.ts); null before the first query and once closed. */
  direct(): DirectReader | null {
    return this.#connection?.open ? this.#direct : null;
  }
}

/** Which database a client or transaction talks to (Prisma's own name of its provider). */
export function databaseKindOf(db: Tx): DatabaseKind {
  return (db as unknown as { _activeProvider: string })._activeProvider === 'sqlserver' ? 'sqlserver' : 'sqlite';
}

/** What the adapter uses of a better-sqlite3 connection. */
interface Connection {
  prepare(sql: string): unknown;
  exec(script: string): unknown;
}

/** The tables of the embedded database and those foreign keys refer to (read once at connect). */
function schemaOf(client: Connection): Schema {
  const all = (sql: string) => (client.prepare(sql) as { all(): unknown[] }).all();
  const rows = all("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'") as { name: string }[];
  const tables = rows.map((row) => row.name);
  const referenced = new Set(
    tables.flatMap((table) => (all(`PRAGMA foreign_key_list([${table}])`) as { table: string }[]).map((key) => key.table)),
  );
  return { tables, referenced: [...referenced] };
}

/** What the adapter uses of a better-sqlite3 statement. */
interface Statement {
  reader: boolean;
  readonly: boolean;
  run(args?: unknown[]): unknown;
  columns(): unknown[];
  raw(on: boolean): { all(args?: unknown[]): unknown[] };
}

const PREPARED_KEPT = 500;

/** A kept statement, what running it may change, and the tables it names when it is a count. */
interface Prepared {
  statement: Statement;
  change: Change;
  count: string[] | null;
  columns?: unknown[];
}

/**
 * Each SQL text prepared once and kept (preparing cost the adapter as much as
 * running): bind() gives a view with its own arguments instead of binding the
 * kept statement for good. better-sqlite3 runs a statement to its end before
 * anything else runs, so one statement serves every request. Counts are read
 * through `counts` (count-cache.ts), which every other statement but a plain
 * read tells that the database may have changed.
 */
export function preparedOnce(prepare: (sql: string) => Statement, counts?: { cache: CountCache; schema: Schema }) {
  const kept = new Map<string, Prepared>();
  const view = (sql: string, found: Prepared, args: unknown[] = []) => {
    const { statement, change, count } = found;
    const all = () => statement.raw(true).all(args);
    const changing = () => {
      if (change.kind !== 'none') counts?.cache.changed(change);
    };
    return {
      reader: statement.reader,
      bind: (values: unknown[]) => view(sql, found, values),
      run: () => {
        changing();
        return statement.run(args);
      },
      // A statement's columns stay what they were when it was prepared (a migration or restore opens a new client).
      columns: () => (found.columns ??= statement.columns()),
      raw: () => ({
        all: () => {
          changing();
          return count && counts ? counts.cache.rows(sql, args, count, all) : all();
        },
      }),
    };
  };
  return (sql: string) => {
    const text = sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql;
    let found = kept.get(text);
    if (!found) {
      const statement = prepare(text);
      const schema = counts?.schema ?? { tables: [], referenced: [] };
      found = {
        statement,
        change: changeOf(text, statement.readonly, schema),
        count: countedTables(text, statement.readonly, schema),
      };
      if (kept.size >= PREPARED_KEPT) kept.clear();
      kept.set(text, found);
    }
    return view(text, found);
  };
}

/**
 * Gathers the planner's statistics of a table that has just changed much (the
 * weekly job adds thousands of warnings at once). With the counts of the week
 * before, SQLite read every open warning for one 客户经理's list and to-dos
 * (10 ms each) instead of his customers' (0.7 ms). A few milliseconds. SQL
 * Server updates statistics by itself, but only once enough rows changed.
 * Other connections to the embedded database see them at reloadStatistics.
 */
export async function refreshStatistics(db: Db, kind: DatabaseKind, table: 'ChurnWarning'): Promise<void> {
  await db.$executeRawUnsafe(kind === 'sqlserver' ? `UPDATE STATISTICS [${table}]` : `ANALYZE [${table}]`);
}

/**
 * Loads the embedded database's planner statistics again on this process's
 * connection: an ANALYZE by another connection (the weekly job run from the
 * command line, or by another worker process) reaches a connection only then.
 */
export async function reloadStatistics(db: Db): Promise<void> {
  await db.$executeRawUnsafe('ANALYZE sqlite_schema');
}

export function createDb(url: string): Db {
  if (databaseKind(url) === 'sqlserver') {
    // Loaded only for SQL Server: the embedded database's processes never hold its client and driver.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { PrismaMssql } = require('@prisma/adapter-mssql') as typeof import('@prisma/adapter-mssql');
    const { PrismaClient: SqlServerClient } = require('../generated/sqlserver/client') as typeof import('../generated/sqlserver/client');
    /* eslint-enable @typescript-eslint/no-require-imports */
    return new SqlServerClient({ adapter: new PrismaMssql(parseSqlServerUrl(url)) }) as unknown as Db;
  }
  const adapter = new EmbeddedDatabaseAdapter({ url: sqliteFile(url) });
  const client = new SqliteClient({ adapter }) as unknown as Db;
  keepReads(client, adapter.versions);
  readDirectly(client, () => adapter.direct());
  return client;
}
