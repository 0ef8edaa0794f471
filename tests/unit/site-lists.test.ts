/** How the index pages cut their lists: pages, runs under month and year headings, bars over time. */
import { describe, expect, it } from 'vitest';
import { countBy, groupPage, locateRuns } from '../../src/lib/site/groups.ts';
import { countPages, findPage, listPageNumbers } from '../../src/lib/site/pagination.ts';
import { countMonths, countYears, focusBars, tickBars } from '../../src/lib/site/timeline.ts';
import { tagUrl, yearUrl } from '../../src/lib/site/urls.ts';

const dated = (...dates: string[]) => dates.map((date, index) => ({ id: `C${index}`, data: { date } }));

describe('pagination', () => {
  it('puts page 1 at the list URL and page N under it', () => {
    expect(tagUrl('PARM')).toBe('/tags/PARM/');
    expect(tagUrl('PARM', 1)).toBe('/tags/PARM/');
    expect(tagUrl('CLINTON, HILLARY', 3)).toBe('/tags/CLINTON-HILLARY/3/');
    expect(yearUrl('2009', 2)).toBe('/dates/2009/2/');
  });

  it('counts pages and finds the page of a position', () => {
    expect(countPages(0, 50)).toBe(1);
    expect(countPages(50, 50)).toBe(1);
    expect(countPages(51, 50)).toBe(2);
    expect(findPage(49, 50)).toBe(1);
    expect(findPage(50, 50)).toBe(2);
  });

  it('offers the first, the last and two either side of the current page', () => {
    expect(listPageNumbers(7, 20)).toEqual([1, null, 5, 6, 7, 8, 9, null, 20]);
    expect(listPageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(listPageNumbers(2, 2000)).toEqual([1, 2, 3, 4, null, 2000]);
  });
});

describe('runs of a paginated list', () => {
  const months = ['2009-06', '2009-06', '2009-06', '2009-05', '2009-05', '2009-01'];
  const keyOf = (month: string): string => month;

  it('marks a run that began on an earlier page as continued', () => {
    expect(groupPage(months, 0, 2, keyOf)).toEqual([{ key: '2009-06', items: ['2009-06', '2009-06'], isContinued: false }]);
    expect(groupPage(months, 2, 4, keyOf)).toEqual([
      { key: '2009-06', items: ['2009-06'], isContinued: true },
      { key: '2009-05', items: ['2009-05'], isContinued: false },
    ]);
  });

  it('finds the page where each run starts, for links to its heading', () => {
    expect(locateRuns(months, keyOf, 2)).toEqual([
      { key: '2009-06', page: 1, count: 3 },
      { key: '2009-05', page: 2, count: 2 },
      { key: '2009-01', page: 3, count: 1 },
    ]);
  });

  it('counts by key, most frequent first', () => {
    expect(countBy([['A', 'B'], ['B'], ['C', 'B', 'A']], (keys) => keys)).toEqual([
      ['B', 3],
      ['A', 2],
      ['C', 1],
    ]);
  });
});

describe('bars over time', () => {
  it('keeps the empty months and years between the first and the last', () => {
    expect(countMonths(dated('2009-02-03', '2008-12-30T10:00:00Z', '2009-02-01'))).toEqual([
      { key: '2008-12', count: 1 },
      { key: '2009-01', count: 0 },
      { key: '2009-02', count: 2 },
    ]);
    expect(countYears(dated('1966-12-28', '1968-01-01')).map((bar) => bar.count)).toEqual([1, 0, 1]);
    expect(countYears([])).toEqual([]);
  });

  it('labels the axis at year starts, sparser for long spans', () => {
    const bars = countMonths(dated('2008-11-01', '2010-02-01'));
    const ticks = tickBars(bars).flatMap((tick, index) => (tick ? [`${bars[index]!.key}=${tick}`] : []));
    expect(ticks).toEqual(['2008-11=2008', '2009-01=2009', '2010-01=2010']);
    expect(tickBars(countMonths(dated('2009-01-05', '2009-03-01')))).toEqual(['Jan', 'Feb', 'Mar']);
    const decades = tickBars(countYears(dated('1966-01-01', '2010-01-01'))).filter(Boolean);
    expect(decades).toEqual(['1970', '1975', '1980', '1985', '1990', '1995', '2000', '2005', '2010']);
  });

  it('leaves out sparse first years holding at most 5% of the cables, cutting at a year start', () => {
    const dates = ['1966-05-01', ...Array.from({ length: 40 }, (_, index) => `2009-0${(index % 9) + 1}-01`)];
    const focused = focusBars(countMonths(dated(...dates)));
    expect(focused.bars[0]!.key).toBe('2009-01');
    expect(focused.omitted).toBe(1);
    expect(focused.omittedYears).toEqual(['1966', '2008']);
    expect(focusBars(countMonths(dated('2009-01-01', '2009-03-01'))).omittedYears).toBeNull();
  });
});
