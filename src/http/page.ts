// Rendering for the main frame: a view rendered inside views/layout/main.ejs,
// flash messages kept in the session across a redirect, and the common
// "act, then redirect with a message" step of every workflow route.
import type { NextFunction, Request, Response } from 'express';
import { ConflictError, ValidationError } from '../shared/errors';

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

/**
 * A workflow step: run it, then redirect with the success message. When the
 * rule refuses (wrong status, someone acted first, bad input) the user is
 * sent back with the reason; nothing has been saved.
 */
export async function act(
  req: Request,
  res: Response,
  step: () => Promise<unknown>,
  { success, redirect, back }: { success: string; redirect: string; back?: string },
): Promise<void> {
  try {
    await step();
    flash(req, success);
    res.redirect(redirect);
  } catch (err) {
    if (!(err instanceof ConflictError || err instanceof ValidationError)) throw err;
    flash(req, err.message, 'error');
    res.redirect(back ?? redirect);
  }
}
