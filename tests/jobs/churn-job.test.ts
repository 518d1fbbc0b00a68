// One run of the churn-warning job: its JobRun record (also of a failed run),
// the lease and the scheduled slot that make two instances run it once, and the scheduler.
import { logger } from '../../src/shared/logger';
import { getTasks } from 'node-cron';
import Database from 'better-sqlite3';
import { createDb, reloadStatistics, sqliteFile, type Db } from '../../src/db/client';
import { crmOrderSource } from '../../src/orders/crm-order-source';
import type { OrderSource } from '../../src/orders/order-source';
import { CHURN_JOB, runChurnWarningJob } from '../../jobs/churn-warnings';
import { slotName } from '../../jobs/job-lock';
import { STATISTICS_RELOAD, startScheduledJobs } from '../../jobs/schedule';
import { testConfig } from '../support/app';
import { freshDb } from '../support/db';
import { createCustomer } from '../support/builders/customers';

const LONG_AGO = new Date(2020, 0, 1);
// The slot just fired: a slot's row is kept only around its minute, so a fixed date would expire.
const SLOT = new Date();
SLOT.setSeconds(0, 0);
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

let db: Db;
let url: string;
beforeEach(async () => {
  ({ db, url } = freshDb());
  for (let i = 0; i < 5; i++) await createCustomer(db, { createdAt: LONG_AGO });
});
afterEach(() => db.$disconnect());

const run = (trigger: 'schedule' | 'manual' | 'cli', on: Db = db, extra: Partial<Parameters<typeof runChurnWarningJob>[0]> = {}) =>
  runChurnWarningJob({ db: on, orderSource: crmOrderSource(on), trigger, ...extra });

describe('the run record', () => {
  test('a run is recorded with its trigger, start, end, customers checked and warnings added', async () => {
    const before = Date.now();
    const result = await run('manual');
    expect(result.outcome).toBe('finished');
    const [record] = await db.jobRun.findMany();
    expect(record).toMatchObject({ job: CHURN_JOB, trigger: 'manual', checked: 5, added: 5, error: null });
    expect(record.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(record.finishedAt!.getTime()).toBeGreaterThanOrEqual(record.startedAt.getTime());
    expect(await db.churnWarning.count()).toBe(5);
  });

  test('a run that adds warnings gathers their statistics for the query planner', async () => {
    const counted = () => db.$queryRawUnsafe<{ stat: string }[]>("SELECT stat FROM sqlite_stat1 WHERE tbl = 'ChurnWarning' AND idx = 'ChurnWarning_customerId_status_createdAt_idx'");
    // A new test database has no statistics at all.
    expect(await db.$queryRawUnsafe("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")).toEqual([]);
    await run('manual');
    // The first number of an index's statistics is the table's row count: the five new warnings.
    expect((await counted())[0].stat).toMatch(/^5 /);
  });

  test('running twice adds nothing the second time, and both runs are recorded', async () => {
    await run('cli');
    await run('manual');
    const records = await db.jobRun.findMany({ orderBy: { id: 'asc' } });
    expect(records.map((r) => [r.trigger, r.checked, r.added])).toEqual([
      ['cli', 5, 5],
      ['manual', 5, 0],
    ]);
    expect(await db.churnWarning.count()).toBe(5);
  });

  test('a failed run is recorded with its error, adds nothing and frees the lease', async () => {
    const broken: OrderSource = {
      ...crmOrderSource(db),
      lastOrderDates: () => Promise.reject(new Error('Failed to connect to sales-db:1433')),
    };
    const result = await runChurnWarningJob({ db, orderSource: broken, trigger: 'schedule', scheduledFor: SLOT });
    expect(result.outcome).toBe('failed');
    const [record] = await db.jobRun.findMany();
    // What failed in Chinese, the driver's words after it.
    expect(record).toMatchObject({
      trigger: 'schedule',
      added: 0,
      error: '读取订单失败（技术信息：Failed to connect to sales-db:1433）',
    });
    expect(record.finishedAt).not.toBeNull();
    expect(await db.churnWarning.count()).toBe(0);
    expect((await run('manual')).outcome).toBe('finished');
    expect(await db.churnWarning.count()).toBe(5);
  });
});

describe('two instances', () => {
  let other: Db;
  beforeEach(() => {
    // A second app instance: its own Prisma client (and connection) on the same database file.
    other = createDb(url);
  });
  afterEach(() => other.$disconnect());

  test('both scheduled for the same minute at once: one runs, the other finds the slot taken', async () => {
    const results = await Promise.all([
      run('schedule', db, { scheduledFor: SLOT, holder: 'instance-a' }),
      run('schedule', other, { scheduledFor: SLOT, holder: 'instance-b' }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['finished', 'skipped']);
    expect(await db.churnWarning.count()).toBe(5);
    expect(await db.jobRun.count()).toBe(1);
    const slot = await db.jobLock.findUniqueOrThrow({ where: { name: slotName(CHURN_JOB, SLOT) } });
    expect(['instance-a', 'instance-b']).toContain(slot.holder);
  });

  test('an instance firing later for the same minute does not run it again', async () => {
    expect((await run('schedule', db, { scheduledFor: SLOT })).outcome).toBe('finished');
    expect(await run('schedule', other, { scheduledFor: SLOT })).toEqual({ outcome: 'skipped', reason: 'slot-taken' });
    expect(await db.jobRun.count()).toBe(1);
    // The next week's slot is free.
    const nextWeek = new Date(SLOT.getTime() + WEEK_MS);
    expect((await run('schedule', other, { scheduledFor: nextWeek })).outcome).toBe('finished');
  });

  test('two manual runs at once: the lease lets one run', async () => {
    const results = await Promise.all([run('manual', db), run('cli', other), run('manual', other)]);
    expect(results.filter((r) => r.outcome === 'finished')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'skipped')).toEqual([
      { outcome: 'skipped', reason: 'busy' },
      { outcome: 'skipped', reason: 'busy' },
    ]);
    expect(await db.churnWarning.count()).toBe(5);
    expect(await db.jobRun.count()).toBe(1);
  });

  test('a lease held by a running instance refuses; one left by a crashed instance is taken over when it ends', async () => {
    await db.jobLock.create({ data: { name: CHURN_JOB, holder: 'running', lockedUntil: new Date(Date.now() + 60_000) } });
    expect(await run('manual', other)).toEqual({ outcome: 'skipped', reason: 'busy' });
    await db.jobLock.update({ where: { name: CHURN_JOB }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await run('manual', other)).outcome).toBe('finished');
    const lease = await db.jobLock.findUniqueOrThrow({ where: { name: CHURN_JOB } });
    expect(lease.lockedUntil.getTime()).toBeLessThan(Date.now());
  });
});

describe('the scheduler', () => {
  const churnTasks = () => [...getTasks().values()].filter((task) => task.name === 'churn-warnings');

  test('switched off by configuration, nothing is scheduled', () => {
    const jobs = startScheduledJobs({ db, config: testConfig(url, { churnJobEnabled: false }), orderSource: crmOrderSource(db) });
    expect(churnTasks()).toHaveLength(0);
    jobs.stop();
  });

  test('switched on, the job is scheduled every Saturday at 02:00 in the configured time zone', async () => {
    const log = jest.spyOn(logger, 'info');
    const jobs = startScheduledJobs({
      db,
      config: testConfig(url, { churnJobEnabled: true, churnJobTimezone: 'Asia/Shanghai' }),
      orderSource: crmOrderSource(db),
    });
    try {
      const [task] = churnTasks();
      expect(task.getPattern()).toBe('0 2 * * 6');
      const next = task.getNextRun()!;
      const shanghai = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Shanghai',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(next);
      expect(shanghai).toBe('Sat 02:00');
      // What it runs when it fires: the job, recorded as scheduled.
      await task.execute();
      expect(await db.jobRun.findMany()).toEqual([expect.objectContaining({ trigger: 'schedule', added: 5 })]);
      expect(log).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'finished' }), '客户流失预警任务运行完成：检查客户 5 个，新增流失预警 5 条');
    } finally {
      log.mockRestore();
      jobs.stop();
      for (const task of churnTasks()) await task.destroy();
    }
  });
});

