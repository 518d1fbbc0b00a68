// Paging of list pages: ?page=N, a fixed page size, and what the pager partial shows.
import { strictWholeNumber } from './form';

export const PAGE_SIZE = 10;
/** Far past any list, and skip (page × size) stays a safe number. */
const MAX_PAGE = 1_000_000;

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
  pageSize: number;
}

/** The page of a list whose search could not be read: nothing. */
export function emptyPage<T>(): Page<T> {
  return { items: [], page: 1, pages: 1, total: 0, pageSize: 0 };
}

/** ?page=N; anything but a plain whole number (1e309, -0, 2.5, a page past any list) is the first page. */
export function pageNumber(value: unknown): number {
  return strictWholeNumber(value, 1, MAX_PAGE) ?? 1;
}

/** skip/take for a page number */
export function pageWindow(page: number, pageSize = PAGE_SIZE) {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(items: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Runs a count and a page query together. */
export async function paged<T>(
  page: number,
  count: () => Promise<number>,
  find: (window: { skip: number; take: number }) => Promise<T[]>,
  pageSize = PAGE_SIZE,
): Promise<Page<T>> {
  const [total, items] = await Promise.all([count(), find(pageWindow(page, pageSize))]);
  return toPage(items, total, page, pageSize);
}
