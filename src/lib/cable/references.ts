/**
 * The REF block: `REF: A. STATE 1234 B. 08 PARIS 567`. Each entry keeps its text as written;
 * entries that cite a cable also get its canonical reference id (`08PARIS567`).
 */
import { classifiedWord } from './classified-by.ts';
import { removeGluedPageNumbers } from './page-breaks.ts';
import type { Reference } from './schema.ts';
import { canonicalizeId, normalizeStation } from './stations.ts';
import { collapseSpaces, withoutEscape } from './text.ts';

export interface ReferenceOptions {
  /** Year of the citing cable (`2009`, `09`), used for entries that give none (`STATE 1234`). */
  year?: number | string;
  /** Reference id of the citing cable; a citation of itself gets no id. */
  referenceId?: string;
}

/** `REF:`, `REFS:`, `REFTEL:`, `Ref:` anywhere; without a colon (`REF.`, `REF...`, `Reftel`) only at a line start. */
const labelPattern =
  /(?:REF(?:S|TELS?|ERENCES?)?|Refs?|Reftels?|References?|Ref\(s\))[ \t]*:|(?:^|\n)[ \t]*(?:A[.)][ \t]+)?(?:REF(?:S|TELS?)?|Refs?|Reftels?)(?:\.+[ \t]*:?|\b(?=[ \t]+\S))/g;

/** What ends the block on its first line or glued onto it. */
const blockEndPattern = new RegExp(
  [
    String.raw`\b${classifiedWord}\s+[Bb]y\b`,
    String.raw`\bCLASSIFIED\s+BY\b`,
    // A routing block the release glued on (`CAIRO 181|09CAIRO257 VZCZCXRO5203OO RUEHROV…`).
    'VZCZC',
    // Glued to the serial before it: `C. MANAMA 651Classified By: …`.
    String.raw`(?<=\d)(?:Classified|CLASSIFIED)\s+[Bb][Yy]\b`,
    String.raw`¶\s?\d`,
    String.raw`(?:^|\s)\d{1,2}\s?\.\s*\((?:U|C|S|SBU|S\/NF|C\/NF)[^)]{0,10}\)`,
    String.raw`\b(?:SUMMARY|Summary)\b\s*[:.\-]`,
    String.raw`\bE\.\s?O\.\s?1\d{4}`,
    String.raw`\bSUBJECT\s*:`,
    String.raw`\bTAGS\b`,
    String.raw`\b(?:SIPDIS|NOFORN)\b`,
    String.raw`\b[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}`,
    String.raw`\bSensitive but unclassified\b`,
    String.raw`\b(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s+PAGE\b`,
    // The release's record after a copy of the header: `id: 114649`, `refid: 07LIMA2323`.
    String.raw`(?:^|\s)(?:id:\s*\d|refid:)`,
  ].join('|'),
  'i',
);

/** A marked paragraph glued on (`(SBU) On June 10, …`), in its own case: `(C) EMBASSY PARIS …` is an entry. */
const gluedParagraphPattern = /\s\((?:U|C|S|SBU|S\/NF|C\/NF|SBU\/NF)\)\s+(?=[A-Z]?[a-z]+\s+[A-Za-z]|[a-z])/;

/** A line that ends the block: a paragraph, heading, marking, classification, page break. */
const endLinePattern =
  /^(?:\d{1,2}\s?\.\s|\((?:U|C|S|SBU)[^)]{0,10}\)|-{3,}|(?:UNCLAS|CONFIDENTIAL|SECRET|SENSITIVE|C O N F I D E N T I A L|S E C R E T)\b)/i;

/** Page-break marker glued into the block: `TRIPOLI 00000116 001.2 OF 003`. */
const pageBreakPattern = /\b[A-Z][A-Z ]{1,30}\s0*\d{1,6}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b/g;

/** An old-style page break: the banner, then `PAGE 02 HARARE 05461 01 OF 02 271458Z`. */
const oldPageBreakPattern = /[ \t]*\b(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)[ \t]*\n[ \t]*PAGE \d{2,3}[ \t][^\n]*/g;

