// 定时任务 (administration): the churn-warning job's run history and 立即运行.
import { Router } from 'express';
import type { Config } from '../src/config';
import type { DatabaseKind, Db } from '../src/db/client';
import { currentUser, requireRight } from '../src/auth/middleware';
import { flash, page } from '../src/http/page';
import { paged, pageNumber } from '../src/shared/paging';
import type { OrderSource } from '../src/orders/order-source';
import { CHURN_AFTER_MONTHS } from '../src/churn/churn-rule';
import {
  CHURN_JOB_NAME,
  churnJobRuns,
  countChurnJobRuns,
  describeOutcome,
  runChurnWarningJob,
  TRIGGER_NAMES,
} from './churn-warnings';

export function jobRoutes({
  db,
  config,
  orderSource,
  databaseKind,
}: {
  db: Db;
  config: Config;
  orderSource: OrderSource;
  databaseKind: DatabaseKind;
}): Router {
  const router = Router();

  router.get('/admin/jobs', requireRight('run', 'job'), async (req, res) => {
    const result = await paged(pageNumber(req.query.page), () => countChurnJobRuns(db), (window) => churnJobRuns(db, window));
    await page(res, 'admin/jobs', {
      title: '定时任务',
      jobName: CHURN_JOB_NAME,
      months: CHURN_AFTER_MONTHS,
      schedule: { enabled: config.churnJobEnabled, cron: config.churnJobSchedule, timezone: config.churnJobTimezone },
      triggerNames: TRIGGER_NAMES,
      result,
      query: req.query,
    });
  });

  router.post('/admin/jobs/churn-warnings/run', requireRight('run', 'job'), async (req, res) => {
    const user = currentUser(req);
    const outcome = await runChurnWarningJob({
      db,
      orderSource,
      trigger: 'manual',
      actorId: user.id,
      timeZone: config.churnJobTimezone,
      dialect: databaseKind,
    });
    req.log.info({ job: CHURN_JOB_NAME, outcome: outcome.outcome, userId: user.id }, describeOutcome(outcome));
    flash(req, describeOutcome(outcome), outcome.outcome === 'finished' ? 'success' : 'error');
    res.redirect('/admin/jobs');
  });

  return router;
}
