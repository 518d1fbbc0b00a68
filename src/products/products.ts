// 产品: listed by name; a product with stock or order lines is never deleted.
import type { Product } from '#prisma';
import type { Db, Prisma, Tx } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { recordAudit } from '../audit/audit';
import { ConflictError, NotFoundError } from '../shared/errors';
import { paged, Page } from '../shared/paging';
import type { ProductForm, ProductSearch } from './schemas';

const ENTITY = 'Product';
const GONE = '该产品已被删除';

/** The list's order: its capped count walks it too (shared/paging.ts). */
const BY_NAME: Prisma.ProductOrderByWithRelationInput[] = [{ name: 'asc' }, { id: 'asc' }];

export function productList(db: Db, search: ProductSearch, page: number): Promise<Page<Product>> {
  const where: Prisma.ProductWhereInput = {
    ...(search.name ? { name: { contains: search.name } } : {}),
    ...(search.model ? { model: { contains: search.model } } : {}),
  };
  return paged(
    page,
    (cap) => db.product.count({ where, orderBy: BY_NAME, ...cap }),
    (window) => db.product.findMany({ where, orderBy: BY_NAME, ...window }),
  );
}

/** Every product, for the stock form's select. */
export async function productChoices(db: Tx) {
  const products = await db.product.findMany({ select: { id: true, name: true, model: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  return products.map((p) => ({ value: p.id, label: p.model ? `${p.name}（${p.model}）` : p.name }));
}

export function findProduct(db: Tx, id: number): Promise<Product | null> {
  return db.product.findUnique({ where: { id } });
}

export async function createProduct(tx: Tx, input: ProductForm, actor: CurrentUser): Promise<Product> {
  const after = await tx.product.create({ data: input });
  await recordAudit(tx, { userId: actor.id, action: 'create', entity: ENTITY, entityId: after.id, after });
  return after;
}

export async function updateProduct(tx: Tx, id: number, input: ProductForm, actor: CurrentUser): Promise<Product> {
  const before = await findProduct(tx, id);
  if (!before) throw new NotFoundError('该产品不存在');
  const { count } = await tx.product.updateMany({ where: { id }, data: input });
  if (count === 0) throw new ConflictError(GONE);
  const after = (await findProduct(tx, id))!;
  await recordAudit(tx, { userId: actor.id, action: 'update', entity: ENTITY, entityId: id, before, after });
  return after;
}

/** Why the product cannot be deleted, or null. */
async function productInUse(tx: Tx, id: number): Promise<string | null> {
  const [stock, lines] = await Promise.all([tx.stock.count({ where: { productId: id } }), tx.orderLine.count({ where: { productId: id } })]);
  const uses = [stock > 0 ? `有 ${stock} 条库存记录` : '', lines > 0 ? `出现在 ${lines} 条订单明细中` : ''].filter(Boolean);
  return uses.length > 0 ? `该产品${uses.join('，')}，不能删除` : null;
}

export async function deleteProduct(tx: Tx, id: number, actor: CurrentUser): Promise<void> {
  const before = await findProduct(tx, id);
  if (!before) throw new NotFoundError('该产品不存在');
  const use = await productInUse(tx, id);
  if (use) throw new ConflictError(use);
  const { count } = await tx.product.deleteMany({ where: { id } });
  if (count === 0) throw new ConflictError(GONE);
  await recordAudit(tx, { userId: actor.id, action: 'delete', entity: ENTITY, entityId: id, before });
}
