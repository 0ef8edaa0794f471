/**
 * `parseCable`: one cable file's text → frontmatter, sectioned Markdown and messages.
 * Never throws on bad input: problems come back as messages with a place and a rule id.
 */

import type { Root } from 'mdast';
import { type Body, beforeGluedField, type FieldName, setApartSignature, splitBody } from './body.ts';
import { parseClassification } from './classified-by.ts';
import { parseDeclassification, parseSigners, parseSubject, parseSummary, parseTags } from './fields.ts';
import { type DateTimeGroup, type Line, parseDateTimeGroup, parseRouting, splitEnvelope } from './header.ts';
import { serialize, toMdast } from './markdown.ts';
import { type Message, MessageList } from './messages.ts';
import { readMetadata } from './metadata.ts';
import { removeGluedPageNumbers } from './page-breaks.ts';
import { parseAddressees } from './recipients.ts';
import { parseReferences } from './references.ts';
import type { CableFrontmatter, Reference } from './schema.ts';
import { sectionBlocks } from './sections.ts';
import { canonicalizeId } from './stations.ts';
import type { TagCorrection } from './tags.ts';
import { collapseSpaces, isBlank, withSingleQuotes } from './text.ts';

export interface Cable {
  frontmatter: CableFrontmatter;
  /** The body as sectioned Markdown. */
  markdown: string;
  /** The same body as mdast, the tree the Markdown is serialized from; `renderCable` takes either. */
  tree: Root;
}

export interface ParseOptions {
  /** Path of the file, used in messages. */
  path: string;
}

export interface ParseResult {
  /** Null when a fatal problem keeps the file from becoming a page. */
  cable: Cable | null;
  messages: Message[];
}

