/** The `.md` download's frontmatter: any YAML reader gets back exactly the cable's frontmatter. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toFrontmatter } from '../../src/lib/site/frontmatter.ts';
import { parseFile } from '../../src/loaders/parse-file.ts';

/** YAML 1.2's c-printable: what a YAML stream may hold (stricter readers than `yaml` refuse the rest). */
const yamlPrintable = /^[\t\n\r\u0020-\u007e\u0085\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

function readBack(markdown: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('no frontmatter block');
  return parse(match[1] as string);
}

describe('toFrontmatter', () => {
  it('reads back as the same values, whatever the text holds', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'binary-ascii' }),
      fc.constantFrom('', ' ', '- a', 'null', 'true', '1.4', '#x', "O'Grady", 'a: b'),
    );
    const value = fc.oneof(
      text,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(text),
      fc.array(fc.dictionary(fc.constantFrom('id', 'text', 'route'), fc.oneof(text, fc.constant(null)))),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z]{0,11}$/), value, { minKeys: 1 }), (data) => {
        const block = toFrontmatter(data);
        expect(block).toMatch(yamlPrintable);
        expect(readBack(`${block}\nbody`)).toEqual(data);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out fields without a value', () => {
    expect(toFrontmatter({ id: '09USOSCE147', tagCorrections: undefined })).toBe('---\nid: "09USOSCE147"\n---\n');
  });

  it('gives back the frontmatter of every sample cable from its .md download', () => {
    const folder = 'cables';
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.txt'))) {
      const parsed = parseFile(readFileSync(path.join(folder, name)), path.join(folder, name));
      if (!parsed.cable) continue;
      expect(readBack(parsed.cable.bodies.markdown), name).toEqual(JSON.parse(JSON.stringify(parsed.cable.frontmatter)));
    }
  });
});
