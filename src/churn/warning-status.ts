// The life of a churn warning (客户流失预警), written once as data. 暂缓流失 may
// be taken again and again (each time one more measure); 确认流失 only from
// 暂缓流失, that is once at least one measure exists.
import { can, CurrentUser } from '../auth/can';
import { defineStatusMachine } from '../shared/status-machine';
import type { StepTable } from '../shared/step-buttons';
import type { StepGuard } from '../shared/step-guard';

export type ChurnWarningStatus = 'warning' | 'deferred' | 'churned';
export type ChurnStep = 'defer' | 'confirm';

export const CHURN_WARNING_STATUS = defineStatusMachine<ChurnWarningStatus, ChurnStep>(
  {
    warning: { defer: 'deferred' },
    deferred: { defer: 'deferred', confirm: 'churned' },
    churned: {},
  },
  { warning: '预警', deferred: '暂缓流失', churned: '已流失' },
  churnRefusal,
);

/** The status the job gives a new warning. */
export const NEW_WARNING_STATUS: ChurnWarningStatus = 'warning';

/** Unfinished warnings: a customer with one gets no other from the job. */
export const OPEN_WARNING_STATUSES: ChurnWarningStatus[] = ['warning', 'deferred'];

/** Each step's name; both are forms with their text on the warning's page, not buttons. */
export const CHURN_STEPS: StepTable<ChurnStep> = { defer: { name: '暂缓流失' }, confirm: { name: '确认流失' } };

/** Why a warning in this status refuses the step (also when someone else acted first). */
export function churnRefusal(step: ChurnStep, status: string): string {
  if (status === 'churned') return '该客户已确认流失，不能再操作';
  if (step === 'confirm' && status === 'warning') return '请先填写至少一条暂缓措施，再确认流失';
  return `该流失预警当前状态为「${CHURN_WARNING_STATUS.label(status)}」，不能${CHURN_STEPS[step].name}`;
}

/** A warning as its guard reads it: its status and its customer's current 客户经理. */
export type ChurnWarningOwner = { status: string; customer: { accountManagerId: number | null } };

/**
 * How every step on a warning is guarded (src/shared/step-guard.ts). The owner
 * is whoever manages the customer now.
 */
export const CHURN_GUARD: StepGuard<ChurnWarningOwner, ChurnStep, ChurnWarningStatus> = {
  noun: '该流失预警',
  machine: CHURN_WARNING_STATUS,
  mayTake: (user, _step, warning) => can(user, 'handle', 'churn', { accountManagerId: warning.customer.accountManagerId }),
  notYours: () => '只有该客户的客户经理可以处理此流失预警',
};

/**
 * The steps this user may take on the warning now: its forms. The owner is the
 * customer's current 客户经理 (not the one recorded when the warning was raised).
 */
export function churnStepsFor(user: CurrentUser, status: string, customerAccountManagerId: number | null): ChurnStep[] {
  if (!can(user, 'handle', 'churn', { accountManagerId: customerAccountManagerId })) return [];
  return CHURN_WARNING_STATUS.actions(status);
}
