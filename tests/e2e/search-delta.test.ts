/**
 * Search after a rebuild that kept its index part and added a delta of the changed cables
 * (src/lib/search/delta.ts), in headless Chromium, against a clean build of the same cables: the
 * same counts, the same cables, the same dates in date order; an edited cable found once, in its
 * new version; a removed cable not at all; an added cable found.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PartsManifest } from '../../src/lib/search/parts.ts';
import { buildSite, copySample, sampleCables } from '../helpers/builds.ts';
import { newContext, openSites, type Site, searchResults } from './browser.ts';

const work = mkdtempSync(path.join(tmpdir(), 'cables-delta-'));
const cables = path.join(work, 'cables');
const [edited, removed, added] = [sampleCables[10], sampleCables[30], sampleCables[100]] as [string, string, string];
const id = (name: string): string => name.replace(/\.txt$/, '');
/** The year of a cable, from its third metadata line (`Tue Jul 29 00:00:00 +0200 2003`). */
const year = (name: string): string | undefined =>
  /\b(\d{4})$/.exec(readFileSync(path.join(cables, name), 'utf8').split('\n')[2] ?? '')?.[1];

const build = (outDir: string, cacheDir: string): Promise<string> => buildSite({ cables, outDir, cacheDir });

let rebuilt: Site;
let clean: Site;
let browser: Browser;

beforeAll(async () => {
  copySample(sampleCables.slice(0, 80), cables);
  await build(path.join(work, 'rebuilt'), path.join(work, 'cache'));
  const text = readFileSync(path.join(cables, edited), 'utf8');
  const changed = text.replace(/\nSUBJECT:.*/, '\nSUBJECT: ZYZZOGETON REPORT');
  expect(changed).not.toBe(text);
  writeFileSync(path.join(cables, edited), changed);
  rmSync(path.join(cables, removed));
  cpSync(path.join('cables', added), path.join(cables, added));
  await build(path.join(work, 'rebuilt'), path.join(work, 'cache'));
  await build(path.join(work, 'clean'), path.join(work, 'clean-cache'));
});
const opened = openSites([path.join(work, 'rebuilt'), path.join(work, 'clean')]);
beforeAll(() => {
  [rebuilt, clean] = opened.sites as [Site, Site];
  browser = opened.browser;
});

describe('an index part with a delta', () => {
  it('is what the rebuild wrote, and the clean build has none', () => {
    const manifest = (dir: string) => JSON.parse(readFileSync(path.join(work, dir, 'pagefind', 'parts.json'), 'utf8')) as PartsManifest;
    const [part] = manifest('rebuilt').parts;
    expect(part?.delta?.masked.length).toBeGreaterThan(0);
    expect(Object.keys(part?.delta?.dates ?? {}).length).toBeLessThan(80 * 0.2);
    expect(manifest('clean').parts.map((entry) => entry.delta)).toEqual([undefined]);
  });

  it('finds the edited cable once, in its new version; the removed one not at all; the added one', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const site of [rebuilt, clean]) {
      expect((await searchResults(page, site, `?q=${id(edited)}`)).ids).toEqual([id(edited)]);
      expect((await searchResults(page, site, '?q=zyzzogeton')).ids).toEqual([id(edited)]);
      // No index holds the removed cable's id any more: Pagefind answers with its nearest words, never that cable.
      expect((await searchResults(page, site, `?q=${id(removed)}`)).ids).not.toContain(id(removed));
      expect((await searchResults(page, site, `?q=${id(added)}`)).ids).toEqual([id(added)]);
    }
    await context.close();
  });

  it('gives the counts, cables and date order a clean index gives', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // The years of the edited and the added cable, listed by date: the delta's documents among the base's.
    const queries = [
      '?q=nuclear',
      '?q=minister&sort=newest',
      '?q=government&sort=oldest',
      '?tag=PREL&sort=newest',
      '?q=report&tag=PGOV',
      ...[edited, added].flatMap((name) => [`?year=${year(name)}&sort=newest`, `?year=${year(name)}&sort=oldest`]),
    ];
    for (const query of queries) {
      const delta = await searchResults(page, rebuilt, query);
      const whole = await searchResults(page, clean, query);
      expect(delta.count, query).toBe(whole.count);
      expect(delta.count, query).toBeGreaterThan(0);
      if (query.includes('sort=')) expect(delta.dates, query).toEqual(whole.dates);
      // By relevance the two indexes weigh words by their own counts: the same cables, maybe in another order.
      else if (whole.count <= 5) expect(new Set(delta.ids), query).toEqual(new Set(whole.ids));
    }
    await context.close();
  });

  it('gives the filter counts a clean index gives, with words and without', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    /** The filter panel's text: every filter value shown and its count. */
    const counts = async (site: Site, query: string): Promise<string> => {
      await page.goto(`${site.url}/search/${query}`);
      const panel = page.locator('#search-filter-panel');
      if (!(await panel.evaluate((details) => (details as HTMLDetailsElement).open))) await panel.locator('summary').click();
      await page.locator('#search-filters .search-filter').first().waitFor();
      return ((await page.locator('#search-filters').textContent()) ?? '').replace(/\s+/g, ' ');
    };
    for (const query of ['', '?q=report&tag=PGOV', `?year=${year(edited)}`]) {
      const whole = await counts(clean, query);
      expect(whole, query).toMatch(/\d/);
      expect(await counts(rebuilt, query), query).toBe(whole);
    }
    await context.close();
  });
});
