/**
 * Paginated lists: one page size for the whole site, so a list's page count (and the page a
 * given position lands on) can be computed anywhere, e.g. by the sitemap and month links.
 */

/** Cables per page of every list. */
export const PAGE_SIZE = 50;

/** Pages a list of `total` items takes; an empty list still has its first page. */
export function countPages(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The page (from 1) that shows the item at `position` (from 0). */
export function findPage(position: number, pageSize = PAGE_SIZE): number {
  return Math.floor(position / pageSize) + 1;
}

/**
 * Page numbers to offer around the current one: the first, the last, and two either side,
 * with `null` where numbers are left out. `listPageNumbers(7, 20)` → `1 … 5 6 7 8 9 … 20`.
 */
export function listPageNumbers(current: number, last: number, around = 2): (number | null)[] {
  const numbers: (number | null)[] = [];
  for (let page = 1; page <= last; page++) {
    const isShown = page === 1 || page === last || Math.abs(page - current) <= around;
    if (isShown) numbers.push(page);
    else if (numbers[numbers.length - 1] !== null) numbers.push(null);
  }
  return numbers;
}
