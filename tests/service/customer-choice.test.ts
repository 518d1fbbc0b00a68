// 服务创建's customer choice with many customers: search, then choose — by name
// or by the beginning of the number, the count said as 超过 N beyond COUNT_LIMIT.
import { COUNT_LIMIT } from '../../src/shared/paging';
import { login, startTestApp, TestApp } from '../support/app';
import { createManyCustomers } from '../support/builders/customers';
import { createStaff } from '../support/builders/users';

let t: TestApp;
beforeAll(async () => {
  t = startTestApp();
  await createStaff(t.db);
  await createManyCustomers(
    t.db,
    Array.from({ length: COUNT_LIMIT + 5 }, (_, i) => ({
      number: `KH20250101${String(i).padStart(5, '0')}`,
      name: `选择客户${String(i).padStart(5, '0')}`,
      status: i === 7 ? 'churned' : 'normal',
    })),
  );
});
afterAll(() => t.close());

test('without a search: the first customers by name, and 超过 N 个 said when more match than are counted', async () => {
  const session = await login(t.app, 'sales1');
  const text = (await session.get('/service/new')).text;
  expect(text).toContain(`超过 ${COUNT_LIMIT} 个客户匹配，仅列出前 50 个`);
  expect(text).toContain('选择客户00000（KH2025010100000）');
  expect(text).toContain('选择客户00050（'); // 00007 is churned
  expect(text).not.toContain('选择客户00051（');
});

test('by the beginning of the number (KH optional) or part of the name; churned customers never offered', async () => {
  const session = await login(t.app, 'sales1');
  const byNumber = (await session.get('/service/new?customerQuery=2025010100012')).text;
  expect(byNumber).toContain('选择客户00012（KH2025010100012）');
  expect(byNumber).not.toContain('选择客户00013（');
  const byName = (await session.get(`/service/new?customerQuery=${encodeURIComponent('客户0000')}`)).text;
  expect(byName).toContain('选择客户00006（');
  expect(byName).not.toContain('选择客户00007（');
  expect(byName).toContain('选择客户00009（');
});
