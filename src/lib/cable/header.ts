/**
 * The envelope of a raw telegram: the routing block before the classification banner,
 * the banner itself, and where the body starts.
 *
 * The release ran the mirror's `<pre>` blocks together, so the banner is often glued to
 * the last routing line (`RUEHGV/USMISSION GENEVA 1275UNCLAS SECTION 01 OF 05 USOSCE 000147`).
 */

/** A line of the file with its 1-based line number. */
export interface Line {
  text: string;
  line: number;
  /** A line of a section's own routing header, repeated inside the body by an old telegram (`CONFIDENTIAL PTQ7827` …). */
  isSectionHeader?: true;
}

export interface Banner {
  /** The banner as written (`UNCLAS SECTION 01 OF 05 USOSCE 000147`). */
  text: string;
  /** `SECTION 01 OF 05` → 5. */
  sectionCount: number | null;
  line: number;
  column: number;
}

export interface Envelope {
  /** Routing block lines, from line 6 up to the banner (the banner's own line cut before it). */
  header: Line[];
  banner: Banner | null;
  /** Body lines, the first one starting right after the banner. */
  body: Line[];
}

/**
 * A classification word; spelled out letter by letter, the release sometimes lost its first letter
 * to the routing line it glued the banner to (`RUEKJCS/SECDEF WASHINGTON DCE C R E T SECTION 01 OF 03`).
 */
const classificationWord = `(?:UNCLAS(?:SIFIED)?|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T|LIMITED OFFICIAL USE|L I M I T E D O F F I C I A L U S E|O N F I D E N T I A L|E C R E T)`;

/** A classification spelled out letter by letter, which can only end where the station begins. */
const spacedClassificationWord = `(?:C O N F I D E N T I A L|S E C R E T|L I M I T E D O F F I C I A L U S E)`;

/**
 * `C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001108`, `UNCLAS USOSCE 000147`,
 * `SECRET//NOFORN SECTION 02 OF 02 STATE 012345`, `UNCLASSIFIED BUENOS AIRES 2481`, and a
 * spelled-out classification glued to its station (`C O N F I D E N T I A LCAIRO 000079`).
 */
const bannerSource =
  '(?:' +
  classificationWord +
  String.raw`(?:\s*//\s*[A-Z]+|\s+(?:NOFORN|EFTO|E F T O|SENSITIVE|NODIS|EXDIS|LIMDIS))*\s+|` +
  spacedClassificationWord +
  ')' +
  String.raw`(?:SECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})\s+)?` +
  // `C O N F I D E N T I A L 75 LIBREVILLE 1895`: the 1970s put the year before the station.
  String.raw`(?:\s?\d{2} )?(?:[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3})\s+(0*\d{1,6})`;

/**
 * `C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 001108`, `UNCLAS USOSCE 000147`,
 * `SECRET//NOFORN SECTION 02 OF 02 STATE 012345`, `UNCLASSIFIED BUENOS AIRES 2481`.
 */
export const bannerPattern = new RegExp(bannerSource);

/** The same in lower or mixed case (`C o n f i d e n t i a l section 01 of 04 ankara 000348`). */
const anyCaseBannerPattern = new RegExp(bannerSource, 'i');

function matchBanner(text: string): RegExpExecArray | null {
  const match = bannerPattern.exec(text);
  if (match) return match;
  const loose = anyCaseBannerPattern.exec(text);
  // In any case, only a banner with a section count or a zero-padded serial counts.
  if (loose && (loose[1] || /^0\d{5}$/.test(loose[3]!))) return loose;
  return null;
}

/** Labels that open the body proper when no banner is found. */
const bodyStartPattern = /^\s*(?:E\.?\s?O\.?\s+1[123]\d{3}\b|EO 1[123]\d{3}\b|TAGS?\b|SUBJE?C?T?:|SUBJ\b|¶\s*1\b|SIPDIS\b|1\.\s)/i;

/**
 * Splits the telegram (the file's lines from `from`, after the five metadata lines) into routing
 * header, banner and body.
 */
