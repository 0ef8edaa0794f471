import { describe, expect, test } from 'vitest';
import { parseReferences } from '../../src/lib/cable/references.ts';
import { canonicalizeId, normalizeStation } from '../../src/lib/cable/stations.ts';

describe('parseReferences', () => {
  test('lettered entries run together, years from the entry or the citing cable', () => {
    expect(parseReferences('REF: A. STATE 1234 B. 08 PARIS 567', { year: 2009 })).toEqual([
      { label: 'A', text: 'STATE 1234', id: '09STATE1234' },
      { label: 'B', text: '08 PARIS 567', id: '08PARIS567' },
    ]);
  });
  test("year written as 2008 or '08; station spellings; leading zeros", () => {
    expect(parseReferences("REF: (A) 2008 BUENOS AIRES 0123 (B) '07 BA 45 (C) SECSTATE 0099", { year: '09' })).toEqual([
      { label: 'A', text: '2008 BUENOS AIRES 0123', id: '08BUENOSAIRES123' },
      { label: 'B', text: "'07 BA 45", id: '07BUENOSAIRES45' },
      { label: 'C', text: 'SECSTATE 0099', id: '09STATE99' },
    ]);
  });
  test('a station cut to ten characters, a note glued to the serial, a label glued to the station', () => {
    const ids = (text: string): (string | undefined)[] => parseReferences(text, { year: 2007 }).map((reference) => reference.id);
    expect(ids('REF: A. KUALA LUMP 4317 B. UNVIE VIEN 641')).toEqual(['07KUALALUMPUR4317', '07UNVIEVIENNA641']);
    expect(ids('REF: A. TEGUCIGALPA 193(ZELAYA/GONZALES BILAT)')).toEqual(['07TEGUCIGALPA193']);
    expect(ids('REF A:LIMA 3646')).toEqual(['07LIMA3646']);
    // The citing cable's page break glued to the last serial (08CAIRO524).
    expect(parseReferences('REF: A. CAIRO 452 B. CAIRO 507CAIRO 00000524 001.2 OF 002', { year: 2008 }).at(-1)).toEqual({
      label: 'B',
      text: 'CAIRO 507',
      id: '08CAIRO507',
    });
    expect(normalizeStation('BUENOS AIR')).toBe('BUENOSAIRES');
  });
  test('AND reuses the station; a citation of the cable itself gets no id', () => {
    expect(parseReferences('REF: USUN NEW YORK 12 AND 44', { year: 2006, referenceId: '06USUNNEWYORK44' })).toEqual([
      { text: 'USUN NEW YORK 12', id: '06USUNNEWYORK12' },
      { text: 'AND 44' },
    ]);
  });
  test('serials written in lists, with the year after them, or for the station of the entry before', () => {
    const ids = (text: string): (string | undefined)[] => parseReferences(text, { year: 2007 }).map((reference) => reference.id);
    expect(ids('REF: A) KABUL 212/198 B) 451 C) HK 0312')).toEqual(['07KABUL212', '07KABUL198', '07KABUL451', '07HONGKONG312']);
    expect(ids('REF: QUITO 1120-06')).toEqual(['06QUITO1120']);
  });
  test('entries that are not cables have no id', () => {
    expect(parseReferences('REF: A) EMBASSY EMAIL OF 3/4/2008 B) HOTR IIR 6 828 0364 09', { year: 2008 })).toEqual([
      { label: 'A', text: 'EMBASSY EMAIL OF 3/4/2008' },
      { label: 'B', text: 'HOTR IIR 6 828 0364 09' },
    ]);
  });
  test('a label alone or dots cite nothing; the release record after a cut copy ends the block', () => {
    expect(parseReferences('REF: A.', { year: 2007 })).toEqual([]);
    expect(parseReferences('REF: A. A...', { year: 2006 })).toEqual([]);
    expect(
      parseReferences('REF: A. LIMA 2000\n     ¶B. LIMA 2126\n    ...\n\nid: 114649\ndate: 7/6/2007 23:31\nrefid: 07LIMA2323', {
        year: 2007,
      }),
    ).toEqual([
      { label: 'A', text: 'LIMA 2000', id: '07LIMA2000' },
      { label: 'B', text: 'LIMA 2126 ...', id: '07LIMA2126' },
    ]);
  });
  test('the Ref(s) label', () => {
    expect(parseReferences('Ref(s): A) 08 RIO DE JAN 138; B) 08 RIO DE JAN 0044 and previous', { year: 2008 })).toEqual([
      { label: 'A', text: '08 RIO DE JAN 138', id: '08RIODEJANEIRO138' },
      { label: 'B', text: '08 RIO DE JAN 0044 and previous', id: '08RIODEJANEIRO44' },
    ]);
  });
});

describe('stations', () => {
  test('canonicalizeId repairs malformed ids and leaves good ones', () => {
    expect(canonicalizeId('08ECTION01OF02MANAMA492')).toBe('08MANAMA492');
    expect(canonicalizeId('08SCTION02OF02SAOPAULO335')).toBe('08SAOPAULO335');
    expect(canonicalizeId('08SECTION01GF02BISHIEK21')).toBe('08BISHKEK21');
    expect(canonicalizeId('7575LIBREVILLE1895')).toBe('75LIBREVILLE1895');
    expect(canonicalizeId('09USOSCE147')).toBe('09USOSCE147');
  });
  test('normalizeStation maps written forms to the id form', () => {
    expect(normalizeStation('BUENOS AIRES')).toBe('BUENOSAIRES');
    expect(normalizeStation('BA')).toBe('BUENOSAIRES');
    expect(normalizeStation('SECSTATE')).toBe('STATE');
    expect(normalizeStation('USUN NEW YORK')).toBe('USUNNEWYORK');
    expect(normalizeStation('Sao Paulo')).toBe('SAOPAULO');
    expect(normalizeStation('MEMO')).toBeNull();
  });
});
