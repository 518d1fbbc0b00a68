// 产品 and 库存 pages: lists for whoever may view them, changes for the administrator.
import { Router } from 'express';
import type { Db } from '../db/client';
import { requireRight } from '../auth/middleware';
import { recordRoutes } from '../http/record-pages';
import { createProduct, deleteProduct, findProduct, productChoices, productList, updateProduct } from './products';
import { productForm, productSearch, stockForm, stockSearch } from './schemas';
import { createStock, deleteStock, findStock, stockList, updateStock } from './stock';

export function productRoutes(db: Db): Router {
  const view = requireRight('view', 'product');
  const manage = requireRight('manage', 'product');
  const router = Router();
  router.use(
    recordRoutes(db, {
      path: '/products',
      folder: 'products',
      noun: '产品',
      title: '产品信息',
      view,
      manage,
      search: productSearch,
      list: productList,
      form: async () => productForm,
      find: findProduct,
      formValues: (product) => ({ ...product, price: product.price.toFixed(2) }),
      create: createProduct,
      update: updateProduct,
      remove: deleteProduct,
      describe: (p) => `产品「${p.name}」${p.model ? `（${p.model}）` : ''}将被删除，不能恢复。`,
    }),
  );
  router.use(
    recordRoutes(db, {
      path: '/stock',
      folder: 'stock',
      noun: '库存记录',
      title: '库存查询',
      view,
      manage,
      search: stockSearch,
      list: stockList,
      choices: async (db) => ({ products: await productChoices(db) }),
      form: async (db) => stockForm((await productChoices(db)).map((p) => p.value)),
      find: findStock,
      formValues: (stock) => stock,
      create: createStock,
      update: updateStock,
      remove: deleteStock,
      describe: (s) => `「${s.product.name}」在${s.warehouse}${s.location ? ` ${s.location}` : ''}的库存记录（${s.quantity} 件）将被删除，不能恢复。`,
    }),
  );
  return router;
}
