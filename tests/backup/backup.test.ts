// 数据库备份 of the embedded database: 立即备份 listed and downloadable, the
// daily backup keeping the last N, upload, and 恢复 — the old data back, a
// safety backup first, migrations applied to an older backup, every session
// ended — and every refusal, after which nothing has changed.
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { follow, login, LoggedIn, startTestApp, TestApp } from '../support/app';
import { startStaffedAppAsAdmin, Staff } from '../support/staffed-app';
import { createCustomer } from '../support/builders/customers';
import { createStaff } from '../support/builders/users';
import { listBackups } from '../../src/backup/backup-files';
import { runDailyBackup } from '../../jobs/database-backup';
import { announceDatabaseReplaced } from '../../src/backup/announce';

// Prisma's schema engine (WebAssembly, an ES module) does not load under jest:
// an older backup is migrated by the compiled engine, in a process of its own.
jest.mock('../../src/db/schema-engine', () => ({
  ...jest.requireActual('../../src/db/schema-engine'),
  applyMigrations: async (file: string) => {
    const script = `require('./dist/src/db/schema-engine.js').applyMigrations(${JSON.stringify(file)}).then((names) => process.stdout.write(JSON.stringify(names)))`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..') }).toString());
  },
}));

// The restore tells a primary process that the database was replaced; here a spy listens.
jest.mock('../../src/backup/announce');
const announced = jest.mocked(announceDatabaseReplaced);

let t: TestApp;
let staff: Staff;
let admin: LoggedIn;
beforeAll(async () => ({ t, staff, admin } = await startStaffedAppAsAdmin()));
afterAll(() => t.close());

const backups = () => listBackups(t.config.backupDir);
const fileOf = (name: string) => path.join(t.config.backupDir, name);
const customerNamed = (name: string) => t.db.customer.findFirst({ where: { name } });

async function backUpNow(session = admin) {
  const before = new Set(backups().map((b) => b.name));
  expect(await follow(session, await session.post('/admin/backups'))).toContain('备份成功');
  const made = backups().filter((b) => !before.has(b.name));
  expect(made).toHaveLength(1);
  return made[0];
}

function upload(session: LoggedIn, content: Buffer | string, filename = 'crm.db') {
  return session.agent
    .post('/admin/backups/upload')
    .field('_csrf', session.csrf)
    .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), filename);
}

/** What must be true after a refused restore: the data as it was, the user still logged in, no safety backup. */
async function expectNothingChanged(customerName: string, backupCount: number) {
  expect(await customerNamed(customerName)).not.toBeNull();
  expect((await admin.get('/admin/backups')).status).toBe(200);
  expect(backups()).toHaveLength(backupCount);
  expect(backups().some((b) => b.kind === 'safety')).toBe(false);
}

describe('rights', () => {
  test('everyone but the administrator gets 403 on every backup route', async () => {
    const backup = await backUpNow();
    for (const username of ['manager', 'sales1', 'boss']) {
      const session = await login(t.app, username);
      const urls = ['', '/download', '/restore', '/delete'].map((tail) => (tail ? `/admin/backups/${backup.name}${tail}` : '/admin/backups'));
      for (const url of urls) {
        expect([url, (await session.get(url)).status]).toEqual([url, 403]);
      }
      expect((await session.post('/admin/backups')).status).toBe(403);
      expect((await session.post(`/admin/backups/${backup.name}/restore`)).status).toBe(403);
      expect((await session.post(`/admin/backups/${backup.name}/delete`)).status).toBe(403);
      expect((await upload(session, fs.readFileSync(fileOf(backup.name)))).status).toBe(403);
    }
    expect(backups()).toHaveLength(1);
    fs.rmSync(fileOf(backup.name));
    fs.rmSync(fileOf(backup.name) + '.json');
  });

  test('without a valid CSRF token no backup is made and nothing is restored', async () => {
    for (const token of [{ _csrf: 'forged' }, {}]) {
      expect((await admin.agent.post('/admin/backups').type('form').send(token)).status).toBe(403);
    }
    expect(backups()).toHaveLength(0);
    const backup = await backUpNow();
    await createCustomer(t.db, { name: '令牌测试公司' });
    expect((await admin.agent.post(`/admin/backups/${backup.name}/restore`).type('form').send({ _csrf: 'forged' })).status).toBe(403);
    const forgedUpload = await admin.agent.post('/admin/backups/upload').field('_csrf', 'forged').attach('file', fileOf(backup.name));
    expect(forgedUpload.status).toBe(403);
    await expectNothingChanged('令牌测试公司', 1);
    fs.rmSync(fileOf(backup.name));
    fs.rmSync(fileOf(backup.name) + '.json');
  });
});

