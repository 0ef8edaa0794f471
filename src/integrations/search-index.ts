/**
 * The Pagefind index over the cable pages only (dist/cables/<ID>/index.html), written to
 * dist/pagefind/. Index, tag and list pages are not search results. Each cable page is read once
 * and Pagefind gets its search document (src/integrations/search-document.ts): the facets, the
 * title and the body with an empty anchor before every block, nothing else of the page.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { toSearchDocument } from './search-document.ts';

export interface IndexOutcome {
  pages: number;
}

/** Pages read and sent to Pagefind at a time: enough to keep its service busy, few enough to hold little. */
const inFlight = 16;

/**
 * Word positions per index chunk (Pagefind's default 20,000, read from the environment of its
 * service: an unstable setting, so if a later Pagefind drops it only the chunk sizes change). A
 * search downloads the chunks holding its words; half-size chunks cut the word index of a
 * two-word search on the full corpus from ~100 KB to ~60 KB, for ~5 KB more chunk list in the
 * metadata every search loads. Measured in docs/scale.md.
 */
const indexChunkSize = 10_000;

export async function indexCables(distDir: string): Promise<IndexOutcome> {
  const ids = await listCablePages(distDir);
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const problems: string[] = [];
    let pages = 0;
    let next = 0;
    const addNext = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++] as string;
        const document = toSearchDocument(await readFile(path.join(distDir, 'cables', id, 'index.html'), 'utf8'));
        if (document === null) {
          problems.push(`cables/${id}/index.html has no cable body`);
          continue;
        }
        const added = await index.addHTMLFile({ url: `/cables/${id}/`, content: document });
        if (added.errors.length > 0) problems.push(`cables/${id}/index.html: ${added.errors.join('; ')}`);
        else pages += 1;
      }
    };
    await Promise.all(Array.from({ length: inFlight }, addNext));
    if (problems.length > 0) throw new Error(`Pagefind could not index the cable pages: ${problems.slice(0, 5).join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(distDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    return { pages };
  } finally {
    await pagefind.close();
  }
}

/** Ids of the built cable pages, in a stable order (the order Pagefind numbers its pages). */
async function listCablePages(distDir: string): Promise<string[]> {
  const entries = await readdir(path.join(distDir, 'cables'), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
