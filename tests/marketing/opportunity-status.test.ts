// The status machine, who may take which step, and the rules without HTTP.
import type { Opportunity } from '../../src/generated/sqlite/client';
import {
  hasPlan,
  OPPORTUNITY_STATUS,
  OpportunityStatus,
  opportunityActionsFor,
  PLAN_STATUSES,
  refusal,
} from '../../src/marketing/opportunity-status';
import { customerFrom } from '../../src/marketing/plans';
import { planWhere } from '../../src/marketing/queries';
import { opportunityForm, opportunitySearch, planItemForm } from '../../src/marketing/schemas';
import { parseForm } from '../../src/shared/form';
import { userOf } from './support';

const manager = userOf('manager', 1);
const creator = userOf('sales', 2);
const assignee = userOf('sales', 3);
const otherSales = userOf('sales', 4);
const executive = userOf('executive', 5);
const admin = userOf('admin', 6);

function opportunity(status: OpportunityStatus, createdById = creator.id) {
  return { status, createdById, assigneeId: status === 'unassigned' ? null : assignee.id };
}

describe('the status machine', () => {
  test('changes status only by the transitions of the spec', () => {
    const changes: string[] = [];
    for (const [from, steps] of Object.entries(OPPORTUNITY_STATUS.transitions)) {
      for (const [step, to] of Object.entries(steps)) if (to !== from) changes.push(`${from} -${step}-> ${to}`);
    }
    expect(changes.sort()).toEqual(['assigned -fail-> failed', 'assigned -succeed-> succeeded', 'unassigned -assign-> assigned']);
  });

  test('allows edit and delete only while 未分配, plan work only while 已指派, nothing when finished', () => {
    expect(OPPORTUNITY_STATUS.statusesAllowing('edit')).toEqual(['unassigned']);
    expect(OPPORTUNITY_STATUS.statusesAllowing('delete')).toEqual(['unassigned']);
    expect(OPPORTUNITY_STATUS.statusesAllowing('assign')).toEqual(['unassigned']);
    expect(OPPORTUNITY_STATUS.statusesAllowing('plan')).toEqual(['assigned']);
    expect(OPPORTUNITY_STATUS.statusesAllowing('succeed')).toEqual(['assigned']);
    expect(OPPORTUNITY_STATUS.actions('succeeded')).toEqual([]);
    expect(OPPORTUNITY_STATUS.actions('failed')).toEqual([]);
    expect(OPPORTUNITY_STATUS.allows('assigned', 'assign')).toBe(false);
  });

  test('names the statuses in Chinese', () => {
    expect(['unassigned', 'assigned', 'succeeded', 'failed'].map(OPPORTUNITY_STATUS.label)).toEqual([
      '未分配',
      '已指派',
      '开发成功',
      '开发失败',
    ]);
  });

  test('plans exist from the assignment on', () => {
    expect(PLAN_STATUSES).toEqual(['assigned', 'succeeded', 'failed']);
    expect(hasPlan({ status: 'unassigned' })).toBe(false);
    expect(hasPlan({ status: 'failed' })).toBe(true);
  });
});

describe('the buttons each user gets', () => {
  test('on a 未分配 opportunity', () => {
    const o = opportunity('unassigned');
    expect(opportunityActionsFor(manager, o).sort()).toEqual(['assign', 'edit']);
    expect(opportunityActionsFor(creator, o).sort()).toEqual(['delete', 'edit']);
    expect(opportunityActionsFor(otherSales, o)).toEqual([]);
    expect(opportunityActionsFor(userOf('manager', 9), opportunity('unassigned', 9)).sort()).toEqual(['assign', 'delete', 'edit']);
    expect(opportunityActionsFor(executive, o)).toEqual([]);
  });

  test('on an 已指派 opportunity only its assignee works', () => {
    const o = opportunity('assigned');
    expect(opportunityActionsFor(assignee, o).sort()).toEqual(['fail', 'plan', 'succeed']);
    expect(opportunityActionsFor(creator, o)).toEqual([]);
    expect(opportunityActionsFor(manager, o)).toEqual([]);
  });

  test('on finished opportunities nobody acts', () => {
    for (const status of ['succeeded', 'failed'] as const) {
      for (const user of [manager, creator, assignee, admin]) expect(opportunityActionsFor(user, opportunity(status))).toEqual([]);
    }
  });

  test('refusals say why', () => {
    expect(refusal('assign', 'assigned')).toBe('该销售机会已被指派，不能再次指派');
    expect(refusal('edit', 'assigned')).toBe('该销售机会当前状态为「已指派」，只有未分配的销售机会可以编辑');
    expect(refusal('delete', 'failed')).toContain('只有未分配的销售机会可以删除');
    expect(refusal('succeed', 'failed')).toBe('该销售机会当前状态为「开发失败」，不能标记开发成功');
  });
});

