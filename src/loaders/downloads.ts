/**
 * The files a build puts at `/cables/<ID>.txt`, `.md` and `.json` (`src/integrations/cable-files.ts`),
 * one entry per cable in the collection: the cable file, the `.md` download and the `.json` export
 * the loader wrote (`bodies.ts`), and the date and references the export's `citedBy` is computed
 * from. The loader writes the list after every load; files that failed or were left out are not in
 * it, as they have no page.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CableFrontmatter } from '../lib/cable/index.ts';

export interface Download {
  /** The cable's id, its page's path segment. */
  id: string;
  /** Absolute path of the cable file, served as `/cables/<ID>.txt`. */
  text: string;
  /** Absolute path of the `.md` download. */
  markdown: string;
  /** Absolute path of the `.json` export, `citedBy` empty. */
  json: string;
  /** What the cables citing it are found and ordered by. */
  data: Pick<CableFrontmatter, 'date' | 'references'>;
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
