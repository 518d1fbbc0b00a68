// The forms of the service pages. Lengths follow the ServiceTicket columns.
import { z } from 'zod';
import { optionalDay, optionalText, requiredId, requiredText, wholeNumber } from '../shared/form';

export const newTicketForm = z.object({
  type: requiredText('服务类型', 50),
  customerId: requiredId('客户'),
  summary: requiredText('概要', 200),
  request: requiredText('服务请求', 2000),
});
export type NewTicketForm = z.output<typeof newTicketForm>;

/** The assignee must be one of those offered (normal users who may handle tickets). */
export function assignForm(assigneeIds: number[]) {
  return z.object({
    assigneeId: requiredId('分配对象').refine((id) => assigneeIds.includes(id), '请选择有效的分配对象'),
  });
}

export const handleForm = z.object({
  handling: requiredText('服务处理', 2000),
});

export const feedbackForm = z.object({
  result: requiredText('处理结果', 2000),
  satisfaction: wholeNumber('满意度', 1, 5),
});
export type FeedbackForm = z.output<typeof feedbackForm>;

export const archiveQuery = z.object({
  customerName: optionalText('客户', 100),
  summary: optionalText('概要', 200),
  type: optionalText('服务类型', 50),
  createdFrom: optionalDay('创建日期起'),
  createdTo: optionalDay('创建日期止'),
});
export type ArchiveQuery = z.output<typeof archiveQuery>;
