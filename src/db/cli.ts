// Database commands:
//   migrate                       bring the embedded database (DATABASE_URL) up to date
//   migration <name>              write a migration for changes to prisma/schema.prisma
//   create-admin <user> <name>    create an administrator (reads the password from CRM_ADMIN_PASSWORD);
//                                 also adds the roles, rights and dictionary a new database needs
import os from 'os';
import path from 'path';
import fs from 'fs';
import { loadConfig } from '../config';
import { createDb, databaseKind } from './client';
import { prepareEmbeddedDatabase } from './prepare';
import { createMigration, MIGRATIONS_DIR } from './schema-engine';
import { ensureReferenceData } from './reference-data';
import { passwordProblem } from '../users/password-rules';
import { hashPassword } from '../auth/users';

async function run(command: string | undefined, args: string[]): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const result = await prepareEmbeddedDatabase(config.databaseUrl, { demoData: config.demoData });
      if (result.copiedTo) console.log(`升级前的数据库已备份到 ${result.copiedTo}`);
      console.log(result.applied.length ? `已应用迁移：${result.applied.join(', ')}` : '数据库已是最新');
      return;
    }
    case 'migration': {
      const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-'));
      const name = await createMigration(path.join(scratchDir, 'scratch.db'), args[0] ?? 'change').finally(() =>
        fs.rmSync(scratchDir, { recursive: true, force: true }),
      );
      if (!name) return console.log('no schema change: nothing written');
      console.log(`written prisma/sqlite/migrations/${name}`);
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
      // Every start applies it (after copying the database aside): say so before it is committed.
      if (/\bDROP\s+(TABLE|COLUMN)\b|\bINSERT INTO "new_/i.test(sql)) {
        console.warn('WARNING: this migration drops or rebuilds tables; read migration.sql for data it could lose before committing it');
      }
      return;
    }
    case 'create-admin': {
      const [username, name = '系统管理员'] = args;
      const password = process.env.CRM_ADMIN_PASSWORD;
      const usage = 'CRM_ADMIN_PASSWORD=<至少 8 个字符、含字母和数字的密码> npm run create-admin -- <用户名> [姓名]';
      if (!username || !password) throw new Error(`用法：${usage}`);
      // The same rules as a password set at 用户管理.
      const problem = passwordProblem(username, password);
      if (problem) throw new Error(`${problem}。用法：${usage}`);
      if (databaseKind(config.databaseUrl) === 'sqlite') {
        await prepareEmbeddedDatabase(config.databaseUrl, { demoData: false });
      }
      const db = createDb(config.databaseUrl);
      try {
        await ensureReferenceData(db);
        if (await db.user.findUnique({ where: { username } })) throw new Error(`用户名 ${username} 已存在`);
        await db.user.create({ data: { username, name, roleCode: 'admin', passwordHash: await hashPassword(password) } });
        console.log(`已创建系统管理员 ${username}`);
      } finally {
        await db.$disconnect();
      }
      return;
    }
    default:
      throw new Error('usage: node dist/src/db/cli.js migrate | migration <name> | create-admin <username> [name]');
  }
}

run(process.argv[2], process.argv.slice(3)).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
