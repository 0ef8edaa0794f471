/** What a reader sees: a paragraph link lands on its paragraph, and tags lead on. */
import { describe, expect, it } from 'vitest';
import { newContext, openSite } from './browser.ts';

const opened = openSite();

describe('cable page in Chromium', () => {
  it('opens /cables/09USOSCE147/#par11 with paragraph 11 in view and highlighted', async () => {
    const context = await newContext(opened.browser);
    const page = await context.newPage();
    await page.goto(`${opened.site.url}/cables/09USOSCE147/#par11`);
    const paragraph = page.locator('#par11');
    await expect
      .poll(() =>
        paragraph.evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.top >= 0 && box.top < window.innerHeight;
        }),
      )
      .toBe(true);
    expect(await paragraph.textContent()).toMatch(/^¶11\. \(SBU\) Lavrov argued Russia supported pragmatic approaches/);
    expect(await paragraph.textContent()).toMatch(/rejected by EU High Representative Solana, although Russia could still accept this\.$/);
    const highlighted = await paragraph.evaluate((element) => getComputedStyle(element).backgroundColor);
    const plain = await page.locator('#par10').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(highlighted).not.toBe(plain);
    expect(await paragraph.evaluate((element) => element.matches(':target'))).toBe(true);
    await context.close();
  });

  it('links each numbered paragraph to itself', async () => {
    const context = await newContext(opened.browser);
    const page = await context.newPage();
    await page.goto(`${opened.site.url}/cables/09USOSCE147/`);
    await page.locator('#par7 a.par-link').click();
    expect(new URL(page.url()).hash).toBe('#par7');
    await context.close();
  });

  it('follows the PARM tag to a page that lists the cable', async () => {
    const context = await newContext(opened.browser);
    const page = await context.newPage();
    await page.goto(`${opened.site.url}/cables/09USOSCE147/`);
    await page.locator('.meta-table a.tag', { hasText: /^PARM$/ }).click();
    await page.waitForURL(/\/tags\/PARM\/$/);
    expect(await page.locator('h1').textContent()).toContain('PARM');
    const link = page.locator('a[href="/cables/09USOSCE147/"]');
    expect(await link.count()).toBeGreaterThan(0);
    await context.close();
  });
});
