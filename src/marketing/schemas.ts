// The forms of the marketing pages. Lengths follow the Opportunity and PlanItem columns.
import { z } from 'zod';
import { optionalText, requiredDay, requiredId, requiredText, wholeNumber } from '../shared/form';
import { OPPORTUNITY_STATUSES, OpportunityStatus } from './opportunity-status';

/** The fields of 销售机会 a user enters (creator and times are set by the system). */
export const opportunityForm = z.object({
  source: optionalText('机会来源', 50),
  customerName: requiredText('客户名称', 100),
  successRate: wholeNumber('成功几率', 0, 100),
  summary: requiredText('概要', 200),
  contact: optionalText('联系人', 50),
  contactPhone: optionalText('联系电话', 50),
  description: requiredText('机会描述', 2000),
});
export type OpportunityForm = z.output<typeof opportunityForm>;

/** The assignee must be one of those offered (normal users whose role holds plan:develop). */
export function assignForm(assigneeIds: number[]) {
  return z.object({
    assigneeId: requiredId('指派给').refine((id) => assigneeIds.includes(id), '请选择有效的客户经理'),
  });
}

/** A status filter: anything else than a known status means "all". */
const statusFilter = z.preprocess(
  (value) => (typeof value === 'string' && (OPPORTUNITY_STATUSES as string[]).includes(value) ? value : undefined),
  z.custom<OpportunityStatus>().optional(),
);

export const opportunitySearch = z.object({
  customerName: optionalText('客户名称', 100),
  summary: optionalText('概要', 200),
  contact: optionalText('联系人', 50),
  status: statusFilter,
});
export type OpportunitySearch = z.output<typeof opportunitySearch>;

export const planSearch = z.object({
  customerName: optionalText('客户名称', 100),
  status: statusFilter,
});
export type PlanSearch = z.output<typeof planSearch>;

export const planItemForm = z.object({
  date: requiredDay('日期'),
  content: requiredText('计划项', 500),
});
export type PlanItemForm = z.output<typeof planItemForm>;

/** Editing an item changes its content only: its date stays. */
export const planItemEditForm = z.object({
  content: requiredText('计划项', 500),
});

export const planResultForm = z.object({
  result: requiredText('执行效果', 500),
});