export function parseCable(text: string, options: ParseOptions): ParseResult {
  if (typeof options?.path !== 'string') throw new TypeError('parseCable: options.path must be a string');
  const messages = new MessageList(options.path);
  const file = toLines(text);
  const lines = file.lines;
  const metadata = readMetadata(lines, messages);
  if (!metadata) return { cable: null, messages: messages.messages };

  // The telegram is the lines after the five of metadata.
  const isPartial = /^\s*This record is a partial extract/i.test(lines[5]?.text ?? '');
  const envelope = splitEnvelope(lines, 5);
  const hasText = envelope.body.some(holdsText);
  if (!envelope.banner && (hasText || envelope.header.some(holdsText))) {
    messages.warn('cable/no-banner', 'no classification banner found; the body starts at the first field or line', {
      line: envelope.body[0]?.line ?? 6,
    });
  }
  const body = splitBody(envelope.body);
  if (!hasText) {
    messages.warn(
      'cable/empty-body',
      'the cable has its five metadata lines but no text; its page shows the metadata only. Add the telegram text after line 5',
      {
        line: Math.min(lines.length, 6),
      },
    );
  }
  const headerText = textOf(envelope.header, file);
  const bodyText = textOf(envelope.body, file);
  // An e-mail export puts the banner above the routing block (09DOHA214): then the block opens the body.
  const inBody = hasRouting(envelope.header) ? [] : bodyRouting(envelope.body, body);
  const routingLines = inBody.length > 0 ? inBody : envelope.header;
  const routingText = inBody.length > 0 ? textOf(inBody, file) : null;
  const routing = parseRouting(routingLines);
  const canonicalId = canonicalizeId(metadata.id);
  const fields = (name: FieldName): string[] => fieldTexts(body, name, file);

  const tagFields = fields('tags');
  // Without a TAGS field in the body, a TAGS label anywhere (a run-together partial extract puts it in the header).
  const tagCorrections: TagCorrection[] = [];
  const tags =
    tagFields.length > 0 ? tagsOf(tagFields, tagCorrections) : parseTags(`${headerText}\n${bodyText}`, { corrections: tagCorrections });
  if (tagFields.length === 0) {
    if (hasText && tags.length === 0)
      messages.warn('cable/missing-tags', 'no TAGS line; the cable is listed under no tag', { line: envelope.body[0]?.line ?? 6 });
  } else if (tags.length === 0)
    messages.warn('cable/empty-tags', 'TAGS line has no codes; the cable is listed under no tag', { line: fieldLine(body, 'tags') });

  const subjectFields = fields('subject');
  // A bare `SUBJECT:` line (its text a blank line or two below, glued to REF) holds none: the text is read then.
  // A forwarding e-mail's `Subject:` above the telegram (`Subject: TRIPOLI 00000642 R CO 12-AUG-08 HANNIBAL …`) when the body has none.
  const bodySubject =
    (subjectFields.length > 0 ? longestSubject(subjectFields) : null) ?? parseSubject(bodyText) ?? parseSubject(headerText);
  if (!bodySubject && hasText) {
    const fallback = metadata.subject ? 'the subject of line 2 is used' : 'line 2 is empty too, so the page is titled by its reference id';
    messages.warn('cable/missing-subject', `no SUBJECT line in the text; ${fallback}`, { line: 2 });
  }
  const eo = fields('eo').reduce<string | null>((longest, text) => (longest && longest.length >= text.length ? longest : text), null);
  // The Classified By lines first (a label repeated when the release glued it to REF: `Classified By:
  // Classified By: …`), then the whole text, for a file whose first copy of the cable is cut short.
  const classification = parseClassification(fields('classifiedBy'), [headerText, bodyText]);
  const dateTime = routing.dateTime ?? parseDateTimeGroup(headerText);
  const referenceOptions = { year: metadata.date.slice(0, 4), referenceId: canonicalId };
  const references = withoutCutCopies(
    unique(
      wholeCopies(fields('ref')).flatMap((text) => parseReferences(text, referenceOptions)),
      (reference) => `${reference.label ?? ''} ${reference.text}`,
    ),
  );

  const signers = parseSigners(bodyText, { classifiedBy: classification.classifiedBy });
  const addressees = parseAddressees(withoutGluedSubject(routingText ?? headerText, metadata.subject));
  const frontmatter: CableFrontmatter = {
    id: metadata.id,
    canonicalId,
    subject: chooseSubject(metadata.subject, bodySubject),
    date: withTime(metadata.date, dateTime),
    classification: metadata.classification,
    origin: metadata.origin,
    tags,
    ...(tagCorrections.length > 0 ? { tagCorrections: unique(tagCorrections, ({ written }) => written) } : {}),
    from: routing.from,
    to: addressees.to,
    info: addressees.info,
    precedence: routing.precedence,
    caveats: caveatsOf(body, envelope.banner?.text ?? ''),
    eo: eo === null ? null : withoutOrder(eo),
    declassify: eo === null ? null : parseDeclassification(eo),
    classifiedBy: classification.classifiedBy,
    reasons: classification.reasons,
    references,
    summary: parseSummary(bodyText),
    signers,
    sections: envelope.banner?.sectionCount ?? 1,
    transmissionId: routing.transmissionId,
    isPartial,
  };
  const tree = toMdast(sectionBlocks(setApartSignature(body.blocks, signers)));
  return { cable: { frontmatter, markdown: serialize(tree), tree }, messages: messages.messages };
}

const holdsText = (entry: Line): boolean => !isBlank(entry.text);

/**
 * The routing block without the subject an e-mail export glued to its last addressee
 * (`RUEATRS/DEPT OF TREASURY WASHDCROYAL COURT CHIEF AND PM DISCUSS …`, line 2 the subject's
 * start): the rest of that line goes, so the addressee ends where the subject starts.
 */
function withoutGluedSubject(routing: string, listed: string): string {
  const start = collapseSpaces(listed).trim().slice(0, 24);
  if (start.length < 12) return routing;
  const at = routing.indexOf(start);
  if (at <= 0 || /\s/.test(routing[at - 1]!)) return routing;
  const lineEnd = routing.indexOf('\n', at);
  return routing.slice(0, at) + (lineEnd < 0 ? '' : routing.slice(lineEnd));
}

