// The application's database client, swappable while it runs: a restore of the
// embedded database replaces the file under it and opens a new client. Routes,
// the session store and the jobs all hold `handle.db`, which always forwards to
// the current client. The gate counts requests in flight; while the database
// is replaced new requests wait and the ones in flight are let finish first.
import type { NextFunction, Request, Response } from 'express';
import type { Sql } from '@prisma/client/runtime/client';
import { createDb, databaseKind, Db, sqliteFile } from './client';
import { readThread } from './read-thread';

/** How long a replacement waits for requests in flight before going ahead. */
const DRAIN_MS = 30_000;
const LEAVE = Symbol('leave the gate');

type GatedRequest = Request & { [LEAVE]?: () => void };

export interface DatabaseHandle {
  /** the current client, whichever it is: hand this one out */
  readonly db: Db;
  readonly url: string;
  /** middleware: counts the request while it runs; holds it while the database is replaced */
  gate(req: Request, res: Response, next: NextFunction): void;
  /**
   * Closes the client once the requests in flight (but the caller's) have
   * finished, runs `swap` (which replaces the file), and opens a new client —
   * the same file again when `swap` fails. New requests wait meanwhile.
   */
  replace(swap: () => Promise<void>, caller?: Request): Promise<void>;
  /**
   * A read-only statement that may take long (reports' aggregates over every
   * order): on the embedded database it runs on a thread of its own
   * (read-thread.ts), elsewhere through the client.
   */
  longRead<T>(query: Sql): Promise<T[]>;
  /** Ends the thread for long reads (at shutdown; the client is disconnected by its holder). */
  close(): Promise<void>;
}

export function swappableDatabase(initial: Db, url: string, open: () => Db = () => createDb(url)): DatabaseHandle {
  let current = initial;
  let active = 0;
  let paused: Promise<void> | null = null;
  let idle: (() => void) | null = null;
  const thread = databaseKind(url) === 'sqlite' ? readThread(sqliteFile(url)) : null;

  const db = new Proxy({} as Db, {
    get(_target, property) {
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });

  function leave(): void {
    active -= 1;
    if (active <= 0 && idle) idle();
  }

  function enter(req: GatedRequest, res: Response, next: NextFunction): void {
    active += 1;
    let left = false;
    const once = () => {
      if (left) return;
      left = true;
      leave();
    };
    req[LEAVE] = once;
    res.on('finish', once);
    res.on('close', once);
    next();
  }

  function drained(): Promise<void> {
    if (active <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, DRAIN_MS);
      function done() {
        clearTimeout(timer);
        idle = null;
        resolve();
      }
      idle = done;
    });
  }

  return {
    db,
    url,
    gate(req, res, next) {
      if (paused) void paused.then(() => enter(req, res, next));
      else enter(req, res, next);
    },
    longRead<T>(query: Sql): Promise<T[]> {
      return thread ? thread.read<T>(query) : current.$queryRaw<T[]>(query);
    },
    async close() {
      await thread?.close();
    },
    async replace(swap, caller) {
      let resume = () => {};
      paused = new Promise((resolve) => (resume = resolve));
      // The caller's own request does not wait for itself.
      (caller as GatedRequest | undefined)?.[LEAVE]?.();
      try {
        await drained();
        // The thread's connection would go on reading the file being replaced.
        await thread?.close();
        await current.$disconnect();
        try {
          await swap();
        } finally {
          current = open();
          // A request still reading past the drain's time limit may have started it again on the old file.
          await thread?.close();
        }
      } finally {
        paused = null;
        resume();
      }
    },
  };
}
