/**
 * The `Classified By:` line: who classified the cable and under which reasons,
 * e.g. `Classified By: Ambassador Tony P. Hall for Reasons 1.4 (b) and (d).`
 */
import { isNearMiss, isTransposed } from './near-miss.ts';
import { remembered } from './remember.ts';
import { collapseSpaces } from './text.ts';

/**
 * The label's first word as written, typos included (`Classfied By:`, `Classifed by:`): the one
 * spelling the field readers of body.ts, fields.ts and references.ts build their patterns from.
 */
export const classifiedWord = 'Class(?:ified|fied|ifed)';

/** Global: `nextLabelEnd` reads one label after another. */
const labelPattern = new RegExp(
  // `Classified ByMinister Counselor …` (09CAIRO1571): the name glued to the label.
  String.raw`(?:^|[^A-Za-z])(?:${classifiedWord}\s+[Bb]y|CLASSIFIED\s+BY)(?![a-z])[ \t]*:?|classified\s+by[ \t]*:`,
  'g',
);

/** Where the reasons begin: `for reasons`, `Reason:`, `per 1.4`, `E.O. 12958`. */
const reasonStartPattern =
  /[,;.]?\s*(?:\b(?:f\s?[o0]\s?r|fr|p\s?e\s?r|nor|based\s+(?:upon|[o0]n)|under|IAW|citing|by)\s+)?(?:\bR\s?E\s?A\s?S\s?[O0]\s?N|\bR(?:E?A|E)S[O0]NS?\b|\breaons?\b|\bf\s?o\s?r\s+r\s?e\s?a|\bfor\s+re(?![a-z])|\bby\s+reasons?\b|\bREA\s|\b1\s?\.\s?[45]\b|\b1\s?[.,]\s?\d\s?\(|\bE\.\s?O\.?\s?12958|\bE\.\s?O\.|\b12958\b|\bdue\s+to\b|\bunder\s+S\s?e\s?c\s?t\s?i\s?o\s?n|\bDerived\b)/i;

/** The reasons themselves: `1.4 (b) and (d)`, `1.5 (B,D)`, `1.4 b/d`. */
const reasonsPattern =
  /\b1\s?[.,]\s?[1-8]\.?\s?(?:\(\s?[a-hA-H]\s?\)|\(\s?[a-hA-H](?![A-Za-z])|[a-hA-H](?![A-Za-z])\s?\)?|and\b|AND\b|or\b|&|,|\/|\s)*/;

/**
 * People named after `Classified By:`, as written, without titles, offices and reasons:
 * `Classified By: CDA, a.i., Michael Matera, Reasons 1.4(b)` → `Michael Matera`.
 */
export function parseClassifiedBy(text: string): string[] {
  return classify(text).classifiedBy;
}

/** The names of a label's block, or null when it names nobody. */
function personNames(block: string): string[] | null {
  const names = remembered(blockNames, block, answerPersonNames);
  // A copy: the caller's list is its own.
  return names === null ? null : [...names];
}

const blockNames = new Map<string, readonly string[] | null>();

function answerPersonNames(block: string): string[] | null {
  const names = namesIn(block);
  // `Classified By: ADANA 222 / ADANA 216 …`: references where a name belongs; a later label has it.
  return names.length > 0 && names.every((name) => !/\d{2}/.test(name)) ? names : null;
}

/** Who classified a cable and why: `parseClassifiedBy` and `parseReasons` of one text. */
export interface Classification {
  classifiedBy: string[];
  reasons: string | null;
}

/**
 * `parseClassifiedBy` and `parseReasons` of `[...fields, ...rest].join('\n\n')`, the cable's
 * Classified By fields first, then its other texts (for a first copy cut short). The whole text
 * is joined and read only when it must be: in most cables the first field's label decides both,
 * and a text without the word `classified` holds no label at all.
 */
export function parseClassification(fields: readonly string[], rest: readonly string[]): Classification {
  // The fields with the separator after them: no label or block read in it reaches past its end.
  const decided = fields.length > 0 ? remembered(fieldAnswers, `${fields.join('\n\n')}\n\n`, decideByFirst) : null;
  // A copy: the caller's list is its own.
  if (decided) return { classifiedBy: [...decided.classifiedBy], reasons: decided.reasons };
  const texts = [...fields, ...rest];
  if (!texts.some(mayHoldLabel)) {
    // No label: nobody named, and the reasons only from a `Reasons 1.4 (b)` line near the top.
    return { classifiedBy: [], reasons: reasonsOf(reasonsLine(joinedStart(texts, reasonsLineReach))) };
  }
  return classify(texts.join('\n\n'));
}

/** The answers kept for Classified By texts read before: an ambassador's line comes back cable after cable. */
const fieldAnswers = new Map<string, Classification | null>();

/** `parseClassifiedBy` and `parseReasons` of one text, its labels read once. */
function classify(text: string): Classification {
  let first: string | null = null;
  let firstUseful: string | null = null;
  for (let end = nextLabelEnd(text, 0); end >= 0; end = nextLabelEnd(text, end)) {
    const block = blockAt(text, end);
    first ??= block;
    if (!isUseful(block)) continue;
    firstUseful ??= block;
    const names = personNames(block);
    if (names) return { classifiedBy: names, reasons: reasonsOf(firstUseful) };
  }
  if (firstUseful !== null) return { classifiedBy: [], reasons: reasonsOf(firstUseful) };
  // No useful label: the first one's text, else a reasons line.
  return { classifiedBy: (first === null ? null : personNames(first)) ?? [], reasons: reasonsOf(first ?? reasonsLine(text)) };
}

/**
 * Both fields from the useful labels of the start of the text, when one of them names someone;
 * null when the rest of the text may still decide. The first useful label gives the reasons.
 */
function decideByFirst(start: string): Classification | null {
  let reasons: string | null | undefined;
  for (let end = nextLabelEnd(start, 0); end >= 0; end = nextLabelEnd(start, end)) {
    const block = blockAt(start, end);
    if (!isUseful(block)) continue;
    reasons ??= reasonsOf(block);
    const names = personNames(block);
    if (names) return { classifiedBy: names, reasons };
  }
  return null;
}

/** Every form of the label holds one of these (`Classified By`, `CLASSIFIED BY`, `classified by:`). */
function mayHoldLabel(text: string): boolean {
  return labelWordPattern.test(text);
}

/** As a pattern V8 searches the words at once, skipping ahead several characters at a time: faster than several `includes`. */
const labelWordPattern = /lassified|LASSIFIED|lassfied|lassifed/;

/** The first `length` characters of the texts joined by blank lines, without joining them all. */
function joinedStart(texts: readonly string[], length: number): string {
  let start = '';
  for (let index = 0; index < texts.length && start.length < length; index++) {
    start += `${index === 0 ? '' : '\n\n'}${texts[index]!.slice(0, length)}`;
  }
  return start.slice(0, length);
}

/** A name's suffix, kept with it though written after a comma: `Thomas W. Simons, Jr.`. */
const suffixPattern = /,\s*(Jr\.?|JR\.?|Sr\.?|SR\.?|II|III|IV)(?=[\s,;.]|$)/g;

function namesIn(block: string): string[] {
  const reasonStart = reasonStartPattern.exec(block);
  // `Robert O. Blake, Jr. for reasons`: the dot before the reasons closes the suffix.
  const cut = reasonStart ? reasonStart.index + (/(?:Jr|JR|Sr|SR)$/.test(block.slice(0, reasonStart.index)) ? 1 : 0) : block.length;
  // Each pattern runs only on a text that holds its character: most blocks are `Title First Last`.
  let names = block.slice(0, cut);
  if (names.includes('(')) names = names.replace(/\((?:U|C|S|SBU)\)/g, ' ');
  names = names.replace(/^(?:\s*Classified\s+by\s*:?)+/i, '');
  if (names.includes('...')) names = names.replace(/\.\.\.\S*$|\s\S+\.\.\.$/, '');
  // `Daniel O,Grady`: an apostrophe sent as a comma.
  if (names.includes(',')) names = names.replace(/\b([OD]),(?=[A-Z][a-z])/g, "$1'");
  // `Counselor:Steve Weston`, `AMB:RCROCKER`, `DCM/Ted Osius`: a title glued to the name.
  if (names.includes(':')) names = names.replace(/:(?=[A-Za-z])/g, ': ');
  if (names.includes('/')) names = names.replace(/\b([A-Z]{2,})\/(?=[A-Z][a-z])/g, '$1 ');
  if (names.includes(',')) names = names.replace(suffixPattern, '\uE000$1');
  for (const segment of collapseSpaces(names).split(/[;,]/)) {
    const pieces = segment.split(/\s+(?:and|AND|&)\s+/);
    const parts = pieces.map(stripTitles);
    // `DTRA Fred Carter and Poloff Steven Prohaska` names two people; `Development and
    // Economic Affairs Donald Blome` names one.
    // `U/S for Arms Control and International Security (T) John C. Rood`: an `and` inside an office's
    // name (after `for` or `of`) joins no two people.
    const joinsOffices = parts.length > 1 && /\b(?:for|FOR|of|OF)\s/.test(pieces[0]!);
    // One piece is the segment itself, its titles already stripped.
    const people = parts.length === 1 || (!joinsOffices && parts.every((part) => part.includes(' '))) ? parts : [stripTitles(segment)];
    const named = people.filter((name) => name !== '').map((name) => (name.includes('\uE000') ? name.replace(/\uE000/g, ', ') : name));
    if (named.length > 0) return named;
  }
  return [];
}

/** The classification reasons as written: `1.4 (b) and (d)`; null when none are given. */
export function parseReasons(text: string): string | null {
  return classify(text).reasons;
}

/** The reasons given in a label's block, or in a reasons line. */
function reasonsOf(found: string | null): string | null {
  const block = found === null ? null : collapseSpaces(found);
  if (!block) return null;
  // `1,4 (b) and (d)`: a comma typed for the dot, as written.
  const start = /\b1\s?[.,]\s?[1-8](?!\d)/.exec(block);
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

/** How far into a text `reasonsLine` reads: its search, and the line it returns. */
const reasonsLineReach = 6000 + 200;

function tidyReasons(reasons: string): string | null {
  const tidy = collapseSpaces(reasons)
    // A bracket wrapped from its letter (`( \nd)`, `(D \n)`): the line break is no space of the reasons.
    .replace(/\(\s+(?=[a-hA-H]\))/g, '(')
    .replace(/(?<=\([a-hA-H])\s+\)/g, ')')
    .replace(/[\s,/&]+$/, '')
    .replace(/\s+(?:and|AND|or)$/, '')
    .trim();
  return tidy === '' ? null : tidy;
}

/**
 * Where the next label at or after `from` ends, -1 when none is left. The labels are read in a
 * loop, `blockAt` giving each one's text: a generator costs more than the loop's own work.
 */
function nextLabelEnd(text: string, from: number): number {
  for (let at = from; ; ) {
    labelPattern.lastIndex = at;
    const label = labelPattern.exec(text);
    if (!label) return -1;
    const end = label.index + label[0].length;
    // `C O R R E C T E D  C O P Y (ADDED CLASSIFIED BY LINE)`: a note about the label, not the label.
    if (!/^\s*LINE\b/i.test(text.slice(end, end + 12))) return end;
    at = end;
  }
}

/**
 * A label with nothing but a marking after it (`Classified By: Classified By: …` as the release glued it),
 * or a first copy of the cable cut short (`Classified By: CDA Andrew Schof...`), is not: the next is read.
 */
function isUseful(block: string): boolean {
  return block.replace(/\((?:U|C|S|SBU)\)/g, '').trim() !== '' && !/(?:\.\.\.|…)\s*$/.test(block);
}

function blockAt(text: string, start: number): string {
  // Lines without trailing spaces or a CSV dump's `\`, so a word wrapped mid-way (`Reas` / `ons`) reads as one gap.
  const lines = text
    .slice(start, start + 600)
    .split('\n', 3)
    .map(withoutLineEnd);
  let block = lines[0] ?? '';
  for (const line of lines.slice(1, 3)) {
    // The reasons look complete, unless the next line goes on with them (`1.5 (b)` / `and (d)`).
    if (
      /\b1\s?\.\s?[45]\b|\(\s?[bd]\s?\)/i.test(block) &&
      /[).]\s*$/.test(block.trim()) &&
      !/^\s*(?:and|AND|or|&|,)\s*\(?\s?[a-hA-H]\s?\)/.test(line)
    )
      break;
    if (line.trim() === '' || /^\s*(?:¶|\d{1,2}\s?\.\s?\(|[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} )/.test(line)) break;
    // The banner of a page break (`CONFIDENTIAL`, then `PAGE 02 …`) ends the label's text.
    if (/^\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*$/.test(line)) break;
    block += isWrappedWord(block, line) ? line : ` ${line}`;
  }
  return block;
}

/** A line without its trailing spaces, `\` or `<br>`: the pattern, tried at every character, runs only on a line that ends with one. */
function withoutLineEnd(line: string): string {
  const last = line.charCodeAt(line.length - 1);
  return last === 32 || last === 9 || last === 92 || last === 62 ? line.replace(/[ \t]*(?:\\|<br\s*\/?>)?[ \t]*$/i, '') : line;
}

/** A long line cut inside a name, `… Coordinator Hoyt Y` + `ee for reasons`, or inside the reasons' `and`: join without a space. */
function isWrappedWord(block: string, line: string): boolean {
  const last = block.trimEnd();
  // `reasons 1.4 (b) a` / `nd (d)`: the `and` of the reasons cut in two.
  const cut = /(?:^|\s)(an?)$/.exec(last)?.[1];
  if (cut && /^[a-z]+/.exec(line)?.[0] === 'and'.slice(cut.length)) return true;
  const piece = /^([a-z]+)(?:[\s,]|$)/.exec(line)?.[1];
  return (
    piece !== undefined &&
    !/^(?:for|fr|and|per|under|of|on|in|to|the|by|reasons?|based|due|acting)$/.test(piece) &&
    last.length >= 45 &&
    /(?:^|\s)[A-Z][a-z]*$/.test(last)
  );
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
  representative permanent perm rep officer-in-charge oic affairs deputy-director team leader watch
  leader global environmental science technology sci tech management administrative admin legal
  attache defense military economic-political econ-political political-economic
  political-military pol-mil pol/mil chargé_d'affaires temporary temp a.i ad i.a acting-dcm
  usun useu usnato usosce unvie embassy consulate post deppolcouns ecopol econpol polec polmil
  charg isn eur nea wha eap sca io inr pm eeb drl inl ct af a/s das pdas unit ltc col maj capt member
  chairman counsel delegate off min coun dir ecmin emin conoff de'affairs ambassador-at-large permrep`
    .split(/\s+/)
    .map(normalizeTitle),
);

/** Long titles, matched with one typo allowed (`Politial`, `Councelor`). */
const longTitles = [...titleWords].filter((title) => title.length >= 7);

function normalizeTitle(word: string): string {
  return word
    .toLowerCase()
    .replace(/[.,:;()'’`\\]/g, '')
    .replace(/0/g, 'o');
}

/** Drop leading and trailing titles (`Ambassador`, `A/DCM`, `Charge d'Affaires a.i.`) from a name. */
function stripTitles(segment: string): string {
  const words = segment
    // `Secretary of State Condoleezza Rice`: the department is part of the title.
    .replace(departmentTitlePattern, '$1')
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
  // A name written all in lower case (`kathy schleigh, OMS`, `com jonathan farrar`) is a name still.
  const isLowerCaseName =
    !/[A-Z]/.test(segment) && words.length >= 2 && words.length <= 3 && words.every((word) => /^[a-z][a-z'’-]+$/.test(word));
  if (!isLowerCaseName && !words.some((word) => /^[A-Z0-9][A-Za-z0-9'’.-]+$/.test(word))) return '';
  keepLastName(words);
  const name = words
    .join(' ')
    .replace(/-$/, '')
    .replace(/[\s,;:]+$/, '');
  return /(?:^|[\s\uE000])(?:[A-Z]|Jr|JR|Sr|SR)\.$/.test(name) ? name : name.replace(/\.+$/, '');
}

const departmentTitlePattern =
  /\b(Secretary|SECRETARY|Minister|MINISTER|Department|DEPARTMENT)\s+(?:of|OF)\s+(?:State|STATE|Defense|DEFENSE|Energy|ENERGY|Commerce|COMMERCE|Homeland Security|HOMELAND SECURITY|the Treasury|THE TREASURY)\b/g;

/**
 * Each word's answer, by case of its line: the same titles and names come back cable after cable,
 * and a long word is compared with every long title. Cleared when full, so a long build stays small.
 */
const titleAnswers = [new Map<string, boolean>(), new Map<string, boolean>()] as const;

function isTitleWord(word: string, isMixedCase: boolean): boolean {
  return isMixedCase
    ? remembered(titleAnswers[1], word, answerIsMixedCaseTitle)
    : remembered(titleAnswers[0], word, answerIsUpperCaseTitle);
}

const answerIsMixedCaseTitle = (word: string): boolean => answerIsTitleWord(word, true);
const answerIsUpperCaseTitle = (word: string): boolean => answerIsTitleWord(word, false);

function answerIsTitleWord(word: string, isMixedCase: boolean): boolean {
  const key = normalizeTitle(word);
  if (key === '' || key === 'ai' || !/[a-z0-9]/.test(key)) return true;
  // Initials (`D.C.`, `A.F.`) and suffixes (`III`) belong to the name.
  if (/^(?:[A-Z]\.){1,3}$/.test(word) || /^(?:II|III|IV)$/.test(word)) return false;
  if (titleWords.has(key)) return true;
  if (/^(?:a|i|ai)\.?$/.test(word)) return true;
  if (key.includes('/')) return true;
  if (isMixedCase && /^[A-Z]{2,5}$/.test(word.replace(/[.,:;]/g, ''))) return true;
  if (/^(?:pol|econ)[a-z/-]*(?:couns|off|chief|coun)/.test(key)) return true;
  return key.length >= 7 && /^[a-z'-]+$/.test(key) && longTitles.some((title) => isNearMiss(title, key) || isTransposed(title, key));
}

/**
 * After the titles, a long run of words still holds an office before the name
 * (`Central Asia George Krol`, `TO SUDAN TIMOTHY CARNEY`): keep the name, two words,
 * or three with a middle initial (`Richard C. Holbrooke`), and a suffix after it.
 */
function keepLastName(words: string[]): void {
  const suffix = /^(?:Jr\.?|JR\.?|Sr\.?|SR\.?|II|III|IV)$/.test(words[words.length - 1] ?? '') ? 1 : 0;
  const core = words.length - suffix;
  if (core <= 3) return;
  const isInitial = (word = ''): boolean => /^[A-Z]\.?$/.test(word);
  let start = core - 2;
  // `Vann H. Van Diepen`, `Richard C. Holbrooke`, `C. S. ELIOT KANG`: particles and initials go with the name.
  if (/^(?:van|von|de|del|della|al|el|bin|le|la)$/i.test(words[start] ?? '')) start--;
  if (isInitial(words[start])) start--;
  while (start > 0 && isInitial(words[start - 1])) start--;
  // `Dona ld A. Blome`, `WI LLIAM R. STEWART`: a name broken where a line was cut keeps its first piece.
  while (
    start > 0 &&
    (/^[a-z]/.test(words[start] ?? '') || /^(?!BY|OF|TO|IN|AT|ON|AN|OR)[A-Z]{2}$|^[A-Z][a-z]$/.test(words[start - 1] ?? ''))
  )
    start--;
  words.splice(0, Math.max(start, 0));
}