/**
 * A first copy of the header cut short (`REF: TBILIS...` above the whole `REF: TBILISI 1372`,
 * 08TBILISI1379) gives an entry that a later, whole one repeats: it is left out.
 */
function withoutCutCopies(references: Reference[]): Reference[] {
  if (!references.some(isCut)) return references;
  return references.filter((reference) => {
    if (!isCut(reference)) return true;
    const start = reference.text.replace(/\s*(?:\.{2,}|…)$/, '');
    return !references.some((other) => other !== reference && !isCut(other) && other.text.startsWith(start));
  });
}

const isCut = (reference: Reference): boolean => cutPattern.test(reference.text);

/**
 * The REF blocks without those cut short (`REF: A. LIMA 2000 … ¶C. LIMA 2126` / `...`, then the
 * release's record) when a whole copy of the header follows: the cut copy's entries run on into
 * the record (`LIMA 2126 ... id: 114649 date: …`) or stop mid-way, and the whole copy has them all.
 */
function wholeCopies(blocks: string[]): string[] {
  if (blocks.length < 2) return blocks;
  const whole = blocks.filter((block) => !cutBlockPattern.test(block));
  return whole.length > 0 ? whole : blocks;
}

/** A line of a block that ends cut short: `REF: TBILIS...`, `¶C. LIMA 2126` / `...`. */
const cutBlockPattern = /(?:\.{3}|…)[ \t]*(?:\n|$)/;

const cutPattern = /(?:\.{3}|…)$/;

/** The file's lines, and where each starts in its text when they are the text split at `\n`. */
interface FileLines {
  text: string;
  lines: Line[];
  /** Null when the file has `\r` line ends: its lines are then no slices of one text. */
  starts: number[] | null;
}

function toLines(text: string): FileLines {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.includes('\r')) {
    const lines = clean.split(/\r\n?|\n/).map((line, index) => ({ text: line, line: index + 1 }));
    return { text: clean, lines, starts: null };
  }
  const lines: Line[] = [];
  const starts: number[] = [];
  // Cut at each `\n` in turn, without the array of parts `split` builds first.
  for (let start = 0; ; ) {
    const end = clean.indexOf('\n', start);
    starts.push(start);
    lines.push({ text: end < 0 ? clean.slice(start) : clean.slice(start, end), line: lines.length + 1 });
    if (end < 0) break;
    start = end + 1;
  }
  return { text: clean, lines, starts };
}

/** Lines as one text, joined by newlines: a slice of the file's text where they are consecutive lines of it. */
function textOf(entries: Line[], file: FileLines): string {
  if (entries.length <= 1) return entries[0]?.text ?? '';
  return sliceOf(entries, file) ?? entries.map((entry) => entry.text).join('\n');
}

/**
 * The entries' text without copying it, when they are consecutive lines of the file; the first
 * may be the end of its line and the last the start of its, as the banner cuts the line it is on.
 */
function sliceOf(entries: Line[], { text, lines, starts }: FileLines): string | null {
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  const at = first.line - 1;
  const firstLine = lines[at];
  const lastLine = lines[at + entries.length - 1];
  if (!starts || !firstLine || lastLine?.line !== last.line) return null;
  for (let index = 1; index < entries.length - 1; index++) if (entries[index] !== lines[at + index]) return null;
  // Most entries are the file's own lines, whose text need not be compared.
  if ((first !== firstLine && !firstLine.text.endsWith(first.text)) || (last !== lastLine && !lastLine.text.startsWith(last.text)))
    return null;
  return text.slice(starts[at]! + firstLine.text.length - first.text.length, starts[last.line - 1]! + last.text.length);
}

