/**
 * The whole state of the search page, kept in its URL so a search can be shared and reloaded:
 * `/search/?q=lavrov&tag=PARM&year=2009&sort=newest`.
 */
import type { SearchOptions } from './pagefind.ts';

export const filterNames = ['tag', 'origin', 'classification', 'year'] as const;
export type FilterName = (typeof filterNames)[number];

export const sortOrders = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface SearchState {
  q: string;
  filters: Record<FilterName, string[]>;
  sort: SortOrder;
}

export function readState(params: URLSearchParams): SearchState {
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim(),
    filters: {
      tag: params.getAll('tag'),
      origin: params.getAll('origin'),
      classification: params.getAll('classification'),
      year: params.getAll('year'),
    },
    sort: sortOrders.find((order) => order === sort) ?? 'relevance',
  };
}

/** The query string of a state, defaults left out. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of filterNames) for (const value of state.filters[name]) params.append(name, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return filterNames.some((name) => state.filters[name].length > 0);
}

/**
 * The Pagefind search of a state. Tags narrow (a cable must carry every chosen tag); origins,
 * classifications and years widen within their group (any of the chosen).
 * With no words but some filters, every cable that passes them is a result.
 */
export function toSearch(state: SearchState): { term: string | null; options: SearchOptions } {
  const options: SearchOptions = { filters: {} };
  for (const name of filterNames) {
    const values = state.filters[name];
    if (values.length > 0 && options.filters) options.filters[name] = name === 'tag' ? { all: values } : { any: values };
  }
  if (state.sort === 'newest') options.sort = { date: 'desc' };
  if (state.sort === 'oldest') options.sort = { date: 'asc' };
  const term = state.q || (hasFilters(state) || state.sort !== 'relevance' ? null : '');
  return { term, options };
}
