/** Splitting the search index by date: runs of whole years, large years by months, every cable in exactly one part. */
import { describe, expect, it } from 'vitest';
import { type PartCable, planParts } from '../../src/lib/search/parts.ts';

function cables(date: string, count: number): PartCable[] {
  return Array.from({ length: count }, (_, index) => ({ id: `${date}-${index}`, date }));
}

function summary(parts: ReturnType<typeof planParts>): [string, number][] {
  return parts.map((part) => [part.name, part.ids.length]);
}

describe('planParts', () => {
  it('keeps a collection that fits in one part whole', () => {
    expect(summary(planParts([...cables('1966-01-05', 2), ...cables('2010-02-28', 3)], 10))).toEqual([['1966_2010', 5]]);
  });

  it('packs consecutive years up to the size, oldest first', () => {
    const all = [...cables('2010-01-01', 4), ...cables('2006-05-01', 2), ...cables('2007-05-01', 2), ...cables('2008-05-01', 3)];
    expect(summary(planParts(all, 5))).toEqual([
      ['2006_2007', 4],
      ['2008', 3],
      ['2010', 4],
    ]);
  });

  it('cuts a year larger than the size into runs of months, never shared with another year', () => {
    const all = [
      ...cables('2008-12-01', 1),
      ...cables('2009-01-10', 3),
      ...cables('2009-02-10', 2),
      ...cables('2009-03-10', 4),
      ...cables('2010-01-01', 1),
    ];
    expect(summary(planParts(all, 5))).toEqual([
      ['2008', 1],
      ['2009-01_2009-02', 5],
      ['2009-03', 4],
      ['2010', 1],
    ]);
  });

  it('gives a month larger than the size a part of its own', () => {
    expect(summary(planParts(cables('2009-07-01', 7), 3))).toEqual([['2009-07', 7]]);
  });

  it('puts every cable in exactly one part', () => {
    const all = Array.from({ length: 500 }, (_, index) => ({
      id: `C${index}`,
      date: `${1990 + (index % 21)}-${String(1 + (index % 12)).padStart(2, '0')}-01`,
    }));
    const ids = planParts(all, 40).flatMap((part) => part.ids);
    expect(ids.sort()).toEqual(all.map((cable) => cable.id).sort());
  });
});
