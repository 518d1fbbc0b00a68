// A run left unfinished by a crash is marked interrupted at the next start and its lease released.
import os from 'os';
import type { Db } from '../../src/db/client';
import { crmOrderSource } from '../../src/orders/crm-order-source';
import { CHURN_JOB, runChurnWarningJob } from '../../jobs/churn-warnings';
import { INTERRUPTED, interruptRunningJobs, recoverInterruptedRuns, waitForRunningJobs } from '../../jobs/interrupted-runs';
import { freshDb } from '../support/db';
import { createCustomer } from '../support/builders/customers';

let db: Db;
beforeAll(() => {
  ({ db } = freshDb());
});
beforeEach(async () => {
  await db.jobRun.deleteMany();
  await db.jobLock.deleteMany();
});
afterAll(() => db.$disconnect());

const inAnHour = () => new Date(Date.now() + 60 * 60_000);
const crashedRun = () => db.jobRun.create({ data: { job: CHURN_JOB, trigger: 'schedule', startedAt: new Date(Date.now() - 60_000) } });

test('a crashed process of this host: its run is marked interrupted and the job runs again at once', async () => {
  const run = await crashedRun();
  await db.jobLock.create({ data: { name: CHURN_JOB, holder: `${os.hostname()}:999999:dead`, lockedUntil: inAnHour() } });
  const busy = await runChurnWarningJob({ db, orderSource: crmOrderSource(db), trigger: 'manual' });
  expect(busy).toEqual({ outcome: 'skipped', reason: 'busy' });

  expect(await recoverInterruptedRuns(db, new Date(), () => false)).toBe(1);
  expect(await db.jobRun.findUnique({ where: { id: run.id } })).toMatchObject({ error: INTERRUPTED, finishedAt: expect.any(Date) });
  const again = await runChurnWarningJob({ db, orderSource: crmOrderSource(db), trigger: 'manual' });
  expect(again.outcome).toBe('finished');
});

test('a run that another live process holds is left alone', async () => {
  const run = await crashedRun();
  await db.jobLock.create({ data: { name: CHURN_JOB, holder: 'other-host:1234:abcd', lockedUntil: inAnHour() } });
  expect(await recoverInterruptedRuns(db, new Date(), () => false)).toBe(0);
  expect((await db.jobRun.findUnique({ where: { id: run.id } }))?.finishedAt).toBeNull();
  expect((await db.jobLock.findUnique({ where: { name: CHURN_JOB } }))?.holder).toBe('other-host:1234:abcd');
});

test('an unfinished run whose lease has ended is marked too', async () => {
  const run = await crashedRun();
  expect(await recoverInterruptedRuns(db)).toBe(1);
  expect((await db.jobRun.findUnique({ where: { id: run.id } }))?.error).toBe(INTERRUPTED);
});

test('at shutdown a run still going on is marked interrupted and its lease released', async () => {
  await createCustomer(db);
  let release = () => undefined as void;
  const slow = crmOrderSource(db);
  const blocked = new Promise<void>((resolve) => (release = resolve));
  const orderSource = { ...slow, lastOrderDates: async (c: Parameters<typeof slow.lastOrderDates>[0]) => (await blocked, slow.lastOrderDates(c)) };
  const running = runChurnWarningJob({ db, orderSource, trigger: 'manual' });
  while ((await db.jobRun.count()) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await interruptRunningJobs(db)).toBe(1);
  expect((await db.jobRun.findFirst())?.error).toBe(INTERRUPTED);
  expect((await db.jobLock.findUnique({ where: { name: CHURN_JOB } }))!.lockedUntil.getTime()).toBe(0);
  release();
  await waitForRunningJobs();
  await running;
});
