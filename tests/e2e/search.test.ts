/**
 * Search as a reader uses it, in headless Chromium over a built site (SITE_DIR, default dist/):
 * a hit links to its paragraph and marks the words there, filters live in the URL, the header
 * box searches as you type, and after a visit the site searches and reads offline.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, openSite, serve } from './browser.ts';

const siteDir = process.env.SITE_DIR ?? 'dist';
const opened = openSite(siteDir);

/** The number in "12 cables match …", once the search has finished. */
async function readCount(page: Page): Promise<number> {
  await page.waitForSelector('[data-search-page][data-state="done"]');
  const status = (await page.locator('#search-status').textContent()) ?? '';
  return status.startsWith('No ') ? 0 : Number(status.replace(/[^\d].*$/s, '').replace(/,/g, ''));
}

describe('search in Chromium', () => {
  it('finds 09USOSCE147 for "Lavrov" and lands on a matching paragraph with the word marked', async () => {
    const context = await newContext(opened.browser);
    const page = await context.newPage();
    await page.goto(`${opened.site.url}/search/?q=Lavrov`);
    const link = page.locator('.search-result-link', { hasText: '09USOSCE147' });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/cables\/09USOSCE147\/\?highlight=Lavrov#par\d+$/);
    await link.click();
    await page.waitForURL(/\/cables\/09USOSCE147\//);
    const id = new URL(page.url()).hash.slice(1);
    const target = page.locator(`[id="${id}"]`);
    expect(await target.evaluate((element) => element.matches(':target'))).toBe(true);
    await target.locator('mark.search-hit').first().waitFor();
    expect(await target.locator('mark.search-hit').first().textContent()).toMatch(/^lavrov$/i);
    expect(await target.textContent()).toMatch(/Lavrov/);
    expect(
      await target.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight;
      }),
    ).toBe(true);
    await context.close();
  });

  it('narrows the results with a tag filter kept in the URL', async () => {
    const context = await newContext(opened.browser);
    const page = await context.newPage();
    await page.goto(`${opened.site.url}/search/?q=russia`);
    const all = await readCount(page);
    expect(all).toBeGreaterThan(5);
    await page.locator('#search-filter-panel summary').click();
    const parm = page.locator('#search-filters input[name="tag"][value="PARM"]');
    expect(await parm.locator('xpath=..').locator('.search-filter-count').textContent()).toMatch(/^\d+$/);
    await parm.check();
    await page.waitForURL(/[?&]tag=PARM(&|$)/);
    const narrowed = await readCount(page);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.get('q')).toBe('russia');

    await page.reload();
    expect(await readCount(page)).toBe(narrowed);
    expect(await page.locator('#search-filter-panel').getAttribute('open')).not.toBeNull();
    expect(await parm.isChecked()).toBe(true);
    await context.close();
  });

  it('sorts by date when asked, newest first', async () => {
    const context = await newContext(opened.browser);
    const page = await context.newPage();
    await page.goto(`${opened.site.url}/search/?q=russia&sort=newest`);
    await readCount(page);
    const years = await page
      .locator('.search-result-meta')
      .evaluateAll((items) => items.map((item) => Number(/\b(19|20)\d\d\b/.exec(item.textContent ?? '')?.[0])));
    expect(years.length).toBeGreaterThan(2);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
    await context.close();
  });

  it('opens the header search with "/" and shows results as you type', async () => {
    const context = await newContext(opened.browser);
    const page = await context.newPage();
    await page.goto(`${opened.site.url}/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('Lavrov');
    const link = page.locator('.quick-search-list .search-result-link', { hasText: '09USOSCE147' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/#par\d+$/);
    expect(await page.locator('.quick-search-all').getAttribute('href')).toBe('/search/?q=Lavrov');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await context.close();
  });

  it('after a first visit, searches and opens a visited cable with the network off', async () => {
    const own = await serve(siteDir);
    const context = await newContext(opened.browser);
    const page = await context.newPage();
    await page.goto(`${own.url}/search/?q=Lavrov`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.locator('.search-result-link', { hasText: '09USOSCE147' }).click();
    await page.waitForURL(/\/cables\/09USOSCE147\//);
    await page.goto(`${own.url}/search/`);
    const save = page.locator('[data-offline-save]');
    expect(await save.locator('button').textContent()).toMatch(/^Save for offline \(\d+(\.\d)? (KB|MB)\)$/);
    await save.locator('button').click();
    await page.waitForSelector('[data-offline-save][data-saved="true"]', { timeout: 120_000 });

    await context.setOffline(true);
    await own.close();
    await page.goto(`${own.url}/search/?q=Georgia`);
    expect(await readCount(page)).toBeGreaterThan(0);
    const hrefs = await page.locator('.search-result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.some((href) => /^\/cables\/[^/]+\/\?highlight=Georgia.*#par\d/i.test(href ?? ''))).toBe(true);

    await page.goto(`${own.url}/cables/09USOSCE147/`);
    expect(await page.locator('h1').textContent()).toContain('LAVROV AT ASRC');
    // A page never opened is not there: the network really is off.
    const unseen = await page.goto(`${own.url}/cables/09MOSCOW405/`);
    expect(unseen?.status()).toBe(503);
    await context.close();
  });
});
