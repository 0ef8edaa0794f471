/** Whole real cables, one per behaviour: frontmatter, sectioned Markdown and messages. */
import { describe, expect, it } from 'vitest';
import { parseCable, renderCable } from '../../src/lib/cable/index.ts';
import { expectCase, readCases } from '../helpers/fixtures.ts';

describe('parseCable on real cables', () => {
  for (const fixture of readCases('cables')) {
    it(fixture.name, () => {
      const { cable, messages } = parseCable(fixture.input, { path: 'input.txt' });
      const outline = cable
        ? renderCable(cable.markdown, { signers: cable.frontmatter.signers }).paragraphs.map((p) => `${p.section ?? '-'} ${p.id}`)
        : [];
      if (cable) {
        // Rendering the tree gives what rendering its Markdown gives.
        const options = { signers: cable.frontmatter.signers };
        expect(renderCable(cable.tree, options)).toEqual(renderCable(cable.markdown, options));
      }
      expectCase(fixture.dir, {
        frontmatter: cable?.frontmatter ?? null,
        outline,
        markdown: cable?.markdown.split('\n') ?? null,
        messages,
      });
    });
  }
});
