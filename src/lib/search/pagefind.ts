/**
 * The part of Pagefind's browser API (dist/pagefind/pagefind.js) the site uses, typed, and one
 * shared instance loaded on first use: pages that never search never download it. The index
 * may come in parts by date (src/lib/search/parts.ts, listed in dist/pagefind/parts.json): the
 * instance merges them, and sorts by date across them (`searchInParts`).
 */

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

export type Filters = Record<string, string[] | { any: string[] } | { all: string[] }>;

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
  mergeIndex(path: string): Promise<void>;
  /** `null` as the term lists every page that passes the filters. */
  search(term: string | null, options?: SearchOptions): Promise<Response>;
  filters(): Promise<FilterCounts>;
  preload(term: string, options?: SearchOptions): Promise<void>;
}

/** The parts of the index, oldest first, as the build lists them (src/integrations/search-index.ts). */
export interface PartsManifest {
  parts: { name: string; path: string }[];
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
    await pagefind.options({ excerptLength: 30 });
    for (const part of parts) if (part.path !== '/pagefind/') await pagefind.mergeIndex(part.path);
    await pagefind.init();
    return searchInParts(
      pagefind,
      parts.map((part) => part.name),
    );
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * Pagefind merges the results of several indexes by score, and a sorted search scores a page by
 * its rank within its own index: across parts, dates would interleave. The parts cover
 * consecutive dates, so a date-sorted search is run part by part (each document carries its
 * part as a filter) and the results joined in date order; the counts come from one search over
 * all of them.
 */
export function searchInParts(pagefind: Pagefind, parts: readonly string[]): Pagefind {
  return {
    options: (options) => pagefind.options(options),
    init: () => pagefind.init(),
    mergeIndex: (path) => pagefind.mergeIndex(path),
    filters: () => pagefind.filters(),
    preload: (term, options) => pagefind.preload(term, options),
    async search(term, options = {}) {
      const direction = options.sort ? Object.values(options.sort)[0] : undefined;
      if (direction === undefined || parts.length < 2) return await pagefind.search(term, options);
      const inOrder = direction === 'desc' ? [...parts].reverse() : [...parts];
      const [all, ...byPart] = await Promise.all([
        pagefind.search(term, { filters: options.filters ?? {} }),
        ...inOrder.map((part) => pagefind.search(term, { ...options, filters: { ...options.filters, part: [part] } })),
      ]);
      return { ...(all as Response), results: byPart.flatMap((response) => response.results) };
    },
  };
}
