/**
 * The TAGS line: subject and country codes (`TAGS: PARM PREL KCFE OSCE RS XG`).
 * Written with or without a colon, separated by spaces or commas, sometimes run
 * together (`PGOVPREL`) or wrapped onto a second line after a trailing comma.
 */
import { withoutEscape } from './text.ts';

/**
 * Codes seen on TAGS lines of the corpus (subject codes, country and organisation codes);
 * used to split run-together codes and to tell codes from words of a phrase tag.
 */
const knownCodes: ReadonlySet<string> = new Set(
  `ABLD ABUD ACOA ADCO AE AEMR AF AFIN AFSN AG AGAO AID AINF AINR AJ AL AM AMED AMGT AO AODE
  AORC APCS APECO APER AR AROC AS ASCH ASEAN ASEC ASIG ASUP AU AX BA BB BBSR BC BD BE BEXP
  BF BG BH BK BL BM BMGT BN BO BP BR BT BTIO BTIU BU BX BY CA CACM CACS CASC CB CBW CD CDB
  CDG CE CF CG CH CI CIA CIS CJAN CJUS CKGR CL CM CMGT CN CO CODEL CONS CPAS CR CS CT CU CV CVIS CW
  CWC CY CZ DA DEA DHS DJ DO DOD DOE DPRK DR DTRA EAGR EAID EAIR EC ECA ECIN ECIP ECON ECPS ECUN
  EFIN EFIS EFTA EG EI EIND EINT EINV EK ELAB ELN ELTN EMIN EN ENGR ENIV ENRG ENVR EPET ER ES ET
  ETC ETRD ETTC EU EUN EWWT EZ FAO FARC FBI FI FJ FR FTAA GA GB GCC GE GG GH GJ GM GOI GR GT GTIP
  GTMO GV GY GZ HA HK HO HR HSTC HU HURI IA IAEA IBRD IC ICAO ICRC ICTY ID IIP ILC ILO IMF IMO IN
  INR INRB INTERPOL IO IPR IQ IR IRC IS IT IV IWC IZ JA JM JO KACT KAWC KAWK KBCT KBIO KBTR KBTS
  KCFE KCIP KCOR KCRM KCRS KDEM KDEV KDRG KE KFIN KFLO KFLU KFRD KG KGHG KGIC KGIT KHDP KHIV KHLS
  KHUM KICC KIDE KIPR KIRC KIRF KISL KJUS KLIG KMCA KMDR KMPI KMRS KN KNAR KNEI KNNP KNPP KNSD KNUC
  KNUP KO KOCI KOLY KOMC KPAI KPAL KPAO KPKO KPLS KPOA KPRP KPRV KPWR KR KRAD KREC KREL KRFD KRVC
  KS KSAF KSCA KSEC KSEO KSEP KSPR KSTC KSTH KSUM KTBT KTDB KTER KTEX KTFN KTIA KTIP KTLA KU KUNR
  KV KVIR KVPR KWAC KWBG KWMM KWMN KX KZ LA LE LG LH LI LO LS LT LTTE LU LY MA MAPP MAPS MARR MAS
  MASC MASS MCAP MCC MD MEPI MEPP MG MI MIL MK ML MN MNUC MO MOPS MP MR MT MTCR MTCRE MTRE MU MV
  MX MY MZ NA NASA NATO NG NH NI NIPP NK NL NO NP NPT NS NSF NSG NSSP NT NU NZ OAS ODIP OECD OEXC
  OFDP OIC OIE OIIP OPCW OPDC OPIC OPRC OREP OSAC OSCE OSCI OTRA OVIP OVP PA PAK PAO PARM PBIO PBTS
  PE PEPR PFOR PGOV PHSA PHUM PINR PINS PINT PK PL PM PNAT PO POL PORG PREF PREL PROP PTER PU QA
  RO RP RS RU RW SA SANC SCUL SENV SEVN SF SG SH SI SL SMIG SN SNAR SO SOCI SOFA SP SR ST SU SW SY
  SZ TBIO TC TD TH TI TINT TIP TK TNGD TO TP TPHY TRGY TRSY TS TSPA TSPL TT TU TW TX TZ UG UK UN
  UNAUS UNDP UNEP UNESCO UNGA UNHCR UNHRC UNMIK UNO UNSC UP US USAID USTR UV UY UZ VE VM VN VT VZ
  WA WB WBG WEU WHO WI WMO WTO WTRO WWARD XA XC XF XG XH XK XL XM XN XO XR XS XT XU XW XX XY YE YI
  YM ZA ZB ZI ZP ZR ZU`.split(/\s+/),
);

