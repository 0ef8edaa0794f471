/**
 * The part of Pagefind's browser API (dist/pagefind/pagefind.js) the site uses, typed, and one
 * shared instance loaded on first use: pages that never search never download it. The index
 * may come in parts by date (src/lib/search/parts.ts, listed in dist/pagefind/parts.json), and a
 * part with a delta of its changed cables (src/lib/search/delta.ts): the instance merges them,
 * leaves out the old versions the deltas replace, and sorts by date across them (`searchInParts`).
 */
import { type DateRuns, datesByPosition } from './delta.ts';
import type { PartEntry, PartsManifest } from './parts.ts';

export interface Anchor {
  element: string;
  id: string;
  /** Word position of the element's start in `content`. */
  location: number;
}

export interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

/** A result's fragment: the page as indexed. Locations count words of `content` split on whitespace. */
export interface Fragment {
  url: string;
  content: string;
  word_count: number;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  anchors: Anchor[];
  weighted_locations: WeightedLocation[];
  locations: number[];
}

export interface Result {
  id: string;
  score: number;
  words: number[];
  data(): Promise<Fragment>;
}

/** Filter name → value → number of pages. */
export type FilterCounts = Record<string, Record<string, number>>;

export type Filters = Record<string, string[] | { any: string[] } | { all: string[] } | { none: string[] }>;

