// Prisma's own schema engine, in WebAssembly, for the embedded SQLite database:
// it applies the committed migrations (prisma/sqlite/migrations) and, for
// developers, writes new ones. SQL Server is migrated with Prisma's CLI.
import fs from 'fs';
import path from 'path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { PROJECT_ROOT } from '../shared/project-root';

// From src/db or, compiled, dist/src/db: the repository's root either way.
export const SQLITE_SCHEMA = path.join(PROJECT_ROOT, 'prisma', 'sqlite', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(path.dirname(SQLITE_SCHEMA), 'migrations');
const NO_FILTER = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import('@prisma/schema-engine-wasm');

function loadEngineModule(): EngineModule {
  // The package's entry imports a .wasm file, which Node 20 only loads behind a
  // flag; instantiating the module ourselves avoids that.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bg = require('@prisma/schema-engine-wasm/schema_engine_bg') as EngineModule & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const wasmFile = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmFile));
  const instance = new WebAssembly.Instance(wasmModule, {
    './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

let engineModule: EngineModule | undefined;

type SqliteConnection = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;

/** The engine replays whole migration files on the shadow database through
 * executeRaw, which better-sqlite3 limits to one statement: run those as scripts. */
function acceptScripts(connection: SqliteConnection): SqliteConnection {
  const executeRaw = connection.executeRaw.bind(connection);
  connection.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await connection.executeScript(query.sql);
    return 0;
  };
  return connection;
}

async function withEngine<T>(file: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  engineModule ??= loadEngineModule();
  // The engine does not close the connections it opens: track and close them,
  // or the next engine on the same file finds it locked.
  const opened: { dispose(): Promise<void> }[] = [];
  const sqlite = new PrismaBetterSqlite3({ url: file }, { shadowDatabaseUrl: ':memory:' });
  const adapter = bindMigrationAwareSqlAdapterFactory({
    provider: sqlite.provider,
    adapterName: sqlite.adapterName,
    connect: async () => track(await sqlite.connect()),
    connectToShadowDb: async () => track(acceptScripts(await sqlite.connectToShadowDb())),
  });
  function track<A extends { dispose(): Promise<void> }>(connection: A): A {
    opened.push(connection);
    return connection;
  }
  const schema = fs.readFileSync(SQLITE_SCHEMA, 'utf8');
  const engine = await engineModule.SchemaEngine.new(
    { datamodels: [[SQLITE_SCHEMA, schema]] },
    () => undefined,
    adapter,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((connection) => connection.dispose()));
  }
}

/** The committed migrations' names (their folders), oldest first. */
export function committedMigrations(): string[] {
  if (!fs.existsSync(MIGRATIONS_DIR)) return [];
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function migrationList(): MigrationList {
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const dirs = committedMigrations();
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** Applies every committed migration not yet applied; returns their names. */
export async function applyMigrations(file: string): Promise<string[]> {
  return withEngine(file, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationList(), filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

/** SQL that would bring the committed migrations up to the schema ('' when current). */
export async function pendingSchemaChanges(scratchFile: string): Promise<string> {
  return withEngine(scratchFile, async (engine) => {
    const schema = fs.readFileSync(SQLITE_SCHEMA, 'utf8');
    const out = await engine.diff({
      from: { tag: 'migrations', ...migrationList() },
      to: { tag: 'schemaDatamodel', files: [{ path: SQLITE_SCHEMA, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return (out.stdout ?? '').trim();
  });
}

/** Writes a new migration folder for the current schema; returns its name or null. */
export async function createMigration(scratchFile: string, name: string): Promise<string | null> {
  const sql = await pendingSchemaChanges(scratchFile);
  if (!sql || /^-- This is an empty migration\.?$/.test(sql)) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = `${stamp}_${name}`;
  fs.mkdirSync(path.join(MIGRATIONS_DIR, dir), { recursive: true });
  fs.writeFileSync(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), sql + '\n');
  const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "sqlite"\n');
  return dir;
}