/** The label at the start of a TAGS line, its common forms first; glued to a date only with its colon (`…08/16/2015TAGS: EMIN`). */
const labelPattern =
  /(?:^|[^A-Za-z0-9/]|(?<=\d)(?=TAGS?:))(?:TAGS?|Tags?|tags|(?<=(?:^|\n)[ \t]*)[Tt][Aa][Gg][Ss]?)(?![A-Za-z])[ \t]*[:;.,)\\]?[ \t]*/;

const globalLabelPattern = new RegExp(labelPattern.source, 'g');

/** Mistyped labels (`TAGA:`, `TAFS:`, `AGS:`, `TGAS:`), only at a line start or after the E.O. line or its date. */
const typoLabelPattern =
  /(?:^|\n|(?:12958|DECL):?[^\n]*?[ \t])[ \t]*(?:T[A-Z]GS|TA[A-Z]S|TAG[A-Z]|[A-Z]AGS|TGAS|TASG|ATGS|TAGS[A-Z]|AGS|TGS|TAS)[ \t]*:[ \t]*/i;

/** Where the codes stop when another field is glued onto the TAGS line. */
const gluedFieldPattern =
  /\b(?:SUBJECT|Subject|SUBJ|Subj|subject)\b|\bREFS?:|\bREF\b(?=[ \t]*[A-Z(])|Classified [Bb]y|CLASSIFIED BY|¶|E\.O\./;

/** A code corrected for a typo: `MOPPS` as written, filed under MOPS. */
export interface TagCorrection {
  written: string;
  tag: string;
}

export interface TagOptions {
  /** Receives each code corrected for a typo, so the code as written is kept beside the tag. */
  corrections?: TagCorrection[];
}

/**
 * TAGS codes, upper case, de-duplicated, in order: `TAGS: PGOVPREL, KDEM` → PGOV, PREL, KDEM.
 * Person tags stay whole (`OVIP (CLINTON, HILLARY)` → OVIP, `CLINTON, HILLARY`); SIPDIS is dropped.
 * Accepts a whole cable file or just the TAGS line.
 */
export function parseTags(text: string, { corrections }: TagOptions = {}): string[] {
  const raw = findTagText(text);
  if (raw === null) return [];
  const tags: string[] = [];
  const split = splitTags(raw, corrections);
  for (let i = 0; i < split.length; i++) {
    const tag = split[i]!;
    if (tag !== 'SIPDIS' && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** The text after the TAGS label, with a continuation line when the first ends with a comma. */
function findTagText(text: string): string | null {
  const match = findLabel(text);
  if (!match) return text.length < 300 && !text.trim().includes('\n') ? text : null;
  const start = match.index + match[0].length;
  let end = text.indexOf('\n', start);
  if (end === -1) end = text.length;
  // A CSV dump ends each line in `\`: not part of the codes, and it would hide a trailing comma.
  let line = withoutEscape(text.slice(start, end));
  const glued = gluedFieldPattern.exec(line);
  if (glued) return line.slice(0, glued.index);
  while (/[,;][ \t]*$/.test(line) || nextLineIsCodes(text, end, line)) {
    const { line: continuation, next } = lineAfter(text, end);
    if (continuation.trim() === '' || gluedFieldPattern.test(continuation.slice(0, 12))) break;
    // `ECON, PHUM, UK SUBJECT: …`: the wrapped codes with the next field glued on.
    const gluedNext = gluedFieldPattern.exec(continuation);
    if (gluedNext) return `${line} ${continuation.slice(0, gluedNext.index)}`;
    line += ` ${continuation}`;
    end = next === -1 ? text.length : next;
    if (next === -1) break;
  }
  return line;
}

/** The first label followed by something that looks like codes (not `TAGS, AND CLASS BY`). */
function findLabel(text: string): RegExpExecArray | null {
  const labels = globalLabelPattern;
  labels.lastIndex = 0;
  for (let match = labels.exec(text); match; match = labels.exec(text)) {
    const end = match.index + match[0].length;
    // Codes follow on the label's line, or on the next after `TAGS:` alone (not after `(ADDED TAG)`).
    const after = text.slice(end, end + 40);
    const lineEnd = endsWithColon(match[0]) ? -1 : after.indexOf('\n');
    if (looksLikeCodes(lineEnd === -1 ? after : after.slice(0, lineEnd), text, match.index)) return match;
  }
  return typoLabelPattern.exec(text);
}

/** Whether the label ends with a colon, the spaces after it aside. */
function endsWithColon(label: string): boolean {
  let at = label.length - 1;
  while (at > 0 && (label.charCodeAt(at) === 32 || label.charCodeAt(at) === 9)) at--;
  return label.charCodeAt(at) === 58;
}

/**
 * Codes follow the label at `index`; any word will do for a label that starts its line, as in a
 * header (asked last: a short first word, as most codes are, tells first).
 */
function looksLikeCodes(after: string, text: string, index: number): boolean {
  const first = /^\s*\(?([A-Za-z]{2,})/.exec(after)?.[1];
  if (first === undefined || /^(?:AND|OF|THE|FOR|LINE|ON|IN|TO|WITH)$/i.test(first)) return false;
  return first.length <= 6 || isAtLineStart(text, index) || isCode(first) || segment(first.toUpperCase()) !== null;
}

function isAtLineStart(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return text.slice(lineStart, index + 1).trim().length <= 1;
}

/**
 * The line after the line break at `end`, without the `\` a CSV dump ends it with (not part of the
 * codes, and it would hide a trailing comma), and where it ends (-1 at the end of the text).
 */
function lineAfter(text: string, end: number): { line: string; next: number } {
  const next = text.indexOf('\n', end + 1);
  return { line: withoutEscape(text.slice(end + 1, next === -1 ? text.length : next)), next };
}

/** Whether the line after `end` holds nothing but codes (a TAGS line wrapped after `previous`). */
function nextLineIsCodes(text: string, end: number, previous: string): boolean {
  if (end >= text.length) return false;
  const { line, next } = lineAfter(text, end);
  const glued = gluedFieldPattern.exec(line);
  const codes = (glued && glued.index > 0 ? line.slice(0, glued.index) : line).trim();
  if (codes === '') return false;
  // Followed by a field, glued on or on the line after (a blank line between), or ending the text
  // (a TAGS field read alone), the codes may be two-letter ones.
  const beforeField = glued !== null || !hasTextFrom(text, next) || fieldFollows(text, next);
  return isCodeLine(codes, { beforeField, previous });
}

/** Whether the line after the line break at `end`, or the one after it when that is blank, opens with a field. */
function fieldFollows(text: string, end: number): boolean {
  const { line, next } = lineAfter(text, end);
  if (line.trim() === '' && next >= 0) return gluedFieldPattern.test(lineAfter(text, next).line.slice(0, 12));
  return gluedFieldPattern.test(line.slice(0, 12));
}

/** Whether anything but whitespace follows `from` (-1: nothing follows), without copying the rest. */
function hasTextFrom(text: string, from: number): boolean {
  if (from < 0) return false;
  nonSpacePattern.lastIndex = from;
  return nonSpacePattern.test(text);
}

const nonSpacePattern = /\S/g;

/**
 * A line of known codes only (`PTER, SENV`): the rest of a TAGS line wrapped without a comma.
 * Two-letter codes count only in a comma list (`BL, IS`), where they cannot be words of a sentence,
 * or as a line of their own just before the next field (`CO` above `SUBJECT:`). Just before the
 * next field, where only the wrapped codes can be, a comma list of code-like words is codes too
 * (`AU-I, CD, SU, LY`, `PTERS, SP`, `MI, IZ, GA`), and a word or two that go on a keyword tag the
 * line before ends with (`… KU COUNTRY` / `CLEARANCE`).
 */
export function isCodeLine(
  line: string,
  { beforeField = false, previous = '' }: { beforeField?: boolean; previous?: string } = {},
): boolean {
  const text = line.trim().replace(/,$/, '');
  if (text === '') return false;
  const words = text.split(/[\s,]+/);
  if (beforeField && words.length <= 3 && words.every((word) => knownCodes.has(word))) return true;
  if (beforeField && isCodeLikeList(text)) return true;
  if (beforeField && words.length <= 2 && words.every((word) => /^[A-Z]{4,}$/.test(word)) && endsWithPhraseWord(previous)) return true;
  if (!text.includes(',')) return words.every((word) => knownCodes.has(word) && word.length > 2);
  // In a comma list an unlisted two-letter code (`TF`) passes next to a known longer one.
  const isCountry = (word: string): boolean => /^[A-Z]{2}$/.test(word);
  return (
    words.every((word) => knownCodes.has(word) || isCountry(word)) &&
    (words.every((word) => knownCodes.has(word)) || words.some((word) => knownCodes.has(word) && word.length > 2))
  );
}

/** `AU-I, CD, SU, LY`: a comma list of single upper-case words, a country code or a known code among them. */
function isCodeLikeList(text: string): boolean {
  if (!text.includes(',')) return false;
  const items = text.split(',').map((item) => item.trim());
  return (
    items.every((item) => /^[A-Z][A-Z0-9/-]{1,9}$/.test(item)) && items.some((item) => knownCodes.has(item) || /^[A-Z]{2}$/.test(item))
  );
}

function endsWithPhraseWord(line: string): boolean {
  const last = /(\S+)\s*$/.exec(line)?.[1] ?? '';
  return /^[A-Z]+$/.test(last) && isPhraseWord(last);
}

function splitTags(raw: string, corrections: TagCorrection[] | undefined): string[] {
  const people: string[] = [];
  // `(CLINTON, HILLARY)` is one person tag; set it aside before splitting on commas.
  const uncaveated = raw.replace(/\bSIPDIS\b/gi, ' ');
  const text = uncaveated.includes('(')
    ? uncaveated.replace(/\(([^()]*)\)/g, (_, inner: string) => {
        people.push(inner.trim().replace(/\s+/g, ' ').toUpperCase());
        return `, \u0000${people.length - 1} ,`;
      })
    : uncaveated;
  const items = /[,;]/.test(text) ? splitCommaList(personInSpaceList(text, people)) : groupPhrases(text.trim().split(/\s+/));
  const tags: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    // A known code as written (most items) is its own tag: no list to build for it.
    if (knownCodes.has(item)) {
      tags.push(item);
      continue;
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL marks a person tag set aside while splitting
    const person = item.charCodeAt(0) === 0 ? /^\u0000(\d+)$/.exec(item) : null;
    const found = person ? [people[Number(person[1])] ?? ''] : fixCode(item, corrections);
    for (let k = 0; k < found.length; k++) if (found[k]!.length > 0) tags.push(found[k]!);
  }
  return tags;
}

/**
 * `PREL PGOV CLINTON, HILLARY`: in a list separated by spaces, its one comma between two words
 * that are no codes joins a person tag, set aside as the bracketed ones are.
 */
function personInSpaceList(text: string, people: string[]): string {
  const commas = text.match(/,/g)?.length ?? 0;
  const person = commas === 1 ? /(?:^|\s)([A-Za-z][A-Za-z'-]{2,}),[ \t]*([A-Za-z][A-Za-z'-]{2,})[ \t]*$/.exec(text) : null;
  if (!person || isCode(person[1]!) || isCode(person[2]!)) return text;
  // Codes before it, so the list is one of spaces (`TERRORISM, PROLIFERATION` alone is two phrase tags).
  const before = text.slice(0, person.index).trim().split(/\s+/);
  if (before[0] === '' || !before.every((word) => isCode(word) || word.startsWith('\u0000'))) return text;
  if (segment(person[1]!.toUpperCase()) || segment(person[2]!.toUpperCase())) return text;
  people.push(`${person[1]}, ${person[2]}`.toUpperCase());
  return `${text.slice(0, person.index)}, \u0000${people.length - 1}`;
}

function splitCommaList(text: string): string[] {
  const items = text.split(/[,;]/);
  const result: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!.trim();
    if (item.length === 0) continue;
    const words = item.split(/\s+/);
    // One word (most items) is its own tag. `GOI EXTERNAL` is one tag; `PREL PGOV` inside a comma list are two.
    if (words.length === 1 || (words.length === 2 && !(isCode(words[0]!) && isCode(words[1]!)))) result.push(item);
    else result.push(...groupPhrases(words));
  }
  return result;
}

/**
 * Keyword tags of more than one word that the release writes one after another with nothing
 * between them (`ITALY NATIONAL ELECTIONS ITALIAN POLITICS IRAQI FREEDOM`, `IS GOI EXTERNAL`):
 * each is one tag, however the words around it group.
 */
const phraseTags: readonly string[][] = [
  'ISRAELI PALESTINIAN AFFAIRS',
  'ITALY NATIONAL ELECTIONS',
  'MEETINGS WITH AMBASSADOR',
  'GAZA DISENGAGEMENT',
  'ITALIAN POLITICS',
  'IRAQI FREEDOM',
  'GOI INTERNAL',
  'GOI EXTERNAL',
].map((phrase) => phrase.split(' '));

/** The keyword tags by their first word, which most words of a TAGS line are not. */
const phraseTagsByFirst = Map.groupBy(phraseTags, (phrase) => phrase[0]!);

/** Their first letters in either case: most words are told apart by the first, without upper-casing them. */
const phraseFirstLetters: ReadonlySet<string> = new Set(phraseTags.flatMap(([first]) => [first![0]!, first![0]!.toLowerCase()]));

/** The number of words of a keyword tag starting at `words[at]`, 0 when none does. */
function phraseTagAt(words: string[], at: number): number {
  const word = words[at];
  // An ASCII first letter that opens no keyword tag (`ı` upper-cases to `I`).
  if (word === undefined || (word.charCodeAt(0) < 128 && !phraseFirstLetters.has(word[0]!))) return 0;
  const candidates = phraseTagsByFirst.get(word.toUpperCase());
  const found = candidates?.find((phrase) => phrase.every((word, offset) => words[at + offset]?.toUpperCase() === word));
  return found?.length ?? 0;
}

/** In a space-separated list, words that are not codes (`MEDIA REACTION`) form one phrase tag. */
function groupPhrases(words: string[]): string[] {
  const result: string[] = [];
  let phrase: string[] = [];
  const flush = (): void => {
    // `OVIP CLINTON HILLARY`: a visitor's name, written as the person tag `CLINTON, HILLARY`.
    const isPerson = phrase.length === 2 && result[result.length - 1]?.toUpperCase() === 'OVIP';
    if (phrase.length > 0) result.push(phrase.join(isPerson ? ', ' : ' '));
    phrase = [];
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // Most words are a known code outside a phrase: a tag of their own, which nothing below changes.
    if (phrase.length === 0 && knownCodes.has(word) && !phraseTagsByFirst.has(word)) {
      result.push(word);
      continue;
    }
    const known = phraseTagAt(words, i);
    if (known > 0) {
      flush();
      result.push(words.slice(i, i + known).join(' '));
      i += known - 1;
      continue;
    }
    const next = words[i + 1] ?? '';
    const isLong = isPhraseWord(word);
    const leadsPhrase = /^[A-Za-z]{3,4}$/.test(word) && !isCode(word) && isPhraseWord(next);
    const joins = phrase.length > 0 && /^(?:AND|OF|WITH|THE|FOR|ON|IN|TO)$/i.test(word) && isPhraseWord(next);
    if (isLong || leadsPhrase || joins) phrase.push(word);
    else {
      flush();
      result.push(word);
    }
  }
  flush();
  return result;
}

function isPhraseWord(word: string): boolean {
  return /^[A-Za-z][A-Za-z'-]{4,}$/.test(word) && !isCode(word) && segment(word.toUpperCase()) === null;
}

function isCode(word: string): boolean {
  // Most words are a code written in capitals, found without upper-casing them.
  return knownCodes.has(word) || knownCodes.has(word.toUpperCase());
}

/** Upper-case a code, trim stray punctuation and split run-together codes (`PGOVPREL`). */
function fixCode(item: string, corrections: TagCorrection[] | undefined): string[] {
  // Most items are a known code as written, which nothing below changes.
  if (knownCodes.has(item)) return [item];
  const tag = item
    .toUpperCase()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL marks a person tag set aside while splitting
    .replace(/^[^A-Z0-9\u0000]+|[^A-Z0-9)]+$/g, '')
    .replace(/\s+/g, ' ');
  if (tag.includes(' ') || knownCodes.has(tag) || tag.length < 5) return [tag];
  const parts = segment(tag);
  if (parts) return parts;
  const fixed = fixTypo(tag);
  if (fixed !== tag) corrections?.push({ written: tag, tag: fixed });
  return [fixed];
}

/** A code with one letter too many (`MOPPS`, `UNDESCO`) when dropping it gives exactly one known code. */
function fixTypo(tag: string): string {
  if (!/^[A-Z]{5,8}$/.test(tag)) return tag;
  const candidates = new Set<string>();
  for (let at = 0; at < tag.length; at++) {
    const shorter = tag.slice(0, at) + tag.slice(at + 1);
    if (shorter.length >= 4 && knownCodes.has(shorter)) candidates.add(shorter);
  }
  return candidates.size === 1 ? [...candidates][0]! : tag;
}

/**
 * Split a run of letters into known codes (`PGOVPREL`, `ECINECONCS`): codes of three letters
 * or more, then at most two country codes at the end; null when it cannot be done.
 */
function segment(word: string): string[] | null {
  if (!/^[A-Z]{5,40}$/.test(word)) return null;
  for (let countries = 0; countries <= 2; countries++) {
    const cut = word.length - 2 * countries;
    const tail: string[] = [];
    for (let at = cut; at < word.length; at += 2) tail.push(word.slice(at, at + 2));
    if (!tail.every((code) => knownCodes.has(code))) continue;
    const head = segmentLong(word.slice(0, cut));
    if (head && head.length + tail.length > 1) return [...head, ...tail];
    const lead = word.slice(0, 2);
    const rest = countries === 0 && knownCodes.has(lead) ? segmentLong(word.slice(2)) : null;
    if (rest) return [lead, ...rest];
  }
  return null;
}

function segmentLong(word: string): string[] | null {
  const best: (string[] | null)[] = [[]];
  for (let end = 1; end <= word.length; end++) {
    best[end] = null;
    for (let size = 3; size <= 6 && size <= end; size++) {
      const before = best[end - size];
      const piece = word.slice(end - size, end);
      if (before && knownCodes.has(piece)) {
        const candidate = [...before, piece];
        const current = best[end];
        if (!current || candidate.length < current.length) best[end] = candidate;
      }
    }
  }
  const result = best[word.length] ?? null;
  return result && result.length > 0 ? result : null;
}
