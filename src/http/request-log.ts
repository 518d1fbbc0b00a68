// One line per request: method, path, status and time taken.
import type { NextFunction, Request, Response } from 'express';

export function requestLog(enabled: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!enabled) return next();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const user = req.session?.userId ?? '-';
      console.log(`${new Date().toISOString()} ${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms user=${user}`);
    });
    next();
  };
}
