// Removes this run's databases.
const fs = require('fs');

module.exports = async function globalTeardown() {
  if (process.env.CRM_TEST_DIR) fs.rmSync(process.env.CRM_TEST_DIR, { recursive: true, force: true });
};
