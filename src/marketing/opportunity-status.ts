// The life of a sales opportunity (销售机会), written once as data. The three
// transitions of the spec change the status; `edit`, `delete` and `plan`
// (working on the 客户开发计划) keep it and are here so that the same table says
// what each status allows — every change is a conditional update on it, and
// every page asks it which buttons to show.
import { can, CurrentUser } from '../auth/can';
import type { Action, Resource } from '../auth/rights';
import { defineStatusMachine } from '../shared/status-machine';
import type { StepTable } from '../shared/step-buttons';
import type { StepGuard } from '../shared/step-guard';

export type OpportunityStatus = 'unassigned' | 'assigned' | 'succeeded' | 'failed';
export type OpportunityStep = 'edit' | 'delete' | 'assign' | 'plan' | 'succeed' | 'fail';

export const OPPORTUNITY_STATUS = defineStatusMachine<OpportunityStatus, OpportunityStep>(
  {
    unassigned: { assign: 'assigned', edit: 'unassigned', delete: 'unassigned' },
    assigned: { succeed: 'succeeded', fail: 'failed', plan: 'assigned' },
    succeeded: {},
    failed: {},
  },
  { unassigned: '未分配', assigned: '已指派', succeeded: '开发成功', failed: '开发失败' },
  refusal,
);

export const OPPORTUNITY_STATUSES = Object.keys(OPPORTUNITY_STATUS.labels) as OpportunityStatus[];

/** The right (of auth/rights.ts) each step needs; "own" is the creator or the assignee (OWNER_FIELDS). */
export const STEP_RIGHT: Record<OpportunityStep, { action: Action; resource: Resource }> = {
  edit: { action: 'edit', resource: 'opportunity' },
  delete: { action: 'delete', resource: 'opportunity' },
  assign: { action: 'assign', resource: 'opportunity' },
  plan: { action: 'develop', resource: 'plan' },
  succeed: { action: 'develop', resource: 'plan' },
  fail: { action: 'develop', resource: 'plan' },
};

/** What an opportunity needs for the record-level checks of can(). */
export type OpportunityOwners = {
  status: string;
  createdById: number;
  assigneeId: number | null;
};

/** How every step on an opportunity is guarded (src/shared/step-guard.ts). */
export const OPPORTUNITY_GUARD: StepGuard<OpportunityOwners, OpportunityStep, OpportunityStatus> = {
  noun: '该销售机会',
  machine: OPPORTUNITY_STATUS,
  mayTake: mayTakeStep,
  notYours,
};

/** Whether the user holds the step's right on this opportunity (whatever its status). */
export function mayTakeStep(user: CurrentUser, step: OpportunityStep, opportunity: OpportunityOwners): boolean {
  const { action, resource } = STEP_RIGHT[step];
  return can(user, action, resource, opportunity);
}

/** The steps this user may take on the opportunity now: its buttons. */
export function opportunityActionsFor(user: CurrentUser, opportunity: OpportunityOwners): OpportunityStep[] {
  return OPPORTUNITY_STATUS.actions(opportunity.status).filter((step) => mayTakeStep(user, step, opportunity));
}

/** Each step's name and button, in the order the buttons stand. */
export const OPPORTUNITY_STEPS: StepTable<OpportunityStep> = {
  assign: { name: '指派', button: { href: '/opportunities/:id/assign', cls: 'primary' } },
  edit: { name: '编辑', button: { href: '/opportunities/:id/edit' } },
  delete: { name: '删除', button: { href: '/opportunities/:id/delete', cls: 'danger' } },
  // The plan's pages are opened from its list (制定计划, 执行计划).
  plan: { name: '修改开发计划' },
  succeed: {
    name: '标记开发成功',
    button: { label: '开发成功', post: '/plans/:id/succeed', cls: 'primary', confirm: '确认开发成功？将据此创建客户。' },
  },
  fail: { name: '终止开发', button: { post: '/plans/:id/fail', cls: 'danger', confirm: '确认终止开发？' } },
};

/** Why an opportunity in this status refuses the step (also when someone else acted first). */
export function refusal(step: OpportunityStep, status: string): string {
  if (step === 'assign') return '该销售机会已被指派，不能再次指派';
  const label = OPPORTUNITY_STATUS.label(status);
  if (step === 'edit' || step === 'delete') {
    return `该销售机会当前状态为「${label}」，只有未分配的销售机会可以${OPPORTUNITY_STEPS[step].name}`;
  }
  return `该销售机会当前状态为「${label}」，不能${OPPORTUNITY_STEPS[step].name}`;
}

/** Why the user may not take the step on an opportunity that is not theirs. */
export function notYours(step: OpportunityStep): string {
  if (step === 'delete') return '只有创建人可以删除该销售机会';
  if (step === 'edit') return '只有创建人或销售主管可以编辑该销售机会';
  if (step === 'assign') return '只有销售主管可以指派销售机会';
  return '只有被指派的客户经理可以开发该销售机会';
}

/** The statuses of opportunities with a development plan (once assigned, for good): what 客户开发计划 lists. */
export const PLAN_STATUSES: OpportunityStatus[] = ['assigned', 'succeeded', 'failed'];

export function hasPlan(opportunity: { status: string }): boolean {
  return (PLAN_STATUSES as string[]).includes(opportunity.status);
}
