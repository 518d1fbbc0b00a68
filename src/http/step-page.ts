// The guard of a page or form that takes a step (its GET, and its POST before
// the form is read): the module's step guard (src/shared/step-guard.ts) on the
// record of the path. Unknown 404, not the user's 403; the user's, but not (or
// no longer) in a status that allows the step: back to where they came from,
// with the reason.
import type { Request, Response } from 'express';
import { currentUser } from '../auth/middleware';
import { ConflictError } from '../shared/errors';
import { checkStep, StepGuard } from '../shared/step-guard';
import { flash } from './page';

/** The record when the user may take the step on it now; else null, once the user is sent `back`. */
export function recordForStepPage<R extends B, B extends { status: string }, A extends string, S extends string>(
  req: Request,
  res: Response,
  guard: StepGuard<B, A, S>,
  record: R | null | undefined,
  step: A,
  back: string,
): R | null {
  try {
    return checkStep(guard, record, currentUser(req), step).record;
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    flash(req, err.message, 'error');
    res.redirect(back);
    return null;
  }
}
