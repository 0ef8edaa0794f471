/**
 * The TO and INFO addressees of a routing block:
 * `RUEHC/SECSTATE WASHDC IMMEDIATE 4696` → route `RUEHC`, name `SECSTATE WASHDC`,
 * precedence `IMMEDIATE`, message control number `4696`.
 */
import type { Recipient } from './schema.ts';
import { isDigit } from './text.ts';

/**
 * The classification banner, often glued to the last routing line (`1275UNCLAS SECTION …`), or the
 * release's CSV record glued there (`COLLECTIVE14:34,09BUENOSAIRES1147,…`, `DC136383,1/4/2008 22:01,…`,
 * `BRUSSELS BE9/22/2008 14:07 CONFIDENTIAL`).
 */
const bannerPattern =
  /U ?N ?C ?L ?A ?S(?!\w{2})|(?:\d{5,6},)?\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2}(?:,|\s|$)|\d{1,2}:\d{2},\d{2}[A-Z]{3,}\d|UNCLASSIFIED|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T(?! ?A ?R ?[IY]| SERVICE)|LIMITED OFFICIAL USE|CLASSIFICATION\s*:|Cable dated:|This record is|\bE\.O\.|\bSUBJECT\b|SIPDIS\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,|\d{4}-\d{2}-\d{2}|id:\s*\d|date:\s*\d|<<\d+>>|\t|\s(?:INFO|XMT)\s/i;

/**
 * The banner as it can occur on a plain addressee line (capitals, digits, spaces and `./'()&-`):
 * the branches above that need a lower-case letter, `:`, `,`, `<` or a tab cannot match there,
 * and without the `i` flag the rest are searched faster. Most lines of a block are plain.
 */
const plainBannerPattern =
  /U ?N ?C ?L ?A ?S(?!\w{2})|UNCLASSIFIED|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T(?! ?A ?R ?[IY]| SERVICE)|LIMITED OFFICIAL USE|THIS RECORD IS|\bE\.O\.|\bSUBJECT\b|SIPDIS\b|\d{4}-\d{2}-\d{2}| (?:INFO|XMT) /;