describe('backups', () => {
  test('立即备份 makes a consistent copy while the app runs: listed with time, size and maker, downloadable, audited', async () => {
    await createCustomer(t.db, { name: '备份内容公司' });
    const backup = await backUpNow();
    expect(backup).toMatchObject({ kind: 'manual', by: { id: staff.admin.id, username: 'admin' } });
    const list = (await admin.get('/admin/backups')).text;
    for (const text of [backup.name, '手动', '系统管理员（admin）', 'KB', '立即备份', '上传备份文件']) expect(list).toContain(text);
    const download = await admin.get(`/admin/backups/${backup.name}/download`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain(backup.name);
    const body = download.body as Buffer;
    expect(body.subarray(0, 15).toString()).toBe('SQLite format 3');
    const copy = new Database(fileOf(backup.name), { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM Customer WHERE name = ?').get('备份内容公司')).toEqual({ n: 1 });
    copy.close();
    const audit = await t.db.auditEntry.findMany({ where: { entity: 'Backup', entityId: backup.name } });
    expect(audit).toEqual([expect.objectContaining({ action: 'backup', userId: staff.admin.id })]);
    expect((await admin.get('/admin/backups/crm-..%2F..%2Fetc/download')).status).toBe(404);
    expect((await admin.get('/admin/backups/nothing.db/download')).status).toBe(404);
  });

  test('a backup is deleted after 确认删除?, audited', async () => {
    const backup = await backUpNow();
    const confirm = (await admin.get(`/admin/backups/${backup.name}/delete`)).text;
    expect(confirm).toContain('确认删除?');
    expect(confirm).toContain(backup.name);
    expect(await follow(admin, await admin.post(`/admin/backups/${backup.name}/delete`))).toContain('删除成功');
    expect(backups().some((b) => b.name === backup.name)).toBe(false);
    expect(fs.existsSync(fileOf(backup.name) + '.json')).toBe(false);
    const audit = await t.db.auditEntry.findMany({ where: { entity: 'Backup', entityId: backup.name, action: 'delete' } });
    expect(audit).toEqual([expect.objectContaining({ userId: staff.admin.id })]);
    expect((await admin.post(`/admin/backups/${backup.name}/delete`)).status).toBe(404);
  });

  test('the daily backup keeps the newest N daily ones, leaves the others, and runs once per slot', async () => {
    const manual = backups().length;
    const config = { ...t.config, backupKeep: 2 };
    const start = new Date();
    start.setSeconds(0, 0);
    const at = (minute: number) => new Date(start.getTime() + minute * 60_000);
    for (const minute of [30, 31, 32]) expect(await runDailyBackup(t.db, config, at(minute))).toContain('定时备份完成');
    expect(await runDailyBackup(t.db, config, at(32))).toContain('已由其他进程完成');
    const daily = backups().filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(2);
    expect(daily.every((b) => b.by === null)).toBe(true);
    expect(backups()).toHaveLength(manual + 2);
    expect((await admin.get('/admin/backups')).text).toContain('定时');
    for (const b of daily) {
      fs.rmSync(fileOf(b.name));
      fs.rmSync(fileOf(b.name) + '.json');
    }
  });
});

describe('restore', () => {
  test('the confirmation names the backup time; the restore brings the old data back, a safety backup first, everyone logged out', async () => {
    await createCustomer(t.db, { name: '恢复前已有公司' });
    const backup = await backUpNow();
    await createCustomer(t.db, { name: '备份后新增公司' });
    await t.db.customer.updateMany({ where: { name: '恢复前已有公司' }, data: { name: '备份后改名公司' } });
    const manager = await login(t.app, 'manager');

    const confirm = (await admin.get(`/admin/backups/${backup.name}/restore`)).text;
    const time = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2})/.exec(confirm)![1];
    expect(confirm).toContain(`确认用 ${time} 的备份恢复数据库?`);
    expect(confirm).toContain('确认恢复');
    announced.mockClear();
    const res = await admin.post(`/admin/backups/${backup.name}/restore`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`数据库已恢复为 ${time} 的备份`);
    expect(res.text).toContain('href="/login" target="_top"');
    expect(announced).toHaveBeenCalledTimes(1);

    expect(await customerNamed('恢复前已有公司')).not.toBeNull();
    expect(await customerNamed('备份后新增公司')).toBeNull();
    expect(await customerNamed('备份后改名公司')).toBeNull();
    for (const session of [admin, manager]) {
      const after = await session.get('/customers');
      expect([after.status, after.headers.location]).toEqual([302, '/login']);
    }
    expect(await t.db.session.count()).toBe(0);

    const safety = backups().find((b) => b.kind === 'safety')!;
    expect(safety.by?.username).toBe('admin');
    const old = new Database(fileOf(safety.name), { readonly: true });
    expect(old.prepare('SELECT count(*) AS n FROM Customer WHERE name = ?').get('备份后新增公司')).toEqual({ n: 1 });
    old.close();
    const audit = await t.db.auditEntry.findMany({ where: { entity: 'Backup', action: 'restore' } });
    expect(audit).toEqual([expect.objectContaining({ entityId: backup.name, userId: staff.admin.id })]);
    expect(JSON.parse(audit[0].after!)).toMatchObject({ safetyBackup: safety.name, restoredBy: 'admin' });

    // The application keeps serving on the restored database.
    admin = await login(t.app, 'admin');
    expect((await (await login(t.app, 'manager')).get('/customers?name=恢复前已有公司')).text).toContain('恢复前已有公司');
    fs.rmSync(fileOf(safety.name));
    fs.rmSync(fileOf(safety.name) + '.json');
  });

  test('an older backup is brought up to date: its pending migration applied on restore', async () => {
    const backup = await backUpNow();
    const file = new Database(fileOf(backup.name));
    // As the database was before Role.rightsVersion existed.
    file.exec(`
      PRAGMA foreign_keys=OFF;
      CREATE TABLE "old_Role" ("code" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
      INSERT INTO "old_Role" SELECT "code", "name" FROM "Role";
      DROP TABLE "Role";
      ALTER TABLE "old_Role" RENAME TO "Role";
      DELETE FROM "_prisma_migrations" WHERE migration_name = '20261201045009_role_rights_version';
    `);
    file.close();
    const res = await admin.post(`/admin/backups/${backup.name}/restore`);
    expect(announced).toHaveBeenCalledTimes(2);
    expect(res.text).toContain('该备份已升级到当前版本（20261201045009_role_rights_version）');
    expect((await t.db.role.findUniqueOrThrow({ where: { code: 'admin' } })).rightsVersion).toBe(0);
    admin = await login(t.app, 'admin');
    expect((await admin.get('/admin/backups')).status).toBe(200);
  });

  test('customers of a backup without name pieces (an older version) are found by part of their name after the restore', async () => {
    await createCustomer(t.db, { name: '备份里的星辰有限公司' });
    const backup = await backUpNow();
    const file = new Database(fileOf(backup.name));
    file.exec('DELETE FROM "CustomerNamePiece"');
    file.close();
    expect((await admin.post(`/admin/backups/${backup.name}/restore`)).text).toContain('数据库已恢复');
    admin = await login(t.app, 'admin');
    const manager = await login(t.app, 'manager');
    expect((await manager.get(`/customers?name=${encodeURIComponent('星辰')}`)).text).toContain('<td>备份里的星辰有限公司</td>');
  });

  test('a file that is not a database of this application is refused at upload: clear message, nothing changes', async () => {
    await createCustomer(t.db, { name: '坏文件测试公司' });
    for (const b of backups()) {
      fs.rmSync(fileOf(b.name));
      fs.rmSync(fileOf(b.name) + '.json', { force: true });
    }
    const other = path.join(path.dirname(t.config.backupDir), `other-${process.pid}.db`);
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (1);');
    foreign.close();
    const cases: [Buffer | string, string][] = [
      ['这不是数据库', '不是 SQLite 数据库文件'],
      ['', '文件为空'],
      [fs.readFileSync(other), '不是本系统的数据库'],
      [Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]), '该文件不能用于恢复'],
    ];
    for (const [content, message] of cases) {
      const res = await upload(admin, content);
      expect(res.headers.location).toBe('/admin/backups');
      expect([message, await follow(admin, res)]).toEqual([message, expect.stringContaining(message)]);
    }
    const noFile = await admin.agent.post('/admin/backups/upload').field('_csrf', admin.csrf);
    expect(await follow(admin, noFile)).toContain('请选择要上传的备份文件');
    await expectNothingChanged('坏文件测试公司', 0);
    expect(fs.readdirSync(path.join(t.config.backupDir, 'incoming'))).toEqual([]);
  });

  test('a listed backup that was damaged, or one of a newer version, is refused at restore: nothing changes', async () => {
    const damaged = await backUpNow();
    const newer = await backUpNow();
    await createCustomer(t.db, { name: '坏备份测试公司' });
    const bytes = fs.readFileSync(fileOf(damaged.name));
    bytes.fill(0x41, 100, bytes.length);
    fs.writeFileSync(fileOf(damaged.name), bytes);
    const file = new Database(fileOf(newer.name));
    file.prepare("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'x', '29990101000000_future', 0, 1, 1)").run();
    file.close();
    const refused = [
      [damaged.name, '该文件不能用于恢复'],
      [newer.name, '它来自更新版本的系统（含本版本没有的数据库升级 29990101000000_future）'],
    ];
    announced.mockClear();
    for (const [name, message] of refused) {
      const res = await admin.post(`/admin/backups/${name}/restore`);
      expect(await follow(admin, res)).toContain(message);
    }
    expect(announced).not.toHaveBeenCalled();
    await expectNothingChanged('坏备份测试公司', 2);
    expect((await admin.post('/admin/backups/crm-20260101T000000Z-manual-000000.db/restore')).status).toBe(404);
  });

  test('an uploaded valid backup is listed and leads to the confirmation; two restores at once cannot interleave', async () => {
    await createCustomer(t.db, { name: '上传前公司' });
    const made = await backUpNow();
    const content = fs.readFileSync(fileOf(made.name));
    await createCustomer(t.db, { name: '上传后公司' });
    const res = await upload(admin, content, '我的备份.db');
    const stored = backups().find((b) => b.kind === 'upload')!;
    expect(res.headers.location).toBe(`/admin/backups/${stored.name}/restore`);
    const confirm = await follow(admin, res);
    expect(confirm).toContain('上传成功');
    expect(confirm).toContain('确认恢复');
    expect(stored).toMatchObject({ originalName: '我的备份.db', by: { username: 'admin' } });
    expect((await admin.get('/admin/backups')).text).toContain('原文件：我的备份.db');

    const second = await login(t.app, 'admin');
    const [a, b] = await Promise.all([
      request(t.app).post(`/admin/backups/${stored.name}/restore`).set('Cookie', cookieOf(admin)).type('form').send({ _csrf: admin.csrf }),
      request(t.app).post(`/admin/backups/${made.name}/restore`).set('Cookie', cookieOf(second)).type('form').send({ _csrf: second.csrf }),
    ]);
    const restored = [a, b].filter((r) => r.status === 200 && r.text.includes('数据库已恢复'));
    expect(restored).toHaveLength(1);
    expect(backups().filter((x) => x.kind === 'safety')).toHaveLength(1);
    expect(await customerNamed('上传前公司')).not.toBeNull();
    expect(await customerNamed('上传后公司')).toBeNull();
    admin = await login(t.app, 'admin');
  });
});

describe('on SQL Server', () => {
  test('the page points to SQL Server’s own tools and offers nothing that changes data', async () => {
    const sqlServer = startTestApp({ databaseUrl: 'sqlserver://db.example.local:1433;database=crm' });
    try {
      await createStaff(sqlServer.db);
      const session = await login(sqlServer.app, 'admin');
      const res = await session.get('/admin/backups');
      expect(res.text).toContain('BACKUP DATABASE crm');
      expect(res.text).not.toContain('立即备份');
      expect(res.text).not.toContain('type="file"');
      expect(await follow(session, await session.post('/admin/backups'))).toContain('请用 SQL Server 自己的备份工具');
    } finally {
      await sqlServer.close();
    }
  });
});

function cookieOf(session: LoggedIn): string {
  const cookies = session.agent.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false });
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
