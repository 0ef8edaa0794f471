/**
 * The body of a telegram, from the line after the banner to the end: page breaks removed,
 * the preamble (caveats, E.O., TAGS, SUBJECT, REF, Classified By) set apart, and the rest
 * cut into blocks — headings, paragraphs, lists, aligned tables, the signature.
 */
import { classifiedWord } from './classified-by.ts';
import { countSubjectLines, endsSubject, endsUnfinished, executiveOrders, parseSubject } from './fields.ts';
import type { Line } from './header.ts';
import { bannerPattern } from './header.ts';
import { normalizeLines, paragraphMarking, sentenceEndCodes, startsLowerCase, undoubleLines } from './lines.ts';
import { removeGluedPageNumbers } from './page-breaks.ts';
import { nextItemLength } from './references.ts';
import { isCodeLine } from './tags.ts';
import { codeAt, collapseSpaces, isBlank, isDigit, isSpace, textStart } from './text.ts';

export type Block =
  | { type: 'heading'; text: string; line: number }
  | { type: 'paragraph'; text: string; line: number }
  | { type: 'lines'; lines: string[]; line: number }
  | { type: 'list'; items: { text: string; line: number }[]; line: number }
  | { type: 'table'; lines: string[]; line: number }
  | { type: 'break'; line: number }
  | { type: 'signature'; text: string; line: number };

export type FieldName = 'eo' | 'tags' | 'subject' | 'ref' | 'classifiedBy';

export interface Preamble {
  /** Handling caveats on lines of their own (`SIPDIS`, `SENSITIVE`, `NOFORN` …). */
  caveats: string[];
  /** The lines that held only caveats, moved to the frontmatter with them. */
  caveatLines: Line[];
  /** Each occurrence of each labelled field, as its lines (a cable may repeat its header). */
  fields: Partial<Record<FieldName, Line[][]>>;
}

export interface Body {
  preamble: Preamble;
  blocks: Block[];
  /** Page-break lines and repeated banners dropped from the body. */
  dropped: Line[];
}

export function splitBody(lines: Line[]): Body {
  const dropped: Line[] = [];
  const cleaned = removePageBreaks(setApartSectionHeaders(undoubleLines(normalizeLines(lines))), dropped);
  const groups = groupLines(cleaned);
  const { preamble, rest } = takePreamble(groups);
  const blocks: Block[] = [];
  for (const group of rest) toBlocks(group, blocks);
  return { preamble, blocks: mergeLists(attachSignature(promoteTitles(blocks))), dropped };
}

/** `USOSCE 00000147  002 OF 005`, `NEW DELHI 00009127 006 OF 006`, `NEW DELHI 00009127 001.2 OF 006` */
const pageBreakPattern = /^\s*[A-Z][A-Za-z .'-]*?\s+\d{5,}\s+\d{3}(?:\.\d+)?\s+(?:OF|of)\s+\d{3}\s*$/;
/** `PAGE 02 HARARE 05461 01 OF 02 271458Z`, `PAGE 02 VATICA 00819 190632Z` (the text after it is kept) */
const pageHeaderPattern = /^\s*PAGE\s+\d{2,3}\s+[A-Z][A-Z .'-]*?\s+\d+\s+(?:\d{2}\s+OF\s+\d{2}\s+)?\d{6}Z\s*/;
const trailingClassificationPattern = /\s{2,}(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*$/;

/**
 * Drops page-break lines and repeated banners, with the blank lines around them, and joins
 * the paragraph they split unless the next line starts a block of its own.
 */
function removePageBreaks(lines: Line[], dropped: Line[]): Line[] {
  const out: Line[] = [];
  // The page's classifications above the breaks, dropped after the breaks themselves.
  const markings: Line[] = [];
  let afterBreak = false;
  for (const entry of lines) {
    // Cheap checks first: these patterns run on every line of the corpus.
    const hasOf = entry.text.includes('OF');
    const hasCount = hasPageCount(entry.text, hasOf);
    if ((hasCount && pageBreakPattern.test(entry.text)) || (hasOf && entry.text.includes('SECTION') && isRepeatedBanner(entry.text))) {
      dropped.push(entry);
      afterBreak = endPage(out, markings);
      continue;
    }
    const header = opensPageHeader(entry.text) ? pageHeaderPattern.exec(entry.text) : null;
    if (!header) {
      afterBreak = addLine(out, hasCount ? removeInlinePageBreaks(entry, dropped) : entry, afterBreak);
      continue;
    }
    // The text glued after a page header is kept.
    dropped.push({ text: header[0], line: entry.line });
    afterBreak = endPage(out, markings);
    const rest = entry.text.slice(header[0].length);
    if (rest.trim()) afterBreak = addLine(out, { ...entry, text: rest }, afterBreak);
  }
  for (const marking of markings) dropped.push(marking);
  return out;
}

/** Ends the page at a page break: the blank lines above it dropped, and the page's classification; whether a page break is above what follows. */
function endPage(out: Line[], markings: Line[]): boolean {
  while (out.length > 0 && !out[out.length - 1]!.text.trim()) out.pop();
  const previous = out.length > 0 ? out[out.length - 1] : undefined;
  const marking = previous && endsWithClassification(previous.text) ? trailingClassificationPattern.exec(previous.text) : null;
  if (previous && marking) {
    markings.push({ text: marking[0], line: previous.line });
    out[out.length - 1] = { ...previous, text: previous.text.slice(0, marking.index) };
  }
  return out.length > 0;
}

/**
 * Whether a line's last character other than a blank ends a classification (`…D`, `…L`, `…T`, `…E`):
 * the pattern after it is tried at every blank of the line.
 */
function endsWithClassification(text: string): boolean {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === 0) return false;
  const last = text.charCodeAt(end - 1);
  return last === 68 || last === 76 || last === 84 || last === 69;
}

/** Adds a line, below a page break only when not blank and after a blank line when it starts a block; whether a page break is still above. */
function addLine(out: Line[], entry: Line, afterBreak: boolean): boolean {
  if (afterBreak) {
    if (!entry.text.trim()) return true;
    if (startsBlock(entry.text)) out.push({ text: '', line: entry.line });
  }
  out.push(entry);
  return false;
}

/** Whether a line opens with `PAGE`, as a page header does: told without reading the whole line. */
function opensPageHeader(text: string): boolean {
  return text.startsWith('PAGE', textStart(text));
}

/** Whether an `OF` is followed by a three-digit page count (`002 OF 005`), as every page break has. */
/**
 * `OF 005`; in a cable written in lower case, `of 014` on a short line of its own
 * (`Astana 00000251 002 of 014`), as a page break in lower case is never run into text.
 */
function hasPageCount(text: string, hasOf: boolean): boolean {
  return (
    (hasOf && hasCountAfter(text, 'OF')) ||
    (text.length > 0 && text.length <= 60 && isDigit(text.charCodeAt(text.length - 1)) && hasCountAfter(text, 'of'))
  );
}

function hasCountAfter(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 2)) {
    let next = at + 2;
    while (isSpace(codeAt(text, next))) next++;
    if (next > at + 2 && isDigit(codeAt(text, next)) && isDigit(codeAt(text, next + 1)) && isDigit(codeAt(text, next + 2))) return true;
  }
  return false;
}

