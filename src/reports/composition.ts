// 客户构成分析: how many customers at each 客户等级, 信用度 or 满意度 (one grouped
// count), every level shown, zero included, and those without one (未填写).
import type { Db, Prisma } from '../db/client';
import { LEVEL_TYPE } from '../customers/queries';
import { dictionaryItems } from '../shared/dictionary';
import { Analysis, CategoryCount, categoryColumns, listed, tally } from './analysis';
import { barChart } from './chart';
import {
  CompositionDimension,
  CompositionFilter,
  compositionQuery,
  COMPOSITION_DIMENSIONS,
  CUSTOMER_STATUS_FILTERS,
  DIMENSION_LABELS,
  STATUS_FILTER_LABELS,
} from './schemas';

export const UNFILLED = '未填写';
/** 信用度 and 满意度 are marks from 1 to 5. */
const MARKS = ['1', '2', '3', '4', '5'];

const known = (db: Db, dimension: CompositionDimension) =>
  dimension === 'level' ? dictionaryItems(db, LEVEL_TYPE) : Promise.resolve(MARKS);

export async function customerComposition(db: Db, filter: CompositionFilter): Promise<CategoryCount[]> {
  const where: Prisma.CustomerWhereInput = filter.status === 'all' ? {} : { status: filter.status };
  const by = filter.dimension;
  const [levels, groups] = await Promise.all([
    known(db, by),
    db.customer.groupBy({ by: [by], where, _count: { _all: true } }),
  ]);
  const counts = new Map<string | null, number>(
    groups.map((g) => [g[by] === null ? null : String(g[by]), g._count._all]),
  );
  return tally(levels, counts, UNFILLED);
}

const choices = {
  dimensions: COMPOSITION_DIMENSIONS.map((value) => ({ value, label: DIMENSION_LABELS[value] })),
  statuses: CUSTOMER_STATUS_FILTERS.map((value) => ({ value, label: STATUS_FILTER_LABELS[value] })),
};

export const compositionAnalysis: Analysis<CompositionFilter, CategoryCount> = {
  path: 'composition',
  title: '客户构成分析',
  filter: compositionQuery,
  keptUntilNextChange: true,

  async page(ctx, filter) {
    const dimension = filter?.dimension ?? 'level';
    if (!filter) return { ...choices, dimensionLabel: DIMENSION_LABELS[dimension], rows: [], total: 0, chart: null };
    const rows = await customerComposition(ctx.db, filter);
    const total = rows.reduce((sum, r) => sum + r.count, 0);
    const chart = barChart({ labels: rows.map((r) => r.label), values: rows.map((r) => r.count), name: '客户数' });
    return { ...choices, dimensionLabel: DIMENSION_LABELS[dimension], rows, total, chart };
  },

  async exportTable(ctx, filter) {
    const label = DIMENSION_LABELS[filter.dimension];
    return {
      name: `客户构成分析-${label}-${STATUS_FILTER_LABELS[filter.status]}`,
      asciiName: `customer-composition-${filter.dimension}-${filter.status}`,
      columns: categoryColumns(label, '客户数'),
      rows: listed(await customerComposition(ctx.db, filter)),
    };
  },
};
