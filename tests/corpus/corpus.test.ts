/**
 * Corpus-wide properties over every real cable: each one parses with no fatal message,
 * and no word of its body is lost — every word appears, in order, in the sectioned
 * Markdown or in a named frontmatter field. Only page-break lines and repeated banners
 * may be dropped.
 */
import { describe, expect, it } from 'vitest';
import { splitBody } from '../../src/lib/cable/body.ts';
import { splitEnvelope } from '../../src/lib/cable/header.ts';
import { type Cable, parseCable } from '../../src/lib/cable/index.ts';
import { hasCorpus, readCorpus } from './corpus.ts';

/** Field labels and classification markings: words the frontmatter holds by meaning, not by spelling. */
const labelWords = new Set(
  'tags tag tags: subject subj ref refs reftel reftels references reference e o eo 12958 13526 decl declassify classified by reason reasons c s u sbu nf noforn rel orcon fouo ts'.split(
    ' ',
  ),
);

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Words as above, marking the ones the release cut short (`ALLIE...`). */
const tokens = (text: string): { word: string; truncated: boolean }[] =>
  Array.from(text.toLowerCase().matchAll(/([\p{L}\p{N}]+)(\.\.\.|…)?/gu), (match) => ({
    word: match[1]!,
    truncated: match[2] !== undefined,
  }));

interface BodyWord {
  word: string;
  /** Cut short in the source (`TERRIT...`): found when a whole word starts with it. */
  truncated: boolean;
  /** On a line the parser moved to a frontmatter field (E.O., TAGS, SUBJECT, REF, caveats …). */
  inField: boolean;
}

/** Words of the body (after the banner), without the lines the parser may drop. */
function bodyWords(text: string): BodyWord[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((line, index) => ({ text: line, line: index + 1 }));
  const { body } = splitEnvelope(lines.slice(5));
  const { dropped, preamble } = splitBody(body);
  // Caveat lines (`SENSITIVE`, `SIPDIS`) move to the frontmatter's caveats like a field.
  const fieldLines = [...Object.values(preamble.fields).flat(2), ...preamble.caveatLines];
  return body.flatMap((entry) => {
    let kept = entry.text;
    for (const gone of dropped) if (gone.line === entry.line) kept = kept.replace(gone.text, ' ');
    // Field text moved off this line, blanked out in place so the words keep the line's order.
    const moved: { at: number; text: string }[] = [];
    for (const field of fieldLines) {
      const text = field.text.trim();
      const at = field.line === entry.line && text ? kept.indexOf(text) : -1;
      if (at < 0) continue;
      moved.push({ at, text });
      kept = kept.slice(0, at) + ' '.repeat(text.length) + kept.slice(at + text.length);
    }
    moved.sort((a, b) => a.at - b.at);
    const result: BodyWord[] = [];
    let from = 0;
    for (const { at, text } of moved) {
      result.push(...tokens(kept.slice(from, at)).map((token) => ({ ...token, inField: false })));
      result.push(...tokens(text).map((token) => ({ ...token, inField: true })));
      from = at + text.length;
    }
    result.push(...tokens(kept.slice(from)).map((token) => ({ ...token, inField: false })));
    return result;
  });
}

/** Every word of every frontmatter field: a field may hold a word the body repeats (TAGS on every page). */
function fieldWords(cable: Cable): Set<string> {
  const bag = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') for (const word of words(value)) bag.add(word);
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  add(cable.frontmatter);
  return bag;
}

/** `vtprel` → VT + PREL, `etrdeconwtocs` → ETRD ECON WTO CS: codes run together in the source, split in a field. */
function isRunTogether(word: string, fields: Set<string>): boolean {
  const reachable = [true];
  for (let end = 1; end <= word.length; end++) {
    reachable[end] = false;
    for (let start = Math.max(0, end - 12); start <= end - 2 && !reachable[end]; start++) {
      if (reachable[start] && fields.has(word.slice(start, end))) reachable[end] = true;
    }
  }
  return reachable[word.length] === true;
}

/** The body words found neither in order in the Markdown nor in the frontmatter. */
function lostWords(text: string, cable: Cable): string[] {
  const markdown = words(cable.markdown);
  const fields = fieldWords(cable);
  const lost: string[] = [];
  let at = 0;
  const completes = (fragment: string): boolean =>
    [...fields].some((whole) => whole.startsWith(fragment)) || markdown.some((whole) => whole.startsWith(fragment));
  for (const { word, inField, truncated } of bodyWords(text)) {
    // Words of field lines count as in the Markdown only when they come next there (Classified By stays in the body).
    const ahead = markdown.slice(at, at + (inField ? 1 : 4)).indexOf(word);
    if (ahead >= 0) {
      at += ahead + 1;
    } else if (
      !fields.has(word) &&
      !labelWords.has(word) &&
      // The E.O. label's order number, whichever (`12356`) or mistyped (`12928`, the zero of `E.0.`).
      !(inField && /^(?:0|1\d{4})$/.test(word)) &&
      !(inField && markdown.includes(word)) &&
      !isRunTogether(word, fields) &&
      !(truncated && completes(word))
    ) {
      lost.push(word);
    }
  }
  return lost;
}

describe.runIf(hasCorpus())('every real cable', () => {
  const files = readCorpus();
  const results = files.map((file) => ({ file, ...parseCable(file.text, { path: file.path }) }));

  it('reads the whole corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(5388);
  });

  it('parses with no fatal message and no exception', () => {
    const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal));
    expect(fatal).toEqual([]);
    expect(results.filter((result) => !result.cable).map((result) => result.file.path)).toEqual([]);
  });

  it('loses no word of any body', () => {
    const losses = results
      .map((result) => ({ file: result.file.path, lost: lostWords(result.file.text, result.cable!) }))
      .filter((entry) => entry.lost.length > 0)
      .map((entry) => `${entry.file}: ${entry.lost.slice(0, 12).join(' ')}${entry.lost.length > 12 ? ' …' : ''}`);
    expect(losses).toEqual([]);
  }, 600_000);

  it('drops only page-break lines and repeated banners', () => {
    const shapes =
      /^\s*(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)|[A-Z][A-Z .'-]*?\s+\d{5,}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}|PAGE\s+\d{2,3}\s.*\d{6}Z|.*SECTION\s+\d+\s+OF\s+\d+.*)\s*$/i;
    const odd = results.flatMap((result) => {
      const lines = result.file.text.split(/\r\n?|\n/).map((line, index) => ({ text: line, line: index + 1 }));
      return splitBody(splitEnvelope(lines.slice(5)).body)
        .dropped.filter((entry) => !shapes.test(entry.text))
        .map((entry) => `${result.file.path}:${entry.line} ${entry.text}`);
    });
    expect(odd).toEqual([]);
  });

  it('gives every paragraph a unique id', async () => {
    const { renderCable } = await import('../../src/lib/cable/index.ts');
    const duplicates = results.flatMap((result) => {
      // Rendered as the loader renders it, from the tree (the same HTML as from its Markdown).
      const ids = renderCable(result.cable!.tree).paragraphs.map((paragraph) => paragraph.id);
      return ids.length === new Set(ids).size ? [] : [result.file.path];
    });
    expect(duplicates).toEqual([]);
  }, 600_000);
});
