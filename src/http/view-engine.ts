// EJS as Express's view engine. Templates include each other from the views
// folder ('/partials/field'): EJS resolves such a path without asking the disk
// whether the file exists, as it does at every include of a relative path
// (a tenth of a list page's rendering). Templates are compiled without `with`
// (templates.ts) and kept while the app's 'view cache' is on.
import ejs from 'ejs';
import { forgetTemplates, useTemplatesOf } from './templates';

type Rendered = (err: Error | null, html?: string) => void;

/** What Express adds to the locals for its own use: no template reads them. */
const EXPRESS_ONLY = new Set(['settings', 'cache', '_locals']);

/**
 * The locals as EJS copies them for a template: own keys only, on an object without a
 * prototype, so that nothing of Object.prototype (polluted or not) resolves inside a
 * template. Given such a copy EJS may use it as it is (`unsafePrototypeLocals`) instead
 * of copying it once more, as it otherwise does for every template and partial it renders;
 * each include's locals are EJS's own copy of the same kind. Templates read their names
 * from these locals (templates.ts), on which nothing of a prototype can be found either.
 */
function templateLocals(data: object): Record<string, unknown> {
  const locals = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (key !== '__proto__' && key !== 'constructor' && !EXPRESS_ONLY.has(key)) locals[key] = (data as Record<string, unknown>)[key];
  }
  return locals;
}

export function viewEngine(viewsDir: string) {
  useTemplatesOf(viewsDir);
  return (file: string, data: object, done: Rendered): void => {
    const settings = (data as { settings?: Record<string, unknown> }).settings ?? {};
    if (!settings['view cache']) forgetTemplates();
    // cache: EJS takes each template from templates.ts, which compiles it the first time.
    const options = { root: viewsDir, cache: true, unsafePrototypeLocals: true };
    ejs.renderFile(file, templateLocals(data), options, (err, html) => done(err, html));
  };
}
