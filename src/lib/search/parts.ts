/**
 * The search index in parts, by date. Pagefind holds a whole index in memory while it builds it
 * (about 3.6 GiB at 10,000 cables, killed at 16 GiB on the way to 100,000), and builds it again
 * whole when one page changes. Split by date, each part is built alone and kept while its cables
 * do not change; the browser merges the parts (Pagefind's `mergeIndex`), and a date-sorted search
 * reads them in date order (src/lib/search/pagefind.ts).
 *
 * A part is a run of consecutive years, as many as fit in `maxCables`; a year larger than that is
 * cut into runs of consecutive months, and a month larger than that is a part of its own. A site
 * of up to `maxCables` cables has one part. Cables with the same dates keep their parts, so an
 * edited cable rebuilds only its own part; added cables can move the boundaries after them.
 */

/**
 * The browser's list of parts (`dist/pagefind/parts.json`): oldest first, each with the URL of its
 * bundle, and of its delta when it has one (src/lib/search/delta.ts).
 */
export interface PartsManifest {
  parts: PartEntry[];
}

export interface PartEntry {
  name: string;
  path: string;
  delta?: {
    /** Its documents' `part` filter value: `<name>~delta`. */
    name: string;
    path: string;
    /** `bucket` values to leave out of every search. */
    masked: string[];
    /** URL of the base's `DateRuns`. */
    baseDates: string;
    /** The delta's result ids → their dates. */
    dates: Record<string, string>;
  };
}

export interface PartCable {
  id: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

export interface Part {
  /** `1966_2005`, `2009`, `2010-01_2010-04`: the first and last year or month it covers. */
  name: string;
  /** Its cables' ids, in the order given. */
  ids: string[];
}

/**
 * Cables per part when none is configured. Pagefind builds a part of 6,000 in about 2 GiB (3.6 GiB
 * at 10,000), so a build of 10,000 cables stays under 4 GB with its own process beside it; the
 * 5,388-cable corpus stays one part, and a first search loads one part's metadata and chunks.
 */
export const defaultPartSize = 6_000;

/** The cables in parts of at most `maxCables` (a single month can exceed it), oldest part first. */
export function planParts(cables: readonly PartCable[], maxCables = defaultPartSize): Part[] {
  const byYear = groupBy(cables, (cable) => cable.date.slice(0, 4));
  const units: { key: string; cables: PartCable[] }[] = [];
  for (const [year, inYear] of sortedEntries(byYear)) {
    if (inYear.length <= maxCables) units.push({ key: year, cables: inYear });
    else
      for (const [month, inMonth] of sortedEntries(groupBy(inYear, (cable) => cable.date.slice(0, 7))))
        units.push({ key: month, cables: inMonth });
  }
  const runs: { first: string; last: string; cables: PartCable[] }[] = [];
  for (const unit of units) {
    const run = runs.at(-1);
    // Months of a large year never share a part with another year: that year's boundaries move alone.
    const sameKind =
      run !== undefined && run.first.length === unit.key.length && (unit.key.length === 4 || run.first.startsWith(unit.key.slice(0, 4)));
    if (run !== undefined && sameKind && run.cables.length + unit.cables.length <= maxCables) {
      run.last = unit.key;
      run.cables.push(...unit.cables);
    } else {
      runs.push({ first: unit.key, last: unit.key, cables: [...unit.cables] });
    }
  }
  const parts = runs.map((run) => ({
    name: run.first === run.last ? run.first : `${run.first}_${run.last}`,
    ids: run.cables.map((cable) => cable.id),
  }));
  return parts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

function sortedEntries<T>(groups: Map<string, T[]>): [string, T[]][] {
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
