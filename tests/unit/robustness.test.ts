/**
 * The parser never throws, and always gives unique, valid paragraph ids: for arbitrary text,
 * and for real cables with random lines deleted, duplicated or glued together.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCable, renderCable } from '../../src/lib/cable/index.ts';

const paragraphId = /^(?:par\d{1,3}(?:\.[a-z0-9]{1,2})?|p\d+)(?:-\d+)?$/;
/** A heading slug: non-empty, no whitespace, nothing a URL fragment would need escaped for `#`. */
const headingId = /^[^\s#%]+$/u;

function check(text: string): void {
  const { cable, messages } = parseCable(text, { path: 'generated.txt' });
  for (const message of messages) expect(message.line).toBeGreaterThanOrEqual(1);
  if (!cable) {
    expect(messages.some((message) => message.fatal)).toBe(true);
    return;
  }
  const { paragraphs, headings } = renderCable(cable.markdown);
  for (const paragraph of paragraphs) expect(paragraph.id).toMatch(paragraphId);
  for (const heading of headings) expect(heading.id).toMatch(headingId);
  const ids = [...paragraphs.map((paragraph) => paragraph.id), ...headings.map((heading) => heading.id)];
  expect(new Set(ids).size).toBe(ids.length);
}

const samples = readdirSync('cables')
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .slice(0, 60)
  .map((name) => readFileSync(`cables/${name}`, 'utf8'));

/** A real cable with some lines deleted, duplicated or glued to the next one. */
const damagedCable = fc
  .record({
    cable: fc.constantFrom(...samples),
    edits: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'duplicate', 'glue') }), { maxLength: 12 }),
  })
  .map(({ cable, edits }) => {
    const lines = cable.split('\n');
    for (const { at, kind } of edits) {
      const index = at % lines.length;
      if (kind === 'delete') lines.splice(index, 1);
      else if (kind === 'duplicate') lines.splice(index, 0, lines[index]!);
      else if (index + 1 < lines.length) lines.splice(index, 2, lines[index]! + lines[index + 1]!);
    }
    return lines.join('\n');
  });

const header = ['09USOSCE147', 'SUBJECT', 'Tue Jun 23 00:00:00 +0200 2009', 'CONFIDENTIAL', 'Mission USOSCE'].join('\n');
const cableLine = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '¶1. (C) Summary: text.',
    '1.',
    '¶1.',
    '2.a. x',
    'A. lettered',
    '(b) lettered',
    'END SUMMARY.',
    'TAGS: PREL',
    'SUBJECT: X',
    'REF: A. STATE 1',
    '-----',
    '- item',
    '    col   col',
    'USOSCE 00000147  002 OF 005',
    '¶1. again',
    '',
  ),
);

describe('parser robustness', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), check), { numRuns: 500 });
  });

  it('never throws and keeps ids unique on cable-like text', () => {
    fc.assert(
      fc.property(fc.array(cableLine, { maxLength: 80 }), (lines) => check(`${header}\n${lines.join('\n')}`)),
      { numRuns: 500 },
    );
  });

  it('never throws and keeps ids unique on real cables with lines deleted, duplicated or glued', () => {
    fc.assert(fc.property(damagedCable, check), { numRuns: 300 });
  });
});
