// The life of a service ticket (服务), written once as data. Feedback has two
// outcomes, so it is two steps of the machine: `archive` (满意, satisfaction ≥ 3)
// and `rehandle` (不满意, back to 已分配 for another round). Both need the
// `feedback` right; TICKET_STEP_RIGHT says which right each step needs.
import { can, CurrentUser } from '../auth/can';
import type { Action } from '../auth/rights';
import { defineStatusMachine } from '../shared/status-machine';
import type { StepTable } from '../shared/step-buttons';
import type { StepGuard } from '../shared/step-guard';

export type TicketStatus = 'created' | 'assigned' | 'handled' | 'archived';
export type TicketStep = 'assign' | 'handle' | 'archive' | 'rehandle';
/** The rights (of auth/rights.ts) used on tickets step by step. */
export type TicketRight = Extract<Action, 'assign' | 'handle' | 'feedback'>;

export const TICKET_STATUS = defineStatusMachine<TicketStatus, TicketStep>(
  {
    created: { assign: 'assigned' },
    assigned: { handle: 'handled' },
    handled: { archive: 'archived', rehandle: 'assigned' },
    archived: {},
  },
  { created: '新创建', assigned: '已分配', handled: '已处理', archived: '已归档' },
  (step, status) => refusal(TICKET_STEP_RIGHT[step], status),
);

export const TICKET_STEP_RIGHT: Record<TicketStep, TicketRight> = {
  assign: 'assign',
  handle: 'handle',
  archive: 'feedback',
  rehandle: 'feedback',
};

/** What 服务反馈 says, by the status it led to: archived, or back for another round. */
export function feedbackOutcome(status: string): string {
  return TICKET_STATUS.actions(status).length === 0 ? '操作成功，服务已归档' : '操作成功，客户不满意，服务已退回重新处理';
}

/** The lowest satisfaction (满意度) with which a ticket is archived. */
export const SATISFIED_FROM = 3;

/** The step a feedback takes: archive when the customer is satisfied, else another round. */
export function feedbackStep(satisfaction: number): TicketStep {
  return satisfaction >= SATISFIED_FROM ? 'archive' : 'rehandle';
}

/** What a ticket needs for the record-level checks of can(). */
export type TicketOwners = {
  status: string;
  assigneeId: number | null;
  createdById: number;
};

/** How every step on a ticket is guarded (src/shared/step-guard.ts): the step's right on it, then its status. */
export const TICKET_GUARD: StepGuard<TicketOwners, TicketStep, TicketStatus> = {
  noun: '该服务',
  machine: TICKET_STATUS,
  mayTake: (user, step, ticket) => can(user, TICKET_STEP_RIGHT[step], 'ticket', ticket),
};

/** The step whose form a right's page shows: feedback's two outcomes are allowed in the same status. */
export const FORM_STEP: Record<'handle' | 'feedback', TicketStep> = { handle: 'handle', feedback: 'archive' };

/** The rights (assign, handle, feedback) this user may use on the ticket now: its buttons. */
export function ticketActionsFor(user: CurrentUser, ticket: TicketOwners): TicketRight[] {
  const rights = TICKET_STATUS.actions(ticket.status).map((step) => TICKET_STEP_RIGHT[step]);
  return [...new Set(rights)].filter((right) => can(user, right, 'ticket', ticket));
}

/** The statuses in which a right can be used: the `where` of its list. */
export function statusesFor(right: TicketRight): TicketStatus[] {
  const steps = (Object.keys(TICKET_STEP_RIGHT) as TicketStep[]).filter((step) => TICKET_STEP_RIGHT[step] === right);
  return [...new Set(steps.flatMap((step) => TICKET_STATUS.statusesAllowing(step)))];
}

/** Each right's name and button on a ticket, in the order the buttons stand. */
export const TICKET_STEPS: StepTable<TicketRight> = {
  // Assigning needs a choice of handler: the button leads to the list of 服务分配.
  assign: { name: '分配', button: { label: '去分配', href: '/service/assign', cls: 'primary' } },
  handle: { name: '处理', button: { href: '/service/:id/handle', cls: 'primary' } },
  feedback: { name: '反馈', button: { href: '/service/:id/feedback', cls: 'primary' } },
};

/** Why a ticket in this status refuses the step (also when someone else acted first). */
export function refusal(right: TicketRight, status: string): string {
  const label = TICKET_STATUS.label(status);
  if (right === 'assign') return `该服务已被分配（当前状态：${label}），不能再次分配`;
  return `该服务当前状态为「${label}」，不能${TICKET_STEPS[right].name}`;
}

/** Who may open a ticket's detail: the archive's readers and whoever may act on it. */
export const TICKET_VIEW_ACTIONS: Action[] = ['archive', 'assign', 'handle', 'feedback'];

export function canViewTicket(user: CurrentUser, ticket: TicketOwners): boolean {
  return TICKET_VIEW_ACTIONS.some((action) => can(user, action, 'ticket', ticket));
}

/** History steps (ServiceTicketEvent.action) and their names. */
export const TICKET_EVENT_LABELS: Record<string, string> = {
  create: '创建',
  assign: '分配',
  handle: '处理',
  feedback: '反馈',
};
