/** The exports parse and agree with the pages: /cables/<ID>.json, /cables.json, the Atom feed, the sitemap. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CableExport, IndexEntry } from '../../src/lib/site/exports.ts';
import { fileOf, find, findAll, hrefsOf, readJson, readPage, readText, requireSite, siteDir, textOf } from './site.ts';

beforeAll(requireSite);

const cablePages = (): string[] =>
  readdirSync(path.join(siteDir, 'cables'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

describe('/cables.json', () => {
  it('lists every cable page once, with the subject and date the page shows', () => {
    const index = readJson<{ count: number; cables: IndexEntry[] }>('/cables.json');
    const ids = index.cables.map((cable) => cable.id);
    expect(index.count).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(cablePages()));
    expect(ids.length).toBe(new Set(ids).size);
    const dates = index.cables.map((cable) => cable.date);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const entry of index.cables.slice(0, 25)) {
      const page = readPage(entry.url);
      expect(textOf(find(page, 'h1'))).toBe(entry.subject || entry.id);
      expect(find(page, `.meta-table time[datetime="${entry.date}"]`), entry.id).toBeDefined();
    }
  });
});

describe('/cables/<ID>.json', () => {
  it('matches the sample page: subject, sections, paragraph ids', () => {
    const cable = readJson<CableExport>('/cables/09USOSCE147.json');
    const page = readPage('/cables/09USOSCE147/');
    expect(cable.frontmatter.subject).toBe(textOf(find(page, 'h1')));
    expect(cable.sections.flatMap((section) => (section.id ? [section.id] : []))).toEqual(
      hrefsOf(page, '.toc a').map((href) => href.slice(1)),
    );
    expect(cable.paragraphs.map((paragraph) => paragraph.id)).toEqual(
      findAll(page, '.cable-body > [id]:not(h2)').map((element) => String(element.properties.id)),
    );
    expect(cable.paragraphs.find((paragraph) => paragraph.id === 'par11')).toEqual({
      id: 'par11',
      number: '11',
      section: 'lavrov-on-georgia',
    });
  });

  it('exists for every cable, parses, and names only paragraphs and cited-by cables its page has', () => {
    for (const id of cablePages()) {
      const cable = readJson<CableExport>(`/cables/${id}.json`);
      expect(cable.id).toBe(id);
      const page = readPage(`/cables/${id}/`);
      const ids = new Set(findAll(page, '[id]').map((element) => String(element.properties.id)));
      for (const paragraph of cable.paragraphs) expect(ids.has(paragraph.id), `${id}#${paragraph.id}`).toBe(true);
      const citedBy = find(page, 'section[aria-labelledby="cited-by"]')!;
      expect(hrefsOf(citedBy, '.cable-list a.subject')).toEqual(cable.citedBy.map((other) => `/cables/${other}/`));
    }
  });
});

describe('/feed.xml', () => {
  it('is an Atom feed of the newest cables, each linking to its page', () => {
    const xml = readText('/feed.xml');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    const links = [...xml.matchAll(/<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="([^"]+)"\/>/g)].map(
      (match) => new URL(match[1]!).pathname,
    );
    const newest = readJson<{ cables: IndexEntry[] }>('/cables.json').cables.slice(0, 50);
    expect(links).toEqual(newest.map((cable) => cable.url));
    expect(xml.match(/<entry>/g)?.length).toBe(xml.match(/<\/entry>/g)?.length);
  });
});

/** Built pages that are not content: the loader's report of the build. */
const notInSitemap = new Set(['/build-report/']);

describe('/sitemap.xml', () => {
  it('lists every HTML page of the site but the build report, and only pages that exist', () => {
    const chunks = [...readText('/sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
    expect(chunks.length).toBeGreaterThan(0);
    const listed = chunks.flatMap((chunk) =>
      [...readText(chunk).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname),
    );
    for (const page of listed) expect(existsSync(fileOf(page)), page).toBe(true);
    const built = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `/${file.replace(/index\.html$/, '')}`.replace(/\\/g, '/'))
      .filter((page) => !notInSitemap.has(page));
    expect(new Set(listed)).toEqual(new Set(built));
  });
});
