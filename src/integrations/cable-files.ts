/**
 * `/cables/<ID>.txt`, `.md` and `.json` in a build: put into the output once the pages are
 * written, from the list the loader leaves (`src/loaders/downloads.ts`): the cable file byte for
 * byte, and the Markdown download and JSON export the loader wrote beside the cable's HTML. The
 * export's `citedBy` depends on the other cables: it is filled in here, from one index over
 * every cable's references (`indexCitations`, as the cable pages do). A file copy costs a small
 * part of what Astro spends rendering a route per file (see docs/scale.md); `astro dev` serves
 * the same files through the routes in `src/pages/cables/`.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexCitations } from '../lib/site/citations.ts';
import type { CableExport } from '../lib/site/exports.ts';
import { compareNewestFirst } from '../lib/site/records.ts';
import { type Download, readDownloads } from '../loaders/downloads.ts';
import { linkOrCopy } from './link-or-copy.ts';

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
        const citedBy = indexCitations([...downloads].sort(compareNewestFirst));
        const target = path.join(fileURLToPath(dir), 'cables');
        await mkdir(target, { recursive: true });
        // A few files in flight at a time: enough to keep the disk busy, not the file table full.
        for (let start = 0; start < downloads.length; start += 64) {
          await Promise.all(
            downloads.slice(start, start + 64).map((download) => writeDownloads(download, target, citedBy.get(download.id))),
          );
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`wrote ${downloads.length} cables' .txt, .md and .json files in ${seconds} s`);
      },
    },
  };
}

/**
 * The `.md` download and a `.json` export no cable cites are the loader's files as they are:
 * linked, not copied, where the output shares their disk (the loader replaces a changed file
 * with a new one, so the link keeps what this build wrote). The cable file is copied: it is the
 * reader's own, and may be edited in place.
 */
async function writeDownloads({ id, text, markdown, json }: Download, target: string, citedBy: string[] | undefined): Promise<void> {
  const at = (extension: string): string => path.join(target, `${id}${extension}`);
  await Promise.all([
    copyFile(text, at('.txt')),
    linkOrCopy(markdown, at('.md')),
    citedBy ? writeFile(at('.json'), withCitedBy(await readFile(json, 'utf8'), citedBy)) : linkOrCopy(json, at('.json')),
  ]);
}

function withCitedBy(json: string, citedBy: string[]): string {
  const exported = JSON.parse(json) as CableExport;
  exported.citedBy = citedBy;
  return JSON.stringify(exported);
}
