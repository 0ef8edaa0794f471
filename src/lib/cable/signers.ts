/**
 * The signature at the end of a cable body: `Scott`, `TEFFT`, `VAN VOORST`, or a name
 * glued to the last sentence (`... for illegal immigration. SCOBEY`).
 */
import { parseClassifiedBy } from './classified-by.ts';
import { isDigit, isSpace } from './text.ts';

/** Lines that hold no signature wherever they are: end markers, classification, dates and numbers, an e-mail export's stamp. */
const markerLines = String.raw`NNNN?\b.*|BT|#\d+|END(?:\s+OF)?\s+(?:CABLE|TEXT|MESSAGE)(?:\s+TEXT)?\.?|=+\s*CABLE ENDS\s*=+|<\/?[a-z]+>|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|NOFORN|SENSITIVE|SIPDIS|LIMITED OFFICIAL USE)(?:\/\/[A-Z ]+)?|\d{4}[A-Z]+\d+ - .*|[0-9/ :]+|.*\d{2}:\d{2}:\d{2} [AP]M\s+From\b.*`;

/** Lines after the signature that cannot hold it: end markers, rules (commas too), classification. */
const endMarkerPattern = new RegExp(String.raw`^(?:${markerLines}|[-=*_."'>/|\\\s,]*)$`, 'i');

/**
 * Trailing lines that come after the signature, or end with it: web links, truncation, the
 * release stamp (`Declassified/Released US Department of State EO Systematic Review …`),
 * an old page header (`PAGE 04 ZAGREB 01569 04 OF 04 071629Z`), a telegram office's note.
 */
const trailerPattern = new RegExp(
  String.raw`^(?:${markerLines}|[-=*_."'>/|\\\s]*|Declassified\/Released\b.*|(?:EO\s+)?(?:Systematic )?Review \d{1,2} [A-Z]{3} \d{4}|(?:EO\s+)?Systematic Review\b.*|PAGE \d{2,3}\s.*\d{6}Z|NOTE(?:\s+BY\s+\S+)?\s*:.*|.*Classified Web ?[Ss]ite.*|.*https?:\/\/.*|.*\.sgov\.gov.*|.*gov\.gov.*|Visit .*|ZFR\b.*|>.*)$`,
  'i',
);

/** Words that end a sentence-final line but are no names. */
const notNames: ReadonlySet<string> = new Set(
  `END COMMENT TEXT SUMMARY LIST ASSISTANCE IMMEDIATE PRIORITY ROUTINE FLASH DC WASHDC WASHINGTON
  REQUEST GUIDANCE ACTION INFO NOTE THANKS REGARDS SIPDIS NOFORN ENDS OVER XXXXXXXXXXXX UNQUOTE
  QUOTE SENSITIVE UNCLASSIFIED CLASSIFIED BUT PLEASE PROTECT ACCORDINGLY THE THIS THAT THESE
  THEY WE HE SHE IT ITS IN ON AT AS AN CONFIDENTIAL SECRET CLASSIFICATION PAGE SECTION`.split(/\s+/),
);

/** Two capitals that end a sentence-final line but are no surname. */
const shortWords: ReadonlySet<string> = new Set(
  'US UN EU UK OK NO GO AM PM DC TV ID IT IS OF TO IN ON AT BY OR AN AS DO SO UP WE HE ME MY'.split(' '),
);

/** Particles that may appear lower-case inside a name (`van Voorst`, `de la Vega`). */
const particlePattern = /^(?:van|von|de|del|della|der|da|di|du|la|le|el|al|bin)$/;

export interface SignerOptions {
  /** Who classified the cable, when already read (`parseCable` has them): else read from the text if needed. */
  classifiedBy?: readonly string[];
}

/**
 * Signature name(s) at the end of the body, as written; two names on one line
 * (`CRETZ  CRETZ`) give two entries. Empty when the body ends without a signature.
 */