const plainLinePattern = /^[A-Z0-9 ./'()&-]*$/;

/** A line that ends the addressees: another routing field, a transmission end, the body. */
const blockEndPattern = /^(?:INFO|XMT|BT|ZEN|FM|TO|DE|ZNR|ZNY|NNNN)\b|^#\d|^(?:Class|Date|Key|Tags):/;

/** A page-break line inside the block: `NEW DELHI 00009527  002 OF 004`. */
const pageBreakPattern = /^[A-Z][A-Z .]{1,30}\s0*\d{1,6}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\s*$/;

/** An old-style page header: `PAGE 02        STATE   015113  182333Z`. */
const oldPageHeaderPattern = /^PAGE \d{2,3}\s+[A-Z][A-Z ]*\s+\d{3,6}\b.*\d{6}Z$/;

/** `PRIORTY`, as 06BRASILIA1910 spells it once, is read as the precedence it means. */
const precedences = 'FLASH|NIACT IMMEDIATE|IMMEDIATE|PRIORI?TY|ROUTINE';
/** The message control number: `4696`, or a range for a cable sent in parts (`IMMEDIATE 5844-5847`). */
const mcn = String.raw`\d{1,5}(?:-\d{1,5})?`;
const addresseePattern = new RegExp(String.raw`^(.*?)(?:\s*\b(${precedences}))?(?:\s*(?<![\d-])(${mcn}))?$`);
/** The number before the precedence: `RUEHLO/AMEMBASSY LONDON 8778 PRIORITY`. */
const numberFirstPattern = new RegExp(String.raw`^(.*?)\s+(${mcn})\s+(${precedences})$`);

/** Addressees of the TO line (and the lines that follow it, up to INFO). */
export function parseRecipients(header: string): Recipient[] {
  return parseBlock(routingOf(header), toLabelPattern);
}

const toLabelPattern = /(?:^|\s)TO[ \t]+(?=[A-Z0-9]{4,8}\/|[A-Z]{4,}|(?:ALL|CDR|CIA|NSC|DIA)\s)/;

/** Addressees of the INFO lines, up to the banner or the end of the routing block. */
export function parseInfoRecipients(header: string): Recipient[] {
  // `INFO EU MEMBER STATES COLLECTIVE`: a name may open with a word of two letters.
  return parseBlock(routingOf(header), infoLabelPattern);
}

const infoLabelPattern = /(?:^|\s)INFO[ \t]+(?=[A-Z0-9]{4,8}\/|[A-Z]{3,}|[A-Z]{2} [A-Z]{3,})/;

/** The TO and INFO addressees at once, the routing block found once for both. */
export function parseAddressees(header: string): { to: Recipient[]; info: Recipient[] } {
  const routing = routingOf(header);
  return { to: parseBlock(routing, toLabelPattern), info: parseBlock(routing, infoLabelPattern) };
}

/** The FM line of a routing block; `FM` also abbreviates Foreign Minister (`FM KUSA: …` in a subject). */
const fmPattern = /(?:^|\n)[ \t]*FM[ \t]+\S/g;

/**
 * Where the routing block starts: its FM line, the first one an addressee line follows when a
 * whole cable is read (its line 2 may be a subject that opens with `FM`), else the first.
 */
function routingStart(header: string): number | null {
  let first: number | null = null;
  fmPattern.lastIndex = 0;
  for (let fm = fmPattern.exec(header); fm; fm = fmPattern.exec(header)) {
    first ??= fm.index;
    const lineEnd = header.indexOf('\n', fm.index + 1);
    if (lineEnd < 0 || /^[ \t]*(?:TO|INFO|XMT)\b/.test(header.slice(lineEnd + 1, lineEnd + 40))) return fm.index;
  }
  return first;
}

/**
 * The routing block's text from `from`: up to its first blank line, so that a TO in the text below
 * (`ACTION TO SECSTATE WASHDC IS BEING REPEATED`) is not read as a label; a blank line before
 * another routing line does not end it.
 */
function routingText(header: string, from: number): string {
  const text = header.slice(from, from + 20000);
  const blank = /\n[ \t]*\n(?![ \t]*(?:[A-Z0-9]{4,8}\/|TO\b|INFO\b))/.exec(text);
  return blank ? text.slice(0, blank.index) : text;
}

/** Where a header's routing block is, found once for its TO and INFO addressees. */
interface Routing {
  header: string;
  /** Where the FM line starts, 0 without one. */
  from: number;
  hasFm: boolean;
  /** The text a label is looked for in. */
  text: string;
}

function routingOf(header: string): Routing {
  const fm = routingStart(header);
  const from = fm ?? 0;
  return { header, from, hasFm: fm !== null, text: fm === null ? header.slice(0, 20000) : routingText(header, from) };
}

function parseBlock(routing: Routing, labelPattern: RegExp): Recipient[] {
  const { header, from, hasFm, text } = routing;
  const label = labelPattern.exec(text);
  const after = header.slice(from + (label?.index ?? 0) + (label?.[0].length ?? 0));
  if (!label || /^[A-Z]+-\d{2}\b/.test(after) || (!hasFm && !isAddressee(after))) return [];
  const start = from + label.index + label[0].length;
  // The block is read a line at a time from the label on, not split out of the 20,000 characters
  // after it: it ends within a few lines.
  const limit = Math.min(header.length, start + 20000);
  const recipients: Recipient[] = [];
  for (let at = start, index = 0; at <= limit; index++) {
    const end = lineEnd(header, at, limit);
    let line = header.slice(at, end).trim();
    at = end + 1;
    // `TO PAGE 02        STATE   015113  182333Z`: an old page header between the label and its addressees.
    if (oldPageHeaderPattern.test(line)) continue;
    if (index > 0) {
      if (line === '') {
        if (isRoutingLine(nextTextLine(header, at, limit))) continue;
        break;
      }
      if (pageBreakPattern.test(line)) continue;
      if (blockEndPattern.test(line)) break;
    }
    const isPlain = plainLinePattern.test(line);
    const banner = (isPlain ? plainBannerPattern : bannerPattern).exec(line);
    if (banner) line = line.slice(0, banner.index).trim();
    // The release's record number glued on ends the block: its CSV record follows, a field a line.
    // Each pattern, tried at every character, only where what it must hold is there: a digit at
    // the end, a redaction or a lower-case letter (which a plain line has none of), a digit and a capital.
    const record =
      (line.length > 0 && isDigit(line.charCodeAt(line.length - 1)) ? gluedRecordPattern.exec(line) : null) ??
      (!isPlain || line.includes('XXXXXX') ? gluedTextPattern.exec(line) : null) ??
      (digitCapitalPattern.test(line) ? gluedToNumberPattern.exec(line) : null);
    if (record) line = line.slice(0, record.index).trim();
    if (line !== '') for (const addressee of splitAddressees(line)) recipients.push(toRecipient(addressee));
    if (banner || record) break;
  }
  return recipients;
}

/** Where the line starting at `at` ends: its line break, or `limit`. */
function lineEnd(text: string, at: number, limit: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 || end > limit ? limit : end;
}

/** The first line from `at` on (up to `limit`) with text in it, or `''`. */
function nextTextLine(text: string, at: number, limit: number): string {
  while (at <= limit) {
    const end = lineEnd(text, at, limit);
    const line = text.slice(at, end);
    if (line.trim() !== '') return line;
    at = end + 1;
  }
  return '';
}

/** Without an FM line, a TO or INFO label must be followed by something that addresses a post. */
function isAddressee(text: string): boolean {
  return /^[A-Z0-9]{4,8}\/|^(?:SECSTATE|AMEMBASSY|AMCONSUL|USMISSION|USDEL|WHITEHOUSE|SECDEF|CIA|NSC)\b/.test(text);
}

/**
 * The older form puts several addressees on one line: `AMEMBASSY ISLAMABAD AMEMBASSY NEW DELHI`.
 * The release ran two routed lines together at a month (`RUEHLP/AMEMBASSY LA PAZ MAR LIMA 3804`):
 * split there, the month dropped.
 */
function splitAddressees(line: string): string[] {
  if (line.includes('/')) {
    // Most lines name no month: the pattern below, tried at every slash, runs only on a line that does.
    const month = monthWordPattern.test(line) && /\/\S+(?: \S+)*?( (?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC))(?= |$)/.exec(line);
    if (!month) return [line];
    const at = month.index + month[0].length;
    const rest = line.slice(at).trim();
    const before = line.slice(0, at - month[1]!.length);
    // Only the number after the month (`LA PAZ JUN 4182`): one addressee and its number.
    if (!/[A-Z]/.test(rest)) return [`${before} ${rest}`.trim()];
    return [before, rest];
  }
  return line
    .split(
      /\s+(?=(?:AMEMBASSY|AMCONSUL|USMISSION|SECSTATE|USDEL)\b)|(?<=\bCOLLECTIVE(?:\s+(?:PRIORITY|IMMEDIATE|ROUTINE))?)\s+(?!(?:PRIORITY|IMMEDIATE|ROUTINE)\b)/,
    )
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const monthWordPattern = / (?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?= |$)/;

function isRoutingLine(line: string): boolean {
  return /^\s*[A-Z0-9]{4,8}\//.test(line);
}

/** A routed addressee: `RUEHC/SECSTATE WASHDC IMMEDIATE 4696`. */
const routedPattern = /^([A-Z0-9]{3,8})\/(.*)$/;

/** A route glued to its addressee, the slash lost: `RUEHCSECSTATE WASHDC`. */
const gluedRoutePattern = /^(RU[A-Z]{2,5})(?=(?:SECSTATE|AMEMBASSY|AMCONSUL|USMISSION|USDEL|SECDEF|CIA|NSC|DIA|JOINT STAFF|WHITE HOUSE)\s)/;

/**
 * The release's record number glued to the end of a line (`AMCONSUL CIUDAD JUAREZ189095`, or to
 * the message control number, `PRIORITY 0809220697`): no part of the addressee.
 */
const gluedRecordPattern = /(?<=[A-Z])\d{5,}$|(?<=\s\d{4})\d{5,}$/;

/**
 * The cable's text run into the last addressee by a re-release (`TO AMEMBASSY MOSCOWXXXXXXXX In
 * the Russian view, …`): a redaction glued to the name, a sentence, or words glued to the message
 * control number (`USUN NEW YORK PRIORITY 0730UK OPEN TO …`, the subject of an e-mail export).
 */
const gluedTextPattern = /(?<=[A-WYZ])X{6,}|\s(?=[A-Z]?[a-z]+ [a-z]+ [a-z]+)/;

/** Words glued to the message control number; looked for only where a digit meets a capital, as the lookbehind costs at every character. */
const gluedToNumberPattern = /(?<=\s\d{4})(?=[A-Z]{2,}[ ':])/;
const digitCapitalPattern = /\d[A-Z]/;

function toRecipient(line: string): Recipient {
  const slash = routedPattern.exec(line) ?? routedPattern.exec(line.replace(gluedRoutePattern, '$1/'));
  const route = slash ? (slash[1] ?? null) : null;
  const rest = (slash ? (slash[2] ?? '') : line).trim();
  // Only a name that ends in a number or a precedence (`…H`, `…E`, `…Y`) can have them.
  if (!/[\dEHY]$/.test(rest)) return { route, name: rest, precedence: null, mcn: null };
  // The number first ends in the precedence, a letter; most names end in their number.
  const swapped = isDigit(rest.charCodeAt(rest.length - 1)) ? null : numberFirstPattern.exec(rest);
  const parts = swapped ? [swapped[0], swapped[1], swapped[3], swapped[2]] : addresseePattern.exec(rest);
  const name = (parts?.[1] ?? rest).trim();
  return {
    route,
    name: name === '' ? rest : name,
    precedence: parts?.[2] === 'PRIORTY' ? 'PRIORITY' : (parts?.[2] ?? null),
    mcn: name === '' ? null : (parts?.[3] ?? null),
  };
}
