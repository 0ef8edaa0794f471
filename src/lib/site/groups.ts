/**
 * Grouping a sorted list into runs that share a key (cables of one month on a year page, of one
 * year on an origin page), and finding where each run starts so other pages can link into it.
 */
import { findPage } from './pagination.ts';

/** A run of consecutive items with the same key, as shown on one page. */
export interface Run<T> {
  key: string;
  items: T[];
  /** Whether the run began on an earlier page (its heading there carries the anchor). */
  isContinued: boolean;
}

/** The items `start` … `end - 1` of `all`, cut into runs of equal key. */
export function groupPage<T>(all: readonly T[], start: number, end: number, keyOf: (item: T) => string): Run<T>[] {
  const runs: Run<T>[] = [];
  for (let position = start; position < Math.min(end, all.length); position++) {
    const item = all[position]!;
    const key = keyOf(item);
    const last = runs[runs.length - 1];
    if (last?.key === key) {
      last.items.push(item);
      continue;
    }
    const isContinued = position === start && position > 0 && keyOf(all[position - 1]!) === key;
    runs.push({ key, items: [item], isContinued });
  }
  return runs;
}

/** Where a run of the whole list starts and how long it is. */
export interface RunStart {
  key: string;
  /** The page (from 1) where the run's heading, and its anchor, appear. */
  page: number;
  count: number;
}

/** Every run of `all`, in order, with the page it starts on. */
export function locateRuns<T>(all: readonly T[], keyOf: (item: T) => string, pageSize?: number): RunStart[] {
  const runs: RunStart[] = [];
  all.forEach((item, position) => {
    const key = keyOf(item);
    const last = runs[runs.length - 1];
    if (last?.key === key) last.count++;
    else runs.push({ key, page: findPage(position, pageSize), count: 1 });
  });
  return runs;
}

/** Counts of items by key, most frequent first (ties by key). */
export function countBy<T>(items: Iterable<T>, keysOf: (item: T) => Iterable<string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) for (const key of keysOf(item)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
