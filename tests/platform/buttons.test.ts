// The buttons lists draw in every row, written as functions (src/http/buttons.ts):
// the same forms the pages had, with the page's CSRF token, and everything escaped.
import { csrfField, postButton, stepButtonsHtml } from '../../src/http/buttons';
import { OPPORTUNITY_STEPS } from '../../src/marketing/opportunity-status';

const TOKEN = 'tok"en<1>';

test('the CSRF field carries the token, escaped', () => {
  expect(csrfField(TOKEN)).toBe('<input type="hidden" name="_csrf" value="tok&#34;en&lt;1&gt;">');
});

test('a POST button is a form of its own with the CSRF field, its class and the question asked first', () => {
  const html = postButton(TOKEN, { action: '/users/7/disable', label: '禁用', cls: 'danger', confirm: '确认"禁用"？' });
  expect(html).toBe(
    '<form method="post" action="/users/7/disable" class="inline" data-confirm="确认&#34;禁用&#34;？">\n' +
      '<input type="hidden" name="_csrf" value="tok&#34;en&lt;1&gt;">\n' +
      '<button type="submit" class="button small danger">禁用</button>\n</form>',
  );
  expect(postButton('t', { action: '/admin/backups', label: '<立即备份>' })).toContain('<button type="submit" class="button small">&lt;立即备份&gt;</button>');
  expect(postButton('t', { action: '/admin/backups', label: '立即备份' })).not.toContain('data-confirm');
});

test('step buttons: links to a step’s page and forms for a POST step, in the table’s order, only those shown here', () => {
  const row = stepButtonsHtml(OPPORTUNITY_STEPS, 12, ['delete', 'edit', 'assign', 'plan'], TOKEN, { only: ['assign', 'edit', 'delete'], small: true });
  expect(row.split('\n')).toEqual([
    '<a href="/opportunities/12/assign" class="button small primary">指派</a>',
    '<a href="/opportunities/12/edit" class="button small">编辑</a>',
    '<a href="/opportunities/12/delete" class="button small danger">删除</a>',
  ]);
  expect(stepButtonsHtml(OPPORTUNITY_STEPS, 12, ['edit'], TOKEN)).toBe('<a href="/opportunities/12/edit" class="button">编辑</a>');
  const plan = stepButtonsHtml(OPPORTUNITY_STEPS, 5, ['succeed', 'fail', 'plan'], TOKEN, { only: ['succeed', 'fail'] });
  expect(plan.match(/<form method="post" action="[^"]+"/g)).toEqual(['<form method="post" action="/plans/5/succeed"', '<form method="post" action="/plans/5/fail"']);
  expect(plan.match(/name="_csrf"/g)).toHaveLength(2);
  expect(stepButtonsHtml(OPPORTUNITY_STEPS, 5, ['plan'], TOKEN)).toBe('');
});
