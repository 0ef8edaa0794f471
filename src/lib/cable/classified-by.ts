/**
 * The `Classified By:` line: who classified the cable and under which reasons,
 * e.g. `Classified By: Ambassador Tony P. Hall for Reasons 1.4 (b) and (d).`
 */
import { isNearMiss } from './near-miss.ts';
import { collapseSpaces } from './text.ts';

/** Global: `findBlock` reads one label after another. */
const labelPattern = /(?:^|[^A-Za-z])(?:Classified\s+[Bb]y|CLASSIFIED\s+BY)\b[ \t]*:?|classified\s+by[ \t]*:/g;

/** Where the reasons begin: `for reasons`, `Reason:`, `per 1.4`, `E.O. 12958`. */
const reasonStartPattern =
  /[,;.]?\s*(?:\b(?:f\s?o\s?r|per|nor|based\s+upon|under|IAW|citing|by)\s+)?(?:\bR\s?E\s?A\s?S\s?O\s?N|\breaons?\b|\bf\s?o\s?r\s+r\s?e\s?a|\bby\s+reasons?\b|\bREA\s|\b1\s?\.\s?[45]\b|\bE\.\s?O\.|\bDerived\b)/i;

/** The reasons themselves: `1.4 (b) and (d)`, `1.5 (B,D)`, `1.4 b/d`. */
const reasonsPattern =
  /\b1\s?\.\s?[1-8]\.?\s?(?:\(\s?[a-hA-H]\s?\)|\(\s?[a-hA-H](?![A-Za-z])|[a-hA-H](?![A-Za-z])\s?\)?|and\b|AND\b|or\b|&|,|\/|\s)*/;

/**
 * People named after `Classified By:`, as written, without titles, offices and reasons:
 * `Classified By: CDA, a.i., Michael Matera, Reasons 1.4(b)` → `Michael Matera`.
 */
export function parseClassifiedBy(text: string): string[] {
  const block = findBlock(text);
  if (block === null) return [];
  const reasonStart = reasonStartPattern.exec(block);
  const names = collapseSpaces(
    (reasonStart ? block.slice(0, reasonStart.index) : block)
      .replace(/\((?:U|C|S|SBU)\)/g, ' ')
      .replace(/^(?:\s*Classified\s+by\s*:?)+/i, '')
      .replace(/\.\.\.\S*$|\s\S+\.\.\.$/, ''),
  );
  for (const segment of names.split(/[;,]/)) {
    const parts = segment.split(/\s+(?:and|AND|&)\s+/).map(stripTitles);
    // `DTRA Fred Carter and Poloff Steven Prohaska` names two people; `Development and
    // Economic Affairs Donald Blome` names one.
    const people = parts.every((part) => part.includes(' ')) ? parts : [stripTitles(segment)];
    const named = people.filter((name) => name !== '');
    if (named.length > 0) return named;
  }
  return [];
}

/** The classification reasons as written: `1.4 (b) and (d)`; null when none are given. */
export function parseReasons(text: string): string | null {
  const found = findBlock(text) ?? reasonsLine(text);
  const block = found === null ? null : collapseSpaces(found);
  if (!block) return null;
  const start = /\b1\s?\.\s?[1-8](?!\d)/.exec(block);
  if (!start) return null;
  const reasons = reasonsPattern.exec(block.slice(start.index));
  if (!reasons) return null;
  // `… (b) and (d)  (C) Adding new partners …`: the marking of the next paragraph, glued on.
  const isNextMarking = /\s\(C\)?\s*$/.test(reasons[0]) && /^\)?\s*[A-Z][a-z]/.test(block.slice(start.index + reasons[0].length));
  return tidyReasons(isNextMarking ? reasons[0].replace(/\s\(C\)?\s*$/, '') : reasons[0]);
}

/** Without a `Classified By` label: a `Reasons 1.4 (b)` phrase near the top. */
function reasonsLine(text: string): string | null {
  const reason = /\bREASONS?\b *:? *(?=1\s?\.\s?[1-8])/i.exec(text.slice(0, 6000));
  return reason ? text.slice(reason.index, reason.index + 200) : null;
}

function tidyReasons(reasons: string): string | null {
  const tidy = collapseSpaces(reasons)
    .replace(/[\s,/&]+$/, '')
    .replace(/\s+(?:and|AND|or)$/, '')
    .trim();
  return tidy === '' ? null : tidy;
}

/** The label's text: the rest of its line, and the next when the reasons are not on the first. */
function findBlock(text: string): string | null {
  // `parseClassifiedBy` and `parseReasons` read the same cable one after the other.
  if (text !== lastBlock.text) lastBlock = { text, block: searchBlock(text) };
  return lastBlock.block;
}

let lastBlock: { text: string | null; block: string | null } = { text: null, block: null };

