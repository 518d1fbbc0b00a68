// Paging: exact pages up to COUNT_LIMIT matches, beyond it 超过 N 条 with a next page while one is full.
import { COUNT_LIMIT, paged, toPage } from '../../src/shared/paging';

test('up to COUNT_LIMIT matches the pager is exact', () => {
  expect(toPage([1, 2, 3], 23, 3)).toEqual({ items: [1, 2, 3], total: 23, page: 3, pages: 3, pageSize: 10 });
  expect(toPage([], COUNT_LIMIT, 1).approximate).toBeUndefined();
});

test('beyond COUNT_LIMIT the total is a lower bound and the next page is offered while this one is full', () => {
  const full = Array.from({ length: 10 }, (_, i) => i);
  const first = toPage(full, COUNT_LIMIT + 1, 1);
  expect(first).toMatchObject({ total: COUNT_LIMIT, approximate: true, page: 1 });
  expect(first.pages).toBeGreaterThan(1);
  const deep = toPage(full, COUNT_LIMIT + 1, 5000);
  expect(deep.pages).toBe(5001);
  const last = toPage([1, 2], COUNT_LIMIT + 1, 6000);
  expect(last.pages).toBe(6000);
});

test('the count is asked to stop after COUNT_LIMIT + 1 matches', async () => {
  const count = jest.fn(async (window: { take: number }) => window.take);
  const result = await paged(2, count, async (window) => [window]);
  expect(count).toHaveBeenCalledWith({ take: COUNT_LIMIT + 1 });
  expect(result).toMatchObject({ approximate: true, total: COUNT_LIMIT, items: [{ skip: 10, take: 10 }] });
});