export function parseSigners(text: string, options: SignerOptions = {}): string[] {
  // `… End comment. STEVENS 0 12/28/2007 5319 PREL,TRGY,…`: the release's record of the cable and a
  // copy of its text glued after the signature, which ends the body there.
  const record = findGluedRecord(text);
  let tail = (record >= 0 ? text.slice(0, record) : text).slice(-4000);
  // `BERRY` / `NNNN` / the routing block again, in capitals (04TRIPOLI31): the text ends at the end mark.
  const endMark = tail.includes('NNNN') ? /\n[ \t]*NNNN[ \t]*(?=\n|$)/.exec(tail) : null;
  if (endMark && !/[a-z]{3}/.test(tail.slice(endMark.index))) tail = tail.slice(0, endMark.index);
  // `DRUCKER` / `====CABLE ENDS====` / a copy of the header cut short: the cable ends at the release's marker.
  const cableEnds = tail.includes('CABLE ENDS') ? /\n[ \t]*=+[ \t]*CABLE ENDS[ \t]*=+[ \t]*(?=\n|$)/.exec(tail) : null;
  if (cableEnds) tail = tail.slice(0, cableEnds.index);
  // Up to twelve lines with text from the end; blank lines of a page break do not count. Lines
  // are read from the end, where the signature is, without splitting the rest of the tail.
  let seen = 0;
  for (let end = tail.length; end >= 0 && seen < 12; ) {
    const start = end === 0 ? 0 : tail.lastIndexOf('\n', end - 1) + 1;
    const raw = tail.slice(start, end);
    end = start - 1;
    if (raw.trim() !== '') seen++;
    const line = withoutEndMarks(raw);
    if (endMarkerPattern.test(line)) continue;
    // `JORDAN` / `m ...`: the start of a copy the release cut short after the signature, no name.
    if (seen === 1 && cutStartPattern.test(line) && namesOnLine(lineBefore(tail, start).trim()) !== null) continue;
    const alone = namesOnLine(line);
    // `… the Legislative` / `Assembl`: a word of the text cut short, not a name signed under it.
    if (alone && /[a-z]/.test(line) && !endsText(lineBefore(tail, start).trim())) return [];
    const names = alone ?? namesAfterSentence(line) ?? nameAfterWebLink(line) ?? capitalsAfterText(line);
    if (names) return names;
    if (trailerPattern.test(line)) continue;
    return classifierAtEnd(line, () => options.classifiedBy ?? parseClassifiedBy(text));
  }
  return [];
}

/**
 * The line without the marks around a signature: stars before it, `GILLESPIE##` (the end-of-text
 * marks of old cables), `NNNN` and a date after it. Each pattern only where its mark occurs, as a
 * line may be a whole paragraph.
 */
