/** What `astro build` leaves for search (SITE_DIR, default dist/): an index of the cable pages only, and the offline files. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteDir as dist, readText as read, requireSite } from './site.ts';

beforeAll(requireSite);

describe('the search index in the build', () => {
  it('indexes every cable page and nothing else', () => {
    const cablePages = readdirSync(path.join(dist, 'cables'), { withFileTypes: true }).filter(
      (entry) => entry.isDirectory() && existsSync(path.join(dist, 'cables', entry.name, 'index.html')),
    );
    const entry = JSON.parse(read('/pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(cablePages.length);
  });

  it('gives a result fragment the cable text once: blocks as anchors without a copy of their text, no pilcrows', () => {
    const folder = path.join(dist, 'pagefind', 'fragment');
    const fragments = readdirSync(folder).map(
      (file) =>
        JSON.parse(
          gunzipSync(readFileSync(path.join(folder, file)))
            .toString('utf8')
            .replace(/^pagefind_dcd/, ''),
        ) as {
          url: string;
          content: string;
          anchors: { element: string; id: string; text: string }[];
        },
    );
    const fragment = fragments.find((candidate) => candidate.url === '/cables/09USOSCE147/');
    expect(fragment?.content).toMatch(/^09USOSCE147 · Mission USOSCE · [A-Z/ ]+\. OSCE: LAVROV AT ASRC /);
    expect(fragment?.content).not.toContain('¶');
    expect(fragment?.anchors.map((anchor) => anchor.id)).toContain('par11');
    for (const anchor of fragment?.anchors ?? []) if (!/^h\d$/.test(anchor.element)) expect(anchor.text).toBe('');
  });

  it('lists, for "Save for offline", files that exist and their total size, and states it on the search page', () => {
    const manifest = JSON.parse(read('/offline.json')) as { version: string; bytes: number; files: string[] };
    expect(manifest.files).toContain('/pagefind/pagefind.js');
    expect(manifest.files.some((file) => file.startsWith('/pagefind/fragment/'))).toBe(true);
    for (const file of manifest.files) expect(existsSync(path.join(dist, file)), file).toBe(true);
    const bytes = manifest.files.reduce((sum, file) => sum + readFileSync(path.join(dist, file)).length, 0);
    expect(manifest.bytes).toBe(bytes);
    expect(read('/search/')).toContain(`data-offline-bytes="${bytes}"`);
  });

  it('versions the service worker cache with the build', () => {
    const manifest = JSON.parse(read('/offline.json')) as { version: string };
    expect(read('/sw.js')).toContain(`"version":"${manifest.version}"`);
    expect(read('/sw.js')).not.toMatch(/\bdeclare\b|: Promise</);
  });
});
