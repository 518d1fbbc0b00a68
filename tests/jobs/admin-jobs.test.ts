// 定时任务 (admin): the run history and 立即运行, and who may not.
import { expectPage, login, startTestApp, TestApp } from '../support/app';
import { createStaff } from '../support/builders/users';
import { createCustomer } from '../support/builders/customers';
import { CHURN_JOB } from '../../jobs/churn-warnings';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
beforeAll(async () => {
  t = startTestApp();
  staff = await createStaff(t.db);
  for (let i = 0; i < 3; i++) await createCustomer(t.db, { createdAt: new Date(2020, 0, 1), accountManagerId: staff.sales.id });
});
afterAll(() => t.close());

test('the administrator sees the job, runs it at once, is told how many warnings were added and sees the run', async () => {
  const admin = await login(t.app, 'admin');
  await expectPage(admin, '/admin/jobs', ['客户流失预警', '每周六 02:00', '尚无运行记录', 'action="/admin/jobs/churn-warnings/run"', '立即运行']);

  const res = await admin.post('/admin/jobs/churn-warnings/run');
  expect(res.status).toBe(302);
  expect(res.headers.location).toBe('/admin/jobs');
  const after = await admin.get('/admin/jobs');
  expect(after.text).toContain('客户流失预警任务运行完成：检查客户 3 个，新增流失预警 3 条');
  expect(after.text).toContain('<td>手动</td>');
  expect(after.text).toContain('成功');
  expect(await t.db.churnWarning.count()).toBe(3);
  expect(await t.db.jobRun.findMany()).toEqual([expect.objectContaining({ job: CHURN_JOB, trigger: 'manual', added: 3 })]);
  const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entity: 'ChurnWarning', action: 'create' } });
  expect(audit.userId).toBe(staff.admin.id);

  await admin.post('/admin/jobs/churn-warnings/run');
  expect((await admin.get('/admin/jobs')).text).toContain('新增流失预警 0 条');
  expect(await t.db.churnWarning.count()).toBe(3);
});

test('while a run holds the lease, 立即运行 says so and runs nothing', async () => {
  await t.db.jobLock.upsert({
    where: { name: CHURN_JOB },
    create: { name: CHURN_JOB, holder: 'other', lockedUntil: new Date(Date.now() + 60_000) },
    update: { holder: 'other', lockedUntil: new Date(Date.now() + 60_000) },
  });
  const runs = await t.db.jobRun.count();
  const admin = await login(t.app, 'admin');
  await admin.post('/admin/jobs/churn-warnings/run');
  const page = await admin.get('/admin/jobs');
  expect(page.text).toContain('message-error');
  expect(page.text).toContain('正在运行中');
  expect(await t.db.jobRun.count()).toBe(runs);
  await t.db.jobLock.delete({ where: { name: CHURN_JOB } });
});

test('a failed run shows with its error in the history; the history is paged, newest first', async () => {
  await t.db.jobRun.deleteMany();
  for (let i = 0; i < 12; i++) {
    await t.db.jobRun.create({
      data: {
        job: CHURN_JOB,
        trigger: i === 11 ? 'schedule' : 'cli',
        startedAt: new Date(2026, 0, 1 + i, 2),
        finishedAt: new Date(2026, 0, 1 + i, 2, 1),
        ...(i === 11 ? { error: '销售系统数据库连接失败' } : {}),
      },
    });
  }
  const admin = await login(t.app, 'admin');
  const first = await admin.get('/admin/jobs');
  expect(first.text).toContain('失败：销售系统数据库连接失败');
  expect(first.text).toContain('2026-01-12 02:00');
  expect(first.text).not.toContain('2026-01-02 02:00');
  expect(first.text).toContain('共 12 条，第 1/2 页');
  const second = await admin.get('/admin/jobs?page=2');
  expect(second.text).toContain('2026-01-01 02:00');
  expect(second.text).not.toContain('2026-01-12 02:00');
});

test('nobody else may see the page or run the job; a bad CSRF token is refused', async () => {
  const runs = await t.db.jobRun.count();
  for (const username of ['manager', 'sales1', 'boss']) {
    const session = await login(t.app, username);
    expect((await session.get('/admin/jobs')).status).toBe(403);
    expect((await session.post('/admin/jobs/churn-warnings/run')).status).toBe(403);
  }
  const admin = await login(t.app, 'admin');
  const forged = await admin.agent.post('/admin/jobs/churn-warnings/run').type('form').send({ _csrf: 'forged' });
  expect(forged.status).toBe(403);
  expect(await t.db.jobRun.count()).toBe(runs);
});
