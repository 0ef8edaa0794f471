/**
 * The search step of `astro build`: the Pagefind index over the cables (src/integrations/
 * search-index.ts) starts once the content is loaded, when the build starts, and runs while Astro
 * bundles and renders the pages; when the pages are written, the index goes into dist/pagefind/
 * (the service worker that keeps it searchable offline is written after it, by service-worker.ts).
 * One log line says what it cost: how long indexing took, and how long the build waited for it
 * at the end, which is what the index adds to the build.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { keepInOutput } from './output.ts';
import { copyIndex, type IndexOutcome, indexCables, indexCablesInWorker } from './search-index.ts';

export default function search(): AstroIntegration {
  let buildStarted = performance.now();
  let cacheDir: URL | undefined;
  let indexing: Promise<IndexOutcome> | undefined;
  return {
    name: 'cables-search',
    hooks: {
      'astro:config:setup': () => {
        buildStarted = performance.now();
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:start': () => {
        indexing = indexCablesInWorker(cacheDir!);
        // Awaited when the pages are written; a failure fails the build then, not as an unhandled rejection now.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const waitStarted = performance.now();
        const index = await (indexing ?? indexCables(cacheDir!));
        keepInOutput(await copyIndex(index, path.join(distDir, 'pagefind')));
        const ended = performance.now();
        const share = (ended - waitStarted) / (ended - buildStarted);
        const built = index.parts.filter((part) => part.built);
        const deltas = index.parts.filter((part) => part.delta?.built);
        const parts =
          index.parts.length === 0
            ? 'no cables, no index'
            : built.length === 0 && deltas.length === 0
              ? 'cables unchanged: every part kept'
              : built.length === index.parts.length
                ? `${plural(index.parts.length, 'part')} built beside the pages`
                : [
                    built.length > 0 && `${plural(built.length, 'part')} of ${index.parts.length} built beside the pages (${names(built)})`,
                    ...deltas.map((part) => `${part.name} kept with a delta of ${plural(part.delta?.pages ?? 0, 'cable')}`),
                    'the others kept',
                  ]
                    .filter(Boolean)
                    .join('; ');
        logger.info(
          `indexed ${index.pages} cable pages in ${seconds(index.milliseconds)} (${parts}); ` +
            `the build waited ${seconds(ended - waitStarted)} for it (${Math.round(share * 100)}% of the build, ${seconds(ended - buildStarted)})`,
        );
      },
    },
  };
}

function names(parts: readonly { name: string }[]): string {
  return parts.map((part) => part.name).join(', ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}
