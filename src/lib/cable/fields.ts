/**
 * The preamble fields of a cable body: SUBJECT, the summary, the E.O. 12958 line,
 * `Classified By` and the signature. Every function accepts a whole cable file or just
 * the fragment holding its field, and returns null (or an empty list) when the field is absent.
 */

export { parseClassifiedBy, parseReasons } from './classified-by.ts';
export { parseSigners } from './signers.ts';

import { classifiedWord } from './classified-by.ts';
import { removeGluedPageNumbers } from './page-breaks.ts';
import { collapseSpaces, isSpace, withoutEscape, withSingleQuotes } from './text.ts';

/** The executive orders an E.O. line cites: 12958 and 13526 (the orders of the release's years) and older ones. */
export const executiveOrders = '(?:12958|13526|12356|12065|13292|11652)';

export { parseTags } from './tags.ts';

/** `SUBJECT:` / `SUBJ:` (any case with a colon), or an upper-case `SUBJECT` starting a line. */
const subjectLabelPattern =
  /(?:^|[^A-Za-z])(?:SUBJECT|SUBJ|Subject|Subj|subject)[ \t]*(?::|\.{2,}|-(?!-))|(?:^|\n)[ \t]*SUBJECT[ \t]+(?=[A-Z"(])/;

/** Something that starts the next field (or the body) inside or after a subject line. */
const subjectStopPattern = new RegExp(
  [
    String.raw`\bREF(?:S|TELS?|ERENCES?)?\s*:`,
    'REF:',
    String.raw`\bREF(?:S|TELS?)?\b(?=\s*(?:[A-Z][.)]\s|\([A-Z]\)|[A-Z]+\s+0*\d|\d))`,
    String.raw`\b${classifiedWord}\s+[Bb]y\b`,
    String.raw`\bCLASSIFIED\s+BY\b`,
    '¶',
    // The E.O. line glued on (`E.O. 12958: DECL: …`), not a subject about an order (`E.O. 13382 ENTITIES`).
    String.raw`\bE\.\s?O\.\s?(?:1\d{4}(?=\s*[:;,]|\s+(?:DECL|N\/A|TAGS))|${executiveOrders}\s*$)`,
    // Not `FRAUD SUMMARY---HERMOSILLO`, where the dashes join two words of the subject.
    String.raw`\b(?:SUMMARY|Summary)(?:\s+and\s+Comment|\s+AND\s+COMMENT)?\s*(?::|\.(?=\s)|-{2,}(?![-\w])|\(\w+\))`,
    String.raw`(?:^|\s)1\s?\.\s*\((?:U|C|S|SBU|S\/NF|C\/NF)\)`,
    String.raw`\b(?:SIPDIS|NOFORN)\b`,
    '-{4,}',
    String.raw`\bCable dated:`,
    String.raw`\bSENSITIVE BUT UNCLASSIFIED\b`,
    String.raw`\bRef(?:s|tels?|\(s\))?\s*:`,
    String.raw`\b(?:SUBJECT|Subject)\s*:`,
    String.raw`\bTAGS?\s*:`,
    String.raw`\b[A-Z]{3,}(?: [A-Z]+){0,2} 0{2,}\d+ +\d{3}\b`,
    String.raw`\sCLASSIFIED\s*$`,
    String.raw`\b[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}`,
    String.raw`\bSensitive [Bb]ut [Uu]nclassified\b`,
    String.raw`\s\((?:U|C|S|SBU|S\/NF|C\/NF|SBU\/NF)\)\s`,
  ].join('|'),
);

/**
 * A word or mark each stop above holds (`REF`, `Class`, `(` of a marking, ` 00` of a page header,
 * `:` of a time …). Most lines hold none of them, and this plain search rules them out faster than
 * the stop pattern, whose branches are tried at every character.
 */
const subjectStopMarkPattern =
  /REF|Ref|Class|CLASSIFIED|¶|E\.|SUMMARY|Summary|\(|SIPDIS|NOFORN|----|Cable dated|SENSITIVE|SUBJECT|Subject|TAG| 00|:|Sensitive/;

/**
 * A line that cannot continue a subject: a summary, a paragraph, a marking, an item `(1)`, a label
 * alone, a page break, a date line, a `Classified By` the release cut short (`Class...`), a
 * corrected copy's note (`C O R R E C T E D C O P Y …`), a cancelled message's filler (`////ZFR …`).
 */
const subjectEndLinePattern =
  /^(?:C O R R E C T E D\b|\/{3,}|ZFR\b|[Cc](?:LASS|lass)[A-Za-z]*(?:\.{2,}|…)$|(?:SUMMARY|Summary)\b|\d{1,2}\s?\.\s+\S|\((?:U|C|S|SBU)[^)]{0,8}\)|\(\d{1,2}\)\s|[A-Z][A-Za-z]*:$|[A-Z][A-Z ]+\s+0*\d+\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}|(?:UNCLAS|CONFIDENTIAL|SECRET)\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} [A-Z][a-z]+ \d{4}\b)/;

