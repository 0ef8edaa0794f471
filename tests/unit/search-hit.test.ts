/** Paragraph-level hits: which block a search result links to, and the URL state of the search page. */
import { describe, expect, it } from 'vitest';
import { findHit, hitUrl } from '../../src/lib/search/hit.ts';
import type { Anchor, Fragment } from '../../src/lib/search/pagefind.ts';
import { readState, toSearch, writeState } from '../../src/lib/search/state.ts';
import { viewResult } from '../../src/lib/search/view.ts';

/** A fragment shaped like Pagefind's: blocks are [id, element, text]; `matches` are the words the search matched. */
function fragmentOf(title: string, blocks: [string, string, string][], matches: Record<string, number>): Fragment {
  const words = title.split(' ');
  const anchors: Anchor[] = [];
  for (const [id, element, text] of blocks) {
    anchors.push({ id, element, location: words.length });
    words.push(...text.split(' '));
  }
  const weighted_locations = words.flatMap((word, location) => {
    const score = matches[word.toLowerCase().replace(/[^a-z]/g, '')];
    return score === undefined ? [] : [{ location, weight: 1, balanced_score: score }];
  });
  return {
    url: '/cables/09USOSCE147/',
    content: words.join(' '),
    word_count: words.length,
    meta: {
      id: '09USOSCE147',
      title: 'OSCE: LAVROV AT ASRC',
      date: '2009-06-23T16:29:00Z',
      origin: 'Mission USOSCE',
      classification: 'SECRET',
    },
    filters: {},
    anchors,
    weighted_locations,
    locations: weighted_locations.map((entry) => entry.location),
  };
}

const cable: [string, string, string][] = [
  ['summary', 'h2', 'Summary'],
  ['par1', 'p', '¶1. (SBU) Lavrov spoke, and Lavrov spoke again, and Lavrov once more.'],
  ['lavrov-on-georgia', 'h2', 'Lavrov on Georgia'],
  ['par10', 'p', '¶10. (SBU) Lavrov defended the war in Georgia at length.'],
  ['p4', 'ul', 'a list about nothing'],
];

describe('findHit', () => {
  it('links to the paragraph that matches the most query terms, not the one with the highest score', () => {
    const hit = findHit(fragmentOf('OSCE: LAVROV AT ASRC', cable, { lavrov: 5, georgia: 1 }), 'Lavrov Georgia');
    expect(hit.blockId).toBe('par10');
    expect(hit.words).toEqual(['Lavrov', 'Georgia']);
  });

  it('among paragraphs matching as many terms, takes the higher score', () => {
    expect(findHit(fragmentOf('OSCE: LAVROV AT ASRC', cable, { lavrov: 5 }), 'lavrov').blockId).toBe('par1');
  });

  it('prefers a paragraph to a section heading that matches as many terms', () => {
    const fragment = fragmentOf('Title', cable, { lavrov: 1, georgia: 1 });
    fragment.weighted_locations = fragment.weighted_locations.map((entry) => ({ ...entry, balanced_score: entry.location < 20 ? 50 : 1 }));
    expect(findHit(fragment, 'Lavrov Georgia').blockId).toBe('par10');
  });

  it('links to the top of the page when only the title matches', () => {
    const hit = findHit(fragmentOf('OSCE: LAVROV AT ASRC', cable, { asrc: 3 }), 'asrc');
    expect(hit.blockId).toBeNull();
    expect(hitUrl('/cables/09USOSCE147/', hit)).toBe('/cables/09USOSCE147/?highlight=ASRC');
  });

  it('puts the matched words in the link for highlighting, and the paragraph in its hash', () => {
    const hit = findHit(fragmentOf('T', cable, { lavrov: 5, georgia: 1 }), 'lavrov georgia');
    expect(hitUrl('/cables/09USOSCE147/', hit)).toBe('/cables/09USOSCE147/?highlight=Lavrov&highlight=Georgia#par10');
  });

  it('shows where the link lands and an excerpt of that paragraph with the words marked', () => {
    const view = viewResult(fragmentOf('OSCE: LAVROV AT ASRC', cable, { lavrov: 5, georgia: 1 }), 'lavrov georgia');
    expect(view.landing).toBe('¶10');
    expect(view.date).toBe('23 Jun 2009, 16:29Z');
    expect(view.excerpt.filter((part) => part.isMark).map((part) => part.text)).toEqual(['Lavrov', 'Georgia']);
    expect(view.excerpt.map((part) => part.text).join('')).toBe('¶10. (SBU) Lavrov defended the war in Georgia at length.');
  });
});

describe('search state in the URL', () => {
  it('reads and writes the query, filters and order', () => {
    const query = '?q=lavrov&tag=PARM&tag=PREL&year=2009&sort=newest';
    const state = readState(new URLSearchParams(query));
    expect(state.filters.tag).toEqual(['PARM', 'PREL']);
    expect(writeState(state)).toBe(query);
    expect(toSearch(state)).toEqual({
      term: 'lavrov',
      options: { filters: { tag: { all: ['PARM', 'PREL'] }, year: { any: ['2009'] } }, sort: { date: 'desc' } },
    });
  });

  it('lists every cable that passes the filters when there are no words', () => {
    expect(toSearch(readState(new URLSearchParams('?origin=Embassy+Moscow'))).term).toBeNull();
    expect(toSearch(readState(new URLSearchParams(''))).term).toBe('');
    expect(readState(new URLSearchParams('?sort=bogus')).sort).toBe('relevance');
  });
});
