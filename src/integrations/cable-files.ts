/**
 * `/cables/<ID>.txt` and `/cables/<ID>.md` in a build: copied into the output once the pages are
 * written, from the list the loader leaves (`src/loaders/downloads.ts`): the cable file byte for
 * byte, and the Markdown download the loader wrote beside the cable's HTML. A copy costs a small
 * part of what Astro spends rendering a route per file (see docs/scale.md); `astro dev` serves the
 * same files through `src/pages/cables/[id].txt.ts` and `[id].md.ts`.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readDownloads } from '../loaders/downloads.ts';

export default function cableFiles(): AstroIntegration {
  let cacheDir: URL | undefined;
  return {
    name: 'cables-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const downloads = await readDownloads(cacheDir!);
        const target = path.join(fileURLToPath(dir), 'cables');
        await mkdir(target, { recursive: true });
        // A few copies in flight at a time: enough to keep the disk busy, not the file table full.
        for (let start = 0; start < downloads.length; start += 64) {
          await Promise.all(
            downloads
              .slice(start, start + 64)
              .flatMap(({ id, text, markdown }) => [
                copyFile(text, path.join(target, `${id}.txt`)),
                copyFile(markdown, path.join(target, `${id}.md`)),
              ]),
          );
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`copied ${downloads.length} cables to cables/<ID>.txt and .md in ${seconds} s`);
      },
    },
  };
}
