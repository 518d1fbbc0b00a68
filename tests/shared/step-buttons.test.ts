// One table of step names and buttons per module; stepButtonsHtml (src/http/buttons.ts)
// draws the buttons of the steps allowed now, in the table’s order.
import { stepButtons } from '../../src/shared/step-buttons';
import { OPPORTUNITY_STEPS } from '../../src/marketing/opportunity-status';
import { TICKET_STEPS } from '../../src/service/ticket-status';

test('the allowed steps with a button, in the table’s order, with the record’s paths', () => {
  expect(stepButtons(OPPORTUNITY_STEPS, 12, ['delete', 'edit', 'assign'])).toEqual([
    { label: '指派', href: '/opportunities/12/assign', post: undefined, cls: 'primary', confirm: undefined },
    { label: '编辑', href: '/opportunities/12/edit', post: undefined, cls: '', confirm: undefined },
    { label: '删除', href: '/opportunities/12/delete', post: undefined, cls: 'danger', confirm: undefined },
  ]);
});

test('a step without a button (plan) draws none; `only` keeps the ones a place shows; a POST step asks first', () => {
  const plan = stepButtons(OPPORTUNITY_STEPS, 5, ['succeed', 'fail', 'plan'], ['succeed', 'fail']);
  expect(plan.map((b) => [b.label, b.post, b.confirm])).toEqual([
    ['开发成功', '/plans/5/succeed', '确认开发成功？将据此创建客户。'],
    ['终止开发', '/plans/5/fail', '确认终止开发？'],
  ]);
  expect(stepButtons(OPPORTUNITY_STEPS, 5, ['plan'])).toEqual([]);
  expect(stepButtons(TICKET_STEPS, 3, ['handle', 'feedback'], ['handle']).map((b) => b.href)).toEqual(['/service/3/handle']);
});
