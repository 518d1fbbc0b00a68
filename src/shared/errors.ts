// Errors that domain functions throw and the HTTP layer turns into pages.
// Their messages are written for the user, in Chinese.

/** Bad input: nothing was saved. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** The user may not do this (403). */
export class ForbiddenError extends Error {
  constructor(message = '您没有执行此操作的权限') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The record does not exist (404). */
export class NotFoundError extends Error {
  constructor(message = '您要找的记录不存在') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The record is no longer in a status that allows this (409): someone else acted first. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Prisma's "unique constraint failed" (P2002). */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'P2002';
}

/**
 * Runs an upsert-like write once more when it lost a race to insert the same
 * row: on SQL Server Prisma's upsert reads, then inserts, so two requests at
 * the same moment may both insert. The second try finds the row and updates it.
 */
export function retryOnUniqueViolation<T>(write: () => Promise<T>): Promise<T> {
  return write().catch((err: unknown) => {
    if (isUniqueViolation(err)) return write();
    throw err;
  });
}