/**
 * The whole subject, lines joined and whitespace collapsed, without a leading
 * classification marking (`(C)`, `(SBU)`); null when the cable has no SUBJECT line.
 */
export function parseSubject(text: string): string | null {
  const label = subjectLabelPattern.exec(text);
  if (!label) return null;
  let subject = subjectAt(text, label.index + label[0].length);
  // A first copy the release cut short (`… SEVEN IN COUNTER-TERRORISM RAI...`): the whole copy after it, if any.
  for (let from = label.index + label[0].length, tries = 0; subject && cutSubjectPattern.test(subject) && tries < 4; tries++) {
    const next = subjectLabelPattern.exec(text.slice(from));
    if (!next) break;
    from += next.index + next[0].length;
    const whole = subjectAt(text, from);
    const cut = subjectKey(subject.replace(cutSubjectPattern, ''));
    if (whole && !cutSubjectPattern.test(whole) && subjectKey(whole).startsWith(cut)) subject = whole;
  }
  return subject;
}

const cutSubjectPattern = /\s*(?:\.{3}|…)$/;

const subjectKey = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]+/g, '');

/** The subject whose text starts at `start`, just after its label. */
function subjectAt(text: string, start: number): string | null {
  const window = text.slice(start, start + 2000).replace(/^[ \t]*\n(?:[ \t]*\n)?(?=[ \t]*\S)/, '');
  const lines = firstLines(window, subjectLineReach)
    // A page break glued on (`… FOR CONGRESS NEW DELHI 00007273  001.2 OF 003`) ends the subject line.
    .map((line) => (line.includes('OF') ? removeGluedPageNumbers(line) : line));
  const joined = withSingleQuotes(readSubject(lines).parts.join(' '));
  // Line breaks as markup (`<br/>`), only in a subject that holds a tag.
  const subject = collapseSpaces(joined.includes('<') ? joined.replace(/<br\s*\/?>/gi, ' ') : joined)
    .trim()
    .replace(/^[.:\-\s]+/, '')
    .replace(classificationPrefixPattern, '')
    // `Subject: TRIPOLI 00000063 P CO 28-JAN-09 RISKY BUSINESS? … [8466936]`: a forwarding e-mail's cable header.
    .replace(/^[A-Z][A-Z ]* \d{8} [A-Z] [A-Z]{2} \d{2}-[A-Z]{3}-\d{2} /, '')
    .replace(/ \[\d{5,}\]$/, '')
    // The marking at the end instead (`… FOR NATO Candidature (U)`).
    .replace(/\s\((?:U|C|S|SBU|S\/NF|C\/NF|SBU\/NF)\)$/, '')
    .trim();
  return subject === '' ? null : subject;
}

