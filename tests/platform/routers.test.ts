// Mounting a module's router (src/http/routers.ts): entered only by requests whose
// path starts as one of its routes' does, so that others go on at once instead of in
// a later turn of the event loop; a router that any path may reach is entered by all.
import express, { Router } from 'express';
import request from 'supertest';
import { firstSegments, onItsPaths } from '../../src/http/routers';

const noop = (_req: express.Request, res: express.Response) => res.send('ok');

function nested(): Router {
  const inner = Router();
  inner.get('/customers/:id/contacts', noop);
  const router = Router();
  router.get('/customers', noop);
  router.post('/Plans/:id/execute', noop);
  router.use(inner);
  router.use('/stock', Router().get('/', noop));
  return router;
}

test('the first segments of its routes, its nested routers’ and its mounted paths, in lower case', () => {
  expect([...firstSegments(nested())!].sort()).toEqual(['customers', 'plans', 'stock']);
  const frames = Router();
  frames.get('/', noop);
  frames.get('/top', noop);
  expect([...firstSegments(frames)!].sort()).toEqual(['', 'top']);
});

test('a router any path may reach has none: a middleware every request passes, a parameter or pattern first', () => {
  const guarded = Router();
  guarded.use((_req, _res, next) => next());
  guarded.get('/customers', noop);
  expect(firstSegments(guarded)).toBeNull();
  expect(firstSegments(Router().get('/:page', noop))).toBeNull();
  expect(firstSegments(Router().get('/*splat', noop))).toBeNull();
  const inner = Router();
  inner.use((_req, _res, next) => next());
  expect(firstSegments(Router().use(inner))).toBeNull();
});

test('requests on its paths reach its routes (any case, as Express matches); others pass it by without entering it', async () => {
  const entered: string[] = [];
  const router = nested();
  const app = express();
  const mounted = onItsPaths(Object.assign((req: express.Request, res: express.Response, next: express.NextFunction) => (entered.push(req.path), router(req, res, next)), { stack: router.stack }));
  app.use(mounted);
  app.use((_req, res) => res.status(404).send('none'));
  expect((await request(app).get('/customers')).text).toBe('ok');
  expect((await request(app).get('/CUSTOMERS/7/contacts')).text).toBe('ok');
  expect((await request(app).post('/plans/3/execute')).text).toBe('ok');
  expect((await request(app).get('/stock')).text).toBe('ok');
  expect((await request(app).get('/customersx')).status).toBe(404);
  expect((await request(app).get('/reports/churn')).status).toBe(404);
  expect(entered).toEqual(['/customers', '/CUSTOMERS/7/contacts', '/plans/3/execute', '/stock']);
  expect((mounted as unknown as { stack: unknown }).stack).toBe(router.stack);
});
