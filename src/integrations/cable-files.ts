/**
 * `/cables/<ID>.txt`, `.md` and `.json` in a build: put into the output once the pages are
 * written, from the list the loader leaves (`src/loaders/downloads.ts`): the cable file byte for
 * byte, and the Markdown download and JSON export the loader wrote beside the cable's HTML. The
 * export's `citedBy` depends on the other cables: it is filled in here, from one index over
 * every cable's references (`indexCitations`, as the cable pages do). A file copy costs a small
 * part of what Astro spends rendering a route per file (see docs/scale.md); `astro dev` serves
 * the same files through the routes in `src/pages/cables/`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mapInBatches } from '../lib/batches.ts';
import { indexCitations } from '../lib/site/citations.ts';
import type { CableExport } from '../lib/site/exports.ts';
import { compareNewestFirst } from '../lib/site/records.ts';
import { type Download, readDownloads } from '../loaders/downloads.ts';
import { copyWithTime, linkOrCopy, replaceFile } from './link-or-copy.ts';
import { keepInOutput, outputKeptInPlace } from './output.ts';

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
        // What each cable's three files were made from, as the last build wrote them: in an output
        // kept in place (src/integrations/output.ts), a cable whose key is the same needs nothing done.
        const record = path.join(fileURLToPath(cacheDir!), 'cables', 'downloads-written.json');
        const before: Record<string, string> = outputKeptInPlace() ? JSON.parse(await readFile(record, 'utf8').catch(() => '{}')) : {};
        const keys: Record<string, string> = {};
        for (const { id, digest } of downloads) keys[id] = `${digest} ${(citedBy.get(id) ?? []).join(',')}`;
        const changed = downloads.filter(({ id }) => before[id] !== keys[id]);
        const counts = await mapInBatches(changed, 64, (download) => writeDownloads(download, target, citedBy.get(download.id)));
        const written = counts.reduce((sum, count) => sum + count, 0);
        await writeFile(record, JSON.stringify(keys));
        keepInOutput(downloads.flatMap(({ id }) => ['.txt', '.md', '.json'].map((extension) => path.join(target, `${id}${extension}`))));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const left = downloads.length * 3 - written;
        logger.info(
          `${downloads.length} cables' .txt, .md and .json files in ${seconds} s: ${written} written${left > 0 ? `, ${left} kept from the last build` : ''}`,
        );
      },
    },
  };
}

/**
 * The `.md` download and a `.json` export no cable cites are the loader's files as they are:
 * linked, not copied, where the output shares their disk (the loader replaces a changed file
 * with a new one, so the link keeps what this build wrote). The cable file is copied: it is the
 * reader's own, and may be edited in place. A file the last build left that is still right
 * (src/integrations/output.ts) is left as it is. Returns how many of the three it wrote.
 */
async function writeDownloads({ id, text, markdown, json }: Download, target: string, citedBy: string[] | undefined): Promise<number> {
  const at = (extension: string): string => path.join(target, `${id}${extension}`);
  const written = await Promise.all([
    copyWithTime(text, at('.txt')),
    linkOrCopy(markdown, at('.md')),
    citedBy ? replaceFile(at('.json'), withCitedBy(await readFile(json, 'utf8'), citedBy)) : linkOrCopy(json, at('.json')),
  ]);
  return written.filter(Boolean).length;
}

function withCitedBy(json: string, citedBy: string[]): string {
  const exported = JSON.parse(json) as CableExport;
  exported.citedBy = citedBy;
  return JSON.stringify(exported);
}