/**
 * More lines than `readSubject` looks at (seven of the subject, a blank one among them, and four
 * after them: twelve), so the rest of the text is not split.
 */
const subjectLineReach = 16;

/** The first `count` lines of `text` (fewer when it has fewer). */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let end = text.indexOf('\n'); lines.length < count; end = text.indexOf('\n', from)) {
    lines.push(text.slice(from, end === -1 ? text.length : end));
    if (end === -1) break;
    from = end + 1;
  }
  return lines;
}

/**
 * How many lines of a SUBJECT field (the first holding the label) the subject takes;
 * the lines after them are body text.
 */
export function countSubjectLines(lines: string[]): number {
  const label = subjectLabelPattern.exec(lines[0] ?? '');
  if (!label) return 0;
  const first = lines[0]!.slice(label.index + label[0].length);
  // `SUBJECT:` alone on its line: the subject starts on the next.
  if (!first.trim() && lines.length > 1) return 1 + readSubject(lines.slice(1, 1 + subjectLineReach)).used;
  const read = lines.slice(0, subjectLineReach);
  read[0] = first;
  return readSubject(read).used;
}

/** The subject's parts from the text after its label, and how many lines they come from. */
function readSubject(lines: string[]): { parts: string[]; used: number } {
  const parts: string[] = [];
  let used = 0;
  for (let index = 0; index < lines.length; index++) {
    let line = withoutEscape(lines[index]!);
    // `SUBJECT: (C) SUBJECT: BRIEFING …`: the label again after the marking.
    if (index === 0)
      line = withoutLeadingMarks(line)
        .replace(classificationPrefixPattern, '')
        .replace(/^SUBJ(?:ECT)?\s*:\s*/i, '');
    // A subject stopping on `AND`, `OF` or a comma goes on after one blank line; so does an upper-case
    // subject whose last line stands alone between blank lines, with the next field below it.
    if (
      index > 0 &&
      line.trim() === '' &&
      index === used &&
      (continuesAfterBlank(parts, lines[index + 1]) || endsSubject(parts.join(' '), lines[index + 1], nextTextLine(lines, index + 2)))
    )
      continue;
    if (index > 0 && (line.trim() === '' || subjectEndLinePattern.test(line.trim()))) break;
    // An upper-case subject does not go on into a sentence-case line (`This is an Action request.`).
    if (index > 0 && /^\s*[A-Z][a-z]+\s+[a-z]{2,}\b/.test(line) && !/[a-z]/.test(parts.join(' '))) break;
    const isOverUnderline = lines[index + 1]?.includes('---') === true && /^[ \t]*-{3,}/.test(lines[index + 1]!);
    // A heading over an underline of its length (`Introduction` / `------------`) starts the body.
    if (index > 0 && isOverUnderline && Math.abs(lines[index + 1]!.trim().length - line.trim().length) <= 3) break;
    if (isOverUnderline) line = line.replace(/\s(?:SUMMARY|Summary)\s*$/, '');
    const stop = subjectStopMarkPattern.test(line) ? subjectStopPattern.exec(line) : null;
    if (stop) {
      parts.push(line.slice(0, stop.index));
      if (index === 0 || stop.index > 0) used = index + 1;
      if (index > 0 || stop.index > 0 || parts.join('').trim() !== '') break;
      continue;
    }
    parts.push(line);
    used = index + 1;
    if (index >= 6) break;
  }
  return { parts, used };
}

/** The line without the spaces, dots, colons and dashes it opens with; most lines open with none. */
function withoutLeadingMarks(line: string): string {
  const first = line.charCodeAt(0);
  return isSpace(first) || first === 46 || first === 58 || first === 45 ? line.replace(/^[\s.:-]*/, '') : line;
}

function continuesAfterBlank(parts: string[], next: string | undefined): boolean {
  const text = next?.trim() ?? '';
  if (text === '' || !endsUnfinished(parts.join(' '))) return false;
  return !subjectEndLinePattern.test(text) && !subjectLabelPattern.test(text) && !subjectStopPattern.test(text.slice(0, 12));
}

