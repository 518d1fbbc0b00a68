// The forms of the churn pages. Lengths follow the ChurnMeasure/ChurnWarning columns.
import { z } from 'zod';
import { MAX_ID, optionalText, optionalWholeNumber, requiredText } from '../shared/form';
import { CHURN_WARNING_STATUS, ChurnWarningStatus } from './warning-status';

export const measureForm = z.object({
  content: requiredText('暂缓措施', 500),
});

export const confirmForm = z.object({
  reason: requiredText('流失原因', 500),
});

/** The status filter: one status, or `open` for the unfinished ones (预警 and 暂缓流失). */
export type StatusFilter = ChurnWarningStatus | 'open';
export const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: '未处理完（预警、暂缓流失）' },
  ...(Object.entries(CHURN_WARNING_STATUS.labels) as [ChurnWarningStatus, string][]).map(([value, label]) => ({
    value,
    label,
  })),
];

export const listQuery = z.object({
  customerName: optionalText('客户名称', 100),
  accountManagerId: optionalWholeNumber('客户经理', 1, MAX_ID),
  status: optionalText('状态', 20).refine(
    (value) => value === null || STATUS_FILTERS.some((f) => f.value === value),
    '请选择有效的状态',
  ) as unknown as z.ZodType<StatusFilter | null>,
});
export type ListQuery = z.output<typeof listQuery>;
