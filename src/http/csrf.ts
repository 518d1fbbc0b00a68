// CSRF protection: one random token per session, sent back by every form in a
// hidden field named _csrf and checked on every state-changing request.
import crypto from 'crypto';
import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from '../shared/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfToken(req: Request): string {
  req.session.csrfToken ??= crypto.randomBytes(24).toString('base64url');
  return req.session.csrfToken;
}

function tokensMatch(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string' || given.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  if (!SAFE_METHODS.has(req.method)) {
    const given = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.get('x-csrf-token');
    if (!tokensMatch(req.session.csrfToken, given)) {
      return next(new ForbiddenError('页面已过期或来源无效，请刷新页面后重试'));
    }
  }
  // Made when a page first uses it: a redirect or a file touches no session.
  Object.defineProperty(res.locals, 'csrfToken', { get: () => csrfToken(req), enumerable: true, configurable: true });
  next();
}
