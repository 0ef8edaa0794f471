/**
 * The Pagefind index over the cables, built beside the pages instead of after them. Each cable's
 * search document (src/lib/search/document.ts) comes from what the loader left — its fields and
 * its rendered body (src/loaders/downloads.ts) — so indexing can start as soon as the content is
 * loaded: Pagefind's service, a process of its own, works on the second core while Astro bundles
 * and renders the pages on the first, and the build only waits for what is left at its end.
 *
 * The index is written to `<cacheDir>/search/pagefind/` and linked into `dist/pagefind/`. It is
 * kept with a digest of everything it was made from (each entry's digest, the code that makes the
 * documents, Pagefind's version and settings): a build whose cables did not change reuses it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { toSearchDocument } from '../lib/search/document.ts';
import { type Download, readDownloads } from '../loaders/downloads.ts';
import { linkOrCopy } from './link-or-copy.ts';

export interface IndexOutcome {
  /** Cables in the index. */
  pages: number;
  /** False when the index of the previous build was reused. */
  built: boolean;
  /** Where the index was written (linked into the output by `copyIndex`). */
  folder: string;
  /** From the start of indexing until the index was written. */
  milliseconds: number;
}

/** Search documents read and sent to Pagefind at a time: enough to keep its service busy, few enough to hold little. */
const inFlight = 16;

/**
 * Word positions per index chunk (Pagefind's default 20,000, read from the environment of its
 * service: an unstable setting, so if a later Pagefind drops it only the chunk sizes change). A
 * search downloads the chunks holding its words; half-size chunks cut the word index of a
 * two-word search on the full corpus from ~100 KB to ~60 KB, for ~5 KB more chunk list in the
 * metadata every search loads. Measured in docs/scale.md.
 */
const indexChunkSize = 10_000;

/** What the documents are made by: a change to any of these files builds the index again. */
const sources = ['../lib/search/document.ts', './search-index.ts'].map((file) => fileURLToPath(new URL(file, import.meta.url)));

/** Builds the index of the cables the loader left in `cacheDir`, or reuses the one built from the same cables. */
export async function indexCables(cacheDir: URL): Promise<IndexOutcome> {
  const started = performance.now();
  const downloads = (await readDownloads(cacheDir)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const folder = path.join(fileURLToPath(cacheDir), 'search');
  const output = path.join(folder, 'pagefind');
  const digestFile = path.join(folder, 'digest');
  const digest = await digestOf(downloads);
  const previous = await readFile(digestFile, 'utf8').catch(() => null);
  if (previous === digest && existsSync(path.join(output, 'pagefind-entry.json'))) {
    return { pages: downloads.length, built: false, folder: output, milliseconds: performance.now() - started };
  }
  await rm(digestFile, { force: true });
  await rm(output, { recursive: true, force: true });
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const problems: string[] = [];
    let next = 0;
    const addNext = async (): Promise<void> => {
      while (next < downloads.length) {
        const cable = downloads[next++] as Download;
        const body = await readFile(cable.html, 'utf8');
        const added = await index.addHTMLFile({ url: `/cables/${cable.id}/`, content: toSearchDocument(cable.data, body) });
        if (added.errors.length > 0) problems.push(`${cable.id}: ${added.errors.join('; ')}`);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, addNext));
    if (problems.length > 0) throw new Error(`Pagefind could not index the cables: ${problems.slice(0, 5).join('; ')}`);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  await writeFile(digestFile, digest);
  return { pages: downloads.length, built: true, folder: output, milliseconds: performance.now() - started };
}

/** `indexCables` in a worker thread of its own (`search-index-worker.ts`). */
export function indexCablesInWorker(cacheDir: URL): Promise<IndexOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), { workerData: { cacheDir: cacheDir.href } });
    let answered = false;
    worker.on('message', (message: { outcome?: IndexOutcome; error?: string }) => {
      answered = true;
      if (message.outcome) resolve(message.outcome);
      else reject(new Error(`the search index could not be built: ${message.error}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!answered) reject(new Error(`the search index worker thread exited (code ${code}) before the index was written`));
    });
  });
}

/** Puts the index into the output folder: hard links where the two share a disk, copies where not. */
export async function copyIndex(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const folders = new Set([to]);
  for (const entry of entries)
    if (entry.isDirectory()) folders.add(path.join(to, path.relative(from, path.join(entry.parentPath, entry.name))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(from, path.join(entry.parentPath, entry.name)));
  // A few files in flight at a time: enough to keep the disk busy, not the file table full.
  for (let start = 0; start < files.length; start += 64) {
    await Promise.all(files.slice(start, start + 64).map((file) => linkOrCopy(path.join(from, file), path.join(to, file))));
  }
}

/** Everything the index is made from: the cables (id, entry digest) in order, the code and the settings. */
async function digestOf(downloads: readonly Download[]): Promise<string> {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(await readFile(source));
  hash.update(`pagefind ${await pagefindVersion()} chunk ${process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? indexChunkSize}\0`);
  for (const { id, digest } of downloads) hash.update(`${id}\0${digest}\0`);
  return hash.digest('hex');
}

async function pagefindVersion(): Promise<string> {
  // The package exports only its entry (lib/index.js); its manifest is one folder up.
  const manifest = fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind')));
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}
