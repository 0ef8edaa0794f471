/** The reading experience in Chromium: theme choice that persists without a flash, skip link, keyboard, phone width, print. */
import { describe, expect, it } from 'vitest';
import { siteDir } from '../build/site.ts';
import { openSite } from './browser.ts';

const opened = openSite(siteDir);

const background = () => getComputedStyle(document.body).backgroundColor;

describe('theme', () => {
  it('follows the system preference until the reader picks one, then keeps it on every page from the first paint', async () => {
    const context = await opened.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${opened.site.url}/`);
    const light = await page.evaluate(background);
    await page.selectOption('#theme-select', 'dark');
    const dark = await page.evaluate(background);
    expect(dark).not.toBe(light);
    // On the next page the stored choice is applied by the head script, before the body exists.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive')
          (window as unknown as { early: string }).early = document.documentElement.dataset.theme ?? '';
      });
    });
    await page.goto(`${opened.site.url}/tags/PARM/`);
    expect(await page.evaluate(() => (window as unknown as { early: string }).early)).toBe('dark');
    expect(await page.evaluate(background)).toBe(dark);
    expect(await page.inputValue('#theme-select')).toBe('dark');
    await page.selectOption('#theme-select', 'auto');
    await page.reload();
    expect(await page.evaluate(background)).toBe(light);
    await context.close();
  });
});

describe('keyboard', () => {
  it('offers the skip link first, and it moves focus to the content', async () => {
    const context = await opened.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${opened.site.url}/cables/09USOSCE147/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'))).toBe('Breadcrumb');
    await context.close();
  });
});

describe('layout', () => {
  it('fits a phone: no page is wider than a 375-pixel screen', async () => {
    const context = await opened.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    for (const path of ['/', '/cables/09USOSCE147/', '/tags/PREL/', '/tags/', '/origins/', '/dates/2009/']) {
      await page.goto(`${opened.site.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    await context.close();
  });

  it('prints a cable without the site chrome', async () => {
    const context = await opened.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${opened.site.url}/cables/09USOSCE147/`);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).display !== 'none');
    expect(await shown('.site-header')).toBe(false);
    expect(await shown('.site-footer')).toBe(false);
    expect(await shown('nav.breadcrumbs')).toBe(false);
    expect(await shown('.cable-body')).toBe(true);
    expect(await shown('.meta-table')).toBe(true);
    await context.close();
  });
});
