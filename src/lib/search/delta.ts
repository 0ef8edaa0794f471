/**
 * Rebuilding a part of the search index (src/lib/search/parts.ts) after a few of its cables
 * change, without indexing the whole part again: a small _delta_ index holds the changed cables,
 * and the part's own index (its _base_) is searched without their old versions.
 *
 * Pagefind cannot drop a page from an index it has written, but it can leave pages out by filter.
 * So every document of a base is filed under one of `bucketCount` buckets by a hash of its id
 * (`bucket` filter, value `<part>/<n>`). When cables change, are added or are removed, the buckets
 * they fall in are _masked_ (`{ bucket: { none: [...] } }` in every search) and the delta holds
 * every current cable of those buckets: a whole bucket, so nothing of the base is hidden that the
 * delta does not hold again. A delta larger than `maxDeltaShare` of its part is not worth it: the
 * part is indexed again whole, and starts over with an empty delta.
 *
 * A date-sorted search scores a page by its position in its own index's date order (Pagefind's
 * `apply_sort`), so the base's dates in that order (`DateRuns`) and the delta's dates by result id
 * let the browser merge the two by date (src/lib/search/pagefind.ts).
 */

export const bucketCount = 64;

/** Above this share of its part's cables, a delta costs about what indexing the part again does. */
export const maxDeltaShare = 0.2;

/** A cable as indexed: its id and the digest of what its search document is made from. */
export interface IndexedCable {
  id: string;
  digest: string;
}

export interface DeltaPlan {
  /** Buckets of the base to leave out of every search, ascending. */
  buckets: number[];
  /** Ids of the current cables in those buckets, in the order given: the delta's documents. */
  ids: string[];
}

/** The bucket of a cable id: FNV-1a over its UTF-16 code units, stable from build to build. */
export function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % bucketCount;
}

/** The `bucket` filter value of a base document: buckets of different parts are different values. */
export function bucketValue(part: string, bucket: number): string {
  return `${part}/${bucket}`;
}

/**
 * What a delta over `base` must hold for the part's cables to be `current`: no buckets when
 * nothing changed, null when the delta would be too large (index the part again).
 */
export function planDelta(base: readonly IndexedCable[], current: readonly IndexedCable[], maxShare = maxDeltaShare): DeltaPlan | null {
  const before = new Map(base.map(({ id, digest }) => [id, digest]));
  const now = new Set(current.map(({ id }) => id));
  const touched = new Set<number>();
  for (const { id, digest } of current) if (before.get(id) !== digest) touched.add(bucketOf(id));
  for (const { id } of base) if (!now.has(id)) touched.add(bucketOf(id));
  const ids = current.filter(({ id }) => touched.has(bucketOf(id))).map(({ id }) => id);
  if (ids.length > Math.max(1, current.length * maxShare)) return null;
  return { buckets: [...touched].sort((a, b) => a - b), ids };
}

/** Dates in ascending order as runs of equal dates: `[date, how many]`. */
export type DateRuns = [string, number][];

/** The runs of a list of dates, sorted as Pagefind sorts its sort values (by their UTF-8 bytes, which for these ASCII dates is code unit order). */
export function dateRuns(dates: readonly string[]): DateRuns {
  const runs: DateRuns = [];
  for (const date of [...dates].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const last = runs.at(-1);
    if (last && last[0] === date) last[1]++;
    else runs.push([date, 1]);
  }
  return runs;
}

/** The date at each position (0-based) of the ascending order the runs describe; null past its end. */
export function datesByPosition(runs: DateRuns): (position: number) => string | null {
  const ends: number[] = [];
  let end = 0;
  for (const [, count] of runs) {
    end += count;
    ends.push(end);
  }
  return (position) => {
    // The first run that ends after the position.
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((ends[middle] as number) > position) high = middle;
      else low = middle + 1;
    }
    return position >= 0 && low < runs.length ? (runs[low] as [string, number])[0] : null;
  };
}
