/**
 * The body's lines made ready to be grouped, before anything is read from them: a CSV dump's
 * escapes and doubled quotes and tabs undone, headings the release set with dashes or slashes on the line of their
 * text put on lines of their own, numbered paragraphs run into one line split apart, and a
 * double-spaced body's doubling undone.
 */
import type { Line } from './header.ts';
import { codeAt, isDigit, textStart, withSingleQuotes } from './text.ts';

/** Characters a sentence or a clause may end with: `.`, `!`, `?`, `:`, `;`, quotes, brackets. */
export const sentenceEndCodes: ReadonlySet<number> = new Set([...'.!?:;"\')]”’'].map((char) => char.charCodeAt(0)));

/**
 * Lines escaped for a CSV dump end in `\`, and its quotes are doubled; tabs become spaces; then, in one pass, an underline glued
 * to a paragraph, run-in paragraphs and headings set with dashes or slashes each get lines of their own.
 */
export function normalizeLines(lines: Line[]): Line[] {
  let escapedCount = 0;
  // The last character read by its code (`endsWith` costs more), and only of a line that has one: a read
  // past the end makes the optimised code start over. The same holds for the other tests on every line.
  for (const { text } of lines) if (text.length > 0 && text.charCodeAt(text.length - 1) === 92) escapedCount++;
  const escaped = escapedCount > lines.length / 4;
  const out: Line[] = [];
  for (const entry of lines) {
    let text = escaped ? entry.text.replace(/\s*\\$/, '') : entry.text;
    if (text.includes('\t')) text = text.replace(/\t/g, '    ');
    // A CSV dump doubles every quote (`an ""open mind""`, 330 cables): one quote, as written.
    text = withSingleQuotes(text);
    text = text.trimEnd();
    const line = text === entry.text ? entry : { text, line: entry.line };
    if (hasGluedUnderline(line)) for (const part of splitGluedUnderline(line)) addRunIn(out, part);
    else addRunIn(out, line);
  }
  return out;
}

/**
 * Run-in paragraphs split before headings are looked for: one may follow a heading set with dashes
 * (`… internet. Government Coordination of Assistance ------- 5. (C) During …`), which is then a line of its own.
 */
function addRunIn(out: Line[], entry: Line): void {
  if (hasRunInParagraph(entry)) for (const part of splitRunInParagraphs(entry)) addNumbered(out, part);
  else addNumbered(out, entry);
}

function addNumbered(out: Line[], entry: Line): void {
  const parts = splitNumberedRunIns(entry);
  if (parts) for (const part of parts) addTitled(out, part);
  else addTitled(out, entry);
}

