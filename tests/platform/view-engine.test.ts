// The view engine (src/http/view-engine.ts): templates and their partials see
// the page's locals on objects without a prototype (nothing of Object.prototype,
// polluted or not, among them), and not what Express keeps for itself.
import fs from 'fs';
import path from 'path';
import { viewEngine } from '../../src/http/view-engine';
import { scratchDir } from '../support/db';

const views = scratchDir('views-');
fs.mkdirSync(path.join(views, 'partials'));
// `locals` is the object a template's names are looked up in before the global scope.
fs.writeFileSync(path.join(views, 'page.ejs'), "<%= title %>|<%= typeof locals.toString %>|<%= typeof locals.polluted %>|<%= typeof settings %>|<%- include('/partials/row', { row: 'r1' }) %>");
fs.writeFileSync(path.join(views, 'partials/row.ejs'), "<%= row %>:<%= title %>:<%= typeof locals.toString %>:<%= typeof locals.polluted %>:<%= typeof locals.constructor %>");

function render(data: object, cache = true): Promise<string> {
  return new Promise((resolve, reject) =>
    viewEngine(views)(path.join(views, 'page.ejs'), { settings: { 'view cache': cache }, cache, ...data }, (err, html) => (err ? reject(err) : resolve(html!))),
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
