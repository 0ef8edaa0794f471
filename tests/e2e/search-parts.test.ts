/**
 * Search over an index in parts (src/lib/search/parts.ts), in headless Chromium: the default
 * cables built again with parts of 40 cables, and compared with the one-part build (SITE_DIR,
 * default dist/). The parts are merged: a search finds what the whole index finds, with the same
 * counts, and a date-sorted search runs across the parts in date order.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PartsManifest } from '../../src/lib/search/parts.ts';
import { buildSite } from '../helpers/builds.ts';
import { newContext, openSites, type Site, searchResults } from './browser.ts';

const work = mkdtempSync(path.join(tmpdir(), 'cables-parts-'));
const outDir = path.join(work, 'dist');

let whole: Site;
let parted: Site;
let browser: Browser;

beforeAll(async () => {
  await buildSite({ outDir, cacheDir: path.join(work, 'cache'), env: { CABLES_SEARCH_PART_SIZE: '40' } });
});
const opened = openSites([process.env.SITE_DIR ?? 'dist', outDir]);
beforeAll(() => {
  [whole, parted] = opened.sites as [Site, Site];
  browser = opened.browser;
});

describe('an index in parts', () => {
  it('is written as several parts by date, listed for the browser', () => {
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'pagefind', 'parts.json'), 'utf8')) as PartsManifest;
    expect(manifest.parts.length).toBeGreaterThan(2);
    expect(manifest.parts[0]?.path).toBe('/pagefind/');
    expect(manifest.parts.map((part) => part.name)).toEqual(manifest.parts.map((part) => part.name).sort());
  });

  // A part without the word would answer with Pagefind's fallback, its longest word the term
  // starts with ("la" for "lavrov"): the search asks only the parts that hold every word, so the
  // parts find exactly the cables the whole index finds.
  it('finds exactly the cables the whole index finds, and links the hit to its paragraph', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const query of ['?q=Lavrov', '?q=Berlusconi', '?q=nuclear&tag=PARM', '?q=lavrov+berlusconi', '?q=minister&sort=newest']) {
      const one = await searchResults(page, whole, query);
      const merged = await searchResults(page, parted, query);
      expect(merged.count, query).toBe(one.count);
      // Among cables that all hold the word, the order can differ: each part weighs words by its own
      // counts. The first five results come with the search, the others as they scroll into view.
      if (one.count <= 5) expect(new Set(merged.ids), query).toEqual(new Set(one.ids));
    }
    await page.goto(`${parted.url}/search/?q=Lavrov`);
    const link = page.locator('.search-result-link', { hasText: '09USOSCE147' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^\/cables\/09USOSCE147\/\?highlight=Lavrov#par\d+$/);
    await context.close();
  });

  it('sorts by date across the parts, newest and oldest first, with every result kept', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const relevance = await searchResults(page, parted, '?q=russia');
    const newest = await searchResults(page, parted, '?q=russia&sort=newest');
    const oldest = await searchResults(page, parted, '?q=russia&sort=oldest');
    expect(newest.count).toBe(relevance.count);
    expect(oldest.count).toBe(relevance.count);
    expect(newest.dates.length).toBeGreaterThan(5);
    expect(newest.dates).toEqual([...newest.dates].sort().reverse());
    expect(oldest.dates).toEqual([...oldest.dates].sort());
    expect(newest.dates[0]! > oldest.dates[0]!).toBe(true);
    await context.close();
  });
});
