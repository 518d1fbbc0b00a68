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
import { createMigration } from './schema-engine';
import { ensureReferenceData } from './reference-data';
import { hashPassword } from '../auth/users';

async function run(command: string | undefined, args: string[]): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const result = await prepareEmbeddedDatabase(config.databaseUrl, { demoData: config.demoData });
      console.log(result.applied.length ? `applied: ${result.applied.join(', ')}` : 'database is up to date');
      return;
    }
    case 'migration': {
      const scratch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-')), 'scratch.db');
      const name = await createMigration(scratch, args[0] ?? 'change');
      console.log(name ? `written prisma/sqlite/migrations/${name}` : 'no schema change: nothing written');
      return;
    }
    case 'create-admin': {
      const [username, name = '系统管理员'] = args;
      const password = process.env.CRM_ADMIN_PASSWORD;
      if (!username || !password || password.length < 8) {
        throw new Error('usage: CRM_ADMIN_PASSWORD=<at least 8 characters> npm run create-admin -- <username> [name]');
      }
      if (databaseKind(config.databaseUrl) === 'sqlite') {
        await prepareEmbeddedDatabase(config.databaseUrl, { demoData: false });
      }
      const db = createDb(config.databaseUrl);
      try {
        await ensureReferenceData(db);
        await db.user.create({ data: { username, name, roleCode: 'admin', passwordHash: await hashPassword(password) } });
        console.log(`administrator ${username} created`);
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
