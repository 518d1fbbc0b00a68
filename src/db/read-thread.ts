// Long read-only statements of the embedded database, on a thread of their own.
// better-sqlite3 answers synchronously: a report's aggregate over a million
// orders (half a second) would hold every other request for as long. In WAL
// mode a second, read-only connection reads beside the application's; on a
// worker thread it leaves the event loop free. SQL Server needs none of this:
// its driver waits without blocking (handle.ts reads through Prisma there).
import { Worker } from 'node:worker_threads';
import type { Sql } from '@prisma/client/runtime/client';

/** Plain JavaScript, run by the worker: one connection, opened at the first statement. */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
parentPort.on('message', ({ id, sql, values }) => {
  try {
    if (!db) {
      db = new Database(workerData.file, { readonly: true, fileMustExist: true });
      db.pragma('cache_size = -' + workerData.cacheKb);
    }
    parentPort.postMessage({ id, rows: db.prepare(sql).all(values) });
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});
`;

/**
 * The thread's share of memory: its statements scan much but return little
 * (a page of a report), so a small heap and page cache serve it.
 */
const CACHE_KB = 4096;
const THREAD_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };

export interface ReadThread {
  /** The statement's rows, read on the thread. */
  read<T>(query: Sql): Promise<T[]>;
  /** Ends the thread (before the file is replaced, or at shutdown); the next read starts another. */
  close(): Promise<void>;
}

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (err: Error) => void;
}

/** A value as Prisma's SQLite adapter writes it, so that comparisons with stored values hold. */
export function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** A running thread and the statements it has yet to answer. */
interface Running {
  worker: Worker;
  pending: Map<number, Pending>;
}

export function readThread(file: string): ReadThread {
  let running: Running | null = null;
  let nextId = 0;

  function started(): Running {
    if (running) return running;
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { file, driver: require.resolve('better-sqlite3'), cacheKb: CACHE_KB },
      resourceLimits: THREAD_LIMITS,
    });
    // Each thread answers its own statements: a closed thread's end fails only those.
    const thread: Running = { worker, pending: new Map() };
    const failAll = (err: Error) => {
      for (const { reject } of thread.pending.values()) reject(err);
      thread.pending.clear();
    };
    worker.on('message', ({ id, rows, error }: { id: number; rows?: unknown[]; error?: string }) => {
      const waiting = thread.pending.get(id);
      thread.pending.delete(id);
      if (thread.pending.size === 0) worker.unref();
      if (!waiting) return;
      if (error === undefined) waiting.resolve(rows ?? []);
      else waiting.reject(new Error(error));
    });
    worker.on('error', failAll);
    worker.on('exit', () => {
      if (running === thread) running = null;
      failAll(new Error('读取线程已停止'));
    });
    // Idle, it keeps no process alive (tests, the command line).
    worker.unref();
    running = thread;
    return thread;
  }

  return {
    read<T>(query: Sql): Promise<T[]> {
      const thread = started();
      const id = nextId++;
      return new Promise<T[]>((resolve, reject) => {
        thread.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
        try {
          // While a statement is out the thread must keep the process alive to answer.
          thread.worker.ref();
          thread.worker.postMessage({ id, sql: query.sql, values: query.values.map(sqliteValue) });
        } catch (err) {
          // A value that cannot be sent: nothing is waiting for an answer.
          thread.pending.delete(id);
          if (thread.pending.size === 0) thread.worker.unref();
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    },
    async close() {
      const thread = running;
      running = null;
      if (thread) await thread.worker.terminate();
    },
  };
}
