/** What Pagefind is given of a cable: its facets, title and body, each block an anchor without a copy of its text. */
import { describe, expect, it } from 'vitest';
import { type SearchFields, toSearchDocument } from '../../src/lib/search/document.ts';

const cable: SearchFields = {
  id: '09USOSCE147',
  date: '2009-06-26',
  origin: 'Mission USOSCE',
  classification: 'SECRET',
  tags: ['PARM', 'PREL', 'CLINTON, HILLARY'],
  subject: 'OSCE: LAVROV AT ASRC <& "THE RUSSIANS">',
};

/** A rendered cable body (renderCable), cut down to one of each kind of block. */
const body = `<p id="p1"><a href="#p1" class="par-anchor">¶</a>Abdul called on the mission.</p>
<h2 id="summary">Summary</h2>
<p id="par1"><a href="#par1" class="par-link">¶1.</a> (SBU) Lavrov spoke.</p>
<div class="table"><pre id="p4">A  B</pre></div>
<ul id="p5"><li>one</li></ul>`;

describe('toSearchDocument', () => {
  const document = toSearchDocument(cable, body, '2009/17');

  it('holds the facets, the line above the title, the title and the body, in that order', () => {
    const order = [
      'data-pagefind-meta="id">09USOSCE147<',
      '09USOSCE147 · Mission USOSCE · SECRET',
      'OSCE: LAVROV AT ASRC',
      'Lavrov spoke.',
    ];
    const positions = order.map((text) => document.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(document).toContain('<body data-pagefind-body>');
  });

  it('files the cable under its tags, origin, classification, year and bucket, sorted by date', () => {
    expect(document).toContain('<span data-pagefind-meta="date" data-pagefind-sort="date">2009-06-26</span>');
    expect(document).toContain('<span data-pagefind-filter="year">2009</span>');
    expect(document).toContain('<span data-pagefind-meta="origin" data-pagefind-filter="origin">Mission USOSCE</span>');
    expect(document).toContain('<span data-pagefind-filter="tag">CLINTON, HILLARY</span>');
    expect(document.match(/data-pagefind-filter="tag"/g)).toHaveLength(3);
    expect(document).toContain('<span data-pagefind-filter="bucket">2009/17</span>');
    // The part is given to each index as the browser merges it, not filed in every document.
    expect(document).not.toContain('data-pagefind-filter="part"');
    expect(toSearchDocument(cable, body)).not.toContain('data-pagefind-filter="bucket"');
  });

  it('escapes the fields, so a subject is text and not markup', () => {
    expect(document).toContain('<h1 data-pagefind-meta="title">OSCE: LAVROV AT ASRC &lt;&amp; &quot;THE RUSSIANS&quot;&gt;</h1>');
  });

  it('titles a cable without a subject by its id', () => {
    expect(toSearchDocument({ ...cable, subject: '' }, body)).toContain('<h1 data-pagefind-meta="title">09USOSCE147</h1>');
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
});