export function splitEnvelope(fileLines: Line[], from = 0): Envelope {
  // The file's lines from `from` on, without a copy for the loop below, which most often stops in the first lines.
  const limit = Math.min(fileLines.length, from + 400);
  for (let at = from; at < limit; at++) {
    const { text, line } = fileLines[at]!;
    const match = matchBanner(text);
    if (!match || isRoutingOnly(text, match.index) || opensRouting(fileLines, at + 1)) continue;
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + match[0].length);
    const header = fileLines.slice(from, at);
    if (before.trim()) header.push({ text: before, line });
    // The banner's line, in one copy with the lines below, is the rest of the line after the banner, or goes.
    const hasAfter = after.trim() !== '';
    const body = fileLines.slice(hasAfter ? at : at + 1);
    if (hasAfter) body[0] = { text: after, line };
    return {
      header,
      banner: {
        text: match[0].replace(/\s+/g, ' ').trim(),
        sectionCount: match[2] ? Number(match[2]) : null,
        line,
        column: match.index + 1,
      },
      body,
    };
  }
  const lines = fileLines.slice(from);
  const start = lines.findIndex((entry) => bodyStartPattern.test(entry.text));
  const cut = start > 0 && looksLikeRouting(lines.slice(0, start)) ? start : 0;
  return { header: lines.slice(0, cut), banner: null, body: lines.slice(cut) };
}

/**
 * A caption before the routing block (`TelegramRestricted by caption. UNCLASSIFIED   TRIPOLI   00000368`
 * over `R 070724Z MAY 08` / `FM AMEMBASSY TRIPOLI`): the banner proper comes after the routing.
 */
function opensRouting(lines: Line[], from: number): boolean {
  const next = lines.slice(from, from + 3).find((entry) => entry.text.trim() !== '');
  return next !== undefined && /^\s*(?:VZCZC|[OPRZ]{1,2}\s+\d{6}Z\s+[A-Z]{3}\s+\d{2}|FM\s+[A-Z])/.test(next.text);
}

/** A banner-like match inside a routing line such as `ZNY CCCCC ZZH` is not a banner. */
function isRoutingOnly(text: string, at: number): boolean {
  return /^(?:ZNY|ZNR|DE |TO |FM |INFO |PAGE )/.test(text.slice(0, at).trimStart()) && at < 6;
}

function looksLikeRouting(lines: Line[]): boolean {
  return lines.some((entry) => /^(?:VZCZC|FM |TO |DE |[OPRZ]{1,2} \d{6}Z)/.test(entry.text));
}

/** Fields read off the routing block. */
export interface Routing {
  transmissionId: string | null;
  from: string | null;
  precedence: string | null;
  /** Date-time group as `{ day, hour, minute, month, year }` when the header has one. */
  dateTime: DateTimeGroup | null;
}

export interface DateTimeGroup {
  day: number;
  hour: number;
  minute: number;
  /** 1–12. */
  month: number;
  /** Four digits. */
  year: number;
}

const precedenceByLetter: Record<string, string> = {
  Z: 'FLASH',
  O: 'IMMEDIATE',
  P: 'PRIORITY',
  R: 'ROUTINE',
};

const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `231629Z JUN 09` */
const dtgPattern = /\b(\d{2})(\d{2})(\d{2})Z\s+([A-Z]{3})\s+(\d{2,4})\b/i;

export function parseRouting(header: Line[]): Routing {
  let transmissionId: string | null = null;
  let from: string | null = null;
  let precedence: string | null = null;
  let dateTime: DateTimeGroup | null = null;
  for (const { text } of header) {
    const trimmed = text.trim();
    // Each pattern only where its line's start can match it: they run on every routing line.
    if (!transmissionId && trimmed.startsWith('VZCZC')) transmissionId = /^(VZCZC[A-Z0-9]+)/.exec(trimmed)?.[1] ?? null;
    if (!from && trimmed.startsWith('FM')) from = /^FM\s+(.+?)\s*$/.exec(trimmed)?.[1] ?? null;
    if (!precedence) {
      const dtgLine = /^([ZOPR])(?:\s?[ZOPR])?\s+\d{6}Z\s+[A-Z]{3}\s+\d{2,4}/i.exec(trimmed);
      if (dtgLine) precedence = precedenceByLetter[dtgLine[1]!.toUpperCase()] ?? null;
    }
    if (!dateTime) dateTime = parseDateTimeGroup(trimmed);
  }
  return { transmissionId, from, precedence, dateTime };
}

export function parseDateTimeGroup(text: string): DateTimeGroup | null {
  const match = dtgPattern.exec(text);
  if (!match) return null;
  const month = months.indexOf(match[4]!.toUpperCase()) + 1;
  if (month === 0) return null;
  const yearText = match[5]!;
  const short = Number(yearText);
  const year = yearText.length === 4 ? short : short >= 60 ? 1900 + short : 2000 + short;
  const day = Number(match[1]);
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return { day, hour, minute, month, year };
}
