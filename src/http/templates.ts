// Templates compiled without `with`. EJS compiles a template into a function
// that looks each of its names up through `with (locals) { … }`, which V8 cannot
// optimise: a list's rows rendered 3.7× slower than the same code with its names
// declared (4.2 against 1.15 µs a row). Here each template is compiled with
// `_with: false` and its free names declared from the locals at its start (EJS's
// `destructuredLocals`), found in the code EJS generates for it. This is EJS's
// cache (`ejs.cache`, the place EJS documents for one), so the partials a
// template includes are compiled the same way.
//
// What changes for a template: a name that is in no locals is undefined instead of
// a ReferenceError, and assigning to a local no longer writes into the locals
// (partials are given what they need explicitly: include(view, { … })).
import fs from 'fs';
import path from 'path';
import ejs, { type TemplateFunction } from 'ejs';

/** The names EJS's generated code declares itself; never taken from the locals. */
const EJS_OWN = new Set(['locals', 'escapeFn', 'include', 'rethrow', '__output', '__append', '__line', '__lines', '__filename', '__locals']);
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'implements import in instanceof interface let new null package private protected public return static super switch ' +
    'this throw true try typeof var void while with yield await arguments').split(' '),
);
const STRING_LITERAL = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;
/** a name, and whether a property's dot (not a spread's three) stands before it */
const NAME = /(\.{3}|\.\s*|\?\.\s*)?([A-Za-z_$][\w$]*)/g;

/**
 * The names a template's code reads that it may take from its locals: every
 * identifier outside strings and property accesses, but for keywords, EJS's own
 * and the global ones (String, encodeURIComponent…). Taking a few too many (a
 * template's own `var`, a function's parameter) costs one read of undefined.
 */
export function templateNames(text: string, filename: string): string[] {
  const template = new ejs.Template(text, { filename }) as unknown as { generateSource(): void; source: string };
  template.generateSource();
  const code = template.source.replace(STRING_LITERAL, '""');
  const names = new Set<string>();
  for (const [, before, name] of code.matchAll(NAME)) {
    if (before && before !== '...') continue;
    if (!RESERVED.has(name) && !EJS_OWN.has(name) && !(name in globalThis)) names.add(name);
  }
  return [...names];
}

/** The views folders, for the absolute includes ('/partials/field') of the templates in each. */
const roots = new Set<string>();

function rootOf(filename: string): string | undefined {
  return [...roots].find((root) => !path.relative(root, filename).startsWith('..'));
}

function compile(filename: string): TemplateFunction {
  const text = fs.readFileSync(filename, 'utf8').replace(/^\uFEFF/, '');
  const options = {
    filename,
    root: rootOf(filename),
    cache: true,
    unsafePrototypeLocals: true,
    _with: false,
    destructuredLocals: templateNames(text, filename),
  };
  return ejs.compile(text, options) as TemplateFunction;
}

const compiled = new Map<string, TemplateFunction>();

ejs.cache = {
  get: (filename) => {
    let template = compiled.get(filename);
    if (!template) compiled.set(filename, (template = compile(filename)));
    return template;
  },
  set: () => undefined,
  reset: () => compiled.clear(),
};

/** Templates of this views folder are compiled here; `forgetTemplates` makes them read again. */
export function useTemplatesOf(viewsDir: string): void {
  roots.add(path.resolve(viewsDir));
}

/** Every template is read and compiled again at its next use (a developer edits them). */
export function forgetTemplates(): void {
  compiled.clear();
}