/**
 * Whether `line`, alone between blank lines with `next` the line of text below them, is the end of
 * an upper-case `subject` cut by a blank line (`… INNER CIRCLE` / `MEMBER` / `REF: …`, 06BUENOSAIRES1632):
 * an upper-case line of a few words, no label, caveat or address, with the next field (REF,
 * Classified By, E.O., TAGS) after it.
 */
export function endsSubject(subject: string, line: string | undefined, next: string | undefined): boolean {
  const text = line?.trim() ?? '';
  if (text === '' || text.length > 80 || /[a-z]/.test(subject) || /[a-z]/.test(text) || !/^[A-Z0-9(“"']/.test(text)) return false;
  if (/[:]|-{3,}/.test(text) || subjectTailExclusionPattern.test(text) || subjectEndLinePattern.test(text)) return false;
  return nextFieldPattern.test(next?.trim() ?? '');
}

/**
 * Lines that stand alone under a subject without being part of it: caveats, distribution and address
 * lines (`FROM AMBASSADOR …`, `DEPT FOR …`), a redaction, a page header cut short (`ROME 00001...`).
 */
const subjectTailExclusionPattern =
  /\b(?:SIPDIS|NOFORN|SENSITIVE|UNCLASSIFIED|CONFIDENTIAL|SECRET|DISTRIBUTION|PROTECT|CHANNEL|EXDIS|NODIS|LIMDIS|STADIS|EFTO)\b|^(?:[A-Z][A-Z0-9/&.,'() -]*\s)?(?:ALSO\s+)?(?:FOR|PASS|FROM)\b|^X{3,}$|\b0\d{3,}|\.{3}|…/;

/** The label of a field that follows the subject: REF, Classified By, E.O., TAGS (not a paragraph). */
const nextFieldPattern = new RegExp(
  String.raw`^(?:REF(?:S|TELS?|ERENCES?)?\b|Ref(?:s|tels?|\(s\))?\s*:|${classifiedWord}\s+[Bb]y\b|CLASSIFIED\s+BY\b|E\.\s?O\.|TAGS\b)`,
);

/** The first line from `from` on with text in it. */
function nextTextLine(lines: readonly string[], from: number): string | undefined {
  for (let at = from; at < lines.length && at < from + 4; at++) if (lines[at]!.trim() !== '') return lines[at];
  return undefined;
}

/** A subject line that cannot end the subject: it stops on `AND`, `OF`, `COHEN’S`, a comma … */
export function endsUnfinished(text: string): boolean {
  return unfinishedPattern.test(text.trimEnd());
}

const unfinishedPattern = /(?:\b(?:AND|OF|THE|FOR|TO|ON|IN|WITH|AT|BY|FROM|OR|A|AN)|['’]S|[,:;&/-])$/i;

/** A leading classification marking: `(C)`, `(SBU)`, `(U//FOUO)`, `(S/NF)`; `S/NF)`, its bracket lost. */
const classificationPrefixPattern =
  /^\(?(?:U|C|S|TS|SBU|FOUO|CONFIDENTIAL|SECRET|UNCLASSIFIED)(?:\s*\/\/?\s*(?:NF|NOFORN|FOUO|SBU|REL[^)]{0,40}))*\)\s*/i;

/** Classification markings inside paragraphs: `(C)`, `(SBU)`, `(S/NF)`, `(C//REL ...)`. */
/** A paragraph number with its marking, after a sentence on the same line: `3. (C)`, `3.(S/NF)`. */
const numberedMarkingPattern = /(?<=[.!?"'”)][ \t]+)\d{1,2}\s?\.\s?(?=\((?:U|C|S|TS|SBU|FOUO)(?:\s?\/\/?\s?[A-Z]+)*\))/g;

const markingPattern = /\((?:U|C|S|TS|SBU|FOUO)(?:\s?\/\/?\s?(?:NF|NOFORN|FOUO|SBU|R[Ee][Ll][^)\n]{0,40}))*\)/g;

/** Start of a summary: `Summary:`, `SUMMARY AND COMMENT`, `Summary.`, a `SUMMARY` heading. */
const summaryStartPattern =
  /(?:^|[^A-Za-z])(?:EXECUTIVE\s+|Executive\s+|(?:INTRODUCTION|Introduction)\s+(?:AND|and)\s+)?(?:SUMMARY|Summary|summary)(?:[ \t]*(?:AND|and|And|&|\/)[ \t]*[A-Za-z]+(?:[ \t]+[A-Za-z]+)?)?(?:[ \t]*(?:\)[ \t]*:|[:.,)])(?!\w)|[ \t]*\n?[ \t]*[-=]{3,}|[ \t]*-+[ \t]|[ \t]*\\?[ \t]*\n|[ \t]+(?=\((?:U|C|S|SBU)\b))/g;

/** What may come before a summary label: a paragraph start, its number and marking, and `Begin` (`1. (SBU) Begin Summary:`). */
const paragraphStartPattern =
  /(?:^|\n|¶\s?(?:\d{1,2}|[IVX]{1,4})\s?\.?|\b\d{1,2}\s?\.|\)|--)[ \t]*(?:\([A-Z/]{1,8}\))?[ \t]*(?:(?:BEGIN|Begin)[ \t]+)?\(?$/;

/**
 * End of a summary: `End summary.`, `END SUMMARY`, `End Summary and Comment`. Matched at a place
 * of its last word, with what comes before it read backwards (the `(?<=…)`, its length captured):
 * a plain search for the word finds those places faster than the marker is tried at every character.
 */
const summaryEndPattern =
  /(?<=(\bEND[\s\\]+(?:OF\s+)?(?:INTRODUCTION\s+AND\s+|EXECUTIVE\s+)?))SUMM?ARY\b|(?<=(\bEnd[\s\\]+(?:of\s+)?(?:[Ii]ntroduction\s+and\s+|[Ee]xecutive\s+)?))[Ss]umm?ary\b|(?<=(\bend[\s\\]+))summary\b/y;

/** The word of an end marker, its typo with one M too (`END SUMARY`). */
const summaryEndWordPattern = /SUMM?ARY|[Ss]umm?ary/g;

/** Where the first end marker at or after `from` starts, -1 when none does; its word is not before `firstWord`. */
function findSummaryEnd(text: string, from: number, firstWord = from): number {
  summaryEndWordPattern.lastIndex = firstWord;
  for (let word = summaryEndWordPattern.exec(text); word; word = summaryEndWordPattern.exec(text)) {
    summaryEndPattern.lastIndex = word.index;
    const end = summaryEndPattern.exec(text);
    const before = end ? (end[1] ?? end[2] ?? end[3])! : '';
    // A marker starting before `from` is not one after it.
    if (end && word.index - before.length >= from) return word.index - before.length;
  }
  return -1;
}

/** Without an end marker the summary ends with its paragraph. */
const paragraphEndPattern = /\n[ \t]*\n(?=[ \t]*(?:¶|\d{1,2}\s?\.|\([A-Z]{1,3}\)|[A-Z][^\n]{0,80}\n[ \t]*(?:-{3,}|={3,})))/g;

/** A page-break line: `USOSCE 00000147  005 OF 005`, `RANGOON 00000378 001.4 OF 004`. */
const pageBreakPattern = /^[ \t]*[A-Z][A-Z .]{1,30}\s0*\d{1,6}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}[ \t]*$/gm;

/**
 * Text between `Summary:` and `End summary.`, without classification markings, paragraph
 * numbers or underlines, whitespace collapsed; null when the cable has none.
 */
export function parseSummary(text: string): string | null {
  const subject = subjectLabelPattern.exec(text);
  const from = subject ? subject.index + subject[0].length : 0;
  // The first place of the word or its typo (`END SUMARY`), found once: without either no label
  // or end marker follows, and without the word no label does.
  summaryEndWordPattern.lastIndex = from;
  const first = summaryEndWordPattern.exec(text);
  if (!first) return null;
  const isTypo = first[0].length !== 7;
  const word = isTypo ? nextSummaryWord(text, first.index + 1) : first.index;
  const start = word < 0 ? null : findSummaryStart(text, from, word);
  const begin = start ? start.index + start[0].length : unlabelledSummaryStart(text, from, first.index);
  if (begin < 0) return null;
  return summaryAt(text, begin, start !== null);
}

/** The summary whose text starts at `begin`; a labelled one cut short by the release gives way to its whole copy. */
function summaryAt(text: string, begin: number, isLabelled: boolean): string | null {
  let stop = findSummaryEnd(text, begin);
  if (stop === -1 || stop - begin > 20000) {
    const first = begin + (/\S/.exec(text.slice(begin, begin + 400))?.index ?? 0);
    paragraphEndPattern.lastIndex = first;
    const paragraphEnd = paragraphEndPattern.exec(text);
    const blank = /\n[ \t]*\n/.exec(text.slice(first, first + 4000));
    stop = paragraphEnd?.index ?? (blank ? first + blank.index : Math.min(text.length, first + 4000));
    // `The GOB [...]. -------- Training --------`: a heading glued on, or one over its underline, ends the summary.
    const rest = text.slice(first, stop);
    const heading = /\s(?:-{4,}|={4,})\s/.exec(rest);
    if (heading) {
      const isUnderline = rest[heading.index] === '\n';
      stop = first + (isUnderline ? Math.max(0, rest.lastIndexOf('\n', heading.index - 1)) : heading.index);
    }
  }
  const raw = text.slice(begin, stop);
  // `¶1. (C) Summary: At the ...`, the release's record, then the whole copy: its summary. Looked
  // for when the text from `begin` on holds `..`, asked of the rest of the text only for a `…`.
  const mayBeCut = isLabelled && (raw.includes('..') || (raw.includes('…') && text.includes('..', begin)));
  const cut = mayBeCut ? /(?:\.{3}|…)[ \t]*(?:\n|$)/.exec(raw) : null;
  const later = cut ? findSummaryStart(text, begin + cut.index) : null;
  if (later) return summaryAt(text, later.index + later[0].length, true);
  const summary = cleanSummary(raw);
  return summary === '' ? null : summary;
}

/**
 * A summary with only its end marked (`1. (C) German FM Westerwelle told […]. END SUMMARY.`):
 * it starts with the first numbered paragraph before the marker; -1 when there is none.
 */
function unlabelledSummaryStart(text: string, from: number, firstWord: number): number {
  const end = findSummaryEnd(text, from, firstWord);
  if (end < 0) return -1;
  const window = text.slice(Math.max(from, end - 6000), end);
  const paragraph = /(?:^|\n)[ \t]*¶?1[ \t]?\.[ \t]*(?:\([A-Z/]{1,8}\))?/.exec(window);
  return paragraph ? end - window.length + paragraph.index + paragraph[0].length : -1;
}

/**
 * The first summary label at or after `from`. The label pattern is costly to run over a whole
 * cable, so it starts just before each place the word itself occurs (a plain search: one
 * regular expression of three words, which V8 searches faster than three `indexOf`).
 */
function findSummaryStart(text: string, from: number, firstWord = nextSummaryWord(text, from)): RegExpExecArray | null {
  for (let at = from, word = firstWord; word >= 0; word = nextSummaryWord(text, at)) {
    // The label may open up to `INTRODUCTION AND ` before the word.
    summaryStartPattern.lastIndex = Math.max(at, word - 40);
    const start = summaryStartPattern.exec(text);
    if (!start) return null;
    if (isSummaryStart(text, start)) return start;
    at = summaryStartPattern.lastIndex;
  }
  return null;
}

/** Where the word `SUMMARY` (any of its cases) next occurs at or after `from`, -1 when it does not. */
function nextSummaryWord(text: string, from: number): number {
  summaryWordPattern.lastIndex = from;
  return summaryWordPattern.exec(text)?.index ?? -1;
}

const summaryWordPattern = /SUMMARY|Summary|summary/g;

function isSummaryStart(text: string, start: RegExpExecArray): boolean {
  const at = start.index + (/^[A-Za-z]/.test(start[0]) ? 0 : 1);
  const before = text.slice(Math.max(0, at - 24), at);
  if (/\b(?:end|END|End)(?:\s+of|\s+OF)?\s*$/.test(before)) return false;
  return paragraphStartPattern.test(before) || /[-=]{3,}/.test(start[0]);
}

/**
 * A later paragraph's note that the summary goes on: `Summary continued.`, `Cont. Summary:`,
 * `SUMMARY CONT'D:`, `Summary, continued:`, `Summary con't.`, `Summary and Introduction Continued:`, at the start of the text or after a sentence, with the
 * paragraph number before it when its line was run into the one above (`… representative. 2. Summary Continued:`).
 */
const continuedPattern =
  /(?<=^|[.!?:"'”)]\s)(?:\d{1,2}\s?\.\s+)?(?:(?:Cont\.?|CONT\.?|Continued|CONTINUED)\s+(?:Summary|SUMMARY)|(?:Summary|SUMMARY)(?:\s+(?:and|AND)\s+[A-Z][A-Za-z]+)?,?\s+(?:[Cc]on'?t(?:inued|'d|\.)?|CON'?T(?:INUED|'D|\.)?))(?![A-Za-z])[:.]?(?:\s+|$)/g;

/**
 * `… failed. (End Summary)`: without the bracket the end marker opened. Read from the end, as
 * `/\s*[([]$/` would try every run of spaces in the summary.
 */
function withoutOpenBracket(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last === 40 || last === 91 ? text.slice(0, -1).trimEnd() : text;
}

function cleanSummary(raw: string): string {
  let text = raw;
  // Each pass only where its mark occurs: most summaries hold no page break, `\` or `¶`.
  if (text.includes('OF')) text = text.replace(pageBreakPattern, ' ');
  if (text.includes('\\')) text = text.replace(/[ \t]*\\[ \t]*$/gm, '');
  if (/---|===|‐‐‐/.test(text)) text = text.replace(/^[ \t]*[-=‐]{3,}[ \t]*$/gm, ' ');
  // `¶2010.  However, …`: the release's ¶ before a year that opened a line is no paragraph number.
  if (text.includes('¶')) text = text.replace(/¶(?=\d{3})/g, '').replace(/¶\s?\d{1,2}\s?\.?/g, ' ');
  // A CSV dump's doubled quotes (`an ""open mind""`): one quote, as the page shows it.
  text = withSingleQuotes(text);
  // Paragraph numbers, at a line's start (`2. `, `1.(C)`) or run into the line above with their marking (`… talks. 3. (C) Given …`).
  // The text's start and its line breaks are searched apart: `(^|\n)` would be tried at every character.
  text = text.replace(/^[ \t]*\d{1,2}\s?\.(?=\s|\()/, ' ').replace(/\n[ \t]*\d{1,2}\s?\.(?=\s|\()/g, '\n ');
  if (text.includes('(')) text = text.replace(numberedMarkingPattern, ' ').replace(markingPattern, ' ');
  let collapsed = collapseSpaces(text).trim();
  if (/[Cc]ont|CONT/.test(collapsed)) collapsed = collapsed.replace(continuedPattern, '');
  // `… would launch a SIPDIS new initiative`: the caveat the release put into the text.
  if (collapsed.includes('SIPDIS')) collapsed = collapsed.replace(/ ?\bSIPDIS\b ?/g, ' ').trim();
  return withoutTrailingDashes(
    withoutOpenBracket(collapsed)
      .replace(/^[-:.–‐\s]+/, '')
      .replace(/^(?:(?:Begin|BEGIN)\s+)?(?:Summary|SUMMARY)\s*[:.]\s*/, ''),
  ).trim();
}

/**
 * The text without the dashes it ends with. The pattern is tried at every space of the text,
 * so it runs only on a text that ends with a dash.
 */
function withoutTrailingDashes(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last === 45 || last === 0x2013 ? text.replace(/\s*[-–]+$/, '') : text;
}

/** The E.O. line: `E.O. 12958: DECL: 06/23/2019`, `EO 12958 DECL: 09/21/10`, `E.O. 13526`. */
const executiveOrderPattern = new RegExp(String.raw`\bE\.?\s?[O0]\.?\s*${executiveOrders}\b`);

/**
 * The declassification date of the E.O. line as `YYYY-MM-DD` (`DECL: 6/3/08` → 2008-06-03),
 * null for `N/A`, `OADR`, `X1` and the like.
 */
export function parseDeclassification(text: string): string | null {
  const label = executiveOrderPattern.exec(text);
  let line: string;
  if (label) {
    const start = label.index + label[0].length;
    line = text.slice(start, start + 160);
    // A first copy the release cut short (`E.O. 12958: DECL...`): the whole copy after it.
    if (/^[\s:]*(?:D(?:E(?:CL?)?)?)?\s*(?:\.{2,}|…)/i.test(line)) {
      const rest = parseDeclassification(text.slice(start));
      if (rest !== null) return rest;
    }
  } else {
    const decl = /\bDECL\b/i.exec(text);
    if (!decl) return null;
    line = text.slice(decl.index, decl.index + 80);
  }
  line = line.split(/\bTAGS?\b|\bSUBJ|\n[ \t]*\n/)[0] ?? '';
  const date = /(?:^|[^\d/])(\d{1,4})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{2,4})(?![\d/])/.exec(line);
  if (!date) return writtenDate(line);
  // `E.O. 12958: DNG: CO 04/08/2026`: the date the cable is downgraded to Confidential, not declassified.
  if (/\bDNG\b/.test(line.slice(0, date.index)) && !/\bDECL\b/i.test(line)) return null;
  const [, first = '', second = '', third = ''] = date;
  const [year, month, day] = first.length === 4 ? [first, second, third] : [expandYear(third), first, second];
  return toIsoDate(year, Number(month), Number(day));
}

function expandYear(year: string): string {
  if (year.length === 4) return year;
  const value = Number(year);
  return String(value < 70 ? 2000 + value : 1900 + value);
}

/** A date with its month's name: `08 OCTOBER 2019`, `15 Mar 2019`, `March 15, 2019`; or run together, `DECL: 20191008`. */
function writtenDate(line: string): string | null {
  const dayFirst = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d{2})\b/.exec(line);
  const monthFirst = dayFirst ? null : /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b/.exec(line);
  const [day, name, year] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1], monthFirst[3]]
      : [];
  const month = monthNames.findIndex((month) => name !== undefined && name.length >= 3 && month.startsWith(name.toUpperCase())) + 1;
  if (day && year && month > 0) return toIsoDate(year, month, Number(day));
  // `DECL: 20170531`, the digits run together, year first.
  const compact = /\bDECL\b\W*((?:19|20)\d{2})(\d{2})(\d{2})\b/i.exec(line);
  return compact ? toIsoDate(compact[1]!, Number(compact[2]), Number(compact[3])) : null;
}

const monthNames = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
];

function toIsoDate(year: string, month: number, day: number): string | null {
  if (year.length !== 4 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
