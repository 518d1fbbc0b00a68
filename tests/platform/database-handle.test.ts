// The swappable database client: every holder sees the new client after a
// replacement; requests in flight finish on the old one first, new requests
// wait for the new one, and a failed swap opens the same database again.
import { EventEmitter } from 'events';
import type { Request, Response } from 'express';
import type { Db } from '../../src/db/client';
import { swappableDatabase } from '../../src/db/handle';

const events: string[] = [];

function client(name: string) {
  const fake = {
    name,
    whoAmI(this: { name: string }) {
      return this.name;
    },
    $disconnect: async () => void events.push(`close ${name}`),
  };
  return fake as unknown as Db;
}

/** A request through the gate; `done()` ends its response. */
function request(handle: ReturnType<typeof swappableDatabase>, label: string) {
  const res = new EventEmitter() as unknown as Response;
  const req = {} as Request;
  const entered = new Promise<void>((resolve) =>
    handle.gate(req, res, () => {
      events.push(`enter ${label} on ${(handle.db as unknown as { whoAmI(): string }).whoAmI()}`);
      resolve();
    }),
  );
  return { req, entered, done: () => (res as unknown as EventEmitter).emit('finish') };
}

beforeEach(() => events.splice(0));

test('a replacement waits for requests in flight, holds new ones, and hands out the new client', async () => {
  const clients = [client('new')];
  const handle = swappableDatabase(client('old'), 'file:x.db', () => clients.shift()!);
  const inFlight = request(handle, 'a');
  const caller = request(handle, 'restore');
  await Promise.all([inFlight.entered, caller.entered]);
  const replaced = handle.replace(async () => void events.push('swap'), caller.req);
  const waiting = request(handle, 'b');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(events).toEqual(['enter a on old', 'enter restore on old']);
  inFlight.done();
  await replaced;
  await waiting.entered;
  expect(events).toEqual(['enter a on old', 'enter restore on old', 'close old', 'swap', 'enter b on new']);
  expect((handle.db as unknown as { name: string }).name).toBe('new');
});

test('a failed swap opens the database again and lets requests through', async () => {
  const handle = swappableDatabase(client('old'), 'file:x.db', () => client('reopened'));
  await expect(handle.replace(async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
  const next = request(handle, 'c');
  await next.entered;
  expect(events).toEqual(['close old', 'enter c on reopened']);
});
