// GET /healthz: whether the database answers, for load balancers and monitoring.
import { Router } from 'express';
import type { Db } from '../db/client';

export function healthRoutes(db: Db): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const started = Date.now();
    try {
      await db.$queryRawUnsafe('SELECT 1');
      res.json({ status: 'ok', database: { status: 'up', ms: Date.now() - started } });
    } catch {
      res.status(503).json({ status: 'error', database: { status: 'down' } });
    }
  });
  return router;
}