/** Candidate entry labels: `A.`, `(A)`, `A)`, `¶B.`. */
const entryLabelPattern = /(?:^|[\s;,])¶?\s?(?:\(([A-Za-z])\)|([A-Za-z])[.)])(?=\s|[A-Za-z0-9(])/g;

/**
 * Every entry of the REF block, in order. `AND 44603` after `STATE 41252` reuses the station;
 * an entry that names several cables gives one reference per cable, sharing the label.
 */
export function parseReferences(text: string, options: ReferenceOptions = {}): Reference[] {
  const found = findBlock(text);
  if (found === null) return [];
  // A page break glued into the block (`C. CAIRO 507CAIRO 00000524 001.2 OF 002`) cites nothing.
  const block = found.includes('OF') ? removeGluedPageNumbers(found) : found;
  const year = toTwoDigits(String(options.year ?? ''));
  const self = options.referenceId ? canonicalizeId(options.referenceId) : null;
  const own = self === null ? null : idPattern.exec(self);
  const references: Reference[] = [];
  const last: LastCitation = { station: null, year, isYearAssumed: true };
  for (const entry of splitEntries(block)) {
    for (const part of splitCitations(entry.text, year, last)) {
      // `REF: A.` glued to `REFTELS: (A) PARAMARIBO 501`, `REF: A. A...`: a label or dots, nothing cited.
      if (!citesAnything(part.text)) continue;
      const reference: Reference = entry.label === undefined ? { text: part.text } : { label: entry.label, text: part.text };
      const id = part.id !== undefined && part.isYearAssumed && own ? beforeSelf(part.id, own) : part.id;
      if (id !== undefined && id !== self) reference.id = id;
      references.push(reference);
    }
  }
  return references;
}

/** Whether an entry's text says more than a label (`A.`, `(B)`) or dots. */
const citesAnything = (text: string): boolean => /[\p{L}\p{N}]/u.test(text.replace(/^\(?[A-Za-z][.)]$/, ''));

/** A reference id in its parts: year, station, serial. */
const idPattern = /^(\d{2})([A-Z]+)(\d+)$/;

/**
 * A citation of the citing cable's own station whose year was assumed: a serial above the
 * cable's own was sent the year before (`SAN JOSE 959` in 09SANJOSE11 is 08SANJOSE959), as a
 * station numbers its cables in order through the year.
 */
function beforeSelf(id: string, own: RegExpExecArray): string {
  const cited = idPattern.exec(id);
  if (!cited || cited[2] !== own[2] || cited[1] !== own[1] || Number(cited[3]) <= Number(own[3])) return id;
  const year = (Number(cited[1]) + 99) % 100;
  return `${String(year).padStart(2, '0')}${cited[2]}${cited[3]}`;
}

/**
 * The first REF block; a first copy cut short (`¶C. LIMA 2...`) gives way to the whole copy after
 * it, and a copy that lists fewer entries (the routing header's `REF: A. 08 STATE 81854` above the
 * body's `Ref: a. 08 state 81854 b. … e. Nairobi 1831`) to a later one that starts the same way.
 */
function findBlock(text: string): string | null {
  labelPattern.lastIndex = 0;
  let first: string | null | undefined;
  const whole: string[] = [];
  for (let label = labelPattern.exec(text); label; label = labelPattern.exec(text)) {
    const block = blockAt(text, label.index + label[0].length, label[0]);
    if (first === undefined) first = block;
    if (block !== null && !/(?:\.\.\.|…)[ \t]*(?:\n|$)/.test(block)) whole.push(block);
  }
  // A field's own text holds one block: its entries are split once, by the caller.
  if (whole.length < 2) return whole[0] ?? first ?? null;
  let best = whole[0]!;
  const entries = splitEntries(best);
  const key = entries[0] ? entryKey(entries[0].text) : '';
  let count = entries.length;
  for (const block of whole.slice(1)) {
    const other = splitEntries(block);
    if (other.length > count && other[0] && entryKey(other[0].text) === key) {
      best = block;
      count = other.length;
    }
  }
  return best;
}

/** An entry compared across copies: letters and digits, in upper case (`08 state 81854` = `08 STATE 81854`). */
const entryKey = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]+/g, '');

