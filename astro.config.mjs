// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://cables.example.org',
  trailingSlash: 'always',
  // Keep whitespace between inline elements of cable text as written.
  compressHTML: true,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
