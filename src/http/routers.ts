// Mounting the modules' routers. Express's router hands a request it has no
// route for to the next one in a later turn of the event loop (setImmediate):
// a request for the last module's page waited some twenty turns behind every
// other request in flight before it was answered (under load 客户信息管理 and
// the reports took 4× as long as the first module's pages, for no work of
// their own). A router is therefore entered only by requests whose path starts
// as one of its routes' paths does, told from its routes themselves.
import type { NextFunction, Request, RequestHandler, Response } from 'express';

interface Layer {
  route?: { path: unknown };
  handle: unknown;
  /** the path given to router.use() ('/' when none) */
  rawPath?: unknown;
}

interface RouterLike {
  (req: Request, res: Response, next: NextFunction): void;
  stack: Layer[];
}

/** The first segment of a route's path, in lower case (Express matches paths regardless of case); null when it is not plain text. */
function firstSegment(path: unknown): string | null {
  if (typeof path !== 'string' || !path.startsWith('/')) return null;
  const segment = path.slice(1).split('/')[0];
  return /[^\w.~-]/.test(segment) ? null : segment.toLowerCase();
}

function isRouter(handle: unknown): handle is RouterLike {
  return typeof handle === 'function' && Array.isArray((handle as Partial<RouterLike>).stack);
}

/**
 * The first path segments with which a request can reach one of the router's routes (its nested
 * routers' too); null when any path may reach something: a middleware every request passes, or
 * a route whose first segment is a parameter or pattern.
 */
export function firstSegments(router: RouterLike): Set<string> | null {
  const segments = new Set<string>();
  for (const layer of router.stack) {
    const reached = segmentsOf(layer);
    if (!reached) return null;
    for (const segment of reached) segments.add(segment);
  }
  return segments;
}

/** The first segments one layer of a router answers: a route's, a nested router's, a path given to use(); null: any. */
function segmentsOf(layer: Layer): Iterable<string> | null {
  if (layer.route) return single(firstSegment(layer.route.path));
  if (layer.rawPath !== '/') return single(firstSegment(layer.rawPath));
  return isRouter(layer.handle) ? firstSegments(layer.handle) : null;
}

function single(segment: string | null): string[] | null {
  return segment === null ? null : [segment];
}

const FIRST_SEGMENT = Symbol('first path segment');

/** The request's first path segment in lower case, worked out once for all the routers it passes (at the application's level, where its path stays the same). */
function firstSegmentOf(req: Request & { [FIRST_SEGMENT]?: string }): string {
  return (req[FIRST_SEGMENT] ??= req.path.slice(1).split('/')[0].toLowerCase());
}

/**
 * The router, entered only by requests whose path's first segment one of its routes has. It
 * shows the router's routes as its own (`stack`), for whatever reads the application's routes.
 */
export function onItsPaths(router: RouterLike): RequestHandler {
  const segments = firstSegments(router);
  if (!segments) return router;
  const entered = (req: Request, res: Response, next: NextFunction) => (segments.has(firstSegmentOf(req)) ? router(req, res, next) : next());
  return Object.assign(entered, { stack: router.stack });
}
