/** What Pagefind is given of a cable page: its facets, title and body, each block an anchor without a copy of its text. */
import { describe, expect, it } from 'vitest';
import { toSearchDocument } from '../../src/integrations/search-document.ts';

/** A cable page as src/pages/cables/[id].astro writes it, cut down to one of each part. */
const page = `<!DOCTYPE html><html lang="en"><body><header><nav>Cables Tags Origins</nav></header>
<main id="content"><article class="cable-layout" data-pagefind-body>
<div hidden data-pagefind-ignore> <span data-pagefind-meta="id">09USOSCE147</span> <span data-pagefind-filter="tag">PARM</span> </div>
<div> <nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/origins/">Origins</a></li></ol></nav>
<p class="eyebrow">09USOSCE147 · Mission USOSCE · SECRET</p>
<h1 data-pagefind-meta="title">OSCE: LAVROV AT ASRC</h1>
<ul class="downloads" data-pagefind-ignore><li><a href="/cables/09USOSCE147.txt">Original text</a></li></ul>
<div class="cable-body"> <p id="p1"><a href="#p1" class="par-anchor">¶</a>Abdul called on the mission.</p>
<h2 id="summary">Summary</h2>
<p id="par1"><a href="#par1" class="par-link">¶1.</a> (SBU) Lavrov spoke.</p>
<div class="table"><pre id="p4">A  B</pre></div>
<ul id="p5"><li>one</li></ul> </div>
<div class="cable-links" data-pagefind-ignore><h2>Related cables</h2><a href="/cables/09MOSCOW405/">09MOSCOW405 Russia</a></div>
</div><aside class="cable-aside" data-pagefind-ignore><nav class="toc"><h2 id="toc-heading">On this page</h2></nav></aside>
</article></main><footer>About</footer></body></html>`;

describe('toSearchDocument', () => {
  const document = toSearchDocument(page) ?? '';

  it('keeps the facets, the line above the title, the title and the body, in that order', () => {
    const order = ['data-pagefind-meta="id"', '09USOSCE147 · Mission USOSCE', 'OSCE: LAVROV AT ASRC', 'Lavrov spoke.'];
    const positions = order.map((text) => document.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(document).toContain('<body data-pagefind-body>');
  });

  it('leaves out navigation, downloads, contents and related cables', () => {
    for (const text of ['Cables Tags Origins', 'Breadcrumb', 'Original text', 'Related cables', '09MOSCOW405', 'On this page', 'About']) {
      expect(document).not.toContain(text);
    }
  });

  it('puts each block id on an empty marker before the block, headings keeping their own', () => {
    expect(document).toContain('<span id="p1"></span><p>Abdul called');
    expect(document).toContain('<span id="par1"></span><p>1. (SBU) Lavrov spoke.</p>');
    expect(document).toContain('<span id="p4"></span><pre>A  B</pre>');
    expect(document).toContain('<span id="p5"></span><ul><li>one</li></ul>');
    expect(document).toContain('<h2 id="summary">Summary</h2>');
  });

  it('drops the pilcrow links, so a paragraph starts with its own first word', () => {
    expect(document).not.toContain('¶');
    expect(document).not.toContain('par-anchor');
  });

  it('gives nothing for a page that is not a cable', () => {
    expect(toSearchDocument('<html><body><h1>Tags</h1></body></html>')).toBeNull();
  });
});
