// An instance on the embedded database and the CRM's own orders never loads the
// SQL Server client or the mssql driver, nor exceljs before an .xlsx export
// (tens of MB of memory per process each).
import { execFileSync } from 'child_process';
import path from 'path';

test('the application on the embedded database loads neither the SQL Server client nor mssql, nor exceljs at start', () => {
  const root = path.resolve(__dirname, '../..');
  const script = `
    const { createDb } = require('./dist/src/db/client');
    const { createApp } = require('./dist/src/app');
    const { loadConfig } = require('./dist/src/config');
    const db = createDb('file::memory:');
    createApp({ db, config: { ...loadConfig({}), databaseUrl: 'file::memory:' } });
    const loaded = Object.keys(require.cache);
    console.log(JSON.stringify({
      mssql: loaded.some((f) => /node_modules[\\\\/]mssql[\\\\/]/.test(f)),
      sqlserverClient: loaded.some((f) => /generated[\\\\/]sqlserver[\\\\/]/.test(f)),
      sqliteClient: loaded.some((f) => /generated[\\\\/]sqlite[\\\\/]/.test(f)),
      exceljs: loaded.some((f) => /node_modules[\\\\/]exceljs[\\\\/]/.test(f)),
    }));
  `;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ mssql: false, sqlserverClient: false, sqliteClient: true, exceljs: false });
});