describe('the planner statistics', () => {
  test('every process on the embedded database reloads them hourly, the churn job switched on or off', async () => {
    for (const task of getTasks().values()) if (task.name === STATISTICS_RELOAD) await task.destroy();
    const jobs = startScheduledJobs({ db, config: testConfig(url, { churnJobEnabled: false }), orderSource: crmOrderSource(db) });
    try {
      const reloads = [...getTasks().values()].filter((task) => task.name === STATISTICS_RELOAD);
      expect(reloads.map((task) => task.getPattern())).toEqual(['23 * * * *']);
    } finally {
      jobs.stop();
      for (const task of getTasks().values()) if (task.name === STATISTICS_RELOAD) await task.destroy();
    }
  });

  test('statistics gathered by another connection reach this one when it reloads them', async () => {
    // One 客户经理's open warnings: with few warnings SQLite reads them all, with many it reads his customers' instead.
    const plan = async () =>
      (
        await db.$queryRawUnsafe<{ detail: string }[]>(
          "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM ChurnWarning w JOIN Customer c ON c.id = w.customerId WHERE c.accountManagerId = 3 AND w.status IN ('warning', 'deferred')",
        )
      )
        .map((row) => row.detail)
        .join(' | ');
    // Another process (here another connection) writes the statistics of n warnings among 100,000 customers.
    const other = new Database(sqliteFile(url));
    const statistics = (n: number) => {
      other.exec('ANALYZE');
      other.exec("DELETE FROM sqlite_stat1 WHERE tbl IN ('ChurnWarning', 'Customer')");
      const insert = other.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
      insert.run('ChurnWarning', 'ChurnWarning_customerId_status_idx', `${n} 1 1`);
      insert.run('ChurnWarning', 'ChurnWarning_status_createdAt_idx', `${n} ${Math.round(n / 3)} 1`);
      insert.run('ChurnWarning', 'ChurnWarning_accountManagerId_status_idx', `${n} ${Math.round(n / 40)} ${Math.round(n / 120)}`);
      insert.run('ChurnWarning', 'ChurnWarning_createdAt_id_idx', `${n} 1 1`);
      insert.run('ChurnWarning', 'ChurnWarning_confirmedAt_idx', `${n} 1`);
      insert.run('Customer', 'Customer_accountManagerId_createdAt_id_idx', '100000 2400 1 1');
      insert.run('Customer', 'Customer_accountManagerId_status_idx', '100000 2400 1200');
    };
    try {
      statistics(1000);
      await reloadStatistics(db);
      const few = await plan();
      statistics(100_000);
      // This connection keeps the statistics it loaded until it reloads them.
      expect(await plan()).toBe(few);
      await reloadStatistics(db);
      expect(await plan()).not.toBe(few);
    } finally {
      other.close();
    }
  });
});
