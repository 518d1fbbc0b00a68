// 库存: one product's quantity in one warehouse and location, searched by product name and warehouse.
import type { Db, Prisma, Tx } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { recordAudit } from '../audit/audit';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { paged, Page } from '../shared/paging';
import type { StockForm, StockSearch } from './schemas';

const ENTITY = 'Stock';
const GONE = '该库存记录已被删除';
const withProduct = { product: { select: { id: true, name: true, model: true, unit: true } } } satisfies Prisma.StockInclude;
export type StockRow = Prisma.StockGetPayload<{ include: typeof withProduct }>;

/** The list's order: its capped count walks it too (shared/paging.ts). */
const BY_WAREHOUSE: Prisma.StockOrderByWithRelationInput[] = [{ warehouse: 'asc' }, { productId: 'asc' }, { id: 'asc' }];

export function stockList(db: Db, search: StockSearch, page: number): Promise<Page<StockRow>> {
  const where: Prisma.StockWhereInput = {
    ...(search.product ? { product: { name: { contains: search.product } } } : {}),
    ...(search.warehouse ? { warehouse: { contains: search.warehouse } } : {}),
  };
  return paged(
    page,
    (cap) => db.stock.count({ where, orderBy: BY_WAREHOUSE, ...cap }),
    (window) => db.stock.findMany({ where, include: withProduct, orderBy: BY_WAREHOUSE, ...window }),
  );
}

export function findStock(db: Tx, id: number): Promise<StockRow | null> {
  return db.stock.findUnique({ where: { id }, include: withProduct });
}

/** The chosen product, still there (it may have been deleted since the form was shown). */
async function requireProduct(tx: Tx, productId: number): Promise<void> {
  if (!(await tx.product.findUnique({ where: { id: productId }, select: { id: true } }))) {
    throw new ValidationError('请选择有效的产品', { productId: '该产品已被删除' });
  }
}

export async function createStock(tx: Tx, input: StockForm, actor: CurrentUser) {
  await requireProduct(tx, input.productId);
  const after = await tx.stock.create({ data: input });
  await recordAudit(tx, { userId: actor.id, action: 'create', entity: ENTITY, entityId: after.id, after });
  return after;
}

export async function updateStock(tx: Tx, id: number, input: StockForm, actor: CurrentUser) {
  const before = await tx.stock.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('该库存记录不存在');
  await requireProduct(tx, input.productId);
  const { count } = await tx.stock.updateMany({ where: { id }, data: input });
  if (count === 0) throw new ConflictError(GONE);
  const after = await tx.stock.findUnique({ where: { id } });
  await recordAudit(tx, { userId: actor.id, action: 'update', entity: ENTITY, entityId: id, before, after });
  return after;
}

export async function deleteStock(tx: Tx, id: number, actor: CurrentUser): Promise<void> {
  const before = await tx.stock.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('该库存记录不存在');
  const { count } = await tx.stock.deleteMany({ where: { id } });
  if (count === 0) throw new ConflictError(GONE);
  await recordAudit(tx, { userId: actor.id, action: 'delete', entity: ENTITY, entityId: id, before });
}
