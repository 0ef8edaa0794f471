/**
 * The Pagefind index built from what the loader left: every cable in it, in parts by date; a part
 * kept while its cables do not change, given a delta of the few that did, built again whole when
 * many did.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyIndex, type IndexOutcome, indexCables } from '../../src/integrations/search-index.ts';
import { bucketOf, bucketValue } from '../../src/lib/search/delta.ts';
import type { PartsManifest } from '../../src/lib/search/parts.ts';
import type { Download } from '../../src/loaders/downloads.ts';
import { writeDownloads } from '../../src/loaders/downloads.ts';

let folder = '';
let cacheDir: URL;

function cable(id: string, date: string, digest: string): Download {
  return {
    id,
    text: path.join(folder, `${id}.txt`),
    markdown: path.join(folder, `${id}.md`),
    json: path.join(folder, `${id}.json`),
    html: path.join(folder, `${id}.html`),
    digest,
    data: { id, date, origin: 'Mission USOSCE', classification: 'SECRET', tags: ['PARM'], subject: `About ${id}`, references: [] },
  };
}

async function pageCount(index: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(index, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

let cables: Download[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'cables-search-index-'));
  cacheDir = pathToFileURL(`${folder}/cache/`);
  cables = [cable('08PARIS567', '2008-03-01', 'a'), cable('09MOSCOW405', '2009-02-01', 'b'), cable('09USOSCE147', '2009-06-26', 'c')];
  for (const { id } of cables) await writeFile(path.join(folder, `${id}.html`), `<p id="par1">1. Lavrov met ${id}.</p>`);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('indexCables', () => {
  it('indexes every cable the loader listed, then keeps the index while no cable changes', async () => {
    await writeDownloads(cacheDir, cables);
    const first = await indexCables(cacheDir, { partSize: 10 });
    expect(first.pages).toBe(3);
    expect(first.parts.map(({ name, pages, built }) => ({ name, pages, built }))).toEqual([{ name: '2008_2009', pages: 3, built: true }]);
    expect(await pageCount(first.parts[0]!.folder)).toBe(3);

    const second = await indexCables(cacheDir, { partSize: 10 });
    expect(second.parts.map((part) => part.built)).toEqual([false]);
  });

  it('splits the index by date, and indexes again only the part whose cables changed: a few in a delta, many whole', async () => {
    const split = await indexCables(cacheDir, { partSize: 2 });
    expect(split.parts.map(({ name, pages, built }) => ({ name, pages, built }))).toEqual([
      { name: '2008', pages: 1, built: true },
      { name: '2009', pages: 2, built: true },
    ]);
    expect(existsSync(path.join(folder, 'cache', 'search', 'parts', '2008_2009')), 'the part no longer planned is deleted').toBe(false);

    await writeDownloads(cacheDir, [cables[0]!, cables[1]!, { ...cables[2]!, digest: 'c2' }]);
    const edited = await indexCables(cacheDir, { partSize: 2 });
    const summary = (outcome: IndexOutcome) =>
      outcome.parts.map(({ name, built, delta }) => ({ name, built, delta: delta && { pages: delta.pages, built: delta.built } }));
    expect(summary(edited)).toEqual([
      { name: '2008', built: false, delta: undefined },
      { name: '2009', built: false, delta: { pages: 1, built: true } },
    ]);
    expect(edited.parts[1]?.delta?.masked).toEqual([bucketValue('2009', bucketOf('09USOSCE147'))]);
    expect(await pageCount(edited.parts[1]!.delta!.folder)).toBe(1);
    expect(summary(await indexCables(cacheDir, { partSize: 2 }))[1], 'the same delta is kept').toEqual({
      name: '2009',
      built: false,
      delta: { pages: 1, built: false },
    });

    // Both cables of the part changed: a delta would hold the whole part, so the part is indexed again.
    await writeDownloads(cacheDir, [cables[0]!, { ...cables[1]!, digest: 'b2' }, { ...cables[2]!, digest: 'c2' }]);
    const rebuilt = await indexCables(cacheDir, { partSize: 2 });
    expect(summary(rebuilt)[1]).toEqual({ name: '2009', built: true, delta: undefined });
    expect(existsSync(path.join(folder, 'cache', 'search', 'parts', '2009~delta')), 'the delta it replaces is deleted').toBe(false);
  });

  it('puts the first part into the output whole, the others and the deltas as index files, and lists them for the browser', async () => {
    await writeDownloads(cacheDir, [cables[0]!, { ...cables[1]!, digest: 'b2' }, { ...cables[2]!, digest: 'c3' }]);
    const outcome = await indexCables(cacheDir, { partSize: 2 });
    const target = path.join(folder, 'dist', 'pagefind');
    await copyIndex(outcome, target);
    const manifest = JSON.parse(await readFile(path.join(target, 'parts.json'), 'utf8')) as PartsManifest;
    const [fragment] = await readdir(path.join(target, 'parts', '2009~delta', 'fragment'));
    expect(manifest.parts).toEqual([
      { name: '2008', path: '/pagefind/' },
      {
        name: '2009',
        path: '/pagefind/parts/2009/',
        delta: {
          name: '2009~delta',
          path: '/pagefind/parts/2009~delta/',
          masked: [bucketValue('2009', bucketOf('09USOSCE147'))],
          baseDates: '/pagefind/parts/2009/cable-dates.json',
          dates: { [fragment!.replace('.pf_fragment', '')]: '2009-06-26' },
        },
      },
    ]);
    expect(JSON.parse(await readFile(path.join(target, 'parts', '2009', 'cable-dates.json'), 'utf8'))).toEqual([
      ['2009-02-01', 1],
      ['2009-06-26', 1],
    ]);
    expect(await pageCount(target)).toBe(1);
    expect(await pageCount(path.join(target, 'parts', '2009'))).toBe(2);
    expect(await pageCount(path.join(target, 'parts', '2009~delta'))).toBe(1);
    expect(existsSync(path.join(target, 'pagefind.js'))).toBe(true);
    expect(existsSync(path.join(target, 'parts', '2009', 'pagefind.js')), 'a merged part loads no runtime of its own').toBe(false);
  });
});
