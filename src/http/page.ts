// Rendering for the main frame: a view rendered inside views/layout/main.ejs,
// flash messages kept in the session across a redirect, and the common
// "act, then redirect with a message" step of every workflow route.
import type { NextFunction, Request, Response } from 'express';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { strictWholeNumber } from '../shared/form';

export function flash(req: Request, text: string, type: 'success' | 'error' = 'success'): void {
  req.session.flash = { type, text };
}

/** Moves the session's flash message into the page being rendered. */
export function takeFlash(req: Request, res: Response, next: NextFunction): void {
  if (req.session?.flash) {
    res.locals.flash = req.session.flash;
    delete req.session.flash;
  }
  next();
}

export interface PageLocals {
  title: string;
  [key: string]: unknown;
}

/** Renders a view of the main frame inside the layout. */
export function page(res: Response, view: string, locals: PageLocals, status = 200): Promise<void> {
  const all = { ...res.locals, errors: {}, values: {}, ...locals };
  return new Promise((resolve, reject) => {
    res.app.render(view, all, (err, body) => {
      if (err) return reject(err);
      res.app.render('layout/main', { ...all, body }, (layoutErr, html) => {
        if (layoutErr) return reject(layoutErr);
        res.status(status).type('html').send(html);
        resolve();
      });
    });
  });
}

/** The render function of one module's views (views/<folder>/), with the locals they all use. */
export function moduleViews(folder: string, shared: Record<string, unknown> = {}) {
  return (res: Response, view: string, locals: PageLocals, status = 200): Promise<void> =>
    page(res, `${folder}/${view}`, { ...shared, ...locals }, status);
}

/** A record id from the path; anything but a positive whole number is the missing record. */
export function pathId(value: unknown, missing: string): number {
  const id = strictWholeNumber(value);
  if (id === null) throw new NotFoundError(missing);
  return id;
}

/** Bad input: the message, each field's error, and the entered values, for the form shown again. */
export function invalid(error: ValidationError, values: unknown) {
  return { error: error.message, errors: error.fieldErrors, values: values ?? {} };
}

/**
 * A workflow step: run it, then redirect with the success message. When the
 * rule refuses (wrong status, someone acted first, bad input) the user is
 * sent back with the reason — or, for bad input, shown the form again by
 * `invalid` — and nothing has been saved.
 */
export async function act<T>(
  req: Request,
  res: Response,
  step: () => Promise<T>,
  options: {
    success: string | ((result: T) => string);
    invalid?: (error: ValidationError) => Promise<void>;
    // A redirect that depends on the result needs a `back` for a refusal.
  } & ({ redirect: string; back?: string } | { redirect: (result: T) => string; back: string }),
): Promise<void> {
  let result: T;
  try {
    result = await step();
  } catch (err) {
    if (err instanceof ValidationError && options.invalid) return options.invalid(err);
    if (!(err instanceof ConflictError || err instanceof ValidationError)) throw err;
    flash(req, err.message, 'error');
    // Without `back` the redirect is a plain path (the options' type says so).
    return res.redirect(options.back ?? (options.redirect as string));
  }
  flash(req, typeof options.success === 'function' ? options.success(result) : options.success);
  res.redirect(typeof options.redirect === 'function' ? options.redirect(result) : options.redirect);
}
