/**
 * Clearing the output folder without stopping the build. Astro empties `dist/` before bundling,
 * file by file and synchronously: at 10,000 cables (53,000 files) that held a warm build for
 * 100 s on a busy disk. This integration moves the old folder aside when the build starts (one
 * rename, so Astro finds nothing to empty) and deletes it in the background while Astro bundles
 * and renders, in a worker thread: deleting 53,000 files from the build's own thread tripled a
 * warm build's bundling. The build waits for the deletion at its end. A folder left over by a build that was
 * stopped is deleted by the next one.
 */
import { existsSync } from 'node:fs';
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';

export default function clearOutput(): AstroIntegration {
  let outDir = '';
  let deleting: Promise<void> = Promise.resolve();
  return {
    name: 'cables-clear-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async ({ logger }) => {
        const parent = path.dirname(outDir);
        const prefix = `.${path.basename(outDir)}-old-`;
        const leftovers = (await readdir(parent).catch(() => [] as string[])).filter((name) => name.startsWith(prefix));
        const aside = path.join(parent, `${prefix}${process.pid}-${Date.now()}`);
        // Astro keeps a .git inside the output folder; so would a rename, so then Astro empties it itself.
        const canMove = existsSync(outDir) && !existsSync(path.join(outDir, '.git'));
        if (canMove) {
          try {
            await rename(outDir, aside);
            leftovers.push(path.basename(aside));
          } catch (error) {
            logger.warn(`could not move ${outDir} aside (${(error as Error).message}); Astro empties it instead`);
          }
        }
        deleting = leftovers.length > 0 ? removeInWorker(leftovers.map((name) => path.join(parent, name))) : Promise.resolve();
        // Awaited at the end of the build; a failure then is a warning, not a failed build.
        deleting.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        await deleting.catch((error: Error) => logger.warn(`could not delete the previous output: ${error.message}`));
      },
    },
  };
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
