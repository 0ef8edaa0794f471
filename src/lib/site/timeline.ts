/** Counts of cables per year and per month, with the empty years and months in between kept. */
import type { CableRecord } from './records.ts';

export interface Bar {
  /** `2009` or `2009-06`. */
  key: string;
  count: number;
}

/** Cables per year, from the earliest year to the latest, oldest first. */
export function countYears(cables: readonly CableRecord<'date'>[]): Bar[] {
  return fillGaps(count(cables, 4), (key) => String(Number(key) + 1));
}

/** Cables per month (`2009-06`), from the earliest month to the latest, oldest first. */
export function countMonths(cables: readonly CableRecord<'date'>[]): Bar[] {
  return fillGaps(count(cables, 7), nextMonth);
}

function count(cables: readonly CableRecord<'date'>[], length: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cable of cables) {
    const key = cable.data.date.slice(0, length);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function fillGaps(counts: Map<string, number>, next: (key: string) => string): Bar[] {
  const keys = [...counts.keys()].sort();
  const last = keys[keys.length - 1];
  const bars: Bar[] = [];
  for (let key = keys[0]; key !== undefined && key <= last!; key = next(key)) {
    bars.push({ key, count: counts.get(key) ?? 0 });
  }
  return bars;
}

/** `2009-12` → `2010-01`. */
function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Axis labels for a row of bars: the months when they are all in one year; every year when there are few, else every 2nd, 5th or 10th
 * year, placed on the year's bar (or its January). Returns the label for each bar, or null.
 */
export function tickBars(bars: readonly Bar[]): (string | null)[] {
  const years = new Set(bars.map((bar) => bar.key.slice(0, 4))).size;
  if (years === 1 && bars[0]?.key.length === 7) return bars.map((bar) => monthNames[Number(bar.key.slice(5)) - 1] ?? null);
  const step = years <= 12 ? 1 : years <= 24 ? 2 : years <= 60 ? 5 : 10;
  return bars.map((bar, index) => {
    const year = Number(bar.key.slice(0, 4));
    const isYearStart = bar.key.length === 4 || bar.key.endsWith('-01') || index === 0;
    if (!isYearStart || year % step !== 0) return null;
    const previous = bars[index - 1];
    return previous?.key.startsWith(String(year)) ? null : String(year);
  });
}

export interface FocusedBars {
  bars: Bar[];
  /** Cables in the years left out at the start. */
  omitted: number;
  /** First and last year left out, when any were. */
  omittedYears: [string, string] | null;
}

/**
 * Leaves out the sparse first years, as many as together hold at most `share` of the count,
 * so the bars where most cables are get the width. Cuts only at a year's start.
 */
export function focusBars(bars: readonly Bar[], share = 0.05): FocusedBars {
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  let cut = 0;
  let before = 0;
  for (let index = 0; index < bars.length; index++) {
    const bar = bars[index]!;
    const isYearStart = bar.key.length === 4 || bar.key.endsWith('-01');
    if (isYearStart && index > 0 && before <= total * share) cut = index;
    before += bar.count;
    if (before > total * share) break;
  }
  const omitted = bars.slice(0, cut).reduce((sum, bar) => sum + bar.count, 0);
  const omittedYears: [string, string] | null = cut > 0 ? [bars[0]!.key.slice(0, 4), bars[cut - 1]!.key.slice(0, 4)] : null;
  return { bars: bars.slice(cut), omitted, omittedYears };
}
