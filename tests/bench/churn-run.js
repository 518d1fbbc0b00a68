// Times the weekly churn-warning job on a database, in a process of its own so
// that its peak memory is its own, or — with `raw` — one aggregate query doing
// the same selection, the yardstick the job is read against. Prints one JSON line.
//   DATABASE_URL=file:… node tests/bench/churn-run.js job|raw
'use strict';
const path = require('path');

const dist = (file) => path.resolve(__dirname, '../../dist', file);
const SIX_MONTHS_MS = 182 * 86_400_000;

async function job() {
  const { loadConfig } = require(dist('src/config'));
  const { createDb } = require(dist('src/db/client'));
  const { createOrderSource } = require(dist('src/orders/create-order-source'));
  const { runChurnWarningJob } = require(dist('jobs/churn-warnings'));
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  started = process.hrtime.bigint();
  try {
    const result = await runChurnWarningJob({ db, orderSource: createOrderSource(config, db), trigger: 'cli' });
    if (result.outcome !== 'finished') throw new Error(JSON.stringify(result));
    return { checked: result.run.checked, added: result.run.added };
  } finally {
    await db.$disconnect();
  }
}

function raw() {
  const Database = require('better-sqlite3');
  const db = new Database(process.env.DATABASE_URL.replace(/^file:/, ''), { readonly: true });
  const cutoff = new Date(Date.now() - SIX_MONTHS_MS).toISOString().slice(0, 10);
  const rows = db
    .prepare(
      `SELECT c.id, c.accountManagerId, o.last
         FROM Customer c
         LEFT JOIN (SELECT customerId, max(date) AS last FROM "Order" WHERE status IN (5, 6) GROUP BY customerId) o ON o.customerId = c.id
        WHERE c.status = 'normal'
          AND substr(coalesce(o.last, c.createdAt), 1, 10) < ?
          AND NOT EXISTS (SELECT 1 FROM ChurnWarning w WHERE w.customerId = c.id AND w.status IN ('warning', 'deferred'))`,
    )
    .all(cutoff);
  db.close();
  return { selected: rows.length };
}

/**
 * This process's peak resident memory. VmHWM belongs to the process's own memory;
 * getrusage's maxRSS, on Linux, keeps the peak of the process that started it
 * (the benchmark, a few hundred MB) across exec.
 */
function peakMb() {
  try {
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]) / 1024);
  } catch {
    return Math.round(process.resourceUsage().maxRSS / 1024);
  }
}

// Timed from after loading the application's modules: the job's own work.
let started = process.hrtime.bigint();
Promise.resolve(process.argv[2] === 'raw' ? raw() : job()).then(
  (result) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(JSON.stringify({ ...result, ms: Math.round(ms), peakMb: peakMb() }));
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
