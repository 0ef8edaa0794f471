/** Planning a part's delta index and merging it by date (src/lib/search/delta.ts, mergeByDate in pagefind.ts). */
import { describe, expect, it } from 'vitest';
import { bucketCount, bucketOf, dateRuns, datesByPosition, type IndexedCable, planDelta } from '../../src/lib/search/delta.ts';
import { mergeByDate, type Result } from '../../src/lib/search/pagefind.ts';

const part: IndexedCable[] = Array.from({ length: 400 }, (_, index) => ({ id: `09CABLE${index}`, digest: `d${index}` }));

describe('bucketOf', () => {
  it('files every id under one of the buckets, the same one every time, and spreads them', () => {
    const buckets = part.map(({ id }) => bucketOf(id));
    expect(buckets.every((bucket) => Number.isInteger(bucket) && bucket >= 0 && bucket < bucketCount)).toBe(true);
    expect(part.map(({ id }) => bucketOf(id))).toEqual(buckets);
    expect(new Set(buckets).size).toBeGreaterThan(bucketCount * 0.9);
  });
});

describe('planDelta', () => {
  const inBucket = (bucket: number) => part.filter(({ id }) => bucketOf(id) === bucket).map(({ id }) => id);

  it('is empty when nothing changed', () => {
    expect(planDelta(part, part)).toEqual({ buckets: [], ids: [] });
  });

  it('masks the buckets of changed, added and removed cables, and holds every current cable of them', () => {
    const edited = part[3] as IndexedCable;
    const removed = part[7] as IndexedCable;
    const added = { id: '09NEWCABLE1', digest: 'n' };
    const current = [
      ...part.filter((cable) => cable !== removed).map((cable) => (cable === edited ? { ...cable, digest: 'new' } : cable)),
      added,
    ];
    const plan = planDelta(part, current);
    const buckets = [...new Set([bucketOf(edited.id), bucketOf(removed.id), bucketOf(added.id)])].sort((a, b) => a - b);
    expect(plan?.buckets).toEqual(buckets);
    const expected = current.filter(({ id }) => buckets.includes(bucketOf(id))).map(({ id }) => id);
    expect(plan?.ids).toEqual(expected);
    expect(plan?.ids).toContain(edited.id);
    expect(plan?.ids).toContain(added.id);
    expect(plan?.ids).not.toContain(removed.id);
    expect(plan?.ids).toEqual(expect.arrayContaining(inBucket(bucketOf(edited.id))));
  });

  it('gives up when the delta would hold more than its share of the part', () => {
    const current = part.map((cable, index) => (index % 3 === 0 ? { ...cable, digest: 'changed' } : cable));
    expect(planDelta(part, current)).toBeNull();
  });
});

describe('date runs', () => {
  it('give the date at each position of the ascending order', () => {
    const dates = ['2009-03-01', '2008-01-02', '2009-03-01', '2010-12-31T10:00:00Z', '2010-12-31'];
    const runs = dateRuns(dates);
    expect(runs).toEqual([
      ['2008-01-02', 1],
      ['2009-03-01', 2],
      ['2010-12-31', 1],
      ['2010-12-31T10:00:00Z', 1],
    ]);
    const dateAt = datesByPosition(runs);
    expect([0, 1, 2, 3, 4].map(dateAt)).toEqual([...dates].sort());
    expect(dateAt(5)).toBeNull();
    expect(dateAt(-1)).toBeNull();
  });
});

describe('mergeByDate', () => {
  const result = (id: string, score: number): Result => ({ id, score, words: [], data: () => Promise.reject(new Error('not needed')) });
  // The base's date order: position → date.
  const baseDates = ['2008-01-01', '2008-05-01', '2009-01-01', '2009-07-01'];
  const dateAt = datesByPosition(dateRuns(baseDates));

  it('puts the delta results among the base results by date, newest first', () => {
    // A sorted search scores a page by its position in its own index's date order.
    const base = [result('b3', 3), result('b1', 1), result('b0', 0)];
    const delta = [result('d1', 1), result('d0', 0)];
    const merged = mergeByDate(base, dateAt, delta, { d0: '2008-03-01', d1: '2009-03-01' }, 'desc');
    expect(merged.map(({ id }) => id)).toEqual(['b3', 'd1', 'b1', 'd0', 'b0']);
  });

  it('and oldest first, where scores are negative positions', () => {
    const base = [result('b0', -0), result('b2', -2)];
    const delta = [result('d0', -0)];
    const merged = mergeByDate(base, dateAt, delta, { d0: '2008-05-01' }, 'asc');
    expect(merged.map(({ id }) => id)).toEqual(['b0', 'd0', 'b2']);
  });
});