function blockAt(text: string, start: number, label: string): string | null {
  // `A. REF AMMAN 222` / `B. 06 AMMAN 4685`: the list's first item held the label.
  const head = /^\s*A[.)]/.test(label) ? 'A. ' : '';
  const lines = text
    .slice(start, start + 3000)
    .replace(pageBreakPattern, ' ')
    .replace(oldPageBreakPattern, ' ')
    .split('\n');
  const kept: string[] = [];
  for (const [index, rawLine] of lines.entries()) {
    // `REF: REF 07 KOLKATA 88`: the label written twice.
    const line = index === 0 ? withoutEscape(rawLine).replace(/^\s*(?:REF(?:S|TELS?)?|Reftels?)\b[.:]?(?=\s)/, '') : withoutEscape(rawLine);
    if (line.trim() === '') {
      const next = lines.slice(index + 1).find((candidate) => candidate.trim() !== '') ?? '';
      const last = kept[kept.length - 1] ?? '';
      // The list goes on after a blank line: its next item (`-      (B) State 240035`), or the rest
      // of an item whose label ended the line before (`D)` / `Taipei 03196`).
      if (kept.join('').trim() === '' || /^[\s-]*¶?\s?(?:\([A-Za-z]\)|[A-Za-z][.)])\s/.test(next)) continue;
      if (/(?:^|[\s,;])(?:\([A-Z]\)|[A-Z][.)])\s*$/.test(last)) continue;
      break;
    }
    const item = index > 0 ? nextItemLength(line, kept) : 0;
    if (index > 0 && item === 0 && endLinePattern.test(line.trim())) break;
    const end = firstMatch(line.slice(item), blockEndPattern, gluedParagraphPattern);
    if (end >= 0) {
      kept.push(line.slice(0, item + end));
      break;
    }
    kept.push(line);
    // A copy the release cut short (`¶B. PRAGUE 356 ...`): what follows is the release's, not the list's.
    if (/(?:\.{3}|…)[ \t]*$/.test(line)) break;
  }
  const block = kept.join('\n').trim();
  return block === '' ? null : head + block;
}

/**
 * The length of the label of a lettered item that follows one of `before` — `(C) SAO PAULO 73`
 * after `(B) …`, `¶C. STATE 12` after `B. …` — so the list's next item and not a paragraph
 * marked `(C)`; 0 for any other line.
 */
export function nextItemLength(line: string, before: readonly string[]): number {
  const label = /^\s*¶?\s?(?:\(([B-Z])\)|([B-Z])[.)])\s*/.exec(line);
  if (!label) return 0;
  const previous = String.fromCharCode((label[1] ?? label[2])!.charCodeAt(0) - 1);
  const isNext = before.some((text) => text.includes(`(${previous})`) || text.includes(`${previous}.`) || text.includes(`${previous})`));
  return isNext ? label[0].length : 0;
}

function firstMatch(text: string, ...patterns: RegExp[]): number {
  let first = -1;
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match && (first < 0 || match.index < first)) first = match.index;
  }
  return first;
}

interface Entry {
  label?: string;
  text: string;
}

/** Split at sequential labels (A, B, C …) so initials such as `U.S.` stay in the text. */
function splitEntries(block: string): Entry[] {
  const starts: { label: string; at: number; textAt: number }[] = [];
  let expected = 0;
  // `matchAll` without its copy of the pattern.
  entryLabelPattern.lastIndex = 0;
  for (let match = entryLabelPattern.exec(block); match; match = entryLabelPattern.exec(block)) {
    const letter = (match[1] ?? match[2] ?? '').toUpperCase();
    if (letter.charCodeAt(0) - 65 !== expected) continue;
    if (expected === 0 && block.slice(0, match.index).trim() !== '') continue;
    starts.push({ label: letter, at: match.index, textAt: match.index + match[0].length });
    expected++;
  }
  if (starts.length === 0) {
    return block
      .split(';')
      .map((text) => ({ text: tidy(text) }))
      .filter((entry) => entry.text !== '');
  }
  return starts.map((start, index) => {
    const end = starts[index + 1]?.at ?? block.length;
    const text = tidy(block.slice(start.textAt, end)).replace(repeatedLabelPattern(start.label), '');
    return { label: start.label, text };
  });
}

/** The entry's label again at the start of its text (`(B)`, `B.`, `B)`): one pattern per letter, made once. */
function repeatedLabelPattern(label: string): RegExp {
  let pattern = repeatedLabelPatterns.get(label);
  if (!pattern) {
    pattern = new RegExp(String.raw`^(?:\(${label}\)|${label}[.)])\s*`, 'i');
    repeatedLabelPatterns.set(label, pattern);
  }
  return pattern;
}

const repeatedLabelPatterns = new Map<string, RegExp>();

