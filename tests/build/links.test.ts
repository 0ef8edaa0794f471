/** Every internal link and `#fragment` of the built site resolves: the whole of `dist/` (or SITE_DIR). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from './link-check.ts';
import { requireSite, siteDir } from './site.ts';

describe('link check', () => {
  it('reports a missing page, a missing file and a missing fragment, and accepts good links', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'link-check-'));
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'index.html'), '<h2 id="here">x</h2><a href="#here">ok</a>');
    writeFileSync(
      path.join(dir, 'index.html'),
      [
        '<a href="/a/">ok</a><a href="/a/#here">ok</a><a href="a/index.html">ok</a><a href="https://example.org/x">external</a>',
        '<a href="/b/">missing page</a><a href="/a/#gone">missing fragment</a><a href="/file.txt">missing file</a>',
        '<script>const html = \'<a href="/not-a-link/">\';</script>',
      ].join(''),
    );
    const report = await checkLinks(dir);
    expect(report.pages).toBe(2);
    expect(report.broken.map((link) => link.href).sort()).toEqual(['/a/#gone', '/b/', '/file.txt']);
  });

  it(`finds every internal link and fragment of ${siteDir}/ resolved`, async () => {
    requireSite();
    const report = await checkLinks(siteDir);
    console.info(`link check: ${report.pages} pages, ${report.links} internal links, ${report.broken.length} broken`);
    expect(report.pages).toBeGreaterThan(100);
    expect(report.broken.slice(0, 20)).toEqual([]);
  });
});
