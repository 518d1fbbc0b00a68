// 产品 and 库存: searchable, paged lists read-only for every holder of
// product:view; the administrator adds, edits and deletes; a product with
// stock or order lines is not deleted; prices decimals, quantities whole ≥ 0.
import { follow, login, LoggedIn, TestApp } from '../support/app';
import { startStaffedAppAsAdmin, Staff } from '../support/staffed-app';
import { auditEntries, createCustomer, createOrder } from '../support/builders/customers';

let t: TestApp;
let staff: Staff;
let admin: LoggedIn;
beforeAll(async () => ({ t, staff, admin } = await startStaffedAppAsAdmin()));
afterAll(() => t.close());

const productForm = (more: Record<string, string> = {}) => ({
  name: '激光打印机',
  model: 'LJ-2000',
  batch: 'A级',
  unit: '台',
  price: '1280.50',
  remark: '含三年保修',
  ...more,
});
const createProduct = (name: string, more: Record<string, unknown> = {}) =>
  t.db.product.create({ data: { name, model: `${name}-M`, unit: '台', price: '99.90', ...more } });
const createStock = (productId: number, warehouse: string, quantity = 10) =>
  t.db.stock.create({ data: { productId, warehouse, location: 'A-01', quantity } });

describe('products', () => {
  test('every holder of product:view sees the list read-only; searched by name and model; paged', async () => {
    const printer = await createProduct('彩色打印机', { model: 'CP-9', price: '3999.00', remark: '样机' });
    for (let i = 0; i < 11; i += 1) await createProduct(`扫描仪${String(i).padStart(2, '0')}`);
    for (const username of ['manager', 'sales1', 'boss']) {
      const session = await login(t.app, username);
      const page = (await session.get('/products?name=彩色')).text;
      for (const text of ['彩色打印机', 'CP-9', '3,999.00', '样机']) expect(page).toContain(text);
      expect(page).not.toContain('新建产品');
      expect(page).not.toContain(`/products/${printer.id}/edit`);
      expect((await session.get('/products/new')).status).toBe(403);
      expect((await session.get(`/products/${printer.id}/edit`)).status).toBe(403);
      expect((await session.post('/products/new', productForm())).status).toBe(403);
      expect((await session.post(`/products/${printer.id}/edit`, productForm())).status).toBe(403);
      expect((await session.post(`/products/${printer.id}/delete`)).status).toBe(403);
    }
    expect(await t.db.product.findUnique({ where: { id: printer.id } })).toEqual(printer);
    const byModel = (await admin.get('/products?model=CP-9')).text;
    expect(byModel).toContain('彩色打印机');
    expect(byModel).not.toContain('扫描仪00');
    expect((await admin.get('/products?name=扫描仪')).text).toContain('共 11 条，第 1/2 页');
    expect((await admin.get('/products?name=扫描仪&page=2')).text).toContain('扫描仪10');
  });

  test('the administrator adds a product: every field saved, the price a decimal, 保存成功, audited', async () => {
    const page = (await admin.get('/products/new')).text;
    for (const name of ['name', 'model', 'batch', 'unit', 'price', 'remark']) expect(page).toContain(`<label for="f-${name}"`);
    const res = await admin.post('/products/new', productForm());
    expect(res.headers.location).toBe('/products');
    expect(await follow(admin, res)).toContain('保存成功');
    const product = await t.db.product.findFirstOrThrow({ where: { model: 'LJ-2000' } });
    expect({ ...product, price: product.price.toString() }).toMatchObject({ ...productForm(), price: '1280.5' });
    expect(await auditEntries(t.db, 'Product', product.id)).toEqual([expect.objectContaining({ action: 'create', userId: staff.admin.id })]);
  });

  test('missing name and price are named; a negative price, three decimals or text refused; nothing saved', async () => {
    const before = await t.db.product.count();
    const missing = await admin.post('/products/new', { model: 'X' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('必填信息不完全：名称、单价');
    for (const price of ['-1', '1.005', '十元']) {
      const res = await admin.post('/products/new', productForm({ price }));
      expect([price, res.status]).toEqual([price, 422]);
      expect(res.text).toContain('单价必须是不超过两位小数的非负数');
    }
    expect(await t.db.product.count()).toBe(before);
  });

  test('editing changes the fields and blanks optional ones; deleting an unused product after 确认删除?', async () => {
    const product = await createProduct('投影仪');
    expect((await admin.get(`/products/${product.id}/edit`)).text).toContain('value="99.90"');
    const res = await admin.post(`/products/${product.id}/edit`, productForm({ name: '投影仪 Pro', model: '', price: '100' }));
    expect(await follow(admin, res)).toContain('保存成功');
    const edited = await t.db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect([edited.name, edited.model, edited.price.toString()]).toEqual(['投影仪 Pro', null, '100']);
    expect((await admin.get(`/products/${product.id}/delete`)).text).toContain('确认删除?');
    expect(await follow(admin, await admin.post(`/products/${product.id}/delete`))).toContain('删除成功');
    expect(await t.db.product.findUnique({ where: { id: product.id } })).toBeNull();
    expect((await auditEntries(t.db, 'Product', product.id)).map((a) => a.action)).toEqual(['update', 'delete']);
  });

  test('a product with stock or order lines is not deleted, and the message says why', async () => {
    const stocked = await createProduct('碎纸机');
    await createStock(stocked.id, '北京一号库');
    await createStock(stocked.id, '上海库');
    expect(await follow(admin, await admin.post(`/products/${stocked.id}/delete`))).toContain('该产品有 2 条库存记录，不能删除');
    const sold = await createProduct('考勤机');
    const customer = await createCustomer(t.db);
    const order = await createOrder(t.db, { customerId: customer.id, date: new Date(), lines: [{ productName: '考勤机', quantity: 1, price: '10' }] });
    await t.db.orderLine.updateMany({ where: { orderId: order.id }, data: { productId: sold.id } });
    expect(await follow(admin, await admin.post(`/products/${sold.id}/delete`))).toContain('该产品出现在 1 条订单明细中，不能删除');
    expect(await t.db.product.count({ where: { id: { in: [stocked.id, sold.id] } } })).toBe(2);
  });

  test('an unknown product is 404; without a valid CSRF token nothing changes', async () => {
    expect((await admin.get('/products/999999/edit')).status).toBe(404);
    const product = await createProduct('传真机');
    for (const token of [{ _csrf: 'forged' }, {}]) {
      expect((await admin.agent.post(`/products/${product.id}/edit`).type('form').send({ ...productForm(), ...token })).status).toBe(403);
      expect((await admin.agent.post(`/products/${product.id}/delete`).type('form').send(token)).status).toBe(403);
    }
    expect(await t.db.product.findUnique({ where: { id: product.id } })).toEqual(product);
  });
});

describe('stock', () => {
  test('every holder of product:view sees it read-only, searched by product name and warehouse, paged', async () => {
    const shredder = await createProduct('办公碎纸机');
    const phone = await createProduct('会议电话');
    const stock = await createStock(shredder.id, '广州仓', 7);
    await createStock(phone.id, '广州仓', 3);
    for (let i = 0; i < 11; i += 1) await createStock(phone.id, `成都仓${String(i).padStart(2, '0')}`);
    for (const username of ['manager', 'sales1', 'boss']) {
      const session = await login(t.app, username);
      const page = (await session.get('/stock?product=碎纸机')).text;
      for (const text of ['办公碎纸机', '广州仓', 'A-01', '>7<']) expect(page).toContain(text);
      expect(page).not.toContain('会议电话');
      expect(page).not.toContain('新建库存记录');
      expect((await session.get('/stock/new')).status).toBe(403);
      expect((await session.post(`/stock/${stock.id}/edit`, { productId: shredder.id, warehouse: 'X', quantity: 1 })).status).toBe(403);
      expect((await session.post(`/stock/${stock.id}/delete`)).status).toBe(403);
    }
    const guangzhou = (await admin.get('/stock?warehouse=广州')).text;
    expect(guangzhou).toContain('办公碎纸机');
    expect(guangzhou).toContain('会议电话');
    expect(guangzhou).not.toContain('成都仓');
    expect((await admin.get('/stock?warehouse=成都仓')).text).toContain('共 11 条，第 1/2 页');
    expect(await t.db.stock.findUnique({ where: { id: stock.id } })).toEqual(stock);
  });

  test('the administrator adds, edits and deletes stock; quantities whole numbers ≥ 0; audited', async () => {
    const product = await createProduct('标签打印机');
    const page = (await admin.get('/stock/new')).text;
    for (const name of ['productId', 'warehouse', 'location', 'quantity', 'remark']) expect(page).toContain(`<label for="f-${name}"`);
    expect(page).toContain(`<option value="${product.id}">标签打印机（标签打印机-M）</option>`);
    const form = { productId: String(product.id), warehouse: '天津仓', location: 'B-2', quantity: '0', remark: '待补货' };
    expect(await follow(admin, await admin.post('/stock/new', form))).toContain('保存成功');
    const stock = await t.db.stock.findFirstOrThrow({ where: { warehouse: '天津仓' } });
    expect(stock).toMatchObject({ ...form, productId: product.id, quantity: 0 });
    for (const quantity of ['-1', '2.5', '多']) {
      const res = await admin.post(`/stock/${stock.id}/edit`, { ...form, quantity });
      expect([quantity, res.status]).toEqual([quantity, 422]);
      expect(res.text).toContain('件数必须是');
    }
    const missing = await admin.post('/stock/new', { location: 'C' });
    expect(missing.text).toContain('必填信息不完全：产品、仓库、件数');
    const unknown = await admin.post('/stock/new', { ...form, productId: '999999' });
    expect(unknown.text).toContain('请选择有效的产品');
    expect(await follow(admin, await admin.post(`/stock/${stock.id}/edit`, { ...form, quantity: '25' }))).toContain('保存成功');
    expect((await t.db.stock.findUniqueOrThrow({ where: { id: stock.id } })).quantity).toBe(25);
    expect((await admin.get(`/stock/${stock.id}/delete`)).text).toContain('确认删除?');
    expect(await follow(admin, await admin.post(`/stock/${stock.id}/delete`))).toContain('删除成功');
    expect(await t.db.stock.count({ where: { warehouse: '天津仓' } })).toBe(0);
    expect((await auditEntries(t.db, 'Stock', stock.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });
});
