// The view engine (src/http/view-engine.ts): templates and their partials see
// the page's locals on objects without a prototype (nothing of Object.prototype,
// polluted or not, among them), and not what Express keeps for itself. They are
// compiled without `with` (src/http/templates.ts), their names read from the locals.
import fs from 'fs';
import path from 'path';
import { templateNames } from '../../src/http/templates';
import { viewEngine } from '../../src/http/view-engine';
import { scratchDir } from '../support/db';

const views = scratchDir('views-');
fs.mkdirSync(path.join(views, 'partials'));
// `locals` is the object a template's names are looked up in before the global scope.
fs.writeFileSync(path.join(views, 'page.ejs'), "<%= title %>|<%= typeof locals.toString %>|<%= typeof locals.polluted %>|<%= typeof settings %>|<%- include('/partials/row', { row: 'r1' }) %>");
fs.writeFileSync(path.join(views, 'partials/row.ejs'), "<%= row %>:<%= title %>:<%= typeof locals.toString %>:<%= typeof locals.polluted %>:<%= typeof locals.constructor %>");

function render(data: object, cache = true, view = 'page.ejs'): Promise<string> {
  return new Promise((resolve, reject) =>
    viewEngine(views)(path.join(views, view), { settings: { 'view cache': cache }, cache, ...data }, (err, html) => (err ? reject(err) : resolve(html!))),
  );
}

test.each([true, false])('a template and its partials see the locals and the include’s data (view cache %s)', async (cache) => {
  expect(await render({ title: '客户' }, cache)).toBe('客户|undefined|undefined|undefined|r1:客户:undefined:undefined:undefined');
});

test('nothing of a polluted Object.prototype is among the locals of a template or a partial', async () => {
  const prototype = Object.prototype as Record<string, unknown>;
  prototype.polluted = '<script>';
  try {
    expect(await render({ title: '客户' })).toBe('客户|undefined|undefined|undefined|r1:客户:undefined:undefined:undefined');
  } finally {
    delete prototype.polluted;
  }
});

test('locals named __proto__ or constructor are not copied into a template', async () => {
  const data = JSON.parse('{"title":"客户","__proto__":{"polluted":"x"},"constructor":"y"}') as object;
  expect(await render(data)).toBe('客户|undefined|undefined|undefined|r1:客户:undefined:undefined:undefined');
});

test('a template’s names: its locals and helpers, not properties, strings, keywords, globals or EJS’s own', () => {
  const text =
    "<% var shown = rows.filter(function (r) { return r.visible && typeof only !== 'undefined'; }); %>" +
    "<a href=\"/x?q=<%= encodeURIComponent(String(query.name)) %>\" title='<%= title %>'><%- include('/partials/row', { row: shown[0], ...extra }) %></a>" +
    "<%= money(total) %> <%= \"quoted name\" %> <%= locals.given %>";
  expect(templateNames(text, 'page.ejs').sort()).toEqual(['extra', 'money', 'only', 'query', 'r', 'row', 'rows', 'shown', 'title', 'total']);
});

test('a template reads its locals, helpers and the global functions, optional names and missing ones as undefined', async () => {
  fs.writeFileSync(
    path.join(views, 'names.ejs'),
    "<%= encodeURIComponent(word) %>|<%= shout(word) %>|<%= typeof optional === 'undefined' ? '-' : optional %>|<%= missing %>|<% var word2 = word + '!'; %><%= word2 %>",
  );
  const shout = (text: string) => text.toUpperCase();
  expect(await render({ word: 'a b', shout }, true, 'names.ejs')).toBe('a%20b|A B|-||a b!');
  expect(await render({ word: 'x', shout, optional: 'o' }, true, 'names.ejs')).toBe('x|X|o||x!');
});

test('with the view cache off an edited template is read again; with it on the compiled one is kept', async () => {
  const file = path.join(views, 'edited.ejs');
  fs.writeFileSync(file, 'one <%= title %>');
  expect(await render({ title: 't' }, false, 'edited.ejs')).toBe('one t');
  fs.writeFileSync(file, 'two <%= title %>');
  expect(await render({ title: 't' }, false, 'edited.ejs')).toBe('two t');
  expect(await render({ title: 't' }, true, 'edited.ejs')).toBe('two t');
  fs.writeFileSync(file, 'three <%= title %>');
  expect(await render({ title: 't' }, true, 'edited.ejs')).toBe('two t');
});
