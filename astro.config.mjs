// @ts-check
import { readdirSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import cableFiles from './src/integrations/cable-files.ts';
import output from './src/integrations/output.ts';
import search from './src/integrations/search.ts';
import serviceWorker from './src/integrations/service-worker.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://cables.example.org',
  trailingSlash: 'always',
  // Keep whitespace between inline elements of cable text as written.
  compressHTML: true,
  // Four pages in flight: a page waits on its body file and on writing itself a third of the time
  // (CPU profile of the corpus build), and another page renders meanwhile. Pages are byte for
  // byte the same as one at a time.
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  // A build of another cables folder (tests, benchmarks) can keep its data store apart.
  ...(process.env.CABLES_CACHE_DIR ? { cacheDir: process.env.CABLES_CACHE_DIR } : {}),
  // The content data store (frontmatter and outline; bodies are files beside it) in one file up to
  // 50,000 cables, in 2 MiB chunks beyond. The build bundles and imports it as string modules: one
  // file compiles in superlinear time (25 MB at 10,000 cables: 9.5 s) and cannot pass V8's string
  // limit (~512 MB), but Astro 7.3's chunked writer is slower below that (10,000 cables: 102 s to
  // write, against 15 s for one file). Measured in docs/scale.md.
  experimental: {
    // A page whose route code and cache key (src/lib/site/cache-keys.ts) are unchanged since the
    // last build is copied from <cacheDir>/dist instead of rendered: after one cable changes, only
    // its own files, its lists and the pages that show it are rendered again.
    incrementalBuild: true,
    ...(countCables() > 50_000 ? { collectionStorage: { type: 'chunked', chunkSize: 2 * 1024 * 1024 } } : {}),
  },
  // After the pages are written: the cable files and Markdown downloads copied to /cables/<ID>.txt
  // and .md; the Pagefind index over the cable pages; what the last build left and this one does
  // not have deleted (the output is kept from build to build, or cleared when it is not the
  // cache's; see output.ts); then the offline service worker, over the files that are left.
  integrations: [cableFiles(), search(), output(), serviceWorker()],
});

/** How many files the build will read as cables (0 when the folder is missing: the loader says so). */
function countCables() {
  try {
    return readdirSync(process.env.CABLES_DIR ?? 'cables').length;
  } catch {
    return 0;
  }
}
