// The forms of 产品 and 库存, and the searches of their lists.
import { z } from 'zod';
import { optionalText, requiredAmount, requiredId, requiredText, wholeNumber } from '../shared/form';

export const productForm = z.object({
  name: requiredText('名称', 100),
  model: optionalText('型号', 100),
  batch: optionalText('等级/批次', 100),
  unit: optionalText('单位', 20),
  price: requiredAmount('单价'),
  remark: optionalText('备注', 500),
});
export type ProductForm = z.output<typeof productForm>;

export const productSearch = z.object({ name: optionalText('名称', 100), model: optionalText('型号', 100) });
export type ProductSearch = z.output<typeof productSearch>;

/** 库存 as the form sends it; the product one of those the form offered. */
export function stockForm(productIds: readonly number[]) {
  return z.object({
    productId: requiredId('产品').refine((id) => productIds.includes(id), '请选择有效的产品'),
    warehouse: requiredText('仓库', 100),
    location: optionalText('货位', 100),
    quantity: wholeNumber('件数', 0, 2_000_000_000),
    remark: optionalText('备注', 500),
  });
}
export type StockForm = z.output<ReturnType<typeof stockForm>>;

export const stockSearch = z.object({ product: optionalText('产品', 100), warehouse: optionalText('仓库', 100) });
export type StockSearch = z.output<typeof stockSearch>;
