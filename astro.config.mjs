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
  // Pagefind index over the cable pages, and the offline service worker, after the pages are written.
  integrations: [search()],
});
