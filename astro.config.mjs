// @ts-check
import { defineConfig } from 'astro/config';
import search from './src/integrations/search.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://cables.example.org',
  trailingSlash: 'always',
  // Keep whitespace between inline elements of cable text as written.
  compressHTML: true,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // A build of another cables folder (tests, benchmarks) can keep its data store apart.
  ...(process.env.CABLES_CACHE_DIR ? { cacheDir: process.env.CABLES_CACHE_DIR } : {}),
  // The data store in 2 MiB chunks instead of one file: the build bundles and imports it as string
  // modules, and V8 compiles one big string literal in superlinear time (5 MB 0.3 s, 19 MB 6.4 s,
  // 190 MB for 10,000 cables never finished); chunked, it grows linearly. See docs/scale.md.
  experimental: { collectionStorage: { type: 'chunked', chunkSize: 2 * 1024 * 1024 } },
  // Pagefind index over the cable pages, and the offline service worker, after the pages are written.
  integrations: [search()],
});
