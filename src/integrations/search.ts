/**
 * The search step of `astro build`: once the pages are written, index the cable pages with
 * Pagefind (dist/pagefind/) and write the service worker that keeps the site searchable
 * offline (dist/sw.js, dist/offline.json). One log line says what it cost.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexCables } from './search-index.ts';
import { writeServiceWorker } from './service-worker.ts';

export default function search(): AstroIntegration {
  let buildStarted = performance.now();
  return {
    name: 'cables-search',
    hooks: {
      'astro:config:setup': () => {
        buildStarted = performance.now();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const indexStarted = performance.now();
        const index = await indexCables(distDir);
        const worker = await writeServiceWorker(distDir);
        const ended = performance.now();
        const share = (ended - indexStarted) / (ended - buildStarted);
        logger.info(
          `indexed ${index.pages} cable pages in ${seconds(ended - indexStarted)} ` +
            `(${Math.round(share * 100)}% of the build, ${seconds(ended - buildStarted)}); ` +
            `index ${megabytes(worker.offlineBytes)} in ${worker.offlineFiles} files; service worker ${worker.cacheName}`,
        );
      },
    },
  };
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
