/**
 * The built default site (dist/, made by `astro build` before the tests run): every cable of
 * cables/ has its page, downloads and paragraph ids, and the sample reads as the issue says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCable } from '../../src/lib/cable/index.ts';

const dist = 'dist';
const page = (url: string): Root => fromHtml(readFileSync(path.join(dist, url, 'index.html'), 'utf8'));

const cables = readdirSync('cables')
  .filter((name) => name.endsWith('.txt'))
  .map((name) => {
    const text = readFileSync(path.join('cables', name), 'utf8');
    return { name, text, cable: parseCable(text, { path: name }).cable! };
  });

describe('the built default site', () => {
  it('has a page for addresses it does not have, kept out of the sitemap and of search engines', () => {
    const missing = fromHtml(readFileSync(path.join(dist, '404.html'), 'utf8'));
    expect(textOf(select('h1', missing)!)).toBe('Page not found');
    expect(select('meta[name="robots"][content="noindex"]', missing)).not.toBeNull();
    expect(select('a[href="/search/"]', missing)).not.toBeNull();
    const sitemaps = readdirSync(dist).filter((name) => /^sitemap.*\.xml$/.test(name));
    for (const name of sitemaps) expect(readFileSync(path.join(dist, name), 'utf8')).not.toContain('/404');
  });
  it('has a page, a .txt and a .md for every cable', () => {
    for (const { name, text, cable } of cables) {
      const id = cable.frontmatter.canonicalId;
      expect(readFileSync(path.join(dist, 'cables', `${id}.txt`), 'utf8'), name).toBe(text);
      // The .md download: YAML frontmatter any reader gives back as the cable's, then its Markdown.
      const [, frontmatter, markdown] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(
        readFileSync(path.join(dist, 'cables', `${id}.md`), 'utf8'),
      ) ?? [null, '', ''];
      expect(parseYaml(frontmatter as string), name).toEqual(JSON.parse(JSON.stringify(cable.frontmatter)));
      expect(markdown, name).toBe(cable.markdown);
      expect(textOf(select('h1', page(`cables/${id}`))!), name).toBe(cable.frontmatter.subject || cable.frontmatter.id);
    }
  });

  it('gives every block of every cable body a unique id, and every numbered paragraph a link to itself', () => {
    for (const { cable } of cables) {
      const tree = page(`cables/${cable.frontmatter.canonicalId}`);
      const blocks = selectAll('.cable-body > :is(p, ul, pre, h2)', tree);
      const ids = blocks.map((block) => String(block.properties.id ?? ''));
      expect(ids.every(Boolean), cable.frontmatter.id).toBe(true);
      expect(new Set(ids).size, cable.frontmatter.id).toBe(ids.length);
      for (const link of selectAll('.cable-body > p > a.par-link', tree)) {
        const parent = blocks.find((block) => block.children.includes(link))!;
        expect(link.properties.href).toBe(`#${parent.properties.id}`);
        expect(String(parent.properties.id)).toMatch(/^par\d/);
      }
    }
  });

  it('links every tag of a cable to its tag page, which lists the cable', () => {
    for (const { cable } of cables.slice(0, 40)) {
      const tree = page(`cables/${cable.frontmatter.canonicalId}`);
      const hrefs = selectAll('.meta-table a.tag', tree).map((a) => String(a.properties.href));
      expect(hrefs).toHaveLength(cable.frontmatter.tags.length);
      for (const href of hrefs) {
        // The tag's list is paginated: page 1 at the tag's URL, then `2/`, `3/` …
        const pages = [
          path.join(dist, href),
          ...readdirSync(path.join(dist, href))
            .filter((name) => /^\d+$/.test(name))
            .map((name) => path.join(dist, href, name)),
        ];
        const listing = pages.map((dir) => readFileSync(path.join(dir, 'index.html'), 'utf8')).join('\n');
        expect(listing).toContain(`href="/cables/${cable.frontmatter.canonicalId}/"`);
      }
    }
  });

  it('renders the sample as the foundation issue describes', () => {
    const tree = page('cables/09USOSCE147');
    expect(textOf(select('h1', tree)!)).toBe('OSCE: LAVROV AT ASRC ADDS LITTLE ON NEW SECURITY ARCHITECTURE');
    expect(selectAll('.cable-body > h2', tree).map((h) => [h.properties.id, textOf(h)])).toEqual([
      ['summary', 'Summary'],
      ['lavrov-opens-asrc', 'Lavrov Opens ASRC'],
      ['threats-to-address', 'Threats to Address'],
      ['new-architectures-building-blocks', "New Architecture's Building Blocks"],
      ['lavrov-on-georgia', 'Lavrov on Georgia'],
      ['us-and-others-criticize-russia', 'U.S. and Others Criticize Russia'],
      ['looking-forward-to-corfu', 'Looking Forward to Corfu'],
    ]);
    const par11 = textOf(select('#par11', tree)!);
    expect(par11).toMatch(/^¶11\. \(SBU\) Lavrov argued/);
    expect(par11).toMatch(/EU High Representative Solana, although Russia could still accept this\.$/);
    expect(selectAll('#par7 ~ ul li', tree)).toHaveLength(4);
    expect(textOf(select('.cable-body', tree)!)).not.toMatch(/USOSCE 00000147/);
    const meta = textOf(select('.meta-table', tree)!);
    for (const value of [
      'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
      'Mission USOSCE',
      'USMISSION USOSCE',
      'SECSTATE WASHDC',
      '16 addressees',
      'SENSITIVE, SIPDIS',
      'N/A',
      'Scott',
    ]) {
      expect(meta).toContain(value);
    }
    expect(selectAll('.toc a', tree).map((a) => a.properties.href)).toContain('#lavrov-opens-asrc');
  });
});
