/**
 * Text is text: whatever a cable says comes back from Markdown as the same characters,
 * never as emphasis, links, HTML or block syntax.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/lib/cable/body.ts';
import { renderCable } from '../../src/lib/cable/index.ts';
import { serialize, serializeWithRemark, toMdast } from '../../src/lib/cable/markdown.ts';

const parse = (markdown: string): Root => unified().use(remarkParse).parse(markdown);

/** Text as the body splitter makes it: no line breaks, runs of whitespace collapsed, trimmed. */
const cableText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(...'abcXYZ019 .,;:!?()[]{}<>/\\`*_~|#>+-=&;"\'¶\t'.split('')),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
    minLength: 1,
    maxLength: 60,
  })
  .map((text) => text.replace(/\s+/g, ' ').trim())
  .filter((text) => text.length > 0);

const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</pre>',
  '&lt;b&gt; and &amp; and &#60;',
  '[x](javascript:alert(1))',
  '**bold** and __bold__ and *em*',
  '`code` and ``more``',
  '# not a heading',
  '| a | b |',
  '<!-- comment -->',
  '1. not a list',
  '- not a list',
  '> not a quote',
  '    four spaces',
  '***',
  'https://example.org and www.example.org',
  '![image](x.png)',
  '\\*escaped\\*',
];

describe('Markdown serialization', () => {
  it('round-trips any paragraph text unchanged', () => {
    fc.assert(
      fc.property(cableText, (text) => {
        const tree = parse(serialize(toMdast([{ type: 'paragraph', text, line: 1 }])));
        expect(tree.children).toHaveLength(1);
        expect(tree.children[0]!.type).toBe('paragraph');
        expect(textOf(tree)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips headings, list items and distribution lines', () => {
    fc.assert(
      fc.property(cableText, cableText, (first, second) => {
        const blocks: Block[] = [
          { type: 'heading', text: first, line: 1 },
          {
            type: 'list',
            items: [
              { text: first, line: 2 },
              { text: second, line: 3 },
            ],
            line: 2,
          },
          { type: 'lines', lines: [first, second], line: 4 },
        ];
        const tree = parse(serialize(toMdast(blocks)));
        expect(tree.children.map((node) => node.type)).toEqual(['heading', 'list', 'paragraph']);
        expect(textOf(tree.children[0]!)).toBe(first);
        expect(textOf(tree.children[1]!)).toBe(first + second);
        expect(textOf(tree.children[2]!).replace(/\n/g, '')).toBe(first + second);
      }),
      { numRuns: 1000 },
    );
  });

  it("writes the blocks toMdast makes byte for byte as remark's serializer does", () => {
    const block: fc.Arbitrary<Block> = fc.oneof(
      cableText.map((text) => ({ type: 'paragraph', text, line: 1 }) as const),
      cableText.map((text) => ({ type: 'heading', text, line: 1 }) as const),
      cableText.map((text) => ({ type: 'signature', text, line: 1 }) as const),
      fc.array(cableText, { minLength: 1, maxLength: 3 }).map((lines) => ({ type: 'lines', lines, line: 1 }) as const),
      fc.array(cableText, { minLength: 1, maxLength: 3 }).map((lines) => ({ type: 'table', lines, line: 1 }) as const),
      fc
        .array(cableText, { minLength: 1, maxLength: 3 })
        .map((texts) => ({ type: 'list', items: texts.map((text) => ({ text, line: 1 })), line: 1 }) as const),
      fc.constant({ type: 'break', line: 1 } as const),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (blocks) => {
        const tree = toMdast(blocks);
        expect(serialize(tree)).toBe(serializeWithRemark(tree));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps table text verbatim, whatever it holds', () => {
    fc.assert(
      fc.property(fc.array(cableText, { minLength: 1, maxLength: 5 }), (rows) => {
        const lines = rows.map((row, index) => `${' '.repeat(index)}${row}   ${row}`);
        const tree = parse(serialize(toMdast([{ type: 'table', lines, line: 1 }])));
        expect(tree.children).toEqual([expect.objectContaining({ type: 'code', value: lines.join('\n') })]);
      }),
    );
  });

  it.each(hostile)('renders %j as text, never as markup', (text) => {
    const { html } = renderCable(serialize(toMdast([{ type: 'paragraph', text, line: 1 }])));
    const tags = html.match(/<[^>]*>/g) ?? [];
    for (const tag of tags) expect(tag).toMatch(/^<(?:p id="[^"]+"|\/p|a href="#[^"]+" class="par-(?:link|anchor)"|\/a)>$/);
    const decoded = html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
    expect(decoded.replace(/^¶/, '')).toBe(text);
  });
});

describe('the signature', () => {
  it('is marked when an end marker the release left follows it', () => {
    const { html } = renderCable('The dialogue can only help. END COMMENT.\n\nLLORENS\n\n\\=====CABLE ENDS=====\n', {
      signers: ['LLORENS'],
    });
    expect(html).toMatch(/<p id="p\d+" class="signature">.*LLORENS<\/p>/);
    expect(html).toContain('CABLE ENDS');
  });
});
