// Makes the migrated template database that every test file of this run copies
// (in a folder of its own, so that several runs may go on at once). It uses the
// compiled schema engine: npm test builds first.
const fs = require('fs');
const path = require('path');

module.exports = async function globalSetup() {
  const dist = path.resolve(__dirname, '../../dist/src/db');
  if (!fs.existsSync(path.join(dist, 'schema-engine.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does) before jest');
  }
  const { applyMigrations } = require(path.join(dist, 'schema-engine.js'));
  const { createDb } = require(path.join(dist, 'client.js'));
  const { ensureReferenceData } = require(path.join(dist, 'reference-data.js'));
  const dir = path.resolve(__dirname, '../.tmp', `run-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const template = path.join(dir, 'template.db');
  await applyMigrations(template);
  const db = createDb(`file:${template}`);
  await ensureReferenceData(db);
  await db.$disconnect();
  process.env.CRM_TEST_DIR = dir;
};
