/**
 * `/cables/<ID>.txt` in a build: each cable file copied byte for byte into the output once the
 * pages are written, from the list the loader leaves (`text-files.ts`). A copy costs a tenth of
 * what a rendered route costs Astro per file (10,000 cables: 17 s of page generation under load);
 * `astro dev` serves the same files through `src/pages/cables/[id].txt.ts`.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readTextFiles } from '../loaders/text-files.ts';

export default function cableText(): AstroIntegration {
  let cacheDir: URL | undefined;
  return {
    name: 'cables-text',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const files = await readTextFiles(cacheDir!);
        const target = path.join(fileURLToPath(dir), 'cables');
        await mkdir(target, { recursive: true });
        // A few copies in flight at a time: enough to keep the disk busy, not the file table full.
        for (let start = 0; start < files.length; start += 64) {
          await Promise.all(files.slice(start, start + 64).map(({ id, file }) => copyFile(file, path.join(target, `${id}.txt`))));
        }
        logger.info(`copied ${files.length} cable files to cables/<ID>.txt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
