/**
 * A search over an index in parts (src/lib/search/pagefind.ts) against a stand-in for Pagefind
 * that behaves as it does on merged parts: each part matches a word by its start, and a part
 * with no such word falls back to its longest word the term starts with.
 */
import { describe, expect, it } from 'vitest';
import {
  type Filters,
  type Pagefind,
  partsHolding,
  type Response,
  type SearchOptions,
  searchInParts,
} from '../../src/lib/search/pagefind.ts';

/** Part name → page id → the words of that page. */
type Parts = Record<string, Record<string, string[]>>;

const parts: Parts = {
  '2007': { a1: ['la', 'paz', 'minister'], a2: ['ministers', 'nuclear'] },
  '2008': { b1: ['lavrov', 'moscow'], b2: ['nuclear', 'moscow'] },
  '2009': { c1: ['lavrov', 'nuclear'], c2: ['berlusconi', 'rome'] },
};

function allowed(part: string, filters: Filters = {}): boolean {
  const filter = filters.part;
  if (filter === undefined) return true;
  const values = Array.isArray(filter) ? filter : 'any' in filter ? filter.any : 'all' in filter ? filter.all : [];
  return values.includes(part);
}

function fakePagefind(asked: string[]): Pagefind {
  const search = async (term: string | null, options: SearchOptions = {}): Promise<Response> => {
    asked.push(term ?? '');
    const exact = term?.startsWith('"') ?? false;
    const words = (term ?? '').replaceAll('"', '').split(' ');
    const hits: { id: string; part: string }[] = [];
    for (const [part, pages] of Object.entries(parts)) {
      if (!allowed(part, options.filters)) continue;
      const vocabulary = new Set(Object.values(pages).flat());
      const matches = (word: string, page: string[]): boolean => {
        if (exact) return page.includes(word);
        if ([...vocabulary].some((known) => known.startsWith(word))) return page.some((known) => known.startsWith(word));
        // Pagefind's fallback in a part without the word: its longest word the term starts with.
        const fallback = [...vocabulary].filter((known) => word.startsWith(known)).sort((a, b) => b.length - a.length)[0];
        return fallback !== undefined && page.includes(fallback);
      };
      for (const [id, page] of Object.entries(pages)) if (words.every((word) => matches(word, page))) hits.push({ id, part });
    }
    const counts = Object.fromEntries(Object.keys(parts).map((part) => [part, hits.filter((hit) => hit.part === part).length]));
    const results = hits.map(({ id }) => ({ id, score: 1, words: [], data: () => Promise.reject(new Error('not needed')) }));
    return { results, unfilteredResultCount: results.length, filters: { part: counts }, totalFilters: { part: counts } };
  };
  return {
    options: async () => {},
    init: async () => {},
    mergeIndex: async () => {},
    filters: async () => ({}),
    preload: async () => {},
    search,
  };
}

const names = Object.keys(parts);
const asParts = (list: string[]) => list.map((name) => ({ name }));
const ids = (response: Response) => response.results.map((result) => result.id);

describe('searchInParts', () => {
  it('leaves out the near misses of parts without the word', async () => {
    const merged = fakePagefind([]);
    expect(ids(await merged.search('lavrov'))).toEqual(['a1', 'b1', 'c1']); // a1 only holds "la"
    expect(ids(await searchInParts(merged, asParts(names)).search('lavrov'))).toEqual(['b1', 'c1']);
  });

  it('needs every word in one part, as a single index needs every word on one page', async () => {
    const search = searchInParts(fakePagefind([]), asParts(names));
    expect(ids(await search.search('lavrov nuclear'))).toEqual(['c1']);
    const none = await search.search('berlusconi moscow');
    expect(ids(none)).toEqual([]);
    expect(Object.values(none.filters.part ?? {})).toEqual([0, 0, 0]);
  });

  it('lets a word no part holds whole match word starts everywhere', async () => {
    const search = searchInParts(fakePagefind([]), asParts(names));
    expect(ids(await search.search('minist'))).toEqual(['a1', 'a2']);
    expect(await partsHolding(fakePagefind([]), names, 'lavr')).toEqual(names);
  });

  it('sorts by date over the parts that hold the words, in date order', async () => {
    const asked: string[] = [];
    const search = searchInParts(fakePagefind(asked), asParts(names));
    expect(ids(await search.search('nuclear', { sort: { date: 'desc' } }))).toEqual(['c1', 'b2', 'a2']);
    expect(ids(await search.search('lavrov', { sort: { date: 'asc' } }))).toEqual(['b1', 'c1']);
  });

  it('asks a single index directly, and passes phrases and listings to every part', async () => {
    const asked: string[] = [];
    await searchInParts(fakePagefind(asked), asParts(['2007'])).search('lavrov');
    expect(asked).toEqual(['lavrov']);
    expect(await partsHolding(fakePagefind([]), names, '"la paz"')).toEqual(names);
    expect(await partsHolding(fakePagefind([]), names, null)).toEqual(names);
  });
});
