// Paging of list pages: ?page=N, a fixed page size, and what the pager partial shows.
import { strictWholeNumber } from './form';

export const PAGE_SIZE = 10;
/** Far past any list, and skip (page × size) stays a safe number. */
const MAX_PAGE = 1_000_000;

/**
 * Lists count their matches up to this many: counting a whole table of 100,000
 * rows on every page view costs more than the page. Beyond it the pager says
 * 超过 N 条 and offers the next page as long as one is full.
 */
export const COUNT_LIMIT = 10_000;

/**
 * A search with at most this many matches is paged by them: read from the cheapest index, then
 * put in the list's order. Reading the list in its order would read every row looking for them.
 */
export const FEW_MATCHES = 200;

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  /** the matches, or COUNT_LIMIT when there are more (approximate) */
  total: number;
  pageSize: number;
  /** more than COUNT_LIMIT matches: total is a lower bound and pages only reach the next page */
  approximate?: boolean;
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
  if (total > COUNT_LIMIT) {
    // Unknown last page: the next one is offered while this one is full.
    const pages = Math.max(page + (items.length === pageSize ? 1 : 0), Math.ceil(COUNT_LIMIT / pageSize));
    return { items, total: COUNT_LIMIT, page, pageSize, pages, approximate: true };
  }
  return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * What a count query takes to stop after COUNT_LIMIT + 1 matches: Prisma's
 * `count({ where, orderBy, take })`. Give it the list's own order: without one
 * Prisma orders by id, and the database sorts every match before stopping.
 */
export const COUNT_WINDOW = { take: COUNT_LIMIT + 1 } as const;

/** Runs a count (stopping after COUNT_LIMIT + 1, see COUNT_WINDOW) and a page query together. */
export async function paged<T>(
  page: number,
  count: (window: typeof COUNT_WINDOW) => Promise<number>,
  find: (window: { skip: number; take: number }) => Promise<T[]>,
  pageSize = PAGE_SIZE,
): Promise<Page<T>> {
  const [total, items] = await Promise.all([count(COUNT_WINDOW), find(pageWindow(page, pageSize))]);
  return toPage(items, total, page, pageSize);
}
