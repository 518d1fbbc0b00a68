// Error pages in Chinese inside the layout. Nothing of a stack trace reaches the
// browser; unexpected errors are logged on the server.
import type { NextFunction, Request, Response } from 'express';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { page } from './page';
import { logger } from '../shared/logger';

export function notFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new NotFoundError('您访问的页面不存在'));
}

function statusOf(err: unknown): number {
  if (err instanceof ValidationError) return 422;
  if (err instanceof ForbiddenError) return 403;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ConflictError) return 409;
  const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
  return status && status >= 400 && status < 500 ? status : 500;
}

function isAppError(err: unknown): err is Error {
  return (
    err instanceof ValidationError || err instanceof ForbiddenError || err instanceof NotFoundError || err instanceof ConflictError
  );
}

const GENERIC_MESSAGES: Record<number, string> = {
  400: '请求格式有误',
  403: '您没有执行此操作的权限',
  404: '您访问的页面不存在',
  413: '提交的内容过多或过大',
  500: '系统出现错误，请稍后再试或联系管理员',
};

const TITLES: Record<number, string> = {
  403: '没有权限',
  404: '页面不存在',
  409: '操作未完成',
  413: '提交的内容过大',
  422: '输入有误',
  500: '系统错误',
};

// Express recognises error handlers by their four parameters.
export function errorPage(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const status = statusOf(err);
  // The stack goes to the log (with the request id and the user), never to the page.
  if (status === 500) (req.log ?? logger).error({ err, userId: req.session?.userId }, '请求处理出错');
  // Only our own errors carry a message written for the user; a library's (the
  // body parser's "request entity too large" …) is replaced by one in Chinese.
  const message = isAppError(err) ? err.message : (GENERIC_MESSAGES[status] ?? GENERIC_MESSAGES[400]);
  if (res.headersSent) return;
  if (req.accepts(['html', 'json']) === 'json') {
    res.status(status).json({ error: message });
    return;
  }
  page(res, 'errors/error', { title: TITLES[status] ?? '出错了', status, message }, status).catch((renderErr) => {
    (req.log ?? logger).error({ err: renderErr }, '错误页面未能显示');
    if (!res.headersSent) res.status(status).type('text').send(message);
  });
}
