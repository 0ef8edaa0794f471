/**
 * What the build makes of each cable besides its pages, one entry per cable in the collection:
 * the files put at `/cables/<ID>.txt`, `.md` and `.json` (`src/integrations/cable-files.ts`) —
 * the cable file, the `.md` download and the `.json` export the loader wrote (`bodies.ts`), and
 * the date and references the export's `citedBy` is computed from — and the search document
 * (`src/integrations/search-index.ts`): the rendered body, the fields it is filed under, and the
 * entry's digest, which says whether the index must be built again. The loader writes the list
 * after every load; files that failed or were left out are not in it, as they have no page.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CableFrontmatter } from '../lib/cable/index.ts';
import type { SearchFields } from '../lib/search/document.ts';

export interface Download {
  /** The cable's id, its page's path segment. */
  id: string;
  /** Absolute path of the cable file, served as `/cables/<ID>.txt`. */
  text: string;
  /** Absolute path of the `.md` download. */
  markdown: string;
  /** Absolute path of the `.json` export, `citedBy` empty. */
  json: string;
  /** Absolute path of the rendered body. */
  html: string;
  /** The entry's digest in the data store: it changes when the cable file or the parser does. */
  digest: string;
  /** What the cables citing it are found and ordered by, and what search shows and filters. */
  data: Pick<CableFrontmatter, 'references'> & SearchFields;
}

function listFile(cacheDir: URL): string {
  return path.join(fileURLToPath(cacheDir), 'cables', 'downloads.json');
}

export async function writeDownloads(cacheDir: URL, downloads: readonly Download[]): Promise<void> {
  await mkdir(path.dirname(listFile(cacheDir)), { recursive: true });
  await writeFile(listFile(cacheDir), JSON.stringify(downloads));
}

export async function readDownloads(cacheDir: URL): Promise<Download[]> {
  try {
    return JSON.parse(await readFile(listFile(cacheDir), 'utf8')) as Download[];
  } catch (error) {
    throw new Error(`the cables loader left no list of downloads at ${listFile(cacheDir)}: ${(error as Error).message}`);
  }
}
