/** What a reader follows between pages: REF links and "Cited by", tag meanings, breadcrumbs, previous and next. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeTag } from '../../src/lib/site/tags.ts';
import { readReferencePairs } from '../unit/site-cables.ts';
import { find, findAll, hrefsOf, readPage, requireSite, siteDir, textOf } from './site.ts';

beforeAll(requireSite);

describe('REF links and "Cited by"', () => {
  const pairs = readReferencePairs();

  it.each(pairs)('%s links its REF entry to %s, which lists it under "Cited by"', (citing, cited) => {
    const citingPage = readPage(`/cables/${citing}/`);
    expect(hrefsOf(citingPage, 'section[aria-labelledby="references"] a')).toContain(`/cables/${cited}/`);
    const citedPage = readPage(`/cables/${cited}/`);
    const citedBy = find(citedPage, 'section[aria-labelledby="cited-by"]');
    expect(hrefsOf(citedBy!, 'a')).toContain(`/cables/${citing}/`);
  });

  it('says plainly when a REF entry names a cable that is not in the collection', () => {
    const page = readPage('/cables/09CAIRO1778/');
    const entries = findAll(page, 'section[aria-labelledby="references"] li').map(textOf);
    expect(entries.some((entry) => /not in this collection/.test(entry))).toBe(true);
  });
});

describe('tag pages', () => {
  const tags = readdirSync(path.join(siteDir, 'tags'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  it('give the meaning of PARM next to the code, with a timeline and its companion tags', () => {
    const page = readPage('/tags/PARM/');
    expect(textOf(find(page, 'h1'))).toBe('PARM Arms Controls and Disarmament');
    expect(find(page, '.bar-chart svg[role="img"]')).toBeDefined();
    expect(hrefsOf(page, 'section[aria-labelledby="companions"] a')).toContain('/tags/PREL/');
  });

  it('carry the glossary meaning on every tag page, or say the code is unknown', () => {
    for (const tag of tags) {
      const page = readPage(`/tags/${tag}/`);
      const code = textOf(find(page, 'h1 code'));
      const meaning = describeTag(code);
      expect(textOf(find(page, 'h1 .meaning')), code).toBe(meaning ? meaning.name : 'Unknown tag');
      if (!meaning) expect(textOf(find(page, '.lead'))).toMatch(/meaning is unknown/);
    }
  });

  it('list the tags with their meanings on /tags/', () => {
    const page = readPage('/tags/');
    const prel = findAll(page, '.count-list li').find((item) => textOf(find(item, 'code')) === 'PREL');
    expect(textOf(prel)).toMatch(/^PREL External Political Relations [\d,]+$/);
    expect(hrefsOf(page, '.count-list a').length).toBe(tags.length);
  });
});

describe('cable page navigation', () => {
  it('puts breadcrumbs origin › year › cable on the sample', () => {
    const page = readPage('/cables/09USOSCE147/');
    const crumbs = findAll(page, 'nav.breadcrumbs li').map(textOf);
    expect(crumbs).toEqual(['Origins', 'Mission USOSCE', '2009', '09USOSCE147']);
    expect(hrefsOf(page, 'nav.breadcrumbs a')).toEqual(['/origins/', '/origins/mission-usosce/', '/origins/mission-usosce/#y2009']);
  });

  it('links previous and next from the same origin, each pointing back', () => {
    const page = readPage('/cables/08USNATO278/');
    const previous = hrefsOf(page, 'nav.neighbours a[rel="prev"]')[0]!;
    const next = hrefsOf(page, 'nav.neighbours a[rel="next"]')[0]!;
    expect(hrefsOf(readPage(previous), 'nav.neighbours a[rel="next"]')).toEqual(['/cables/08USNATO278/']);
    expect(hrefsOf(readPage(next), 'nav.neighbours a[rel="prev"]')).toEqual(['/cables/08USNATO278/']);
  });

  it('ranks related cables by shared tags and never lists the cable itself', () => {
    const page = readPage('/cables/09USOSCE147/');
    const related = hrefsOf(page, 'section[aria-labelledby="related"] a');
    expect(related.length).toBeGreaterThan(0);
    expect(related).not.toContain('/cables/09USOSCE147/');
  });
});
