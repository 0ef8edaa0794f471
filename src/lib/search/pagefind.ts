/**
 * The part of Pagefind's browser API (dist/pagefind/pagefind.js) the site uses, typed, and one
 * shared instance loaded on first use: pages that never search never download it.
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
  /** `null` as the term lists every page that passes the filters. */
  search(term: string | null, options?: SearchOptions): Promise<Response>;
  filters(): Promise<FilterCounts>;
  preload(term: string, options?: SearchOptions): Promise<void>;
}

const bundle = '/pagefind/pagefind.js';
let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
    await pagefind.options({ excerptLength: 30 });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
