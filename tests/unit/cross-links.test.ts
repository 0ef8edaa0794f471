/** The cross-link indexes of the cable pages: cited by, related cables, previous and next from the same origin. */
import { describe, expect, it } from 'vitest';
import type { Reference } from '../../src/lib/cable/index.ts';
import { indexCitations } from '../../src/lib/site/citations.ts';
import { indexNeighbours } from '../../src/lib/site/neighbours.ts';
import { indexTags, rankRelated, weighTag } from '../../src/lib/site/related.ts';
import { readDefaultCables, readReferencePairs } from './site-cables.ts';

const cables = readDefaultCables();

/** A hand-made cable: only the fields the indexes read. */
function cable(id: string, fields: { date?: string; origin?: string; tags?: string[]; refs?: string[] } = {}) {
  const references: Reference[] = (fields.refs ?? []).map((ref) => ({ text: ref, id: ref }));
  return { id, data: { date: fields.date ?? '2009-01-01', origin: fields.origin ?? 'Embassy Paris', tags: fields.tags ?? [], references } };
}

describe('indexCitations', () => {
  it('lists, under each cited cable, every pair of the README table of REF cross-links', () => {
    const pairs = readReferencePairs();
    expect(pairs.length).toBe(14);
    const citedBy = indexCitations(cables);
    for (const [citing, cited] of pairs) expect(citedBy.get(cited), `${cited} cited by ${citing}`).toContain(citing);
  });

  it('keys only cables in the collection, and never lists a cable as citing itself', () => {
    const ids = new Set(cables.map((entry) => entry.id));
    for (const [cited, citing] of indexCitations(cables)) {
      expect(ids.has(cited)).toBe(true);
      expect(citing).not.toContain(cited);
      expect(new Set(citing).size).toBe(citing.length);
    }
  });

  it('counts a cable once however many REF entries name the same cable, in the order given', () => {
    const citedBy = indexCitations([
      cable('09B', { refs: ['09A', '09A', '09B', '08GONE'] }),
      cable('09C', { refs: ['09A'] }),
      cable('09A'),
    ]);
    expect(citedBy.get('09A')).toEqual(['09B', '09C']);
    expect(citedBy.has('09B')).toBe(false);
    expect(citedBy.has('08GONE')).toBe(false);
  });
});

describe('indexNeighbours', () => {
  it('links each cable to the one before and after it from the same origin, by date then id', () => {
    const neighbours = indexNeighbours([
      cable('A3', { date: '2009-03-01' }),
      cable('L1', { date: '2009-02-01', origin: 'Embassy London' }),
      cable('A2b', { date: '2009-02-01' }),
      cable('A2a', { date: '2009-02-01' }),
      cable('A1', { date: '2009-01-01T10:00:00Z' }),
    ]);
    expect(neighbours.get('A1')).toEqual({ previous: null, next: 'A2b' });
    expect(neighbours.get('A2b')).toEqual({ previous: 'A1', next: 'A2a' });
    expect(neighbours.get('A3')).toEqual({ previous: 'A2a', next: null });
    expect(neighbours.get('L1')).toEqual({ previous: null, next: null });
  });

  it('chains every origin of the default collection in date order', () => {
    const neighbours = indexNeighbours(cables);
    const byId = new Map(cables.map((entry) => [entry.id, entry]));
    for (const entry of cables) {
      const { previous, next } = neighbours.get(entry.id)!;
      if (previous) {
        expect(byId.get(previous)!.data.origin).toBe(entry.data.origin);
        expect(byId.get(previous)!.data.date <= entry.data.date).toBe(true);
        expect(neighbours.get(previous)!.next).toBe(entry.id);
      }
      if (next) expect(neighbours.get(next)!.previous).toBe(entry.id);
    }
  });
});

describe('rankRelated', () => {
  it('ranks a cable sharing a rare tag above one sharing a common tag', () => {
    const common = Array.from({ length: 20 }, (_, index) => cable(`P${index}`, { tags: ['PREL'] }));
    const index = indexTags([cable('ME', { tags: ['PREL', 'KCFE'] }), cable('RARE', { tags: ['KCFE'] }), ...common]);
    const related = rankRelated(index, 'ME', { limit: 3 });
    expect(related[0]).toMatchObject({ id: 'RARE', shared: ['KCFE'] });
    expect(related[1]!.shared).toEqual(['PREL']);
    expect(related[0]!.score).toBeGreaterThan(related[1]!.score);
  });

  it('gives no weight to a tag every cable carries, and finds nothing for a cable without tags', () => {
    const everywhere = indexTags([cable('A', { tags: ['PREL'] }), cable('B', { tags: ['PREL'] })]);
    expect(weighTag(everywhere, 'PREL')).toBe(0);
    expect(rankRelated(everywhere, 'A')).toEqual([]);
    const untagged = indexTags([cable('A', { tags: ['PREL'] }), cable('B', { tags: ['PREL', 'RS'] }), cable('C', { tags: [] })]);
    expect(rankRelated(untagged, 'C')).toEqual([]);
    expect(rankRelated(untagged, 'NOT-THERE')).toEqual([]);
  });

  it('agrees with a pairwise scoring of the default collection (test only: the site never scans pairs)', () => {
    const index = indexTags(cables);
    for (const entry of cables) {
      const expected = cables
        .filter((other) => other.id !== entry.id)
        .map((other) => ({
          id: other.id,
          score: [...new Set(other.data.tags)]
            .filter((tag) => entry.data.tags.includes(tag))
            .reduce((sum, tag) => sum + weighTag(index, tag), 0),
        }))
        .filter((other) => other.score > 0)
        .sort((a, b) => b.score - a.score);
      const related = rankRelated(index, entry.id, { limit: 5 });
      expect(related.map((other) => other.score)).toEqual(
        expected
          .slice(0, 5)
          .map((other) => other.score)
          .map((score) => expect.closeTo(score, 9)),
      );
    }
  });

  it('scores at most `budget` candidates: a common tag adds only the cables nearest in time', () => {
    const many = Array.from({ length: 1000 }, (_, position) => cable(`C${position}`, { tags: ['PREL', 'X'] }));
    many.push(cable('LONE', { tags: ['PREL'] }));
    const index = indexTags(many);
    const related = rankRelated(index, 'C500', { limit: 100, budget: 10 });
    expect(related.length).toBeLessThanOrEqual(10);
    for (const other of related) expect(Math.abs(Number(other.id.slice(1)) - 500)).toBeLessThanOrEqual(10);
  });

  it('keeps a rare tag partner in a collection of 100,000 cables, and ranks 2,000 of them in under 10 ms each', () => {
    const huge = Array.from({ length: 100_000 }, (_, position) =>
      cable(`C${position}`, { tags: ['PREL', `G${position % 50}`, `R${position % 5000}`] }),
    );
    const started = performance.now();
    const index = indexTags(huge);
    for (let position = 0; position < 100_000; position += 50) rankRelated(index, `C${position}`);
    const elapsed = performance.now() - started;
    // PREL is on every cable: it weighs nothing. R7 (20 cables) outweighs G7 (2,000).
    expect(rankRelated(index, 'C7')[0]).toMatchObject({ shared: ['R7', 'G7'] });
    expect(elapsed).toBeLessThan(2_000 * 10);
  });
});