describe('the plans a user sees', () => {
  test('an account manager: their own; a manager: all; never unassigned ones', () => {
    expect(planWhere(assignee, { customerName: null })).toEqual({ status: { in: PLAN_STATUSES }, assigneeId: assignee.id });
    expect(planWhere(manager, { customerName: null })).toEqual({ status: { in: PLAN_STATUSES } });
    expect(planWhere(manager, { customerName: null, status: 'unassigned' }).status).toEqual({ in: PLAN_STATUSES });
    expect(planWhere(manager, { status: 'failed', customerName: '远航' })).toEqual({
      status: 'failed',
      customerName: { contains: '远航' },
    });
  });
});

describe('the customer an opportunity becomes', () => {
  const base = { customerName: '远航科技', assigneeId: 3 } as Opportunity;

  test('takes the name, the assignee as 客户经理 and a contact from 联系人/联系电话', () => {
    expect(customerFrom({ ...base, contact: '张三', contactPhone: '010-1234' })).toEqual({
      name: '远航科技',
      accountManagerId: 3,
      phone: null,
      contact: { name: '张三', officePhone: '010-1234' },
    });
    expect(customerFrom({ ...base, contact: '张三', contactPhone: null }).contact).toEqual({ name: '张三', officePhone: '' });
  });

  test('without a 联系人 the phone is the customer\'s', () => {
    expect(customerFrom({ ...base, contact: null, contactPhone: '010-1234' })).toMatchObject({ phone: '010-1234', contact: null });
    expect(customerFrom({ ...base, contact: null, contactPhone: null })).toMatchObject({ phone: null, contact: null });
  });
});

describe('the forms', () => {
  const valid = { customerName: '远航', successRate: '80', summary: '采购', description: '描述' };

  test('name every missing required field', () => {
    const result = parseForm(opportunityForm, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('必填信息不完全：客户名称、成功几率、概要、机会描述');
  });

  test('success rate is a whole number 0–100', () => {
    for (const successRate of ['0', '100', ' 55 ']) expect(parseForm(opportunityForm, { ...valid, successRate }).ok).toBe(true);
    for (const successRate of ['-1', '101', '50.5', 'abc']) {
      const result = parseForm(opportunityForm, { ...valid, successRate });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/成功几率必须是/);
    }
  });

  test('blank optional fields are null, lengths are bounded', () => {
    const result = parseForm(opportunityForm, { ...valid, source: ' ', contact: '' });
    expect(result.ok && result.data).toMatchObject({ source: null, contact: null, contactPhone: null, successRate: 80 });
    expect(parseForm(opportunityForm, { ...valid, customerName: 'x'.repeat(101) }).ok).toBe(false);
    expect(parseForm(opportunityForm, { ...valid, description: 'x'.repeat(2001) }).ok).toBe(false);
  });

  test('plan item dates like 2011-7-1 and 2011-07-01', () => {
    for (const date of ['2011-7-1', '2011-07-01']) {
      const result = parseForm(planItemForm, { date, content: '拜访' });
      expect(result.ok && result.data.date.toISOString()).toBe('2011-07-01T00:00:00.000Z');
    }
    for (const date of ['2011-13-01', '2011-2-30', '1.7.2011', 'morgen']) {
      expect(parseForm(planItemForm, { date, content: '拜访' }).ok).toBe(false);
    }
  });

  test('an unknown status in the search means all', () => {
    const result = parseForm(opportunitySearch, { status: 'nonsense', customerName: '远航' });
    expect(result.ok && result.data).toEqual({ customerName: '远航', summary: null, contact: null, status: undefined });
  });
});
