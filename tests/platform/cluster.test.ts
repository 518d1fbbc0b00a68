// Worker processes (WEB_WORKERS): the primary starts the first worker (it
// prepares the database and schedules the weekly job), the others once it
// listens; restarts a stopped worker in its role; and restarts all others when
// one has replaced the database (a restore).
import { EventEmitter } from 'events';
import { DATABASE_REPLACED, runPrimary, WorkerProcess } from '../../src/cluster';

class FakeWorker extends EventEmitter implements WorkerProcess {
  signals: string[] = [];
  constructor(readonly env: Record<string, string>) {
    super();
  }
  kill(signal = 'SIGTERM') {
    this.signals.push(signal);
    setImmediate(() => this.emit('exit', null, signal));
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Waits for restarts (a kill's exit, then the restart delay) however busy the machine is. */
async function until(condition: () => boolean) {
  for (let waited = 0; !condition() && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
}

function primaryOf(count: number) {
  const forked: FakeWorker[] = [];
  const primary = runPrimary(count, (env) => {
    const worker = new FakeWorker(env);
    forked.push(worker);
    return worker;
  }, 5);
  return { primary, forked };
}

test('the first worker alone schedules the weekly job; the others start when it listens', async () => {
  const { primary, forked } = primaryOf(3);
  expect(forked).toHaveLength(1);
  expect(forked[0].env).toEqual({});
  forked[0].emit('listening');
  expect(forked).toHaveLength(3);
  expect(forked.slice(1).map((w) => w.env)).toEqual([{ CHURN_JOB_ENABLED: 'false' }, { CHURN_JOB_ENABLED: 'false' }]);
  expect(primary.workers().filter((w) => w.jobs)).toHaveLength(1);
  await primary.stop();
});

test('a worker that stops is started again in its role', async () => {
  const { primary, forked } = primaryOf(2);
  forked[0].emit('listening');
  forked[0].emit('exit', 1, null);
  await until(() => forked.length === 3);
  expect(forked).toHaveLength(3);
  expect(forked[2].env).toEqual({});
  expect(primary.workers().map((w) => w.jobs).sort()).toEqual([false, true]);
  await primary.stop();
});

test('after a restore in one worker, every other worker is restarted; the restoring one keeps running', async () => {
  const { primary, forked } = primaryOf(3);
  forked[0].emit('listening');
  forked[1].emit('message', { type: DATABASE_REPLACED });
  await until(() => forked.length === 5);
  expect(forked[1].signals).toEqual([]);
  expect(forked[0].signals).toEqual(['SIGTERM']);
  expect(forked[2].signals).toEqual(['SIGTERM']);
  expect(forked).toHaveLength(5);
  expect(primary.workers()).toHaveLength(3);
  expect(primary.workers().filter((w) => w.jobs)).toHaveLength(1);
  forked[1].emit('message', { type: 'something else' });
  await tick();
  expect(forked).toHaveLength(5);
  await primary.stop();
});

test('stopping stops every worker and starts none again', async () => {
  const { primary, forked } = primaryOf(2);
  forked[0].emit('listening');
  await primary.stop();
  await tick();
  expect(forked.every((w) => w.signals.includes('SIGTERM'))).toBe(true);
  expect(forked).toHaveLength(2);
  expect(primary.workers()).toHaveLength(0);
});
