/**
 * The output folder from one build to the next.
 *
 * **Kept in place** when it is what the last build with the same cache folder wrote (a marker with
 * the same build id in both): Astro then finds each unchanged page already in `dist/` and leaves
 * it (`experimental.incrementalBuild` copies a page from its cache only when `dist/` lacks it), and
 * the downloads and the search index link or copy only what changed. At 10,000 cables that is
 * 12,000 pages, 30,000 downloads and 11,000 index files a rebuild neither deletes nor writes.
 * When the build is done, every file it did not write or keep is deleted (a removed cable's page
 * and downloads, the old files of a rebuilt index part), so the folder is what a clean build
 * gives. The marker is taken away while a build runs: a build that stops half way leaves none,
 * and the next one starts from an empty folder.
 *
 * **Otherwise cleared** without stopping the build: Astro empties `dist/` file by file and
 * synchronously before bundling (at 10,000 cables, 53,000 files, that held a build for 100 s on a
 * busy disk); instead the old folder is moved aside when the build starts (one rename) and deleted
 * in a worker thread while Astro bundles and renders, and the build waits for it at its end.
 *
 * Integrations that put files into the output without Astro (src/integrations/cable-files.ts,
 * search.ts) say which files are theirs with `keepInOutput`, and must be listed before this one,
 * whose `astro:build:done` runs last.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { mapInBatches } from '../lib/batches.ts';

/** The build id in the output folder, and the same in the cache folder: they match when the output is the cache's. */
const markerName = '.cables-build';

/** Files put into the output this build by integrations other than Astro's page generation. */
const kept = new Set<string>();

/** Whether this build writes into the last build's output, kept in place. */
let inPlace = false;

/** True when the output folder is the last build's, kept in place: a file it wrote then and that has not changed is still there. */
export function outputKeptInPlace(): boolean {
  return inPlace;
}

/** Files of the output (absolute paths) this build wrote or keeps outside Astro's own routes. */
export function keepInOutput(files: Iterable<string>): void {
  for (const file of files) kept.add(path.resolve(file));
}

export default function output(): AstroIntegration {
  let outDir = '';
  let cacheMarker = '';
  let mode: 'reuse' | 'move' | 'astro' = 'astro';
  let started = 0;
  let deleting: Promise<void> = Promise.resolve();
  return {
    name: 'cables-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        started = Date.now();
        outDir = fileURLToPath(config.outDir);
        cacheMarker = path.join(fileURLToPath(config.cacheDir), markerName);
        mode = isLastBuild(outDir, cacheMarker) ? 'reuse' : existsSync(path.join(outDir, '.git')) ? 'astro' : 'move';
        // Astro keeps a .git inside the output folder; so would a rename: then Astro empties it itself.
        if (mode !== 'astro') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:start': async ({ logger }) => {
        kept.clear();
        inPlace = mode === 'reuse';
        const parent = path.dirname(outDir);
        const prefix = `.${path.basename(outDir)}-old-`;
        // Folders moved aside by builds that were stopped before they could delete them.
        const leftovers = (await readdir(parent).catch(() => [] as string[])).filter((name) => name.startsWith(prefix));
        const aside = path.join(parent, `${prefix}${process.pid}-${Date.now()}`);
        if (mode === 'reuse') {
          await rm(path.join(outDir, markerName), { force: true });
          logger.info('the output of the last build is kept in place; only what changed is written');
        } else if (mode === 'move' && existsSync(outDir)) {
          try {
            await rename(outDir, aside);
            leftovers.push(path.basename(aside));
          } catch (error) {
            // Emptied in place then, as Astro would have: pages it finds there would be taken as this build's.
            logger.warn(`could not move ${outDir} aside (${(error as Error).message}); emptying it instead`);
            const entries = await readdir(outDir);
            await Promise.all(entries.map((entry) => rm(path.join(outDir, entry), { recursive: true, force: true })));
          }
        }
        deleting = leftovers.length > 0 ? removeInWorker(leftovers.map((name) => path.join(parent, name))) : Promise.resolve();
        // Awaited at the end of the build; a failure then is a warning, not a failed build.
        deleting.catch(() => {});
      },
      'astro:build:done': async ({ assets, logger }) => {
        await deleting.catch((error: Error) => logger.warn(`could not delete the previous output: ${error.message}`));
        if (mode === 'reuse') {
          const written = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
          const removed = await sweep(outDir, (file) => written.has(file) || kept.has(file), started);
          if (removed > 0) logger.info(`deleted ${removed} files of the last build that this one does not have`);
        }
        const id = randomUUID();
        await mkdir(path.dirname(cacheMarker), { recursive: true });
        await writeFile(cacheMarker, id);
        await writeFile(path.join(outDir, markerName), id);
      },
    },
  };
}

function isLastBuild(outDir: string, cacheMarker: string): boolean {
  const read = (file: string): string | null => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };
  const id = read(path.join(outDir, markerName));
  return id !== null && id === read(cacheMarker);
}

/**
 * Deletes every file under `folder` that is neither `wanted` nor written since `since` (Vite's
 * bundles and the public folder are written anew by every build), then the folders it left empty.
 */
async function sweep(folder: string, wanted: (file: string) => boolean, since: number): Promise<number> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const candidates = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !wanted(file));
  const stale = await mapInBatches(candidates, 64, async (file) => (await lstat(file)).mtimeMs < since);
  const removed = candidates.filter((_, index) => stale[index]);
  await mapInBatches(removed, 64, (file) => rm(file, { force: true }));
  // The folders that held them, and theirs, deepest first, if that left them empty (a removed cable's page folder).
  const folders = new Set<string>();
  for (const file of removed)
    for (let parent = path.dirname(file); parent.length > folder.length && parent.startsWith(folder); parent = path.dirname(parent))
      folders.add(parent);
  for (const empty of [...folders].sort((a, b) => b.length - a.length)) await rmdir(empty).catch(() => {});
  return removed.length;
}

/** Deletes the folders from a worker thread, with Node's native recursive delete. */
function removeInWorker(folders: string[]): Promise<void> {
  const code = `const { rmSync } = require('node:fs');
    for (const folder of require('node:worker_threads').workerData) rmSync(folder, { recursive: true, force: true });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: folders });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the deleting thread exited with code ${code}`))));
  });
}
