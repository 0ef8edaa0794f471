/** The exports' builders: a cable's JSON, the Atom feed, the sitemap. Their agreement with the built pages is tests/build/exports.test.ts. */
import { describe, expect, it } from 'vitest';
import { renderCable } from '../../src/lib/cable/index.ts';
import { toCableExport, toIndexEntry } from '../../src/lib/site/exports.ts';
import { renderAtomFeed } from '../../src/lib/site/feed.ts';
import { chunkUrls, renderSitemapIndex, renderUrlSet } from '../../src/lib/site/sitemap.ts';
import { readDefaultCables } from './site-cables.ts';

describe('toCableExport', () => {
  it('cuts the sample into its sections with their paragraphs', async () => {
    const { readFileSync } = await import('node:fs');
    const { decodeCable, parseCable } = await import('../../src/lib/cable/index.ts');
    const text = decodeCable(readFileSync('cables/09USOSCE147.txt'), { path: '09USOSCE147.txt' }).text!;
    const parsed = parseCable(text, { path: '09USOSCE147.txt' }).cable!;
    const rendered = renderCable(parsed.markdown, { signers: parsed.frontmatter.signers });
    const exported = toCableExport(
      {
        id: '09USOSCE147',
        data: parsed.frontmatter,
        body: parsed.markdown,
        rendered: {
          metadata: {
            headings: rendered.headings.map((heading) => ({ depth: 2, slug: heading.id, text: heading.text })),
            paragraphs: rendered.paragraphs.map(({ id, number, section }) => ({ id, number, section })),
          },
        },
      },
      ['09OTHER1'],
    );
    expect(exported.url).toBe('/cables/09USOSCE147/');
    expect(exported.files.json).toBe('/cables/09USOSCE147.json');
    expect(exported.frontmatter.tags).toEqual(['PARM', 'PREL', 'KCFE', 'OSCE', 'RS', 'XG']);
    const titled = exported.sections.filter((section) => section.title !== null);
    expect(titled.map((section) => section.title)).toEqual([
      'Summary',
      'Lavrov Opens ASRC',
      'Threats to Address',
      "New Architecture's Building Blocks",
      'Lavrov on Georgia',
      'U.S. and Others Criticize Russia',
      'Looking Forward to Corfu',
    ]);
    const georgia = exported.sections.find((section) => section.id === 'lavrov-on-georgia')!;
    expect(georgia.paragraphs).toEqual(['par10', 'par11']);
    expect(georgia.markdown.startsWith('## Lavrov on Georgia')).toBe(true);
    expect(exported.paragraphs.find((paragraph) => paragraph.id === 'par11')).toEqual({
      id: 'par11',
      number: '11',
      section: 'lavrov-on-georgia',
    });
    expect(exported.sections[0]).toMatchObject({ id: null, title: null, paragraphs: ['p1'] });
    expect(exported.citedBy).toEqual(['09OTHER1']);
  });

  it('gives every cable of the index its page URL and metadata', () => {
    const cable = readDefaultCables().find((entry) => entry.id === '09USOSCE147')!;
    expect(toIndexEntry(cable)).toMatchObject({
      id: '09USOSCE147',
      url: '/cables/09USOSCE147/',
      date: '2009-06-23T16:29:00Z',
      origin: 'Mission USOSCE',
    });
  });
});

describe('renderAtomFeed', () => {
  it('escapes markup in titles and gives date-only entries a time', () => {
    const xml = renderAtomFeed({
      home: 'https://x.org/',
      self: 'https://x.org/feed.xml',
      title: 'T',
      subtitle: 'S',
      entries: [
        {
          url: 'https://x.org/cables/A/',
          title: 'AT&T <br> "deal"',
          date: '2009-06-23',
          summary: 'a\u0001b',
          categories: ['PREL'],
          author: 'Embassy X',
        },
      ],
    });
    expect(xml).toContain('<title>AT&amp;T &lt;br&gt; &quot;deal&quot;</title>');
    expect(xml).toContain('<updated>2009-06-23T00:00:00Z</updated>');
    expect(xml).toContain('<summary>ab</summary>');
    expect(xml).toContain('<category term="PREL"/>');
  });
});

describe('sitemap', () => {
  it('cuts URLs into files of at most the limit, and always has one file', () => {
    expect(chunkUrls(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
    expect(chunkUrls([], 2)).toEqual([[]]);
  });

  it('writes a url set and an index', () => {
    expect(renderUrlSet(['https://x.org/a&b/'])).toContain('<url><loc>https://x.org/a&amp;b/</loc></url>');
    expect(renderSitemapIndex(['https://x.org/sitemap-1.xml'])).toContain('<sitemap><loc>https://x.org/sitemap-1.xml</loc></sitemap>');
  });
});