export interface SearchOptions {
  filters?: Filters;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Response {
  results: Result[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** `mergeFilter` files every page of the merged index under a filter value, without a filter file. */
  mergeIndex(path: string, options?: { mergeFilter?: Record<string, string> }): Promise<void>;
  /** `null` as the term lists every page that passes the filters. */
  search(term: string | null, options?: SearchOptions): Promise<Response>;
  filters(): Promise<FilterCounts>;
  preload(term: string, options?: SearchOptions): Promise<void>;
}

const bundle = '/pagefind/pagefind.js';
const manifest = '/pagefind/parts.json';
let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const [pagefind, { parts }] = await Promise.all([
      import(/* @vite-ignore */ bundle) as Promise<Pagefind>,
      fetch(manifest).then((response) => (response.ok ? (response.json() as Promise<PartsManifest>) : { parts: [] })),
    ]);
    // Each index is told which part it is (the `part` filter of its pages): a filter that costs no download.
    const [first] = parts;
    await pagefind.options({ excerptLength: 30, ...(first ? { mergeFilter: { part: first.name } } : {}) });
    for (const part of parts) {
      if (part.path !== '/pagefind/') await pagefind.mergeIndex(part.path, { mergeFilter: { part: part.name } });
      if (part.delta) await pagefind.mergeIndex(part.delta.path, { mergeFilter: { part: part.delta.name } });
    }
    await pagefind.init();
    return searchInParts(pagefind, parts);
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** A part as a search sees it: its name (its documents' `part` filter) and its delta, if any. */
export type SearchPart = Pick<PartEntry, 'name' | 'delta'>;

/**
 * Pagefind merges the results of several indexes by score, and a sorted search scores a page by
 * its rank within its own index: across parts, dates would interleave. The parts cover
 * consecutive dates, so a date-sorted search is run part by part (each document carries its
 * part as a filter) and the results joined in date order; the counts come from one search over
 * all of them. A part's delta covers the same dates as its base: the two are searched apart and
 * merged by date (`mergeByDate`).
 *
 * A part that lacks a searched word answers with its nearest shorter word instead (Pagefind's
 * fallback, `la` for `lavrov`), which a single index never does for a word it holds. So a search
 * is first asked of the parts that hold each of its words (`partsHolding`), and never of the
 * others; a delta counts as a part of its own (its documents' `part` is the delta's name).
 *
 * Every search leaves out the buckets of the bases that their deltas replace (`bucket: { none }`).
 */
export function searchInParts(pagefind: Pagefind, parts: readonly SearchPart[]): Pagefind {
  const names = parts.flatMap((part) => (part.delta ? [part.name, part.delta.name] : [part.name]));
  const masked = parts.flatMap((part) => part.delta?.masked ?? []);
  const unmasked = (filters: Filters = {}): Filters => (masked.length > 0 ? { ...filters, bucket: { none: masked } } : filters);
  const baseDates = new Map<string, Promise<(position: number) => string | null>>();
  /** A base's dates by position in its date order, fetched once (`url`, its `cable-dates.json`). */
  const datesOf = (url: string): Promise<(position: number) => string | null> => {
    let dates = baseDates.get(url);
    if (!dates) {
      dates = fetch(url)
        .then((response) =>
          response.ok ? (response.json() as Promise<DateRuns>) : Promise.reject(new Error(`${url}: ${response.status}`)),
        )
        .then(datesByPosition);
      dates.catch(() => baseDates.delete(url));
      baseDates.set(url, dates);
    }
    return dates;
  };
  return {
    options: (options) => pagefind.options(options),
    init: () => pagefind.init(),
    mergeIndex: (path, options) => pagefind.mergeIndex(path, options),
    // Every filter's counts: over the pages no delta replaced, when there are deltas. `filters()`
    // loads every filter's chunks; a search counts only the filters whose chunks are loaded.
    filters: async () => {
      const all = await pagefind.filters();
      return masked.length > 0 ? (await pagefind.search(null, { filters: unmasked() })).filters : all;
    },
    preload: (term, options = {}) => pagefind.preload(term, { ...options, filters: unmasked(options.filters) }),
    async search(term, options = {}) {
      if (names.length < 2) return await pagefind.search(term, options);
      const holding = await partsHolding(pagefind, names, term, unmasked());
      if (holding.length === 0) return nothingFound(await pagefind.search(term, { ...options, filters: unmasked(options.filters) }));
      const within = unmasked(holding.length === names.length ? options.filters : { ...options.filters, part: { any: holding } });
      const direction = options.sort ? Object.values(options.sort)[0] : undefined;
      if (direction === undefined) return await pagefind.search(term, { ...options, filters: within });
      const inPart = (name: string) => pagefind.search(term, { ...options, filters: unmasked({ ...options.filters, part: [name] }) });
      const inOrder = direction === 'desc' ? [...parts].reverse() : parts;
      const [all, ...byPart] = await Promise.all([
        pagefind.search(term, { filters: within }),
        ...inOrder.map(async (part) => {
          const base = holding.includes(part.name) ? (await inPart(part.name)).results : [];
          if (!part.delta || !holding.includes(part.delta.name)) return base;
          const [delta, dateOf] = await Promise.all([inPart(part.delta.name), datesOf(part.delta.baseDates)]);
          return mergeByDate(base, dateOf, delta.results, part.delta.dates, direction);
        }),
      ]);
      return { ...(all as Response), results: byPart.flat() };
    },
  };
}

/**
 * A base's and its delta's date-sorted results as one date-sorted list. A base result's date is
 * found by its score, its position in the base's date order (`dateOf`); a delta result's by its
 * id. Equal dates keep the base's results first, each list in its own order.
 */
export function mergeByDate(
  base: readonly Result[],
  dateOf: (position: number) => string | null,
  delta: readonly Result[],
  deltaDates: Readonly<Record<string, string>>,
  direction: 'asc' | 'desc',
): Result[] {
  const dated = [
    ...base.map((result) => ({ result, date: dateOf(Math.abs(result.score)) ?? '' })),
    ...delta.map((result) => ({ result, date: deltaDates[result.id] ?? '' })),
  ];
  const order = direction === 'desc' ? -1 : 1;
  // Array sort is stable: equal dates stay base first, in each list's own order.
  dated.sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? -order : order));
  return dated.map(({ result }) => result);
}

/** No page holds every word together: what a single index answers, with each filter's counts at zero. */
function nothingFound(response: Response): Response {
  const zero = (counts: Record<string, number>) => Object.fromEntries(Object.keys(counts).map((value) => [value, 0]));
  const filters = Object.fromEntries(Object.entries(response.filters).map(([name, counts]) => [name, zero(counts)]));
  return { ...response, results: [], filters };
}

/**
 * The parts, in their order, that hold every word of `term` as an indexed word (an exact search
 * for the word, which Pagefind answers per part in the `part` filter's counts). A word no part
 * holds whole (one being typed, `lavr`, or a misspelling) narrows nothing: Pagefind's own
 * matching of word starts applies to it everywhere. Phrases in quotes and listing searches
 * (`null`) go to every part: Pagefind never falls back on them.
 */
export async function partsHolding(
  pagefind: Pagefind,
  parts: readonly string[],
  term: string | null,
  filters: Filters = {},
): Promise<string[]> {
  const words = term === null || term.includes('"') ? [] : [...new Set(term.toLowerCase().split(/\s+/).filter(Boolean))];
  let holding = new Set(parts);
  // All the words at once: each may fetch its own index chunks from every part.
  const responses = await Promise.all(
    words.map((word) => pagefind.search(`"${word}"`, { filters: { ...filters, part: { any: [...parts] } } })),
  );
  for (const response of responses) {
    const counts = response.filters.part ?? {};
    const withWord = parts.filter((part) => (counts[part] ?? 0) > 0);
    if (withWord.length > 0) holding = new Set(withWord.filter((part) => holding.has(part)));
  }
  return parts.filter((part) => holding.has(part));
}
