// Each request gets an id (X-Request-Id, taken from a proxy or made here) and a
// child logger, req.log, that stamps it on every line. With LOG_REQUESTS (the
// default) one line per request: method, path, status, user and duration.
import crypto from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { Request } from 'express';
import type { Bindings } from 'pino';
import { pinoHttp } from 'pino-http';
import { logger } from '../shared/logger';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

export function requestLog(enabled: boolean) {
  return pinoHttp({
    // The logger set at start (server.ts sets it before it builds the application).
    logger,
    genReqId: requestId,
    autoLogging: enabled,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    // Nothing without a user: pino-http makes a child logger of whatever this gives, even {}, and
    // it asks once before the session is read (never a user then) and once for the request's line.
    customProps: (req) => {
      const userId = (req as Request).session?.userId;
      return (userId ? { userId } : undefined) as Bindings;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
    // The error itself, with its stack, is logged once by the error page (src/http/errors.ts).
    customErrorObject: (_req, _res, _err, val: Record<string, unknown>) => ({ res: val.res, durationMs: val.durationMs }),
  });
}
