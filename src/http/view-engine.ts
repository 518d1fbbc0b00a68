// EJS as Express's view engine. Templates include each other from the views
// folder ('/partials/field'): EJS resolves such a path without asking the disk
// whether the file exists, as it does at every include of a relative path
// (a tenth of a list page's rendering). Compiled templates are kept while the
// app's 'view cache' is on.
import ejs from 'ejs';

type Rendered = (err: Error | null, html?: string) => void;

export function viewEngine(viewsDir: string) {
  return (file: string, data: object, done: Rendered): void => {
    const settings = (data as { settings?: Record<string, unknown> }).settings ?? {};
    ejs.renderFile(file, data, { root: viewsDir, cache: Boolean(settings['view cache']) }, (err, html) => done(err, html));
  };
}
