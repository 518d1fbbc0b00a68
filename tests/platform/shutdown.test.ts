// Graceful shutdown: the order of the steps, the bound on running work, the forced exit.
import { FORCE_AFTER_MS, gracefulShutdown, ShutdownPlan } from '../../src/http/shutdown';

interface Fakes {
  steps: string[];
  finishRequests(): void;
  finishJobs(): void;
  plan: ShutdownPlan;
}

function fakes(overrides: Partial<ShutdownPlan> = {}): Fakes {
  const steps: string[] = [];
  let finishRequests = () => undefined as void;
  let finishJobs = () => undefined as void;
  const jobsDone = new Promise<void>((resolve) => (finishJobs = () => (steps.push('job run ended'), resolve())));
  const plan: ShutdownPlan = {
    server: {
      close(callback) {
        steps.push('stop accepting requests');
        finishRequests = () => (steps.push('requests finished'), callback());
      },
      closeIdleConnections: () => steps.push('close idle connections'),
      closeAllConnections: () => steps.push('close all connections'),
    },
    stopSchedule: () => void steps.push('stop schedule'),
    runningJobs: () => jobsDone,
    interruptJobs: async () => steps.push('mark job run interrupted'),
    connections: [
      { name: 'orders', close: async () => steps.push('close orders pool') },
      { name: 'database', close: async () => steps.push('close database') },
    ],
    timeoutMs: 1000,
    log: { info: (...args: unknown[]) => void steps.push(`log: ${args.at(-1)}`), warn: () => undefined, error: () => undefined } as ShutdownPlan['log'],
    exit: (code) => void steps.push(`exit ${code}`),
    ...overrides,
  };
  return { steps, plan, finishRequests: () => finishRequests(), finishJobs: () => finishJobs() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('stops taking requests and jobs, waits for the running ones, then closes the connections and exits 0', async () => {
  const f = fakes();
  const done = gracefulShutdown(f.plan)('SIGTERM');
  await tick();
  expect(f.steps).toEqual(['log: 正在停止：不再接受新的请求和任务', 'stop accepting requests', 'close idle connections', 'stop schedule']);
  f.finishRequests();
  await tick();
  expect(f.steps).not.toContain('close database');
  f.finishJobs();
  await done;
  expect(f.steps.slice(4)).toEqual(['requests finished', 'job run ended', 'close orders pool', 'close database', 'log: 已停止', 'exit 0']);
});

test('work that outlasts the bound: the job run is marked interrupted, connections closed, exit 1', async () => {
  jest.useFakeTimers();
  try {
    const f = fakes({ timeoutMs: 30_000 });
    const done = gracefulShutdown(f.plan)('SIGINT');
    await jest.advanceTimersByTimeAsync(29_000);
    expect(f.steps).not.toContain('mark job run interrupted');
    await jest.advanceTimersByTimeAsync(1_000);
    await done;
    expect(f.steps.slice(4)).toEqual(['mark job run interrupted', 'close all connections', 'close orders pool', 'close database', 'log: 已停止', 'exit 1']);
  } finally {
    jest.useRealTimers();
  }
});

test('closing that hangs: the exit is forced after the bound', async () => {
  jest.useFakeTimers();
  try {
    const f = fakes({ timeoutMs: 1000, connections: [{ name: 'database', close: () => new Promise(() => undefined) }] });
    void gracefulShutdown(f.plan)('SIGTERM');
    f.finishRequests();
    f.finishJobs();
    await jest.advanceTimersByTimeAsync(1000 + FORCE_AFTER_MS);
    expect(f.steps.at(-1)).toBe('exit 1');
  } finally {
    jest.useRealTimers();
  }
});

test('a second signal exits at once', async () => {
  const f = fakes();
  const shutdown = gracefulShutdown(f.plan);
  const first = shutdown('SIGINT');
  await shutdown('SIGINT');
  expect(f.steps.at(-1)).toBe('exit 1');
  expect(f.steps).not.toContain('close database');
  // (the first one then ends as usual)
  f.finishRequests();
  f.finishJobs();
  await first;
});
