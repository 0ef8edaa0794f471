/** The Pagefind index built from what the loader left: every cable in it, and built again only when a cable changed. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyIndex, indexCables } from '../../src/integrations/search-index.ts';
import type { Download } from '../../src/loaders/downloads.ts';
import { writeDownloads } from '../../src/loaders/downloads.ts';

let folder = '';
let cacheDir: URL;

function cable(id: string, digest: string): Download {
  const html = path.join(folder, `${id}.html`);
  return {
    id,
    text: path.join(folder, `${id}.txt`),
    markdown: path.join(folder, `${id}.md`),
    json: path.join(folder, `${id}.json`),
    html,
    digest,
    data: {
      id,
      date: '2009-06-26',
      origin: 'Mission USOSCE',
      classification: 'SECRET',
      tags: ['PARM'],
      subject: `About ${id}`,
      references: [],
    },
  };
}

async function pageCount(index: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(index, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'cables-search-index-'));
  cacheDir = pathToFileURL(`${folder}/cache/`);
  for (const id of ['09USOSCE147', '09MOSCOW405'])
    await writeFile(path.join(folder, `${id}.html`), `<p id="par1">1. Lavrov met ${id}.</p>`);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('indexCables', () => {
  it('indexes every cable the loader listed, then reuses the index while no cable changes', async () => {
    await writeDownloads(cacheDir, [cable('09USOSCE147', 'a'), cable('09MOSCOW405', 'b')]);
    const first = await indexCables(cacheDir);
    expect(first).toMatchObject({ pages: 2, built: true });
    expect(await pageCount(first.folder)).toBe(2);

    const second = await indexCables(cacheDir);
    expect(second).toMatchObject({ pages: 2, built: false, folder: first.folder });
  });

  it('builds it again when a cable changes, or one is removed', async () => {
    await writeDownloads(cacheDir, [cable('09USOSCE147', 'a2'), cable('09MOSCOW405', 'b')]);
    expect(await indexCables(cacheDir)).toMatchObject({ built: true });
    await writeDownloads(cacheDir, [cable('09USOSCE147', 'a2')]);
    const fewer = await indexCables(cacheDir);
    expect(fewer).toMatchObject({ pages: 1, built: true });
    expect(await pageCount(fewer.folder)).toBe(1);
  });

  it('puts the index into an output folder, every file', async () => {
    const { folder: index } = await indexCables(cacheDir);
    const target = path.join(folder, 'dist', 'pagefind');
    await copyIndex(index, target);
    expect(await pageCount(target)).toBe(1);
    expect(await readFile(path.join(target, 'pagefind.js'), 'utf8')).toBe(await readFile(path.join(index, 'pagefind.js'), 'utf8'));
  });
});
