/**
 * Paragraph-level hits. Pagefind's own sub-results only split a page at headings; a cable's
 * unit is the paragraph. Every block of a cable body is an anchor (`par7`, `p3`, a heading
 * slug) with its word position, so the words a result matched fall into blocks, and the block
 * that matches the most query terms is where the result links; among equals a paragraph beats a
 * section heading, then the higher score wins.
 */
import type { Anchor, Fragment } from './pagefind.ts';

export interface Hit {
  /** Id of the best-matching block (`par7`), or null when only the title or header matched. */
  blockId: string | null;
  /** First and one-past-last word of that block. */
  start: number;
  end: number;
  /** Matched word positions inside the block. */
  locations: number[];
  /** The matched words as written, de-duplicated, for highlighting on arrival. */
  words: string[];
}

/** Splits content into the words Pagefind's locations count. */
export function splitWords(content: string): string[] {
  return content.split(/[^\S\uFEFF]+/g);
}

/** Lower case, letters and digits only: `Lavrov's,` → `lavrovs`. */
export function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function findHit(fragment: Fragment, query: string): Hit {
  const words = splitWords(fragment.content);
  const blocks = blockAnchors(fragment.anchors);
  const terms = splitQuery(query);
  const regions = new Map<number, { locations: number[]; score: number }>();
  for (const { location, balanced_score } of fragment.weighted_locations) {
    const index = regionOf(blocks, location);
    const region = regions.get(index) ?? { locations: [], score: 0 };
    region.locations.push(location);
    region.score += balanced_score;
    regions.set(index, region);
  }
  let best: { index: number; rank: number[] } | undefined;
  for (const [index, region] of regions) {
    const matched = new Set(region.locations.map((location) => normalizeWord(words[location] ?? '')));
    const termsMatched = terms.filter((term) => [...matched].some((word) => sharesStem(word, term))).length;
    const rank = [termsMatched, blockKind(blocks[index]), region.score];
    if (!best || isGreater(rank, best.rank)) best = { index, rank };
  }
  const index = best?.index ?? -1;
  const locations = (regions.get(index)?.locations ?? []).sort((a, b) => a - b);
  const start = index >= 0 ? (blocks[index]?.location ?? 0) : 0;
  const end = blocks[index + 1]?.location ?? words.length;
  const seen = new Set<string>();
  const matchedWords: string[] = [];
  for (const location of locations) {
    const word = (words[location] ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word && !seen.has(word.toLowerCase())) {
      seen.add(word.toLowerCase());
      matchedWords.push(word);
    }
  }
  return { blockId: index >= 0 ? (blocks[index]?.id ?? null) : null, start, end, locations, words: matchedWords.slice(0, 12) };
}

/** The link of a hit: the cable page at the block, with the words to highlight there. */
export function hitUrl(pageUrl: string, hit: Hit): string {
  const url = new URL(pageUrl, 'https://cables.invalid');
  for (const word of hit.words) url.searchParams.append('highlight', word);
  url.hash = hit.blockId ?? '';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Blocks of the cable body, in order: paragraphs (`par7`, `p3`), lists, tables and section headings. */
function blockAnchors(anchors: Anchor[]): Anchor[] {
  return anchors
    .filter((anchor) => /^(par\d.*|p\d+)$/.test(anchor.id) || (/^h[2-6]$/i.test(anchor.element) && anchor.id !== 'toc-heading'))
    .sort((a, b) => a.location - b.location);
}

/** Paragraphs first, then section headings, then the title and header above the body. */
function blockKind(block: Anchor | undefined): number {
  if (!block) return 0;
  return /^h\d$/i.test(block.element) ? 1 : 2;
}

/** Index of the last block starting at or before `location`; -1 before the first (title, header). */
function regionOf(blocks: Anchor[], location: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((blocks[middle]?.location ?? 0) <= location) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function splitQuery(query: string): string[] {
  return [...new Set(query.split(/\s+/).map(normalizeWord).filter(Boolean))];
}

/** Whether an indexed word is a form of a query term: Pagefind stems, so compare their common start. */
function sharesStem(word: string, term: string): boolean {
  const length = Math.min(term.length, Math.max(3, Math.ceil(term.length * 0.7)));
  return word.startsWith(term.slice(0, length));
}

function isGreater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return false;
}
