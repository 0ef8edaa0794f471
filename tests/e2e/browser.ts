/**
 * Shared by the browser tests: serve a built site on localhost and drive Debian's
 * Chromium headless through playwright-core.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll } from 'vitest';

/** Chromium from Debian's package, or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Site {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` (a built site) on a free localhost port. */
export async function serve(dir = 'dist'): Promise<Site> {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build the site first (npm run build)`);
  }
  const handler = sirv(dir, { dev: true, etag: true });
  const server: Server = createServer((request, response) =>
    handler(request, response, () => {
      response.statusCode = 404;
      response.end('Not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Starts headless Chromium with a fresh profile (Playwright makes a temporary one) and no background traffic. */
export async function launch(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: run "apt-get install -y chromium" or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** A fresh browser context for one test. */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 } });
}

/** A built site served and Chromium started for the tests of one file; both close after them. */
export function openSite(dir = process.env.SITE_DIR ?? 'dist'): { site: Site; browser: Browser } {
  const opened = openSites([dir]);
  return {
    get site() {
      return opened.sites[0] as Site;
    },
    get browser() {
      return opened.browser;
    },
  };
}

/**
 * Several built sites served and Chromium started for the tests of one file, after the hooks
 * registered before (a build of the sites, say); all close after the tests.
 */
export function openSites(dirs: readonly string[]): { sites: Site[]; browser: Browser } {
  const opened = { sites: [] as Site[] } as { sites: Site[]; browser: Browser };
  beforeAll(async () => {
    for (const dir of dirs) opened.sites.push(await serve(dir));
    opened.browser = await launch();
  });
  afterAll(async () => {
    await opened.browser?.close();
    for (const site of opened.sites) await site.close();
  });
  return opened;
}

/**
 * What the search page shows for a query string once the search has finished: the count, and the
 * ids and dates of the results on its first page (the first five come with the search, the rest
 * as they scroll into view: scrolled to, and waited for).
 */
export async function searchResults(page: Page, site: Site, query: string): Promise<{ count: number; ids: string[]; dates: string[] }> {
  await page.goto(`${site.url}/search/${query}`);
  await page.waitForSelector('[data-search-page][data-state="done"]');
  // Each poll brings the next waiting result into view.
  await page.waitForFunction(() => {
    const pending = document.querySelector('.search-result-pending');
    pending?.scrollIntoView({ block: 'center' });
    return pending === null;
  });
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const count = status.startsWith('No ') ? 0 : Number(status.replace(/[^\d].*$/s, '').replace(/,/g, ''));
  const ids = await page
    .locator('.search-result-link')
    .evaluateAll((links) => links.map((link) => /\/cables\/([^/]+)\//.exec(link.getAttribute('href') ?? '')?.[1] ?? ''));
  const dates = await page
    .locator('.search-result-meta time')
    .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
  return { count, ids, dates };
}