/** Each pattern runs only on a text that can hold it: the trimmed text has no space at either end. */
function tidy(text: string): string {
  let tidied = collapseSpaces(text.includes('¶') ? text.replace(/¶/g, '') : text).trim();
  if (/^[:;,]|[;,]$/.test(tidied)) tidied = tidied.replace(/^[:;,\s]+|[;,\s]+$/g, '');
  if (/(?:and|AND)$/.test(tidied)) tidied = tidied.replace(/\s+(?:and|AND)$/, '');
  // `B. BRASILIA 1544 1. Summary.`: the first paragraph's number run onto the REF line.
  return tidied.endsWith('.') ? tidied.replace(/(\d)\s+\d{1,2}\s?\.$/, '$1') : tidied;
}

interface Citation {
  text: string;
  id?: string;
  /** Whether the id's year is the citing cable's, the entry giving none. */
  isYearAssumed?: boolean;
}

/** The station and year of the previous entry's last citation, for `B. 2962 AND PREVIOUS` after `A. MANILA 2969`. */
interface LastCitation {
  station: string | null;
  year: string;
  isYearAssumed: boolean;
}

/** A cable citation inside an entry: `08 PARIS 567`, `2008 PARIS 0567`, `'08 PARIS 567`, `09CAIRO724`. */
function splitCitations(text: string, defaultYear: string, last: LastCitation): Citation[] {
  const words = text.split(' ');
  // The words as read for ids: `COTON0U` → `COTONOU`, `O1512` → `01512`, `#3565`, `(C)02293`, `A)STATE`.
  const keys = words.map(readKey);
  const found: { at: number; id: string; isYearAssumed: boolean }[] = [];
  // An entry that opens with a bare serial reuses the station of the entry before.
  const opensWithSerial = /^\d{3,7}$/.test(keys[0] ?? '') && !/^(?:19|20)\d{2}$/.test(keys[0] ?? '');
  let station: string | null = opensWithSerial && !citesStation(keys.slice(1, 4)) ? last.station : null;
  let stationYear = station ? last.year : defaultYear;
  let isStationYearAssumed = station ? last.isYearAssumed : true;
  const cite = (at: number, serial: string, year = stationYear, isYearAssumed = isStationYearAssumed): void => {
    found.push({ at, id: year + station + String(Number(serial)), isYearAssumed });
  };
  for (let index = 0; index < keys.length; index++) {
    const word = keys[index] ?? '';
    const glued = /^(\d{2})?([A-Z]{2,})0*(\d{1,7})$/.exec(word);
    if (glued) {
      const gluedStation = normalizeStation(glued[2] ?? '');
      if (gluedStation && (glued[1] !== undefined || (glued[3] ?? '').length >= 3)) {
        station = gluedStation;
        stationYear = glued[1] ?? defaultYear;
        isStationYearAssumed = glued[1] === undefined;
        cite(index, glued[3] ?? '');
      }
      continue;
    }
    // `QUITO 4525-91`, `PANAMA 00789/08`: the year after the serial; `Kabul 692/317/274`: several serials.
    const serials = /^\d{1,7}(?:\/\d{3,7})+$/.test(word) ? word.split('/') : null;
    const suffixed = /^(\d{1,7})[-/](\d{2})$/.exec(word);
    const serial = suffixed ? (suffixed[1] ?? '') : serials ? (serials[0] ?? '') : word;
    // `D) MOSCOW 240...`: a serial cut short names no cable.
    if (!/^\d{1,7}$/.test(serial) || /(?:\.\.\.|…)$/.test(words[index] ?? '')) continue;
    // `AMMAN 07718 99`: a zero-padded serial with its year after it; `LIMA 4516 (06)`, `THE HAGUE 3350 (2004)`.
    const bracketedYear = /^\(((?:19|20)?\d{2})\)[,;.]?$/.exec(words[index + 1] ?? '')?.[1];
    const paddedYear = /^0\d{4,}$/.test(serial) && /^\d{2}$/.test(keys[index + 1] ?? '') ? keys[index + 1] : undefined;
    const trailingYear = paddedYear ?? (bracketedYear === undefined ? undefined : toTwoDigits(bracketedYear));
    const cited = citedStation(keys, index, words);
    if (cited) {
      station = cited.station;
      stationYear = cited.year ?? defaultYear;
      isStationYearAssumed = cited.year === undefined;
      const writtenYear = suffixed?.[2] ?? trailingYear;
      cite(cited.start, serial, writtenYear ?? stationYear, writtenYear === undefined && isStationYearAssumed);
    } else if (station && (index === 0 || /^(?:AND|and|&)$|,$/.test(words[index - 1] ?? '')) && !isYearOfNext(keys, index)) {
      // `AND 44603` keeps its `AND`; after `1234,` the entry starts at the serial.
      const at = index === 0 || words[index - 1]!.endsWith(',') ? index : index - 1;
      cite(at, serial, suffixed?.[2] ?? stationYear, suffixed === null && isStationYearAssumed);
    } else if (index === 0 && opensWithSerial && normalizeStation(keys[index + 1] ?? '') && !/^\d/.test(keys[index + 2] ?? '')) {
      // `870 Ulaanbaatar`: the serial before the station.
      station = normalizeStation(keys[index + 1] ?? '');
      stationYear = defaultYear;
      isStationYearAssumed = true;
      cite(index, serial);
    } else {
      station = null;
      continue;
    }
    for (const more of serials?.slice(1) ?? []) cite(index, more);
    if (trailingYear !== undefined) index++;
  }
  const usable = found.filter((citation) => /^\d{2}/.test(citation.id));
  if (station) {
    last.station = station;
    last.year = stationYear;
    last.isYearAssumed = isStationYearAssumed;
  }
  if (usable.length === 0) return [{ text }];
  return usable.map((citation, index) => {
    const from = index === 0 ? 0 : citation.at;
    const next = usable.slice(index + 1).find((other) => other.at > citation.at);
    const to = next?.at ?? words.length;
    const part = tidy(words.slice(from, to).join(' '));
    return { text: usable.length === 1 ? text : part, id: citation.id, isYearAssumed: citation.isYearAssumed };
  });
}