function withoutEndMarks(raw: string): string {
  let line = raw.includes('*****') ? raw.replace(/^.*\*{5,}\s*/, '') : raw;
  if (line.includes('##')) line = line.replace(/#{2,}\s*$/, '');
  if (line.includes('NNNN')) line = line.replace(/\s+NNNN\b.*$/, '');
  if (line.includes('-')) line = line.replace(/\s+\d{4}-\d{2}-\d{2}\s*$/, '');
  return line.trim();
}

/** A last line of a word or two cut short: `m ...`, `The Ambass…`. */
const cutStartPattern = /^\S{1,12}(?: \S{1,12})?\s*(?:\.{3}|…)$/;

/** A line a signature may follow: the end of a sentence, a web link or the release's trailer, an end mark, nothing. */
function endsText(raw: string): boolean {
  // A CSV dump's `\` line end is no part of the line.
  const line = raw.replace(/\s*\\$/, '');
  // `Tourism              53.5`: a table's row, which the next row (`Commercial`) goes on, cut short.
  if (/\S {3,}\S.*\d$/.test(line.trim())) return false;
  return (
    line === '' ||
    /(?:[.!?"”)\]:;\d]|X{4,}|x{4,})$/.test(line) ||
    trailerPattern.test(line) ||
    endMarkerPattern.test(line) ||
    // The name written twice, in capitals and as signed (`VAN VOORST` / `van Voorst`).
    namesOnLine(line) !== null
  );
}

/** The last line with text before the line starting at `start`, or `''`. */
function lineBefore(tail: string, start: number): string {
  for (let end = start - 1; end > 0; ) {
    const from = tail.lastIndexOf('\n', end - 1) + 1;
    const line = tail.slice(from, end);
    if (line.trim() !== '') return line;
    end = from - 1;
  }
  return '';
}

/** The release's record glued on: ` 0 12/28/2007 5319 PREL,TRGY`, its row number, date, length and tags. */
const gluedRecordPattern = / 0 \d{1,2}\/\d{1,2}\/\d{4} \d+ [A-Z]{2,}/y;

/** How far from the end a glued record is looked for: twice the farthest over the corpus. */
const recordReach = 4000;

/**
 * Where the glued record starts, or -1. It is followed by a copy of the cable's first paragraph
 * (under 2,000 characters over the corpus), so only the text's end is searched. The search is
 * for the date's first `/`, four or five characters after the record's start: a slash is rare
 * in text, where a search for ` 0 ` stops at every space.
 */
function findGluedRecord(text: string): number {
  const from = Math.max(0, text.length - recordReach);
  for (let slash = text.indexOf('/', from + 4); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    for (let at = Math.max(from, slash - 5); at <= slash - 4; at++) {
      gluedRecordPattern.lastIndex = at;
      if (gluedRecordPattern.test(text)) return at;
    }
  }
  return -1;
}

/** A line holding nothing but one or more names. */
function namesOnLine(line: string): string[] | null {
  // Each pattern only where its mark occurs, and the marks at the end cut from the end: a line may
  // be a whole paragraph.
  let cleaned = line.includes('UNQUOTE') ? line.replace(/^.*\bUNQUOTE\s+/, '') : line;
  if (isDigit(cleaned.charCodeAt(cleaned.length - 1))) cleaned = cleaned.replace(/\s+0\s+\d{1,2}\/\d{1,2}\/\d{2,4}$/, '');
  cleaned = cleaned.slice(0, trailingRunStart(cleaned, isTrailingMark)).replace(/^["“]+/, '');
  if (cleaned.length === 0 || cleaned.length > 48) return null;
  const groups = cleaned.split(/\s{2,}|\t+/);
  const names: string[] = [];
  for (const group of groups) {
    const words = group.split(' ');
    if (words.length > 3 || !words.every(isNameWord)) return null;
    if (words.length === 2 && words[0] === words[1]) names.push(words[0] ?? '', words[1] ?? '');
    else names.push(group);
  }
  if (names.every((name) => notNames.has(name.toUpperCase()))) return null;
  // `Y "` at the end of 08CANBERRA4: a stray letter, no name.
  if (names.every((name) => name.replace(/\W/g, '').length < 2)) return null;
  if (names.some((name) => /^(?:END|COMMENT)\b/i.test(name))) return null;
  return names;
}

/** A mark after the names: `[\s\\"“”.,]`. */
function isTrailingMark(code: number): boolean {
  return isSpace(code) || code === 92 || code === 34 || code === 0x201c || code === 0x201d || code === 46 || code === 44;
}

function isNameWord(word: string): boolean {
  if (particlePattern.test(word)) return true;
  if (/^X{4,}$/.test(word)) return false;
  if (notNames.has(word.toUpperCase()) && word === word.toUpperCase()) return false;
  return /^(?:[A-Z][A-Za-z'’-]*\.?|Mc[A-Z][A-Za-z'’-]*|[A-Z]\.)$/.test(word) && /[A-Z]/.test(word);
}

/** `Visit London’s Classified Website: http://…/Portal:United_Kingdom TUTTLE`: the name run on after the link. */
function nameAfterWebLink(line: string): string[] | null {
  if (!line.includes('://') && !line.includes('www.')) return null;
  const match = /(?:https?:\/\/|www\.)\S*(?:\s\S+)?\s+([A-Z][A-Z'’-]{2,}(?:\s[A-Z][A-Z'’-]{2,})?)$/.exec(line);
  if (!match?.[1] || match[1].split(' ').some((word) => notNames.has(word))) return null;
  return [match[1]];
}

/**
 * The body's last word when it is the surname of who classified the cable: the signature run on
 * without a full stop (`… with the MFA Scobey`, `… Ahmed Megahed SCOBEY`), or written lower-case (`curran`).
 */
function classifierAtEnd(line: string, classifiers: () => readonly string[]): string[] {
  if (!endsInNameLetter(line)) return [];
  // Only the last word can match: the search starts just before it.
  lastWordPattern.lastIndex = Math.max(0, trailingRunStart(line, isNameCode) - 1);
  const last = lastWordPattern.exec(line)?.[1];
  // A redaction (`XXXXXXXXXXXX`) matches a redacted classifier, but names nobody.
  if (!last || /^x{4,}$/i.test(last)) return [];
  const surname = last.toUpperCase();
  const isClassifier = classifiers().some((name) => name.split(' ').at(-1)?.toUpperCase() === surname);
  return isClassifier ? [last] : [];
}

const sentenceNamePattern =
  /(?:[.!?"”)\]:;\d]|XXXX|xxxx|cfm|\b(?:END|End) (?:COMMENT|[Cc]omment|TEXT|[Tt]ext)|\bMINIMIZE CONSIDERED)\s*#?((?:[A-Z][A-Z'’-]+)(?:\s[A-Z][A-Z'’-]+)?|(?:Mc)?[A-Z][a-z'’-]+[A-Za-z'’-]*)\s*$/g;

const lastWordPattern = /(?:^|[\s*])([A-Za-z][A-Za-z'’-]{1,})$/g;

/** `... for illegal immigration. SCOBEY`: a name glued after the last sentence of the body, or after `END COMMENT`. */
function namesAfterSentence(line: string): string[] | null {
  if (!endsInNameLetter(line)) return null;
  // A long line (a CSV dump's paragraph) is searched from where its last words start, the mark
  // before them at most 19 characters back (`MINIMIZE CONSIDERED`): no match can start earlier.
  sentenceNamePattern.lastIndex = Math.max(0, trailingRunStart(line, isNameOrSpace) - 19);
  const match = sentenceNamePattern.exec(line);
  if (!match?.[1]) return null;
  // `… E.O. 12958: DECL: 01/07/2019 TAGS: PREL GG`: codes of a field, the header of a copy cut short.
  if (/\b(?:TAGS?|SUBJECT|SUBJ|REF)\s*:\s*$/i.test(line.slice(0, match.index + 1))) return null;
  const name = match[1].replace(/^(?:X{4,}\s*)+/, '');
  // `… with Iran. LU`: a surname of two capitals, after a sentence; not an abbreviation (`… the talks. US`).
  const isSurname = /^[A-Z]{2}$/.test(name) && !shortWords.has(name) && /[.!?]\s+$/.test(line.slice(0, line.length - name.length));
  const isShort = name.length < 3 && !isSurname;
  if (name.split(' ').some((word) => notNames.has(word.toUpperCase())) || isShort) return null;
  // `… END COMMENT. SHANNON SHANNON`: the name twice, as on a line of its own (`CRETZ  CRETZ`).
  const [first, second] = name.split(' ');
  return first === second ? [first!, second!] : [name];
}

/**
 * `… e-PINE Coordinator RICE`, `… Department of State CLINTON`, `… Coordinator, EUR/NB RICE`: a
 * surname in capitals run on after a word in lower case or an office's code, the sentence left
 * without its full stop (an office or a letter's signature).
 */
function capitalsAfterText(line: string): string[] | null {
  if (!endsInNameLetter(line)) return null;
  const name = /(?:[a-z]|\b[A-Z]{2,}\/[A-Z]{1,6})[.,]?[ \t]+([A-Z][A-Z'’-]{2,})$/.exec(line)?.[1];
  return name && !/^X{4,}$/.test(name) && !notNames.has(name) ? [name] : null;
}

/**
 * Whether the line's last character (spaces aside) may end a name: the patterns above, anchored at
 * the end but tried at every character, run only then; most lines end in a full stop.
 */
function endsInNameLetter(line: string): boolean {
  return nameLetterPattern.test(line.trimEnd().slice(-1));
}

const nameLetterPattern = /^[A-Za-z'’-]$/;

/** Where the run of characters that `isInRun` accepts at the end of `line` starts. */
function trailingRunStart(line: string, isInRun: (code: number) => boolean): number {
  let at = line.length;
  while (at > 0 && isInRun(line.charCodeAt(at - 1))) at--;
  return at;
}

/** A character of a name: `[A-Za-z'’-]`. */
function isNameCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 39 || code === 0x2019 || code === 45;
}

/** A character of the names after a sentence, the spaces and `#` between and after them. */
function isNameOrSpace(code: number): boolean {
  return isNameCode(code) || code === 35 || isSpace(code);
}
