// The search forms of the analyses. Every value arrives as text from a GET form;
// anything unreadable is a Chinese message and an empty result, never an error page.
import { z } from 'zod';
import { MAX_ID, optionalText, optionalWholeNumber } from '../shared/form';

const year = () => optionalWholeNumber('年份', 1900, 9999);

/** One of a fixed set of choices; blank or missing takes the default. */
function choice<T extends string>(label: string, choices: readonly T[], fallback: T) {
  return optionalText(label, 20).refine((v) => v === null || (choices as readonly string[]).includes(v), `请选择有效的${label}`)
    .transform((v) => (v ?? fallback) as T);
}

export const contributionQuery = z.object({
  customerName: optionalText('客户名称', 100),
  year: year(),
});
export type ContributionFilter = z.output<typeof contributionQuery>;

export const COMPOSITION_DIMENSIONS = ['level', 'credit', 'satisfaction'] as const;
export type CompositionDimension = (typeof COMPOSITION_DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<CompositionDimension, string> = {
  level: '客户等级',
  credit: '信用度',
  satisfaction: '满意度',
};

export const CUSTOMER_STATUS_FILTERS = ['normal', 'churned', 'all'] as const;
export type CustomerStatusFilter = (typeof CUSTOMER_STATUS_FILTERS)[number];
export const STATUS_FILTER_LABELS: Record<CustomerStatusFilter, string> = { normal: '正常', churned: '已流失', all: '全部' };

export const compositionQuery = z.object({
  dimension: choice('分析维度', COMPOSITION_DIMENSIONS, 'level'),
  status: choice('客户状态', CUSTOMER_STATUS_FILTERS, 'normal'),
});
export type CompositionFilter = z.output<typeof compositionQuery>;

export const serviceQuery = z.object({ year: year() });
export type ServiceFilter = z.output<typeof serviceQuery>;

export const churnQuery = z.object({
  customerName: optionalText('客户名称', 100),
  accountManagerId: optionalWholeNumber('客户经理', 1, MAX_ID),
});
export type ChurnFilter = z.output<typeof churnQuery>;