/** A number after a sentence or a colon, as a list's items are run in. */
const otherNumberPattern = /[.!?:"'”),][ \t]+\d{1,2}[ \t]?\.[ \t]+["“(]?[A-Z]/;

/** A line that opens with its paragraph's number: `6. Pomar, a …`, `¶12. In this …`. */
const numberedLinePattern = /^[ \t]*¶?[ \t]?(\d{1,2})[ \t]?\.[ \t]/;

/**
 * `5. … the current 15-17. 6. In this new setting, …`: paragraphs without a marking run into one
 * line, split where the next number in order follows a sentence, so each gets its link. Only the
 * next number counts (`… in paragraph 5. 2. Summary:` after `1.`), which no sentence's own
 * numbers are likely to be. Null when the line holds none.
 */
function splitNumberedRunIns(entry: Line): Line[] | null {
  const { text } = entry;
  if (text.length < 80) return null;
  // The number opens the line, or a blank or `¶` before it: most long lines open with a letter.
  const initial = text.charCodeAt(0);
  if (!(isDigit(initial) || isBlankCode(initial) || initial === 0xb6)) return null;
  const first = numberedLinePattern.exec(text);
  if (!first) return null;
  // Made only for a line that holds a run-in: an array filled on a few lines only would change kind under the optimised code.
  let lines: Line[] | null = null;
  let from = 0;
  let at = first[0].length;
  for (let number = Number(first[1]) + 1; ; number++) {
    const found = nextNumberAfterSentence(text, String(number), at);
    // Numbers of a list quoted inside the paragraph (`Mr. Chairman, 1. I have the honour … 2. The
    // European Union …`) before it: the paragraph's own numbers are not being followed.
    if (!found || otherNumberPattern.test(text.slice(at, found.sentenceEnd))) break;
    lines ??= [];
    lines.push({ text: text.slice(from, found.sentenceEnd), line: entry.line }, { text: '', line: entry.line });
    from = found.start;
    at = found.start + 2;
  }
  if (lines === null) return null;
  lines.push({ text: text.slice(from), line: entry.line });
  return lines;
}

/** Characters a sentence ends with before a run-in number: `.`, `!`, `?`, quotes, a bracket. */
const runInEndCodes: ReadonlySet<number> = new Set([...'.!?"\')”'].map((char) => char.charCodeAt(0)));

/**
 * The next `number` at or after `from` that follows a sentence and opens a paragraph (`… 15-17.
 * 7. In this …`, `¶7.`): where the sentence ends (after its mark) and where the paragraph starts.
 * Read by hand, not by a pattern made for each number: most lines hold the digits elsewhere.
 */
function nextNumberAfterSentence(text: string, number: string, from: number): { sentenceEnd: number; start: number } | null {
  for (let at = text.indexOf(number, from); at >= 0; at = text.indexOf(number, at + 1)) {
    const start = codeAt(text, at - 1) === 0xb6 ? at - 1 : at;
    let end = start;
    while (isBlankCode(codeAt(text, end - 1))) end--;
    if (end === start || !runInEndCodes.has(codeAt(text, end - 1))) continue;
    let next = at + number.length;
    if (isBlankCode(codeAt(text, next))) next++;
    if (codeAt(text, next) !== 46) continue;
    const blanks = ++next;
    while (isBlankCode(codeAt(text, next))) next++;
    if (next === blanks) continue;
    const opening = codeAt(text, next);
    if (opening === 34 || opening === 0x201c || opening === 40) next++;
    const capital = codeAt(text, next);
    if (capital >= 65 && capital <= 90) return { sentenceEnd: end, start };
  }
  return null;
}

function addTitled(out: Line[], entry: Line): void {
  if (hasTitle(entry)) out.push(...splitTitle(entry));
  else out.push(entry);
}

/** A paragraph's marking inside its brackets, as the run-in and paragraph tests read it: `U`, `SBU`, `C/NF`, `S//NF`. */
export const paragraphMarking = String.raw`(?:U|C|S|SBU|TS|C\/NF|S\/NF|SBU\/NF|C\/\/NF|S\/\/NF)`;

/** A paragraph's marking after its `(`: `U)`, `C)`, `SBU)`, `C/NF)`. */
const markingPattern = new RegExp(String.raw`${paragraphMarking}\)`, 'y');

/**
 * Where the next run-in paragraph starts at or after `from` (the spaces before its number), or -1:
 * read back from each `(` that opens a marking, as most lines hold no `(` and a pattern over every line costs.
 */
function nextRunIn(text: string, from: number): number {
  for (let open = text.indexOf('(', from); open >= 0; open = text.indexOf('(', open + 1)) {
    markingPattern.lastIndex = open + 1;
    if (!markingPattern.test(text)) continue;
    let at = open;
    // `16. (SBU)`, `6.  (SBU)`: a blank or a few between the number's dot and the marking.
    // Each read is of a character of the line (`at > 0`): one before its start makes the optimised code start over.
    for (let blanks = 0; blanks < 3 && at > 0 && isBlankCode(text.charCodeAt(at - 1)); blanks++) at--;
    if (at === 0 || text.charCodeAt(at - 1) !== 46) continue;
    at--;
    if (at > 0 && isBlankCode(text.charCodeAt(at - 1))) at--;
    let digits = 0;
    while (digits < 3 && at > 0 && isDigit(text.charCodeAt(at - 1))) {
      at--;
      digits++;
    }
    // A paragraph's own number at the start of the line (`1. (C) …`, most markings) follows no sentence.
    if (digits === 0 || digits > 2 || at === 0) continue;
    let before = at;
    while (before > 0 && isBlankCode(text.charCodeAt(before - 1))) before--;
    if (before === at || before === 0) continue;
    // After a sentence, after the dashes of a heading (`… Assistance ------- 5. (C)`), or after a page
    // break the release ran into the line (`… fizzled.   TRIPOLI 00000764  002 OF 002   7. (SBU)`).
    const previous = text.charCodeAt(before - 1);
    if (
      !(
        sentenceEndCodes.has(previous) ||
        (previous === 45 && text.startsWith('---', before - 3)) ||
        (isDigit(previous) && pageCountPattern.test(text.slice(Math.max(0, before - 12), before)))
      )
    )
      continue;
    return before;
  }
  return -1;
}

const isBlankCode = (code: number): boolean => code === 32 || code === 9;

/** The end of a page break's count: `002 OF 002`, `001.2 OF 003`. */
const pageCountPattern = /\d{3}(?:\.\d)?\s+(?:OF|of)\s+\d{3}$/;

/**
 * `… by the end of 2010. 16. (SBU) Yusufov and …`: numbered paragraphs the release ran into one
 * line (in 210 cables, whole bodies on one line), split where a number with its marking follows a
 * sentence, so each is a paragraph of its own with its link.
 */
const hasRunInParagraph = ({ text }: Line): boolean => text.length > 40 && nextRunIn(text, 0) >= 0;

function splitRunInParagraphs(entry: Line): Line[] {
  const lines: Line[] = [];
  let from = 0;
  // The next search starts after this paragraph's `(`, the first after its start.
  for (let start = nextRunIn(entry.text, 0); start >= 0; start = nextRunIn(entry.text, entry.text.indexOf('(', start) + 1)) {
    lines.push({ text: entry.text.slice(from, start), line: entry.line }, { text: '', line: entry.line });
    from = start;
  }
  lines.push({ text: entry.text.slice(from).trimStart(), line: entry.line });
  return lines;
}

/**
 * Headings the release set with dashes on the line of their text: between dashes
 * (`---------- LULA: ALCKMIN WILL PRIVATIZE ----------`), before them (`WHAT'S UP, COMRADE? ----`),
 * after them at the end of a paragraph (`… welcomed. ---- FURTHER CBB VIGILANCE URGED`), or either
 * glued to the end of a paragraph (`… shares in it. ------- Comment -------`, 09CAIRO2292) or to the
 * start of the next (`COMMENT - PT NOW A HOSTAGE? ----- 12. (C) Pundits …`). Each is set on a line of
 * its own over an underline, as the heading it is; the text before and after it keeps its lines.
 */
/** The dashes after a title, a rule the release may have broken with spaces (`----- -----------`). */
const rule = String.raw`-{4,}(?:[ \t]-+)*`;

const dashedTitlePatterns: readonly RegExp[] = [
  // Between dashes, at the end of the line (alone, or after a paragraph's text); not the
  // release's `----------------- header ends ----------------` after a copy of the routing block.
  new RegExp(String.raw`(?:^|\s)-{4,}[ \t]+(?<title>(?!ZFR\b|header ends\b)[^\s-](?:[^-]|-(?!-)){0,78}?)[ \t]+${rule}[ \t]*$`),
  // Before dashes: the whole line, or with a numbered paragraph after it.
  // The line holds nothing else, so its title may hold a dash pair, dots or a colon (`DINIZ'S ONGOING
  // CORRUPTION -- US FIRM NAMED ------`, `WINNERS... -----`, `...AND LOSERS ----`, `COMMENT: ------`).
  // Not an end marker, a field, a caveat or a numbered paragraph's first line (`¶3. (C) THREE-STAGE TALKS …`).
  new RegExp(
    String.raw`^[ \t]*(?<title>(?!ZFR\b|END\b|End\b|Classified\b|CLASSIFIED\b|SENSITIVE\b|[IVX]{1,4}\.|\d)[A-Z"“.](?:[^-]|-(?!-)|--(?![-\s]*$)){1,78}?[^\s,;-])[ \t]+${rule}[ \t]*(?:$|(?=\d{1,2}[ \t]?\.[ \t]?\())`,
  ),
  // After dashes, ending a paragraph's line: the title holds no sentence's end, and is no end
  // marker (`END SUMMARY …`) or release filler (`ZFR`).
  /(?<=[.!?"”)])[ \t]+-{4,}[ \t]+(?<title>(?!END\s|End\s|ZFR\b)[A-Z](?:[^-.!?]|-(?!-)|[.!?](?!\s)){1,78}?[^\s.,;:-])[ \t]*$/,
  // Before dashes, ending a paragraph's line (its next paragraph split off above); not after an
  // initial (`Ambassador Gregory L. Schulte for reasons 1.4 b,d and h Summary --------`).
  new RegExp(
    String.raw`(?<=[.!?"”)])(?<!\s[A-Z]\.)[ \t]+(?<title>(?!END\s|End\s|ZFR\b)[A-Z](?:[^-.!?]|-(?!-)|[.!?](?!\s)){1,78}?[^\s.,;:-])[ \t]+${rule}[ \t]*$`,
  ),
  // A summary or comment heading before dashes at the end of any line (`… for reasons 1.4 b,d and h Summary --------`).
  new RegExp(
    String.raw`(?<=\S[ \t]+)(?<!\b(?:END|End|end)[ \t]+)(?<title>(?:SUMMARY|Summary|COMMENT|Comment)(?: and Comment| AND COMMENT)?)[ \t]+${rule}[ \t]*$`,
  ),
];

/** `//TURNING POINT//` on a line of its own (57 cables): a heading between slashes. */
const slashedTitlePattern = /^[ \t]*\/{2,}[ \t]*(?<title>(?!ZFR\b)[^/\s][^/]{1,78}?)[ \t]*\/{2,}$/;

const titlePatterns: readonly RegExp[] = [...dashedTitlePatterns, slashedTitlePattern];

/**
 * The patterns that can match a line: those whose rule ends it when it ends in a dash, else the
 * one with a title after its dashes and the one with a paragraph after its rule (most lines
 * with four dashes are prose, and the patterns' lookbehinds are tried at every character).
 */
const endingInRule = titlePatterns;
const notEndingInRule: readonly RegExp[] = [dashedTitlePatterns[1]!, dashedTitlePatterns[2]!, slashedTitlePattern];

function patternsFor(text: string): readonly RegExp[] {
  let end = text.length - 1;
  while (end >= 0 && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end--;
  return text.charCodeAt(end) === 45 ? endingInRule : notEndingInRule;
}

/** A line with four dashes in a row, or ending with a slash (one search each) before the patterns are tried. */
const hasTitle = ({ text }: Line): boolean =>
  (text.includes('----') &&
    !isRuleOnly(text) &&
    patternsFor(text).some((pattern) => pattern !== slashedTitlePattern && isTitle(pattern.exec(text)))) ||
  (text.length > 0 && text.charCodeAt(text.length - 1) === 47 && slashedTitlePattern.test(text));

/** A line of dashes and blanks only (an underline: most lines with four dashes), where no pattern finds a title. */
function isRuleOnly(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code !== 45 && !isBlankCode(code)) return false;
  }
  return true;
}

/**
 * A title found by a pattern, unless it holds three numbers in a row: then it is a table's row
 * that the release ran into one line with the table's rules (`---- Public Sector Net Debt 36.5
 * 37.2 38.3 (Percentage of GDP) ----`).
 */
function isTitle(match: RegExpExecArray | null): match is RegExpExecArray {
  if (match === null) return false;
  // A page break glued before the title (`MOSCOW 00000410 002 OF 002 Other Positive Steps`) goes later.
  const title = match.groups!.title!.replace(pageNumberPattern, '');
  return !numberRunPattern.test(title);
}

/** Three numbers in a row, a table's figures (`36.5 37.2 38.3`): not a title's (`$90 Barrel Oil for 2008; … $150`). */
const numberRunPattern = /(?<![\w.$])\d+(?:[.,]\d+)*(?:\s+\d+(?:[.,]\d+)*){2}(?![\w.])/;
const pageNumberPattern = /\d{5,}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}/g;

function splitTitle(entry: Line): Line[] {
  for (const pattern of patternsFor(entry.text)) {
    const match = pattern.exec(entry.text);
    if (!isTitle(match)) continue;
    const before = entry.text.slice(0, match.index);
    const after = entry.text.slice(match.index + match[0].length);
    const lines: Line[] =
      before.trim() === ''
        ? []
        : [
            { text: before, line: entry.line },
            { text: '', line: entry.line },
          ];
    lines.push({ text: match.groups!.title!, line: entry.line }, { text: '----', line: entry.line });
    if (after.trim() !== '') lines.push({ text: '', line: entry.line }, { text: after, line: entry.line });
    return lines;
  }
  return [entry];
}

/**
 * A double-spaced body (a release that doubled every line break: 27 Buenos Aires cables, 08TALLINN326):
 * from where the doubling starts, one blank line between two lines is the doubling and goes, and two
 * or more (a paragraph break, doubled) become one. Told by sentences going on in lower case after a
 * blank line after a wrapped line, on a fifth of the lines or more; the lines before the doubling (a routing
 * block) stay as they are.
 */
export function undoubleLines(lines: Line[]): Line[] {
  const start = doublingStart(lines);
  if (start < 0) return lines;
  const out = lines.slice(0, start);
  for (let at = start; at < lines.length; at++) {
    const entry = lines[at]!;
    if (entry.text !== '') {
      out.push(entry);
      continue;
    }
    let end = at;
    while (end + 1 < lines.length && lines[end + 1]!.text === '') end++;
    if (end > at || end === lines.length - 1) out.push(entry);
    at = end;
  }
  return out;
}

/** Where a double-spaced body's doubling starts (four lines in a row each followed by one blank line), or -1. */
function doublingStart(lines: Line[]): number {
  // Double-spaced, every other line is blank: a body with far fewer blank lines is not.
  let blanks = 0;
  for (const entry of lines) if (entry.text === '') blanks++;
  if (blanks * 5 < lines.length * 2) return -1;
  let textLines = 0;
  let goesOn = 0;
  let long = 0;
  let adjacent = 0;
  for (let at = 0; at < lines.length; at++) {
    if (lines[at]!.text === '') continue;
    textLines++;
    if (lines[at]!.text.length > 80) long++;
    if (lines[at + 1]?.text) adjacent++;
    const next = lines[at + 2]?.text;
    // A wrapped line (a paragraph on one long line is no sign), the sentence going on below the blank.
    if (next !== undefined && lines[at]!.text.length <= 80 && lines[at + 1]!.text === '' && startsLowerCase(next)) goesOn++;
  }
  // Not double-spaced: paragraphs on long lines with blank lines between, or lines mostly one under
  // another (10BERLIN8, whose blank lines cut a few sentences).
  if (goesOn < 5 || goesOn * 5 < textLines || long * 20 > textLines || adjacent * 4 > goesOn) return -1;
  const isSingleSpaced = (at: number): boolean => lines[at]?.text !== '' && lines[at + 1]?.text === '' && lines[at + 2]?.text !== '';
  for (let at = 0; at + 8 < lines.length; at++) {
    if (isSingleSpaced(at) && isSingleSpaced(at + 2) && isSingleSpaced(at + 4) && isSingleSpaced(at + 6)) return at;
  }
  return -1;
}

/** Whether the line's first character other than a space is a lower-case letter (read without a pattern: it runs on most lines). */
export function startsLowerCase(text: string): boolean {
  const code = codeAt(text, textStart(text));
  return code >= 97 && code <= 122;
}

/** Most lines start with a letter: only a dash or a space can open a glued underline. */
const hasGluedUnderline = ({ text }: Line): boolean =>
  text.length > 0 && (text.charCodeAt(0) === 45 || text.charCodeAt(0) === 32) && gluedUnderlinePattern.test(text);

function splitGluedUnderline(entry: Line): Line[] {
  const underline = gluedUnderlinePattern.exec(entry.text);
  if (!underline) return [entry];
  return [
    { text: underline[0], line: entry.line },
    { text: entry.text.slice(underline[0].length), line: entry.line },
  ];
}

/** `-------- 1.  Ambassador visited …`: the underline of the heading above, then paragraph 1. */
const gluedUnderlinePattern = /^\s*-{3,}(?=\s+¶?\s?\d{1,3}\s?\.\s)/;