/** In text run together on one line, `…Europe  TRIPOLI 00000457  002.2 OF 002   was to…`. */
const inlinePageBreakPattern = /\s{2,}[A-Z][A-Z .'-]*?\s+\d{5,}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}\s{2,}/g;

function removeInlinePageBreaks(entry: Line, dropped: Line[]): Line {
  if (!entry.text.includes(' OF ')) return entry;
  let text = entry.text;
  if (text.length >= 200) {
    text = text.replace(inlinePageBreakPattern, (found) => {
      dropped.push({ text: found.trim(), line: entry.line });
      return ' ';
    });
  }
  text = removeGluedPageNumbers(text, (found) => dropped.push({ text: found, line: entry.line }));
  return text === entry.text ? entry : { ...entry, text };
}

function isRepeatedBanner(text: string): boolean {
  const match = bannerPattern.exec(text);
  return match !== null && match.index < 3 && !text.slice(match.index + match[0].length).trim() && /SECTION/.test(match[0]);
}

const paragraphMarkerPattern = /^\s*(?:¶\s*\d|\d{1,3}\s?\.(?:\s|\(|$)|\d{1,3}\.\d{1,2}\.?\s|\([A-Z]{1,3}(?:\/\/?[A-Z]{1,5})?\)\s)/;
const listMarkerPattern = /^\s*(?:-{1,2}|\*|•|o)\s+\S/;
const letteredPattern = /^\s*(?:\(?[A-Za-z]\)|[A-Z]\.)\s+\S/;
/**
 * `-------`, `=======`, and a long underline the release cut once with a space (`--------------------------------------------- ---`),
 * not a table's column rules (`------    -----------   ---------`).
 */
const underlinePattern = /^\s*(?:-{3,}|={3,}|-{20,} -{1,30}|={20,} ={1,30})\s*$/;
/*
 * The line-start patterns above run on most lines of a body, and most lines open with a letter
 * that none of them allows: the first character is told first, and the pattern runs only when
 * it may match (a blank, after which anything may follow, always runs it).
 */

/** `¶3.`, `12.`, `1.2.`, `(C)`: a blank, a digit, `¶` or `(` first. */
function hasParagraphMarker(text: string): boolean {
  if (text.length === 0) return false;
  const code = text.charCodeAt(0);
  return (isDigit(code) || code === 0xb6 || code === 40 || isSpace(code)) && paragraphMarkerPattern.test(text);
}

/** `- `, `-- `, `* `, `• `, `o `: a blank or the marker first. */
function hasListMarker(text: string): boolean {
  if (text.length === 0) return false;
  const code = text.charCodeAt(0);
  return (code === 45 || code === 42 || code === 0x2022 || code === 111 || isSpace(code)) && listMarkerPattern.test(text);
}

/** `-------`, `=======`: a blank, a dash or `=` first. */
function isUnderlineText(text: string): boolean {
  if (text.length === 0) return false;
  const code = text.charCodeAt(0);
  return (code === 45 || code === 61 || isSpace(code)) && underlinePattern.test(text);
}

/** An item of a REF list on a line of its own: `B. STATE 12`, `(B) STATE 12`, and `¶B. STATE 12` as the release rewrote it. */
const refItemPattern = /^\s*¶?\s?(?:\(?[A-Za-z]\)|[A-Z]\.)\s+\S/;

/** An item of a REF list: `(B) …`, `b) …`, `B. …`, or a short citation under a small letter (`c. 05 state 211408`). */
const isRefItem = (text: string): boolean => refItemPattern.test(text) || (/^\s*[a-z]\.\s+\S/.test(text) && isCitationLine(text));

/** A REF line ending with the next item's label, its text on the next line: `… and D)`, `¶C. STATE 91633 D.`. */
const danglingLabelPattern = /(?:^|[\s,;])(?:\([A-Z]\)|[A-Z][.)])\s*$/;

function startsBlock(text: string): boolean {
  return hasParagraphMarker(text) || hasListMarker(text) || letteredPattern.test(text) || isUnderlineText(text);
}

/**
 * Runs of non-blank lines. A single blank line inside a sentence (`… construction has` / blank /
 * `finally resumed.`, where the release lost a page break) does not end the run.
 */
function groupLines(lines: Line[]): Line[][] {
  const groups: Line[][] = [];
  let current: Line[] = [];
  // The group's last line, null while it is empty; no read before an array's start or past its end
  // (either makes the optimised code start over).
  let last: Line | null = null;
  for (let at = 0; at < lines.length; at++) {
    const entry = lines[at]!;
    if (!isBlank(entry.text)) {
      // A section's routing header is a group of its own, however the text around it runs on.
      if (last !== null && last.isSectionHeader !== entry.isSectionHeader) {
        groups.push(current);
        current = [];
      }
      current.push(entry);
      last = entry;
      continue;
    }
    if (last === null) continue;
    const next = at + 1 < lines.length ? lines[at + 1] : undefined;
    if (!(last.isSectionHeader && next?.isSectionHeader) && !cutsSentence(last.text, next?.text)) {
      groups.push(current);
      current = [];
      last = null;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** An old telegram's section start, its routing header repeated in the body: `CONFIDENTIAL PTQ7827`. */
const sectionStartPattern = /^\s*(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s+PTQ\d+\s*$/;
/** The page's classification on a line of its own, above a page break or a section start. */
const loneClassificationPattern = /^\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*$/;

/**
 * The routing header each section of an old telegram repeats inside the body (`CONFIDENTIAL
 * PTQ7827`, `ACTION EUR-00`, `INFO LOG-00 …`, the FM/TO lines, the section's banner, and the
 * copy of SIPDIS, E.O. and TAGS, SUBJECT under it) marked, so that it is set apart as lines of
 * its own instead of running into the paragraph it interrupts. The page's classification just
 * above it goes with it.
 */
function setApartSectionHeaders(lines: Line[]): Line[] {
  if (!lines.some((entry) => isSectionStart(entry.text))) return lines;
  const out: Line[] = [];
  for (let at = 0; at < lines.length; at++) {
    const entry = lines[at]!;
    const end = isSectionStart(entry.text) ? sectionHeaderEnd(lines, at) : -1;
    if (end < 0) {
      out.push(entry);
      continue;
    }
    const above: Line[] = [];
    while (out.length > 0 && isPageFooter(out.at(-1)!.text)) above.unshift(out.pop()!);
    out.push({ text: '', line: entry.line });
    for (const line of [...above, ...lines.slice(at, end + 1)]) if (!isBlank(line.text)) out.push({ ...line, isSectionHeader: true });
    out.push({ text: '', line: lines[end]!.line });
    at = end;
  }
  return out;
}

/** Told first by the line's end, a digit (or a space), as few lines end: asked of every line of every cable. */
function isSectionStart(text: string): boolean {
  // A blank line has no last character: no read before its start (the optimised code would start over).
  if (text.length === 0) return false;
  const last = text.charCodeAt(text.length - 1);
  return (isDigit(last) || isSpace(last)) && text.includes('PTQ') && sectionStartPattern.test(text);
}

/** A blank line, the page's classification or the next page's header (`PAGE 05 ROME 01196 01 OF 02 082030Z`) above a section start. */
function isPageFooter(text: string): boolean {
  return (
    isBlank(text) ||
    loneClassificationPattern.test(text) ||
    (opensPageHeader(text) && pageHeaderPattern.exec(text)?.[0].length === text.length)
  );
}

/** The last line of the section header starting at `start`: its banner, or the TAGS or SUBJECT line copied under it; -1 without a banner. */
function sectionHeaderEnd(lines: Line[], start: number): number {
  let banner = -1;
  for (let at = start + 1; at < Math.min(lines.length, start + 80) && banner < 0; at++) {
    if (/SECTION\s+\d+\s+OF\s+\d+/.test(lines[at]!.text) && bannerPattern.test(lines[at]!.text)) banner = at;
  }
  if (banner < 0) return -1;
  let end = banner;
  for (let at = banner + 1; at < Math.min(lines.length, banner + 14); at++) {
    const text = lines[at]!.text;
    if (hasParagraphMarker(text)) break;
    if (/\bTAGS?\b|^\s*SUBJ(?:ECT)?\s*:/.test(text)) end = at;
  }
  return end;
}

/** A wrapped line that stops mid-sentence, and below one blank line the sentence going on in lower case. */
function cutsSentence(before: string, after: string | undefined): boolean {
  if (after === undefined || before.length < 30) return false;
  // Not after `.`, `!`, `?`, `:`, `;`, a quote or a bracket: a paragraph may end there (most do, so this goes first).
  if (sentenceEndCodes.has(before.charCodeAt(before.length - 1))) return false;
  // `… under the age of` / blank / `12.Kelly announced …`: after a word no sentence ends on, whatever follows.
  if (!startsLowerCase(after) && !(functionWordEndPattern.test(before) && !markedParagraphPattern.test(after))) return false;
  // Nor after a field (`SUBJECT: …` over the end of a paragraph cut off in a section 2 of 2).
  return fieldOf(before) === null;
}

/**
 * The number of an order that governs classification (`12958`, `13526` …), or any other
 * (a mistyped `12598`) when a colon or `DECL` follows: `E.O. 13382 ENTITIES` is a sanctions
 * order named in the text.
 */
const orderNumber = String.raw`(?:${executiveOrders}|1[23]\d{3}(?=\s*[:;,]|\s+(?:DECL|N\/?A)\b))`;

const eoPattern = new RegExp(String.raw`^\s*(?:E\.?\s?[O0]\.?\s*${orderNumber}|EO\s*${orderNumber}|DECL\s*:)`, 'i');
const tagsPattern = /^\s*TAGS?(?:\s*:|\s+[A-Z]{2})/i;
const subjectPattern = /^\s*SUBJ(?:ECT)?\b\s*:?/i;
// Without a colon only as a label is written (`REF A. STATE 12`), not as a sentence starts (`reftel C remains …`).
const refPattern =
  /^\s*(?:(?:REF(?:S|TEL|TELS|ERENCES?|\(S\))?|[Rr]ef(?:s|tels?|erences?|\(s\))?)\s*:|(?:REF(?:S|TELS?|ERENCES?)?|Ref(?:s|tels?)?)\s*(?:\.|\s+[A-Z(]))/;
const classifiedByPattern = new RegExp(String.raw`^\s*(?:${classifiedWord}\s+BY(?:\b|(?=[A-Z][a-z]))|DERIVED\s+FROM\b)`, 'i');

/** Labels that sometimes arrive glued to the text before them (`SIPDISE.O. 12958: …`), not in brackets (`(SUBJ: IIR …)`). */
/** Labels glued after a field's text; `Tags:` and `Subject:` as a cable written in lower case has them (04ANKARA348). */
const gluedLabels = String.raw`TAGS:|Tags:|SUBJECT:|Subject:|SUBJ:|REF(?:S|TELS?|\(S\))?:|Ref(?:s|tels?|\(s\))?:`;
const gluedLabelsWithOrder = String.raw`E\.O\.\s*${orderNumber}|${gluedLabels}|${classifiedWord} By:|CLASSIFIED BY:`;
const gluedLabelPattern = new RegExp(String.raw`(?<=[^\s(])\s*(?=${gluedLabelsWithOrder})`, 'g');

/** An E.O. line that gives reasons, not a date: `E.O. 12958, 1.4(D)` after `Classified By: … REASON:`. */
const orderReasonsPattern = /^\s*(?:E\.?\s?O\.?|EO)\s*1\d{4}\s*[,;:]?\s*(?:REASONS?\s*:?\s*)?1\s?\.\s?[1-8](?!.*\bDECL)/i;

const caveatWord = `(?:SENSITIVE BUT UNCLASSIFIED|SIPDIS|SENSITIVE|NOFORN|EXDIS|NODIS|LIMDIS|STADIS|FOR OFFICIAL USE ONLY|NOT FOR INTERNET DISTRIBUTION|CORRECTED COPY|HANDLE AS SPECIAL|E F T O|EFTO|ROGER CHANNEL|DISSENT CHANNEL|CHEROKEE)`;

/** A line of caveats only: `SIPDIS`, `SENSITIVE, SIPDIS`, `NOFORN SIPDIS`. */
const caveatPattern = new RegExp(String.raw`^\s*${caveatWord}(?:\s*[,;/]?\s*${caveatWord})*\s*[.,;]?\s*$`, 'i');
const caveatWordPattern = new RegExp(caveatWord, 'gi');

/** Every caveat opens with one of these letters (in either case): a line opening with another is told without the pattern. */
const caveatInitials: ReadonlySet<number> = new Set([...'cdefhlnrs'].map((char) => char.charCodeAt(0)));

function isCaveatLine(text: string): boolean {
  const at = textStart(text);
  return at < text.length && caveatInitials.has(text.charCodeAt(at) | 0x20) && caveatPattern.test(text);
}

/** What an E.O. line states after its label (`E.O. 12958: DECL: 1/2/19` → `DECL: 1/2/19`), spaces collapsed, upper case. */
function orderValue(text: string): string {
  return collapseSpaces(text)
    .replace(/^\s*(?:E\.?\s?[O0]\.?\s*|EO\s*)?(?:\d{5})?\s*[:;,]?\s*/i, '')
    .replace(/\s*(?:\.{2,}|…)\s*$/, '')
    .trim()
    .toUpperCase();
}

/**
 * Whether an E.O. line states something other than the E.O. lines already read: both with a
 * value, neither a part of the other (a label-only line and its `DECL:` line, or a repeated
 * header cut short as `DECL: 08...`, agree).
 */
function contradictsOrderLine(runs: Line[][] | undefined, text: string): boolean {
  const value = orderValue(text);
  if (!value || !runs) return false;
  return runs.some((run) => {
    const stated = orderValue(run.map((entry) => entry.text).join(' '));
    return stated !== '' && !stated.startsWith(value) && !value.startsWith(stated);
  });
}

function takePreamble(groups: Line[][]): { preamble: Preamble; rest: Line[][] } {
  const preamble: Preamble = { caveats: [], caveatLines: [], fields: {} };
  const rest: Line[][] = [];
  let labelled = false;
  let last: FieldName | null = null;
  // The group whose last line is the subject's: the line alone below it may end the subject.
  let subjectGroup = -1;
  // Up to this group, a second copy of the header: its lines above its SUBJECT stay in the body.
  let copyEnd = -1;
  let index = 0;
  for (; index < groups.length; index++) {
    // The first numbered paragraph ends the preamble: told by its first line, before all its lines are split.
    const lines = groups[index]!;
    const split: Line[] = [];
    splitGlued(lines[0]!, split);
    if (last !== 'ref' && opensParagraph(split[0]!)) break;
    for (let at = 1; at < lines.length; at++) splitGlued(lines[at]!, split);
    const group = splitGluedHeading(split);
    const isRefContinuation = continuesRefList(group, last === 'ref' ? preamble.fields.ref?.at(-1) : undefined);
    if (opensParagraph(group[0]!) && !isRefContinuation) break;
    if (!group.some((entry) => fieldOf(entry.text) || isCaveatLine(entry.text)) && !isRefContinuation) {
      const subject = last === 'subject' ? preamble.fields.subject?.at(-1) : undefined;
      if (
        subject &&
        group.length === 1 &&
        // Not a line the release cut short (`Class...`), nor one after a page break (`THE HAGUE
        // 00002515 001.2 OF 002`, dropped), which a copy's remains or a note follow: one blank line between.
        !cutEndPattern.test(group[0]!.text) &&
        group[0]!.line - subject.at(-1)!.line <= 2 &&
        (endsUnfinished(subject.at(-1)!.text) ||
          (subjectGroup === index - 1 &&
            endsSubject(subject.map((entry) => entry.text).join(' '), group[0]!.text, groups[index + 1]?.[0]?.text)))
      ) {
        // `SUBJECT: … ON U.S. AND` / a blank line / `VENEZUELA RELATIONS …`: the subject goes on.
        subject.push(group[0]!);
        continue;
      }
      // A title line or two between fields (`REF:` below it) does not end the preamble, nor the
      // lines above a second copy of the header (a first copy cut short, then the whole one).
      if (labelled && !(group.length <= 2 && opensWithField(groups[index + 1])) && index >= copyEnd) {
        copyEnd = secondCopyEnd(groups, index, preamble);
        if (copyEnd < 0) break;
      }
      rest.push(group);
      continue;
    }
    let current: FieldName | null = isRefContinuation ? 'ref' : null;
    // Lines that stay in the body, in runs broken by the lines moved to the frontmatter: `cutRun` ends one.
    let run: Line[] = [];
    for (let at = 0; at < group.length; at++) {
      const entry = group[at]!;
      let field = fieldOf(entry.text);
      // `… remains committed` / `Ref. B, Costa Rica …` inside a paragraph: a label without its colon is text there.
      if (field === 'ref' && current === null && run.length > 0 && !/^\s*[^\s:]+\s*:/.test(entry.text)) field = null;
      if (field === 'eo' && (current ?? last) === 'classifiedBy' && orderReasonsPattern.test(entry.text)) {
        // The reasons of the Classified By line before, on a line of their own.
        current = 'classifiedBy';
        preamble.fields.classifiedBy!.at(-1)!.push(entry);
      } else if (field) {
        current = field;
        labelled = true;
        const repeat = field === 'subject' ? findRepeatedSubject(preamble, entry.text) : null;
        if (repeat === 'other') {
          // Another cable's subject (two cables in one file): not this cable's field, so body text.
          current = null;
          run.push(entry);
          continue;
        }
        if (repeat && entry.text.slice(repeat.end).trim()) {
          // A page header repeating the subject, glued to the text of the page. Cut short
          // (`… AND GERMA`), it is no field's text and stays in the body, on a line of its own.
          const header = { text: entry.text.slice(0, repeat.end), line: entry.line };
          run = cutRun(run, rest);
          if (repeat.isCut) run.push(header);
          else preamble.fields.subject!.push([header]);
          run = cutRun(run, rest);
          run.push({ text: entry.text.slice(repeat.end), line: entry.line });
          current = null;
          continue;
        }
        if (field === 'eo' && contradictsOrderLine(preamble.fields.eo, entry.text)) {
          // A second E.O. line saying otherwise belongs to another cable glued after this one
          // (09CAIRO1962 holds 001960's `DECL: 10/05/2019` after its own `N/A`): body text.
          current = null;
          run.push(entry);
          continue;
        }
        const runs = preamble.fields[field] ?? [];
        preamble.fields[field] = runs;
        runs.push([entry]);
      } else if (
        current === 'subject' &&
        continuesSubject(preamble.fields.subject!.at(-1)!, entry, group[at + 1]) &&
        continuesRepeat(preamble, entry)
      ) {
        // A subject takes the lines `parseSubject` reads, a caveat-like word among them too.
        preamble.fields[current]!.at(-1)!.push(entry);
      } else if (isCaveatLine(entry.text)) {
        for (const caveat of entry.text.match(caveatWordPattern) ?? []) preamble.caveats.push(caveat.toUpperCase());
        preamble.caveatLines.push(entry);
        current = null;
      } else if (
        current &&
        current !== 'subject' &&
        // The line below, in the next group after a blank line (`IC` / blank / `SUBJECT:`).
        continues(current, preamble.fields[current]!.at(-1)!, entry, group[at + 1] ?? groups[index + 1]?.[0])
      ) {
        preamble.fields[current]!.at(-1)!.push(entry);
      } else if (repeatsSubject(preamble, entry)) {
        // The subject again, as a title line (`EGYPT: 2009 COUNTRY REPORT ON TERRORISM REF: …`).
        current = null;
        preamble.fields.subject!.push([entry]);
      } else {
        current = null;
        run.push(entry);
        continue;
      }
      // The Classified By line is also read as text: it names people with their titles.
      if (current === 'classifiedBy') run.push(entry);
      else run = cutRun(run, rest);
    }
    cutRun(run, rest);
    if (current) last = current;
    if (current === 'subject') subjectGroup = index;
  }
  for (; index < groups.length; index++) rest.push(groups[index]!);
  return { preamble, rest };
}

/** Ends a run of body lines, added to `rest` unless empty: the next run's array. */
function cutRun(run: Line[], rest: Line[][]): Line[] {
  if (run.length === 0) return run;
  rest.push(run);
  return [];
}

/**
 * The group holding the SUBJECT line of a second copy of the header that starts after
 * `groups[from]`, before the first paragraph (`… REF: 05 LIMA...`, then the release's `id: 60170
 * date: …` block, the banner, and the whole header again: `E.O. 12958: … SUBJECT: FUJIMORISTAS …`);
 * -1 when there is none. The copy repeats the subject already read; another cable's does not.
 */
function secondCopyEnd(groups: Line[][], from: number, preamble: Preamble): number {
  // A copy cut short before its subject (`E.O. 12958: DE...`): the next field line starts the whole copy.
  const isCut = Object.values(preamble.fields).some((runs) => runs.some((run) => cutEndPattern.test(run.at(-1)!.text)));
  const stated = preamble.fields.subject ? statedSubject(preamble) : null;
  if (stated === null && !isCut) return -1;
  for (let index = from; index < Math.min(groups.length, from + 16); index++) {
    // A heading over its underline (`Summary` / `--------`) starts the body, copy or not.
    if (isUnderlinedHeading(groups[index]!)) return -1;
    if (index === from) continue;
    for (const entry of groups[index]!) {
      if (opensParagraph(entry)) return -1;
      if (isCut && stated === null && fieldOf(entry.text)) return index;
      const label = /\bSUBJ(?:ECT)?\s*:/.exec(entry.text);
      if (!label || label.index > 200) continue;
      const repeat = findRepeatedSubject(preamble, entry.text.slice(label.index));
      if (repeat !== null && repeat !== 'other') return index;
    }
  }
  return -1;
}

function isUnderlinedHeading(group: Line[]): boolean {
  const title = group.at(-2)?.text ?? '';
  return group.length <= 3 && /^\s*-{3,}\s*$/.test(group.at(-1)!.text) && /[A-Za-z]/.test(title) && title.trim().length <= 80;
}

const cutEndPattern = /(?:\.{3}|…)\s*$/;

/** A line of the release's record after a copy of the header (`id: 114649`, `refid: 07LIMA2323`), or a routing block glued on (`VZCZC…`). */
const recordLinePattern = /^\s*(?:VZCZC|id:\s*\d|refid:|date:\s*\d|origin:|classification:|destination:|header:)/;

/** A line with glued labels and paragraphs split off, added to `out`: `flatMap` twice, without its cost on lines that hold none. */
function splitGlued(entry: Line, out: Line[]): void {
  // Most lines hold no glued label: they skip the loop over an array made for them.
  const labels = splitGluedLabels(entry);
  if (labels === null) splitGluedRouting(entry, out);
  else for (const label of labels) splitGluedRouting(label, out);
}

function splitGluedRouting(label: Line, out: Line[]): void {
  // A routing block the release glued to a field (`REF: A. CAIRO 181|09CAIRO257 VZCZCXRO5203OO …`): body text of its own.
  const routing = label.text.indexOf(' VZCZC');
  if (routing > 0 && fieldOf(label.text)) {
    splitGluedParagraph({ text: label.text.slice(0, routing), line: label.line }, out);
    out.push({ text: label.text.slice(routing + 1), line: label.line });
  } else splitGluedParagraph(label, out);
}

/** A numbered or marked paragraph (`1. …`, `(C) …`) that is not a field line. */
function opensParagraph(entry: Line): boolean {
  return hasParagraphMarker(entry.text) && !fieldOf(entry.text);
}

function opensWithField(group: Line[] | undefined): boolean {
  return group !== undefined && fieldOf(group[0]!.text) !== null;
}

/** `SUBJECT: … in Mendoza Summary` over an underline: the heading glued to the subject is body text. */
function splitGluedHeading(group: Line[]): Line[] {
  const at = group.findIndex((entry, index) => isUnderlineText(group[index + 1]?.text ?? '') && /^\s*SUBJ/i.test(entry.text));
  const heading = at < 0 ? null : /\s((?:SUMMARY|Summary)\s*)$/.exec(group[at]!.text);
  if (!heading) return group;
  const { text, line } = group[at]!;
  return [...group.slice(0, at), { text: text.slice(0, heading.index), line }, { text: heading[1]!, line }, ...group.slice(at + 1)];
}

/** The subject of the first SUBJECT field that states one, as `parseSubject` reads it. */
function statedSubject(preamble: Preamble): string | null {
  return readStatedSubject(preamble).subject;
}

/** The stated subject's `wordKey`. */
function statedSubjectKey(preamble: Preamble): string {
  const stated = readStatedSubject(preamble);
  stated.key ??= wordKey(stated.subject ?? '');
  return stated.key;
}

function readStatedSubject(preamble: Preamble): StatedSubject {
  const fields = preamble.fields.subject ?? [];
  const cached = statedSubjects.get(fields);
  if (cached && cached.count === fields.length) return cached;
  let subject: string | null = null;
  for (const lines of fields) {
    subject = parseSubject(lines.map((line) => line.text).join('\n'));
    if (subject) break;
  }
  const stated: StatedSubject = { count: fields.length, subject, key: null };
  statedSubjects.set(fields, stated);
  return stated;
}

interface StatedSubject {
  /** How many SUBJECT fields it was read from. */
  count: number;
  subject: string | null;
  /** Its `wordKey`, once asked for. */
  key: string | null;
}

/** Asked for on every line of a preamble once a subject is found: read once per field list. */
const statedSubjects = new WeakMap<Line[][], StatedSubject>();

/** A word or line compared by its letters and digits, without markup (`</strong>`). */
const wordKey = (text: string): string =>
  text
    .replace(/<\/?[a-z]+\s*\/?>/gi, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '');

/** A line that is the subject found above, word for word, without its label. */
function repeatsSubject(preamble: Preamble, entry: Line): boolean {
  if (!preamble.fields.subject || entry.text.length > 300) return false;
  const stated = statedSubject(preamble);
  if (stated === null || Math.abs(entry.text.trim().length - stated.length) > stated.length / 2) return false;
  const key = statedSubjectKey(preamble);
  return key.length >= 12 && wordKey(entry.text) === key;
}

/** A repeated subject goes on to the next line only while the line still repeats it. */
function continuesRepeat(preamble: Preamble, entry: Line): boolean {
  const fields = preamble.fields.subject!;
  if (fields.length < 2) return true;
  const text = [...fields.at(-1)!, entry].map((line) => line.text.trim()).join(' ');
  const repeat = findRepeatedSubject({ ...preamble, fields: { subject: fields.slice(0, -1) } }, text);
  return repeat === null || (repeat !== 'other' && !text.slice(repeat.end).trim());
}

/**
 * On a SUBJECT line after the first, where the repeated subject ends: after its last word,
 * or after a word cut short (`… AND GERMA credit for our …`); `other` when the line states
 * another subject; null when there is no subject to repeat.
 */
function findRepeatedSubject(preamble: Preamble, text: string): { end: number; isCut: boolean } | 'other' | null {
  if (!preamble.fields.subject) return null;
  const stated = statedSubject(preamble);
  const label = subjectPattern.exec(text);
  if (!stated || !label) return null;
  // The subject stated first may itself be cut short (`… ALLIE...`): a later one completes it.
  const isStatedCut = /(?:\.\.\.|…)$/.test(stated);
  const expected = stated.split(/\s+/).map(wordKey).filter(Boolean);
  const words = text.slice(label[0].length).matchAll(/\S+/g);
  let end = text.length;
  for (const [index, want] of expected.entries()) {
    let word = words.next().value;
    while (word && !wordKey(word[0])) word = words.next().value;
    // The line ends first: the repeat goes on on the next line.
    if (!word) return index === 0 ? null : { end: text.length, isCut: false };
    const found = wordKey(word[0]);
    const isLast = index === expected.length - 1;
    if (isStatedCut && isLast && found.startsWith(want)) return { end: text.length, isCut: false };
    if (found !== want && !(want.startsWith(found) && index > 0)) {
      if (index > 2) return { end, isCut: false };
      // A corrected copy (`14TH` for `FINAL`) repeats most words; another cable's subject does not.
      return sharesMostWords(text.slice(label[0].length), expected) ? { end: text.length, isCut: false } : 'other';
    }
    end = label[0].length + word.index + word[0].length;
    if (found !== want) return { end, isCut: true };
  }
  // After the whole subject: more of it when the first was cut short, else the text of the page.
  const rest = text.slice(end);
  const isMore = isStatedCut || !/[a-z]/.test(rest) || /[a-z]/.test(stated);
  return { end: isMore ? text.length : end, isCut: false };
}

function sharesMostWords(text: string, expected: string[]): boolean {
  const words = text.split(/\s+/).map(wordKey).filter(Boolean);
  const known = new Set(expected);
  return words.filter((word) => known.has(word)).length * 2 >= words.length;
}

/**
 * The field a line's label names, or null. Each label starts with its own letter (`DECL:` and
 * `DERIVED FROM` share one), so the line's first letter picks the one or two patterns to try:
 * most lines of a body start with another letter and are told without any.
 */
function fieldOf(text: string): FieldName | null {
  const at = textStart(text);
  if (at === text.length) return null;
  // The letter in lower case (`| 0x20`): the labels are read in either case.
  switch (text.charCodeAt(at) | 0x20) {
    case 0x63: // c
      return classifiedByPattern.test(text) ? 'classifiedBy' : null;
    case 0x64: // d
      return eoPattern.test(text) ? 'eo' : classifiedByPattern.test(text) ? 'classifiedBy' : null;
    case 0x65: // e
      return eoPattern.test(text) ? 'eo' : null;
    case 0x72: // r
      return refPattern.test(text) ? 'ref' : null;
    case 0x73: // s
      return subjectPattern.test(text) ? 'subject' : null;
    case 0x74: // t
      return tagsPattern.test(text) ? 'tags' : null;
    default:
      return null;
  }
}

/** Lines that end a field's run even without a blank line: a repeated banner, handling notes, a new label. */
const fieldBreakPattern =
  /^\s*(?:(?:UNCLAS(?:SIFIED)?|CONFIDENTIAL|SECRET|C O N F I D E N T I A L|S E C R E T)(?:\s+SECTION\s+\d+\s+OF\s+\d+)?\s+[A-Z ]+\s0\d{3,}\b|SENSITIVE[- ]BUT[- ]UNCLASSIFIED|(?:THIS|THE) (?:CABLE|MESSAGE|TELEGRAM) (?:IS|CONTAINS)|PLEASE (?:PROTECT|HANDLE)|NOT FOR (?:INTERNET|DISTRIBUTION)|FOR OFFICIAL USE ONLY)/i;

/** A subject takes the lines `parseSubject` reads: not a heading over its underline (`Introduction` / `-----`). */
function continuesSubject(lines: Line[], entry: Line, next: Line | undefined): boolean {
  if (!continues('subject', lines, entry, next)) return false;
  // After a page break (dropped: `THE HAGUE 00002515 001.2 OF 002`), a line cut short is the release's (`THIS MESS...`).
  if (entry.line - lines.at(-1)!.line > 2 && cutEndPattern.test(entry.text)) return false;
  const texts = lines.map((line) => line.text);
  texts.push(entry.text);
  if (next) texts.push(next.text);
  return countSubjectLines(texts) > lines.length;
}

/** `1.4 (b,d)`, `1.4(b) and (d).` on a line of their own. */
const reasonsLinePattern = /^\s*1\s?\.\s?[1-8]\s*(?:\(\s?[a-hA-H]|[a-hA-H]\b)/;

/** A paragraph number glued to its first word: `1.Summary:`, `1.KEY POINTS`. */
const gluedNumberPattern = /^\s*\d{1,2}\.(?=[A-Z])/;

function continues(field: FieldName, lines: Line[], entry: Line, next: Line | undefined): boolean {
  // A field the release cut short (`¶C. LIMA 2126` / `...`) goes on no further: its record follows.
  if (cutEndPattern.test(lines[lines.length - 1]!.text) || recordLinePattern.test(entry.text)) return false;
  // `Classified By: … for reasons` / `1.4 (b,d)`: the reasons, not paragraph 1.4.
  if (field === 'classifiedBy' && reasonsLinePattern.test(entry.text)) return !/\b1\s?\.\s?[1-8]\b/.test(lines[lines.length - 1]!.text);
  // `… Reasons 1.4` / `(B) and (D).`: the letters of the reasons, not a paragraph marked `(B)`.
  if (field === 'classifiedBy' && /\b1\s?\.\s?[1-8]\s*$/.test(lines[lines.length - 1]!.text) && /^\s*\(\s?[a-hA-H]\s?\)/.test(entry.text))
    return true;
  // `REFTEL:` alone on its line, the list below it: `(A) 05 BRASILIA 598,` (or one unlettered `STATE 1234`).
  if (field === 'ref' && lines.length === 1 && labelOnlyPattern.test(lines[0]!.text)) {
    return firstRefItemPattern.test(entry.text) || (isCitationLine(entry.text) && unletteredCitationPattern.test(entry.text));
  }
  // `REF: (A) SAN JOSE 58` / `(B) SAN JOSE 1294`: the next item, not a paragraph marked `(B)`.
  if (
    field === 'ref' &&
    nextItemLength(
      entry.text,
      lines.map((line) => line.text),
    ) > 0 &&
    (!hasParagraphMarker(entry.text) || isCitationLine(entry.text))
  )
    return true;
  if (hasParagraphMarker(entry.text) || gluedNumberPattern.test(entry.text) || fieldBreakPattern.test(entry.text)) return false;
  if (field === 'tags') {
    const beforeField = next !== undefined && fieldOf(next.text) !== null;
    const previous = lines[lines.length - 1]!.text;
    return /,\s*$/.test(previous) || isCodeLine(entry.text, { beforeField, previous });
  }
  // `E.O. 12958:` / `N/A TAGS: …`: the declassification the label line left for the next.
  if (field === 'eo') return /\d{5}\s*[:;,]?\s*$/.test(lines[lines.length - 1]!.text) && /^\s*(?:N\/?A|OADR|X[1-8])\s*$/i.test(entry.text);
  return true;
}

/** The first item of a REF list: `(A) 05 BRASILIA 598`, `A. STATE 12`, `A) …`. */
const firstRefItemPattern = /^\s*¶?\s?(?:\(A\)|A[.)])\s*\S/;
const firstRefItemLabelPattern = /^\s*¶?\s?(?:\(A\)|A[.)])\s*/;
/** A citation without a letter: `STATE 123456`, `08 PARIS 567`, `SAN JOSE 0958`. */
const unletteredCitationPattern = /^\s*(?:'?\d{2,4}\s+)?[A-Z][A-Z .]{1,25}\s0*\d{1,6}\b/;
const anyCaseCitationPattern = /^\s*(?:'?\d{2,4}\s+)?[A-Za-z][A-Za-z .]{1,25}\s0*\d{1,6}\b/;

/**
 * A group of REF items after a blank line (`¶B. MANAMA 913` … `¶G. MANAMA 790`); one that opens
 * like a marked paragraph (`(B) SAN JOSE 1639`) only as the letter after the list's last one.
 */
function continuesRefList(group: Line[], refLines: Line[] | undefined): boolean {
  const first = group[0]!.text;
  // `… C) State 15111; and D)` / a blank line / `State 13716`: the rest of the item whose label ended the list's line.
  if (refLines !== undefined && danglingLabelPattern.test(refLines.at(-1)!.text) && isCitationLine(first)) {
    return anyCaseCitationPattern.test(first);
  }
  if (refLines === undefined || !isRefItem(first)) return false;
  if (group.length > 4 && !group.every((entry) => isRefItem(entry.text))) return false;
  if (!hasParagraphMarker(first)) return true;
  // `SUBJECT: … REF:` / a blank line / `(A) BUENOS AIRES 1115 (B) …`: the list below a label alone.
  if (refLines.every((line) => labelOnlyPattern.test(line.text)) && firstRefItemPattern.test(first)) {
    return unletteredCitationPattern.test(first.replace(firstRefItemLabelPattern, ''));
  }
  return (
    nextItemLength(
      first,
      refLines.map((line) => line.text),
    ) > 0 && isCitationLine(first)
  );
}

/** A citation is short and numbered (`(B) SAN JOSE 01639`); `(C) FCO Deputy Head … thanked` is a paragraph. */
function isCitationLine(text: string): boolean {
  return text.trim().length <= 60 && /\d/.test(text);
}

/** `REF: A. BRASILIA 1494 1. Summary. The IV …`, `REF: STATE 57598 (SBU) On June 10, …`: a paragraph glued to a field line. */
const gluedParagraphPattern =
  /\s(?=¶\s*\d{1,3}\.|\d{1,2}\.\s*\([A-Z]{1,4}(?:\/\/?[A-Z]{1,6})?\)|1\.\s+[A-Z][a-z]+\b|\((?:U|SBU|C|S|S\/NF|C\/NF)\)\s+[A-Z][a-z]+[ ,])/;

/**
 * A handling note or a `Classified by` glued to a field line: `REF: BRASILIA 2100 SENSITIVE BUT
 * UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY`, `REF: LA PAZ 1280 Classified by Deputy …`.
 */
const gluedNotePattern =
  /\s(?=(?:\((?:U|SBU)\)\s+)?(?:THIS|This) (?:CABLE|[Cc]able|MESSAGE|[Mm]essage|TELEGRAM|[Tt]elegram) (?:IS|is|CONTAINS|contains)\b|SENSITIVE[- ]BUT[- ]UNCLASSIFIED|Sensitive[- ][Bb]ut[- ][Uu]nclassified|Classified [Bb]y\b|CLASSIFIED BY\b)/;

/** A line with a glued paragraph or note split off, added to `lines`. */
function splitGluedParagraph(entry: Line, lines: Line[]): void {
  if (!/^\s*(?:REF|SUBJ|CLASSIFIED BY|¶?\s?[A-Z][.)]\s|\([A-Z]\)\s)/i.test(entry.text)) {
    lines.push(entry);
    return;
  }
  let text = entry.text;
  for (;;) {
    const note = matchFrom(gluedNotePattern, text);
    const paragraph = matchFrom(gluedParagraphPattern, text);
    const at = note >= 0 && (paragraph < 0 || note < paragraph) ? note : paragraph;
    // `SUBJECT: (U) Secretary Rice's …`: a marking right after the label opens the field's own text.
    if (at < 0 || labelOnlyPattern.test(text.slice(0, at))) break;
    lines.push({ text: text.slice(0, at), line: entry.line });
    text = text.slice(at + 1);
    // A paragraph runs to the end of the line; a note may be followed by more.
    if (at === paragraph) break;
  }
  lines.push({ text, line: entry.line });
}

/** A label with nothing after it: `SUBJECT:`, `REFTEL:`, `REFS`, `Classified By:`. */
const labelOnlyPattern = /^\s*(?:SUBJ(?:ECT)?|REF(?:S|TELS?|ERENCES?)?|CLASSIFIED\s+BY)\s*[:.]?\s*$/i;

/** Index of the pattern's first match at or after the eighth character, or -1. */
function matchFrom(pattern: RegExp, text: string): number {
  const match = pattern.exec(text.slice(8));
  return match ? match.index + 8 : -1;
}

/** The same without E.O., for a Classified By line (`… for E.O. 12958 reasons 1.4 (d)`). */
const gluedLabelAfterClassifiedPattern = new RegExp(String.raw`(?<=[^\s(])\s*(?=${gluedLabels})`, 'g');

/** The labels alone, for `hasGluedLabel`. */
const bareLabelWithOrderPattern = new RegExp(gluedLabelsWithOrder, 'g');
const bareLabelPattern = new RegExp(gluedLabels, 'g');

/**
 * A line's text before the first field label or handling note glued onto it, cut where the
 * preamble splits such a line (`… VILNIUS Classified By: …`, `… NEGOTIATIONS SENSITIVE BUT UNCLASSIFIED`).
 */
export function beforeGluedField(text: string): string {
  gluedLabelPattern.lastIndex = 0;
  const label = gluedLabelPattern.exec(text);
  const note = gluedNotePattern.exec(text);
  return text.slice(0, Math.min(label?.index ?? text.length, note?.index ?? text.length));
}

/** The parts of a line with labels glued into it, or null when it holds none. */
function splitGluedLabels(entry: Line): Line[] | null {
  if (!/E\.O\.|TAGS:|Tags:|SUBJ|Subject:|REF(?:S|TELS?)?:|Ref(?:s|tels?)?:|CLASSIFIED BY:|Classified By:/.test(entry.text)) return null;
  const isClassifiedBy = /^\s*Classified\s+By\b/i.test(entry.text);
  if (!hasGluedLabel(entry.text, isClassifiedBy ? bareLabelPattern : bareLabelWithOrderPattern)) return null;
  // Pushed one by one (not `filter` and `map`): the array is of the one kind the optimised caller expects.
  const parts: Line[] = [];
  for (const text of entry.text.split(isClassifiedBy ? gluedLabelAfterClassifiedPattern : gluedLabelPattern)) {
    if (text.trim()) parts.push({ text, line: entry.line });
  }
  return parts;
}

/**
 * Whether the glued-label pattern of these labels matches: a label after whitespace or nothing,
 * itself after a character other than `(`. The same test as the pattern's, the labels found first:
 * V8 searches a line for the labels far faster than it tries the lookbehind at every character.
 */
function hasGluedLabel(text: string, labels: RegExp): boolean {
  labels.lastIndex = 0;
  for (let match = labels.exec(text); match; match = labels.exec(text)) {
    let before = match.index;
    while (before > 0 && isSpace(text.charCodeAt(before - 1))) before--;
    if (before > 0 && text[before - 1] !== '(') return true;
    // Every place a label starts, as the lookahead tries them: one may start inside another.
    labels.lastIndex = match.index + 1;
  }
  return false;
}

/** One group of lines as blocks (heading, list items, table or paragraph), added to `blocks`. */
function toBlocks(group: Line[], blocks: Block[]): void {
  if (group[0]!.isSectionHeader) {
    blocks.push({ type: 'lines', lines: group.map((entry) => collapse(entry.text)), line: group[0]!.line });
    return;
  }
  // The group's own blocks start here: titles split over two rules are joined among them only.
  const start = blocks.length;
  let pending: Line[] = [];
  const flush = (): void => {
    if (pending.length > 0) proseBlocks(pending, blocks);
    pending = [];
  };
  // Each line is tested once, though it is asked about as the line under a heading and as a line.
  // Filled by a loop, not `map`, so every group's array is of one kind, as the optimised code expects.
  const isUnderline: boolean[] = [];
  for (const entry of group) isUnderline.push(isUnderlineText(entry.text));
  let headings = 0;
  for (let index = 0; index < group.length; index++) {
    const entry = group[index]!;
    if (
      index + 1 < group.length &&
      isUnderline[index + 1] &&
      !isUnderline[index] &&
      entry.text.trim().length <= 100 &&
      // A heading says something: not a rule the release broke in two (`----- ------` / `--------`).
      /[A-Za-z0-9]/.test(entry.text) &&
      // A numbered paragraph over a rule (`¶3. (S) The War Economy is Failing` / `-----`) keeps its number's link.
      !/^\s*¶?\s?\d{1,3}\s?\./.test(entry.text) &&
      // Nor the last row of an indented table, over the rule above its total (`   Leader: …` / `-----`).
      !(/^\s{2,}\S/.test(entry.text) && /^\s{2,}\S/.test(pending.at(-1)?.text ?? '')) &&
      // Nor a row over a column's rule, set far right (`… 168` / `Leader: …` / `            ----`).
      !columnRulePattern.test(group[index + 1]!.text) &&
      // Nor a table's last row over the rule above its source or total (`2007 3038` / `2008 6380` / `-----`).
      !(isFigureRow(entry.text) && isFigureRow(pending.at(-1)?.text ?? '')) &&
      // Nor a field over the rule above a heading (`Classified By: …` / `-----` / `SUMMARY` / `-----`).
      fieldOf(entry.text) === null &&
      !endsParagraph(group, index)
    ) {
      // A title over two lines between rules (`Proposal 1: Semillas- Reduction of …` / `Project`): one heading.
      const above = isTitleAbove(isUnderline, index, pending) ? pending.pop()! : null;
      flush();
      const text = above === null ? entry.text : `${above.text} ${entry.text}`;
      blocks.push({ type: 'heading', text: collapse(text), line: (above ?? entry).line });
      headings++;
      index++;
    } else if (isUnderline[index] && !(pending.length > 0 && columnRulePattern.test(entry.text))) {
      // A rule under a column, set far right, is a line of the table it ends (its total below it).
      flush();
      blocks.push({ type: 'break', line: entry.line });
    } else {
      pending.push(entry);
    }
  }
  flush();
  // Only a group with two headings or more can hold a split title.
  if (headings > 1) joinSplitTitles(blocks, start);
}

/**
 * A title the cable set over two underlined lines (`Minister of Economy, Finance and` / `-----` /
 * `Employment -- Jean Louis Borloo` / `-----`): one heading, when the first stops mid-phrase or the
 * second goes on from it (`and Research ) Valerie Pecresse`, `) Roselyn Bachelot`).
 */
function joinSplitTitles(blocks: Block[], start: number): void {
  // Blocks are kept in place, from `start`, up to `end`.
  let end = start;
  for (let at = start; at < blocks.length; at++) {
    const block = blocks[at]!;
    const last = end > start ? blocks[end - 1] : undefined;
    if (block.type === 'heading' && last?.type === 'heading' && continuesTitle(last.text, block.text)) {
      blocks[end - 1] = { ...last, text: `${last.text} ${block.text}` };
    } else blocks[end++] = block;
  }
  blocks.length = end;
}

function continuesTitle(first: string, second: string): boolean {
  const opened = (first.match(/\(/g)?.length ?? 0) > (first.match(/\)/g)?.length ?? 0);
  return opened || unfinishedTitlePattern.test(first) || /^(?:[a-z]|\)|(?:and|or|of|AND|OR|OF)\s)/.test(second);
}

/** A title that stops mid-phrase: on a comma, a joining word or a possessive (`… BEING FRANCE'S`). */
const unfinishedTitlePattern = /(?:[,&/]|\b(?:and|or|of|the|for|to|in|with|AND|OR|OF|THE|FOR|TO|IN|WITH)|['’]S)$/;

/**
 * A short line of a table that holds a figure and ends no sentence: `2008 6380`, `Other 9 (2.9)
 * Unavailable`; not a range or a code among words (`1964-66 Central Foreign Policy File`, `File: POL 33-4 ARG`).
 */
function isFigureRow(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 60 && figurePattern.test(trimmed) && !/[.;:!?,]$/.test(trimmed) && !hasParagraphMarker(trimmed);
}

/**
 * Three short rows or more, each a label and its figures with single spaces between (`2005 1855`,
 * `Police 120 (38.0) 305 (58.4)`): a table whose columns the release did not align, kept line for line.
 */
/** A number standing alone: `6380`, `10,418`, the `2.9` of `(2.9)`; not `33-4` or `Q107`. */
const figurePattern = /(?<![\w.-])\d[\d,.]*(?![\w-])/;

function isFigureList(lines: Line[]): boolean {
  if (lines.length < 3) return false;
  let unended = 0;
  for (const { text } of lines) {
    const trimmed = text.trim();
    if (trimmed.length > 40 || !trimmed.includes(' ') || !isFigureRow(trimmed)) return false;
    if (!/[\d)%]$/.test(trimmed)) unended++;
  }
  return unended <= 1;
}

/** A rule set far right, under one column of a table (`            ----` over its total). */
const columnRulePattern = /^\s{8,}[-=]/;

/** Whether the one line read since a rule above the heading at `index` is the first line of its title. */
function isTitleAbove(isUnderline: boolean[], index: number, pending: Line[]): boolean {
  if (pending.length !== 1) return false;
  const above = index - 2;
  const text = pending[0]!.text.trim();
  return (
    above >= 0 &&
    isUnderline[above] === true &&
    text.length <= 80 &&
    /[A-Za-z]/.test(text) &&
    !/[.;!?]["”')]*$/.test(text) &&
    !hasParagraphMarker(text)
  );
}

/**
 * Whether a line over a rule is the last line of a paragraph, the rule being the one over the
 * next heading (`… he added.` / `------` / `Persian LNG: No Final Decision` / `------`): a line
 * under another that ends a sentence or a clause, or goes on in lower case, is no heading.
 */
function endsParagraph(group: Line[], index: number): boolean {
  if (index === 0 || group[index - 1]!.text.trim() === '' || isUnderlineText(group[index - 1]!.text)) return false;
  const text = group[index]!.text.trim();
  // `… See Paris Points, November 13, 2009.  END NOTE.)`: a sentence's end inside its brackets or quotes too.
  return (/[.;,]["”')]*$/.test(text) && !/\.{2,}$/.test(text)) || /^[a-z(]|^--/.test(text);
}

/** Lines without headings as a table, or paragraphs and list items, added to `blocks`. */
function proseBlocks(lines: Line[], blocks: Block[]): void {
  const first = lines[0]!;
  const shape = lines.length < 2 ? { isTable: isOneLineTable(first.text), isTableAfterFirst: false } : tableShape(lines);
  // Sentences after sentences are a paragraph, whatever gaps its lines hold (`were  making a heavy …`).
  if (shape.isTable && lines.length >= 2 && isProse(joinTexts(lines))) shape.isTable = false;
  if (shape.isTable || isFigureList(lines)) {
    blocks.push({ type: 'table', lines: lines.map((entry) => entry.text), line: first.line });
    return;
  }
  if (shape.isTableAfterFirst && !isOneLineTable(first.text)) {
    proseBlocks([first], blocks);
    blocks.push({ type: 'table', lines: lines.slice(1).map((entry) => entry.text), line: lines[1]!.line });
    return;
  }
  if (isAddressBlock(lines)) {
    blocks.push({ type: 'lines', lines: lines.map((entry) => collapse(entry.text)), line: first.line });
    return;
  }
  let current: Line[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const text = joinLines(current);
    const line = current[0]!.line;
    blocks.push(
      hasListMarker(current[0]!.text)
        ? { type: 'list', items: [{ text: text.replace(/^(?:-{1,2}|\*|•|o)\s+/, ''), line }], line }
        : { type: 'paragraph', text, line },
    );
    current = [];
  };
  for (const entry of lines) {
    const opens = current.length > 0 && (hasListMarker(entry.text) || hasParagraphMarker(entry.text));
    if (opens && goesOnFrom(current[current.length - 1]!.text, entry.text)) {
      // `… the December` / `¶2005.`: a date the release took for a paragraph number, its ¶ dropped.
      current.push(entry.text.includes('¶') ? { text: entry.text.replace(/^(\s*)¶\s?/, '$1'), line: entry.line } : entry);
      continue;
    }
    if (opens) flush();
    current.push(entry);
  }
  flush();
}

/**
 * Whether a line that looks like it opens a paragraph or an item goes on the sentence above
 * instead: under a wrapped line that stops mid-sentence, an amount (`342.5 million`), a dash
 * going on in lower case (`-- in the Middle East`), or a year or day after a month (`¶2005.`).
 */
function goesOnFrom(before: string, text: string): boolean {
  // `Reasons:` / `1.4 (b) and (d).`: the reasons of a Classified By line, no paragraph 1.4.
  if (reasonsStartPattern.test(text)) return true;
  if (before.length < 30 || sentenceEndCodes.has(before.charCodeAt(before.length - 1))) return false;
  return (
    decimalStartPattern.test(text) ||
    lowerCaseItemPattern.test(text) ||
    (monthEndPattern.test(before) && dayOrYearPattern.test(text)) ||
    (functionWordEndPattern.test(before) && !markedParagraphPattern.test(text))
  );
}

const reasonsStartPattern = /^\s*1\s?\.\s?[1-8]\s?\(\s?[a-hA-H]\s?\)/;

/** A line ending on a word no sentence ends on: `of`, `the`, `and` … */
const functionWordEndPattern = /\s(?:of|the|a|an|and|or|to|in|for|with|on|at|by|from|that|OF|THE|AND|TO|IN|FOR|WITH|ON|AT|BY|FROM)$/;

/** A numbered paragraph with its marking: `12. (C)`, `¶3. (SBU)`. */
const markedParagraphPattern = new RegExp(String.raw`^\s*¶?\s?\d{1,3}\s?\.\s?\(${paragraphMarking}\)`);

/** A day or a year, not a paragraph with its marking (`¶2. (C) …`). */
const dayOrYearPattern = new RegExp(String.raw`^\s*¶?\s?\d{1,4}\b(?!\s?\.?\s*\(${paragraphMarking}\))`);

const decimalStartPattern = /^\s*\d{1,3}\.\d/;
const lowerCaseItemPattern = /^\s*-{1,2}\s+[a-z]/;
const monthEndPattern =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/i;

/** `STATE FOR EUR/RPM` / `PASS TO USTR`: distribution lines, kept line by line. */
function isAddressBlock(lines: Line[]): boolean {
  const first = lines[0]!.text;
  // The first line is told first: in upper case, as most paragraphs of the later cables are not.
  if (/[a-z]/.test(first) || !/^\s*[A-Z]/.test(first) || hasParagraphMarker(first) || lines.some((entry) => entry.text.length > 80))
    return false;
  const addressed = lines.filter((entry) => /^\s*(?:[A-Z][A-Z0-9/&.,'() -]*\s)?(?:ALSO\s+)?(?:FOR|PASS)\b/.test(entry.text)).length;
  return addressed > 0 && addressed * 2 >= lines.length;
}

/** A column gap: two or more spaces not following sentence punctuation, or three or more. */
const columnGapPattern = /(?:[^\s.?!:;,"')]\s{2,}|\s{3,})\S/;

/** Four spaces in a row: a search V8 runs faster as a pattern than as `includes`. */
const fourSpacesPattern = / {4}/;

/** A gap of four spaces or more between two words; global, so two tests in a row find two gaps. */
const wideGapPattern = /\S {4,}(?=\S)/g;

/** One line with two wide gaps between words. Most paragraphs have no run of four spaces. */
function isOneLineTable(text: string): boolean {
  if (!fourSpacesPattern.test(text)) return false;
  wideGapPattern.lastIndex = 0;
  return wideGapPattern.test(text) && wideGapPattern.test(text) && !isProse(text);
}

/**
 * Sentences: a paragraph on one line (`¶2. (C) The composition of … in Chile.  Most …`) or over
 * lines with double spaces, gaps or not. Most of its words are in lower case, and a sentence ends
 * inside it; a table's cells are names and numbers.
 */
function isProse(text: string): boolean {
  if (text.length < 160 || !sentenceBreakPattern.test(text)) return false;
  const words = text.split(' ').filter((word) => word !== '');
  let lower = 0;
  for (const word of words) if (word.charCodeAt(0) >= 97 && word.charCodeAt(0) <= 122) lower++;
  return words.length >= 25 && lower * 2 >= words.length;
}

const sentenceBreakPattern = /[a-z0-9)"”'][.!?]["”')]?\s+["“(]?[A-Z]/;

/**
 * Whether two or more lines are a table: aligned columns on most lines, or all of them short
 * and indented. Asked of a paragraph and of its lines after the first (a caption over a table),
 * in one pass that reads each line once and stops once neither can still be a table.
 */
function tableShape(lines: Line[]): { isTable: boolean; isTableAfterFirst: boolean } {
  const whole = tally(lines.length);
  const afterFirst = tally(lines.length > 2 ? lines.length - 1 : 0);
  for (let index = 0; index < lines.length && (whole.isPossible || afterFirst.isPossible); index++) {
    const text = lines[index]!.text;
    const isColumned = text.length <= 100 && text.includes('  ') && columnGapPattern.test(isSpace(text.charCodeAt(0)) ? text.trim() : text);
    const isIndented = isSpace(text.charCodeAt(0)) && /^\s{4,}\S/.test(text);
    count(whole, index, isColumned, isIndented, text.length >= 60);
    if (index > 0) count(afterFirst, index - 1, isColumned, isIndented, text.length >= 60);
  }
  return { isTable: isTableTally(whole), isTableAfterFirst: isTableTally(afterFirst) };
}

/** The lines of a would-be table read so far. */
interface TableTally {
  size: number;
  columned: number;
  indented: number;
  short: boolean;
  isPossible: boolean;
}

/** A tally of `size` lines; none when the table would have fewer than two. */
function tally(size: number): TableTally {
  return { size, columned: 0, indented: 0, short: true, isPossible: size >= 2 };
}

/** Counts the table's line `index`, and says when the lines can no longer be either kind of table. */
function count(table: TableTally, index: number, isColumned: boolean, isIndented: boolean, isLong: boolean): void {
  if (!table.isPossible) return;
  if (isColumned) table.columned++;
  if (isIndented) table.indented++;
  if (isLong) table.short = false;
  const left = table.size - index - 1;
  const mayBeColumns = table.columned + left >= 2 && (table.columned + left) * 2 >= table.size;
  if (!mayBeColumns && !(table.short && table.indented === index + 1)) table.isPossible = false;
}

function isTableTally(table: TableTally): boolean {
  const { size, columned, indented, short } = table;
  return table.isPossible && ((columned >= 2 && columned * 2 >= size) || (indented === size && short));
}

/** `Scott` on the last line of the last paragraph is the signature. */
function attachSignature(blocks: Block[]): Block[] {
  const last = blocks[blocks.length - 1];
  if (last?.type !== 'paragraph') return blocks;
  // Only the end can hold it: a name of up to 40 characters after the last sentence.
  const tailStart = Math.max(0, last.text.length - 200);
  const match = /^(.*[.!?"')\]:]\s+)([A-Z][A-Za-z.'-]+(?:[ /][A-Z][A-Za-z.'-]+){0,3})$/.exec(last.text.slice(tailStart));
  if (match && match[2]!.length <= 40 && !/^(?:NNNN|BT|END)$/i.test(match[2]!)) {
    // `… Classified Website: XXXXXXXXXXXX TUTTLE`: the redaction ends the text, the name signs it.
    const redaction = /^(?:X{4,}\s+)+/.exec(match[2]!)?.[0] ?? '';
    if (match[2]!.length > redaction.length) {
      return [
        ...blocks.slice(0, -1),
        { type: 'paragraph', text: `${last.text.slice(0, tailStart + match[1]!.length)}${redaction}`.trimEnd(), line: last.line },
        { type: 'signature', text: match[2]!.slice(redaction.length), line: last.line },
      ];
    }
  }
  if (/^[A-Z][A-Za-z.'-]+(?:[ /][A-Z][A-Za-z.'-]+){0,3}$/.test(last.text) && last.text.length <= 40 && blocks.length > 1) {
    return [...blocks.slice(0, -1), { type: 'signature', text: last.text, line: last.line }];
  }
  return blocks;
}

/**
 * The signature the signer field names, set apart from the text it was run into when the body's
 * own test missed it: junk after the name (`… measures. AGUIRRE / / / / / /`, `DIBBLE "`), an end
 * marker below (`… table. WOOD` / `=====CABLE ENDS=====`), no full stop before it (`… portal BALLARD`).
 */
export function setApartSignature(blocks: Block[], signers: readonly string[]): Block[] {
  if (signers.length === 0 || blocks.some((block) => block.type === 'signature')) return blocks;
  const name = signers.join(' ');
  for (let at = blocks.length - 1; at >= Math.max(0, blocks.length - 3); at--) {
    const block = blocks[at]!;
    if (block.type !== 'paragraph') continue;
    const end = withoutTrailingMarks(block.text);
    if (!end.endsWith(name)) continue;
    // The name alone, an end marker below it (`LLORENS` / `=====CABLE ENDS=====`).
    if (end.length === name.length)
      return blocks.map((other) => (other === block ? { type: 'signature', text: name, line: block.line } : other));
    const before = end.slice(0, -name.length);
    // The name as a word of its own, after a space.
    if (!/\s$/.test(before)) continue;
    return [
      ...blocks.slice(0, at),
      { ...block, text: before.trimEnd() },
      { type: 'signature', text: name, line: block.line },
      ...blocks.slice(at + 1),
    ];
  }
  return blocks;
}

/**
 * The text without the blanks, slashes, backslashes, quotes, dots and commas it ends with: read
 * backwards, where `replace(/[\s/\\"'“”.,]*$/, '')` tries its pattern at every character.
 */
function withoutTrailingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && isTrailingMark(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

const trailingMarkCodes: ReadonlySet<number> = new Set([...'/\\"\'“”.,'].map((char) => char.charCodeAt(0)));
const isTrailingMark = (code: number): boolean => isSpace(code) || trailingMarkCodes.has(code);

/**
 * A title on a line of its own with no underline, over a numbered paragraph (`OVERVIEW`,
 * `POLITICAL CONTEXT`, `Visit overview` / `¶3. (C) …`), is the heading it reads as: short, no
 * sentence end, upper case or a capital first.
 */
function promoteTitles(blocks: Block[]): Block[] {
  let out: Block[] | null = null;
  for (let at = 0; at + 1 < blocks.length; at++) {
    const block = blocks[at]!;
    const next = blocks[at + 1]!;
    if (block.type !== 'paragraph' || next.type !== 'paragraph' || !isTitle(block.text) || !hasParagraphMarker(next.text)) continue;
    out ??= [...blocks];
    out[at] = { type: 'heading', text: block.text, line: block.line };
  }
  return out ?? blocks;
}

function isTitle(text: string): boolean {
  if (text.length > 60 || text.length < 3 || !/^[A-Z]/.test(text) || /[.,;:!"'”)\]-]$/.test(text) || tagLinePattern.test(text))
    return false;
  if (hasParagraphMarker(text) || /^X+$/.test(text) || !/[A-Za-z]{3}/.test(text) || notTitlePattern.test(text)) return false;
  // A title's words: upper case, or at most six of them in sentence case (`Visit overview`).
  return !/[a-z]/.test(text) || text.split(' ').length <= 6;
}

/** `EFIN, ECON, EINV, PGOV, CH`: tag codes, no title. */
const tagLinePattern = /^(?:[A-Z]{2,5},\s*)+[A-Z]{2,5}$/;

/** Short lines that are no titles: addresses (`WHA/CEN`), caveats, page headers, spaced-out banners, rules. */
const notTitlePattern =
  /[/_\\]|\d{4}|\b(?:UNCLASSIFIED|CLASSIFIED|CONFIDENTIAL|SECRET|SENSITIVE|PROTECT|SIPDIS|NOFORN|AIDAC|PAGE|FOR|PASS|REFS?)\b|\b[A-Z] [A-Z] [A-Z]\b/;

/** List items of consecutive groups form one list. */
function mergeLists(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    if (block.type === 'list' && previous?.type === 'list') {
      out[out.length - 1] = { ...previous, items: [...previous.items, ...block.items] };
    } else {
      out.push(block);
    }
  }
  return out;
}

/** Whitespace runs as one space, trimmed. */
function collapse(text: string): string {
  return collapseSpaces(text).trim();
}

/** The lines' texts joined by spaces: `map` and `join` would make an array whose kind varies, which throws the optimised code away. */
function joinTexts(lines: Line[]): string {
  let text = lines[0]!.text;
  for (let index = 1; index < lines.length; index++) text += ` ${lines[index]!.text}`;
  return text;
}

/** The lines as one paragraph's text: each line's blanks at either end fall into the runs `collapse` makes one space, so no line is trimmed. */
function joinLines(lines: Line[]): string {
  return collapse(joinTexts(lines));
}
