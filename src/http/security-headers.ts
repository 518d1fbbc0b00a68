// Security headers (helmet): pages may be framed by our own frameset and
// nothing else. Nothing that IE11 or plain HTTP on the office LAN cannot take:
// no HSTS, no upgrade-insecure-requests, no cross-origin embedder policy.
// Pages are never cached (they show one user's data); static files are, see
// staticFiles below.
import path from 'path';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';

export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // The server-drawn charts (ECharts SVG) style their text with style attributes.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameSrc: ["'self'"],
      frameAncestors: ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  referrerPolicy: { policy: 'same-origin' },
  strictTransportSecurity: false,
  xFrameOptions: { action: 'sameorigin' },
});

export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store');
  next();
}

/** A year: a versioned URL (asset() in view-helpers.ts) changes whenever its file does. */
const VERSIONED_MAX_AGE_S = 365 * 24 * 60 * 60;

/**
 * public/ (css, js, img). A URL with ?v= is cached for good; without it the
 * browser asks again each time (and gets 304 Not Modified while unchanged).
 */
export function staticFiles(root: string) {
  const assets = express.static(path.join(root, 'public'), {
    setHeaders(res) {
      const versioned = typeof (res.req as Request).query?.v === 'string';
      res.setHeader('Cache-Control', versioned ? `public, max-age=${VERSIONED_MAX_AGE_S}, immutable` : 'no-cache');
    },
  });
  // Only the asset folders: looking every page's path up on disk first costs each request a file lookup.
  return (req: Request, res: Response, next: NextFunction) => (/^\/(css|js|img)\//.test(req.path) ? assets(req, res, next) : next());
}
