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
 *
 * A part that lacks a searched word answers with its nearest shorter word instead (Pagefind's
 * fallback, `la` for `lavrov`), which a single index never does for a word it holds. So a search
 * is first asked of the parts that hold each of its words (`partsHolding`), and never of the
 * others.
 */
export function searchInParts(pagefind: Pagefind, parts: readonly string[]): Pagefind {
  return {
    options: (options) => pagefind.options(options),
    init: () => pagefind.init(),
    mergeIndex: (path) => pagefind.mergeIndex(path),
    filters: () => pagefind.filters(),
    preload: (term, options) => pagefind.preload(term, options),
    async search(term, options = {}) {
      if (parts.length < 2) return await pagefind.search(term, options);
      const holding = await partsHolding(pagefind, parts, term);
      if (holding.length === 0) return nothingFound(await pagefind.search(term, options));
      const within = holding.length === parts.length ? options.filters : { ...options.filters, part: { any: holding } };
      const direction = options.sort ? Object.values(options.sort)[0] : undefined;
      if (direction === undefined) return await pagefind.search(term, { ...options, filters: within ?? {} });
      const inOrder = direction === 'desc' ? [...holding].reverse() : holding;
      const [all, ...byPart] = await Promise.all([
        pagefind.search(term, { filters: within ?? {} }),
        ...inOrder.map((part) => pagefind.search(term, { ...options, filters: { ...options.filters, part: [part] } })),
      ]);
      return { ...(all as Response), results: byPart.flatMap((response) => response.results) };
    },
  };
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
export async function partsHolding(pagefind: Pagefind, parts: readonly string[], term: string | null): Promise<string[]> {
  const words = term === null || term.includes('"') ? [] : [...new Set(term.toLowerCase().split(/\s+/).filter(Boolean))];
  let holding = new Set(parts);
  // All the words at once: each may fetch its own index chunks from every part.
  const responses = await Promise.all(words.map((word) => pagefind.search(`"${word}"`, { filters: { part: { any: [...parts] } } })));
  for (const response of responses) {
    const counts = response.filters.part ?? {};
    const withWord = parts.filter((part) => (counts[part] ?? 0) > 0);
    if (withWord.length > 0) holding = new Set(withWord.filter((part) => holding.has(part)));
  }
  return parts.filter((part) => holding.has(part));
}