/** The date-time group's time when it falls on the same day (give or take a day, across zones). */
function withTime(date: string, group: ReturnType<typeof parseDateTimeGroup>): string {
  if (!group) return date;
  const pad = (value: number): string => String(value).padStart(2, '0');
  const stamp = `${group.year}-${pad(group.month)}-${pad(group.day)}`;
  // Line 3's date is a day of the calendar as `YYYY-MM-DD`: its parts give its time, no string is parsed.
  const listed = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const apart = Math.abs(midnightOf(group, stamp) - listed);
  if (!(apart <= 86_400_000)) return date;
  return `${stamp}T${pad(group.hour)}:${pad(group.minute)}:00Z`;
}

/**
 * `Date.parse` of the group's day at midnight UTC, without parsing a string when its year has four
 * digits: the parser then rolls a day past the month's end over (`02-30` is 2 March) as `Date.UTC` does.
 */
function midnightOf(group: DateTimeGroup, stamp: string): number {
  return group.year >= 1000 ? Date.UTC(group.year, group.month - 1, group.day) : Date.parse(`${stamp}T00:00:00Z`);
}

/**
 * The body's SUBJECT line is the cable's own; line 2 is the release index's copy, often cut
 * short. The body's wins, unless it is itself the shorter cut of line 2 (`… ALLIE...`).
 */
function chooseSubject(listedLine: string, body: string | null): string {
  // Line 2 copies the subject line as released, with the fields and page break glued on
  // (`… VILNIUS Classified By: …`); the body keeps those, so the subject stops before them.
  let end = listedLine.length;
  removeGluedPageNumbers(listedLine, (pageBreak) => {
    end = Math.min(end, listedLine.indexOf(pageBreak));
  });
  const listed = collapseSpaces(beforeGluedField(listedLine.slice(0, end))).trim();
  if (!body) return listed;
  // The same subject twice (most cables) is not the longer of the two.
  if (!listed || listed === body) return body;
  return goesOn(listed, body) ? listed : body;
}

const subjectKey = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]+/g, '');

/**
 * Whether `longer` is `shorter` (cut short or not) with more of the subject after it, not what the
 * release glued on (`… PLANNING CHIEF Class...`, `… DEAL <br>`, `… Mendoza Summary`, `… (U)`, `ZFR CANCEL …`).
 */
function goesOn(longer: string, shorter: string): boolean {
  const shortKey = subjectKey(shorter.replace(/(?:\.{3}|…)$/, ''));
  const longKey = subjectKey(longer);
  if (!longKey.startsWith(shortKey) || longKey.length <= shortKey.length) return false;
  const words = longer.split(' ');
  let at = 0;
  for (let read = 0; at < words.length && read < shortKey.length; at++) read += subjectKey(words[at]!).length;
  return !gluedOnPattern.test(words.slice(at).join(' '));
}

/** What the release glued onto a subject in line 2, not more of the subject. */
const gluedOnPattern =
  /^(?:<br\b|\((?:U|C|S|SBU|S\/NF|C\/NF)\)$|(?:SUMMARY|Summary|COMMENT|Comment)\b|Class|CLASS|THIS MESS|C O R R|[/.…-]{2,}|\/|S\w{2,3}SITIVE\b|SENSITIVE\b)|(?:\.{3}|…)$/;

const bannerCaveatPattern = /\b(NOFORN|NODIS|EXDIS|LIMDIS|SENSITIVE|EFTO)\b/g;

function caveatsOf(body: Body, banner: string): string[] {
  // The whole match is the caveat (`\b` takes no characters): `match`, without `matchAll`'s copy of the pattern.
  const found = new Set(body.preamble.caveats);
  for (const caveat of banner.match(bannerCaveatPattern) ?? []) found.add(caveat);
  return [...found];
}

/** Whether lines hold a routing block's `FM` line and a `TO` line after it. */
function hasRouting(lines: Line[]): boolean {
  const from = lines.findIndex((entry) => /^\s*FM\s+\S/.test(entry.text));
  return from >= 0 && lines.slice(from + 1, from + 4).some((entry) => /^\s*TO\s+\S/.test(entry.text));
}