function searchBlock(text: string): string | null {
  let first: string | null = null;
  labelPattern.lastIndex = 0;
  for (let label = labelPattern.exec(text); label; label = labelPattern.exec(text)) {
    const block = blockAt(text, label.index + label[0].length);
    first ??= block;
    // A label with nothing but a marking after it (`Classified By: Classified By: …` as the release glued it),
    // or a first copy of the cable cut short (`Classified By: CDA Andrew Schof...`): read the next.
    if (block.replace(/\((?:U|C|S|SBU)\)/g, '').trim() !== '' && !/(?:\.\.\.|…)\s*$/.test(block)) return block;
  }
  return first;
}

function blockAt(text: string, start: number): string {
  // Lines without trailing spaces or a CSV dump's `\`, so a word wrapped mid-way (`Reas` / `ons`) reads as one gap.
  const lines = text
    .slice(start, start + 600)
    .split('\n', 3)
    .map((line) => line.replace(/[ \t]*\\?[ \t]*$/, ''));
  let block = lines[0] ?? '';
  for (const line of lines.slice(1, 3)) {
    if (/\b1\s?\.\s?[45]\b|\(\s?[bd]\s?\)/i.test(block) && /[).]\s*$/.test(block.trim())) break;
    if (line.trim() === '' || /^\s*(?:¶|\d{1,2}\s?\.\s?\(|[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} )/.test(line)) break;
    block += ` ${line}`;
  }
  return block;
}

/** Titles and offices that precede or follow a name; compared lower-cased, without dots. */
const titleWords: ReadonlySet<string> = new Set(
  `a/dcm acting adcm affairs ai amb ambassador and assistant chargé charge chief cg cda cdr chargé com
  consul consul-general consulgeneral coordinator councelor couns counsellor counselor d'affaires
  d’affaires daffaires de dcm deputy director econ econcouns econoff economic economics ecpo
  executive for general head interagency interim issues m/c m-c mc mgmt min-couns mincouns minister
  minister-counselor mission of officer office pao pd pol pol/econ polchief polcouns polcounselor
  poloff political polmincouns polecon principal provincial public regional rso secretary section
  security senior special the under envoy advisor adviser mr mrs ms dr deputy-chief staff
  representative permanent perm rep officer-in-charge oic affairs deputy-director team leader
  leader global environmental science technology sci tech management administrative admin legal
  attache defense military economic-political econ-political political-economic
  political-military pol-mil pol/mil chargé_d'affaires temporary temp a.i ad i.a acting-dcm
  usun useu usnato usosce unvie embassy consulate post deppolcouns ecopol econpol polec polmil
  charg isn eur nea wha eap sca io inr pm eeb drl inl ct af a/s das pdas unit`
    .split(/\s+/)
    .map(normalizeTitle),
);

/** Long titles, matched with one typo allowed (`Politial`, `Councelor`). */
const longTitles = [...titleWords].filter((title) => title.length >= 7);

function normalizeTitle(word: string): string {
  return word.toLowerCase().replace(/[.,:;()'’`]/g, '');
}

/** Drop leading and trailing titles (`Ambassador`, `A/DCM`, `Charge d'Affaires a.i.`) from a name. */
function stripTitles(segment: string): string {
  const words = segment
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  const isMixedCase = /[a-z]/.test(segment);
  const isTitle = (word: string): boolean => isTitleWord(word, isMixedCase);
  while (words.length > 0 && isTitle(words[0] ?? '')) words.shift();
  while (words.length > 0 && isTitle(words[words.length - 1] ?? '')) words.pop();
  // `Somalia Unit Counselor Bob Patterson`: the name follows the last title.
  const lastTitle = words.findLastIndex((word) => isTitle(word) && !/^[a-z]/.test(word));
  if (lastTitle >= 0 && lastTitle < words.length - 1) words.splice(0, lastTitle + 1);
  if (!words.some((word) => /^[A-Z][A-Za-z'’.-]+$/.test(word))) return '';
  const name = words.join(' ').replace(/[\s,;:]+$/, '');
  return /(?:^|\s)(?:[A-Z]|Jr|Sr)\.$/.test(name) ? name : name.replace(/\.+$/, '');
}

function isTitleWord(word: string, isMixedCase: boolean): boolean {
  const key = normalizeTitle(word);
  if (key === '') return true;
  if (titleWords.has(key)) return true;
  if (key.includes('/')) return true;
  if (isMixedCase && /^[A-Z]{2,5}$/.test(word.replace(/[.,:;]/g, ''))) return true;
  if (/^(?:pol|econ)[a-z/-]*(?:couns|off|chief|coun)/.test(key)) return true;
  return key.length >= 7 && /^[a-z-]+$/.test(key) && longTitles.some((title) => isNearMiss(title, key));
}
