/**
 * Does search find a paragraph from the words in it? Takes a few words from random numbered
 * paragraphs of random cables of a built site, searches them on the real /search/ page in
 * headless Chromium, and counts how often that cable is among the first results linked to that
 * very paragraph: online, then offline after "Save for offline" with the server stopped.
 *
 * The words are the ones a person would take to find that paragraph again: words of five letters
 * or more that set it apart, i.e. not in more than `--common` of all cables ("government",
 * "minister", "officials" are left out; names, places and rarer words stay), drawn at random
 * among those.
 *
 *   node scripts/search-check.ts [dist] [--samples 100] [--words 3] [--top 10] [--seed 1] [--common 0.05] [--online-only]
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launch, serve } from '../tests/e2e/browser.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    samples: { type: 'string', default: '100' },
    words: { type: 'string', default: '3' },
    top: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    common: { type: 'string', default: '0.05' },
    'online-only': { type: 'boolean', default: false },
  },
});
const dist = positionals[0] ?? 'dist';
const top = Number(values.top);
const random = seededRandom(Number(values.seed));
const stopwords = new Set(
  'about above after again against their there these those which while would could should other being where because before between through during under until with from that this have were will been into than then them they what when your also only over such more most some very said says'.split(
    ' ',
  ),
);

interface Sample {
  id: string;
  paragraph: string;
  query: string;
}

type Outcome = 'paragraph' | 'cable' | 'missed';

const samples = await drawSamples(Number(values.samples), Number(values.words));
const browser = await launch();
const site = await serve(dist);
try {
  const online = await runAll(browser, site.url, samples, { isOffline: false, close: async () => undefined });
  summarize('online', online);
  if (!values['online-only']) {
    const offline = await runAll(browser, site.url, samples, { isOffline: true, close: () => site.close() });
    summarize('offline', offline);
  }
} finally {
  await browser.close();
  await site.close().catch(() => undefined);
}

async function runAll(
  browser: Browser,
  origin: string,
  list: Sample[],
  { isOffline, close }: { isOffline: boolean; close: () => Promise<void> },
): Promise<{ sample: Sample; outcome: Outcome; rank: number }[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (isOffline) {
    await page.goto(`${origin}/search/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const started = Date.now();
    await page.locator('[data-offline-save] button').click();
    await page.waitForSelector('[data-offline-save][data-saved="true"]', { timeout: 600_000 });
    console.log(
      `saved for offline in ${((Date.now() - started) / 1000).toFixed(1)} s: ${await page.locator('[data-offline-save] [role="status"]').textContent()}`,
    );
    await context.setOffline(true);
    await close();
  }
  const outcomes = [];
  for (const sample of list) outcomes.push({ sample, ...(await check(page, origin, sample)) });
  await context.close();
  return outcomes;
}

async function check(page: Page, origin: string, sample: Sample): Promise<{ outcome: Outcome; rank: number }> {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(sample.query)}`);
  await page.waitForSelector('[data-search-page][data-state="done"]', { timeout: 60_000 });
  await revealResults(page, top);
  const hrefs = (
    await page.locator('.search-result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  ).slice(0, top);
  const rank = hrefs.findIndex((href) => href.startsWith(`/cables/${sample.id}/`));
  if (rank < 0) return { outcome: 'missed', rank };
  const hash = decodeURIComponent(new URL(hrefs[rank] ?? '', origin).hash.slice(1));
  return { outcome: hash === sample.paragraph ? 'paragraph' : 'cable', rank: rank + 1 };
}

/** Scrolls the first `count` results into view, as a reader does, so each one's text is fetched and shown. */
async function revealResults(page: Page, count: number): Promise<void> {
  const shown = Math.min(count, await page.locator('#search-results > li').count());
  for (let index = 0; index < shown; index++) {
    await page.evaluate((nth) => document.querySelectorAll('#search-results > li')[nth]?.scrollIntoView({ block: 'center' }), index);
    await page.waitForFunction(
      (nth) => document.querySelectorAll('#search-results > li')[nth]?.querySelector('.search-result-link'),
      index,
      {
        timeout: 30_000,
      },
    );
  }
}

function summarize(label: string, outcomes: { sample: Sample; outcome: Outcome; rank: number }[]): void {
  const count = (outcome: Outcome) => outcomes.filter((entry) => entry.outcome === outcome).length;
  const percent = (n: number) => `${((100 * n) / outcomes.length).toFixed(1)}%`;
  const first = outcomes.filter((entry) => entry.rank === 1).length;
  console.log(
    `${label}: ${outcomes.length} searches; cable in top ${top} linked to the paragraph: ${count('paragraph')} (${percent(count('paragraph'))}); ` +
      `cable in top ${top}, other paragraph: ${count('cable')}; missed: ${count('missed')}; cable ranked first: ${first} (${percent(first)})`,
  );
  for (const entry of outcomes.filter((item) => item.outcome !== 'paragraph').slice(0, 12)) {
    console.log(
      `  ${entry.outcome.padEnd(7)} ${entry.sample.id}#${entry.sample.paragraph}  "${entry.sample.query}"${entry.rank > 0 ? ` (rank ${entry.rank})` : ''}`,
    );
  }
}

async function drawSamples(count: number, wordCount: number): Promise<Sample[]> {
  const ids = (await readdir(path.join(dist, 'cables'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const common = await findCommonWords(ids, Number(values.common));
  const samples: Sample[] = [];
  for (let attempt = 0; samples.length < count && attempt < count * 20; attempt++) {
    const id = ids[Math.floor(random() * ids.length)] as string;
    const html = await readFile(path.join(dist, 'cables', id, 'index.html'), 'utf8');
    const paragraphs = [...html.matchAll(/<p id="(par[^"]+)">([\s\S]*?)<\/p>/g)].map((match) => ({
      id: match[1] as string,
      words: [
        ...new Set(
          decode(match[2]?.replace(/<[^>]+>/g, ' ') ?? '')
            .split(/\s+/)
            .map((word) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')),
        ),
      ].filter(
        (word) =>
          /^\p{L}{5,}$/u.test(word) && !stopwords.has(word.toLowerCase()) && !common.has(word.toLowerCase()) && word !== 'XXXXXXXXXXXX',
      ),
    }));
    const candidates = paragraphs.filter((paragraph) => paragraph.words.length >= wordCount * 2);
    const paragraph = candidates[Math.floor(random() * candidates.length)];
    if (!paragraph) continue;
    const words: string[] = [];
    const pool = [...paragraph.words];
    while (words.length < wordCount && pool.length) words.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as string);
    samples.push({ id, paragraph: paragraph.id, query: words.join(' ') });
  }
  return samples;
}

/** Words found in more than `share` of all cable bodies (lower case): too common to pick a paragraph out. */
async function findCommonWords(ids: string[], share: number): Promise<Set<string>> {
  const cablesWith = new Map<string, number>();
  for (const id of ids) {
    const html = await readFile(path.join(dist, 'cables', id, 'index.html'), 'utf8');
    const start = html.indexOf('<div class="cable-body">');
    const body = html.slice(start, html.indexOf('<div class="cable-links"', start));
    const words = new Set(decode(body.replace(/<[^>]+>/g, ' ').toLowerCase()).match(/\p{L}{5,}/gu) ?? []);
    for (const word of words) cablesWith.set(word, (cablesWith.get(word) ?? 0) + 1);
  }
  return new Set([...cablesWith].filter(([, count]) => count > share * ids.length).map(([word]) => word));
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Mulberry32: the same samples for the same seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