/** A routing block (`VZCZC…` / `FM AMEMBASSY DOHA` / `TO RUEHC/SECSTATE WASHDC 8904` / `INFO …`) above the body's first field; none is `[]`. */
function bodyRouting(lines: Line[], body: Body): Line[] {
  const firstField = Math.min(...Object.values(body.preamble.fields).map((runs) => runs[0]?.[0]?.line ?? Number.POSITIVE_INFINITY));
  const head = lines.filter((entry) => entry.line < firstField).slice(0, 120);
  const from = head.findIndex((entry) => /^\s*FM\s+\S/.test(entry.text));
  if (from < 0 || !hasRouting(head.slice(from))) return [];
  const start = Math.max(
    0,
    head.findLastIndex((entry, index) => index <= from && /^\s*VZCZC/.test(entry.text)),
  );
  let end = from + 1;
  while (end < head.length && head[end]!.text.trim() !== '') end++;
  return head.slice(start, end);
}

/** The text of each occurrence of a field, in order (a slice of the file's text where it can be). */
function fieldTexts(body: Body, name: FieldName, file: FileLines): string[] {
  return (body.preamble.fields[name] ?? []).map((lines) => textOf(lines, file));
}

function fieldLine(body: Body, name: FieldName): number {
  return body.preamble.fields[name]?.[0]?.[0]?.line ?? 1;
}

/**
 * The E.O. line without its label when it cites the usual order (`E.O. 12958: DECL: 06/23/2019`
 * → `DECL: 06/23/2019`), mistyped too (`E.0. 12958` with a zero, `E.O. 12928`, a number no order
 * has); another order (`E.O. 12356: DECL: OADR`, `E.O. 12065`) stays as written, so the page shows
 * which order it is.
 */
function withoutOrder(line: string): string | null {
  const text = line.trim();
  const label = /^(?:E\.?\s?[O0]\.?|EO)\s*(1\d{4})\s*:?\s*/i.exec(text);
  const isOtherOrder = label !== null && otherOrders.has(label[1]!);
  return (label && !isOtherOrder ? text.slice(label[0].length).trim() : text.replace(/\s+/g, ' ')) || null;
}

/** Orders other than 12958 and 13526 that cables cite. */
const otherOrders: ReadonlySet<string> = new Set(['12356', '12065', '13292', '12333', '11652']);

/**
 * The longest of the subjects a cable states (a repeated header may cut the first one short),
 * the first of equal ones: length counted as `size` says.
 */
function longestSubject(texts: string[]): string | null {
  let best: string | null = null;
  // Without markup, the dots of a copy cut short (`… REMAINS UNYIELD...`) and a CSV copy's doubled quotes (`""NO""`).
  const size = (text: string): number => withSingleQuotes(text.replace(/\s*<\/?[a-z]+\s*\/?>/gi, '').replace(/\s*(?:\.{3}|…)$/, '')).length;
  for (const text of texts) {
    const subject = parseSubject(text);
    if (!subject || (best && size(subject) <= size(best))) continue;
    // A longer copy that only adds what the release glued on (`… CHIEF Class...`) does not replace the subject.
    if (best && subjectKey(subject).startsWith(subjectKey(best.replace(/(?:\.{3}|…)$/, ''))) && !goesOn(subject, best)) continue;
    best = subject;
  }
  return best;
}

/** The tags of every TAGS field, each once, in order. */
function tagsOf(fields: string[], corrections: TagCorrection[]): string[] {
  const options = { corrections };
  // Most cables have one TAGS field: its tags without `flatMap`'s copy.
  const tags = fields.length === 1 ? parseTags(fields[0]!, options) : fields.flatMap((field) => parseTags(field, options));
  return tags.length < 2 ? tags : [...new Set(tags)];
}

function unique<T>(values: T[], key: (value: T) => string): T[] {
  // One value or none is unique already (each caller's array is its own).
  if (values.length < 2) return values;
  const seen = new Set<string>();
  return values.filter((value) => {
    const id = key(value);
    return !seen.has(id) && Boolean(seen.add(id));
  });
}