/** `…, 230, 07 BsAs 1892`: a year before a station, not a serial of the station before. */
function isYearOfNext(keys: string[], index: number): boolean {
  return /^(?:\d{2}|(?:19|20)\d{2})$/.test(keys[index] ?? '') && citesStation(keys.slice(index + 1, index + 5));
}

/** Whether the words start with a station name (`Sao Paulo 2199`). */
function citesStation(words: string[]): boolean {
  return words.some((_, size) => normalizeStation(words.slice(0, size + 1).join(' ')) !== null);
}

/** Each pattern runs only on a word that can hold it: most words are a plain station word or serial. */
function readKey(word: string): string {
  let key = trailingPunctuationPattern.test(word) ? word.replace(/[,;.:)]+$/, '') : word;
  const first = key.charCodeAt(0);
  if (first === 35 || first === 40 || (first >= 65 && first <= 90)) {
    key = key.replace(/^(?:#|\((?:U|C|S|SBU)\)(?=\d)|[A-Z][):](?=[A-Z]{2}))/, '');
  }
  // `TEGUCIGALPA 193(ZELAYA/GONZALES BILAT)`: a note in brackets glued to the serial.
  if (key.includes('(')) key = key.replace(/^(\d{1,7})\([A-Za-z].*$/, '$1');
  if (key.includes('0')) key = key.replace(/(?<=[A-Z])0(?=[A-Z])/g, 'O');
  return key.startsWith('O') ? key.replace(/^O(?=\d{3}|\d$)/, '0') : key;
}

const trailingPunctuationPattern = /[,;.:)]$/;

/** The station (and year) written in the one to four words before a serial number. */
function citedStation(words: string[], serialAt: number, raw: readonly string[]): { station: string; year?: string; start: number } | null {
  // `STATE (01) 201265`: the year in brackets between station and serial.
  const bracketYear = /^\((\d{2})\)?$/.exec(words[serialAt - 1] ?? '')?.[1];
  const end = bracketYear ? serialAt - 1 : serialAt;
  for (let size = Math.min(4, end); size >= 1; size--) {
    const start = end - size;
    const name = words.slice(start, end).join(' ');
    if (!/^[A-Za-z][A-Za-z .'-]*$/.test(name)) continue;
    const station = normalizeStation(name);
    if (!station) continue;
    // The year as written before the station: `08 PARIS`, `(08) SAO PAULO`, not the serial of `SAO PAULO 90,`.
    const before = (raw[start - 1] ?? '').replace(/^[(‘'’]/, '').replace(/\)$/, '');
    const year = /^(?:\d{2}|(?:19|20)\d{2})$/.test(before) ? toTwoDigits(before) : undefined;
    const result: { station: string; year?: string; start: number } = { station, start: year ? start - 1 : start };
    const citedYear = year ?? bracketYear;
    if (citedYear) result.year = citedYear;
    return result;
  }
  return null;
}

function toTwoDigits(year: string): string {
  const digits = year.replace(/\D/g, '');
  return digits.length >= 2 ? digits.slice(-2) : '';
}
