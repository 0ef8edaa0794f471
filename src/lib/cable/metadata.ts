/**
 * Lines 1–5 of a cable file: reference id, subject, date created, classification, origin.
 * Every problem becomes a message that says which line, what is wrong and what to do.
 */
import type { Line } from './header.ts';
import type { MessageList } from './messages.ts';
import { type Classification, classifications } from './schema.ts';

export interface Metadata {
  id: string;
  subject: string;
  /** `YYYY-MM-DD`, the local date of line 3. */
  date: string;
  classification: Classification;
  origin: string;
}

/**
 * A reference id: two-digit year, station, serial (`09USOSCE147`, `66BUENOSAIRES2481`,
 * `08SCTION02OF02SAOPAULO335`). Nothing else, so an id can never escape a URL or a path.
 */
const referenceIdPattern = /^\d{2}[0-9A-Z-]*[A-Z][0-9A-Z-]*\d$/;

const fieldNames = ['reference id', 'subject', 'date', 'classification', 'origin'] as const;

const monthNumbers: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};

export function readMetadata(lines: Line[], messages: MessageList): Metadata | null {
  let count = lines.length;
  while (count > 0 && !lines[count - 1]!.text.trim()) count--;
  const values: string[] = [];
  for (let index = 0; index < Math.min(count, 5); index++) values.push(lines[index]!.text.trim());
  // Read by index: a destructuring pattern walks the array's iterator, slow in a function run once per cable.
  const id = values[0] ?? '';
  const subject = values[1] ?? '';
  const date = values[2] ?? '';
  const classification = values[3] ?? '';
  const origin = values[4] ?? '';
  if (count === 0) {
    const what = lines.length > 1 || lines[0]?.text ? 'holds only blank lines and spaces' : 'is empty';
    messages.fail(
      'cable/empty-file',
      `the file ${what}; a cable file starts with five metadata lines (id, subject, date, classification, origin), then the telegram`,
      { line: 1 },
    );
    return null;
  }
  if (values.length < 5) {
    if (!referenceIdPattern.test(id))
      messages.fail(
        'cable/bad-id',
        `line 1 is not a reference id (expected e.g. 09USOSCE147), found "${clip(id)}"; is this a cable file?`,
        { line: 1 },
      );
    messages.fail(
      'cable/missing-metadata',
      `the file has ${values.length} line(s); a cable file starts with five metadata lines: ${fieldNames.join(', ')}. Line ${values.length + 1} (${fieldNames[values.length]}) is missing`,
      { line: Math.max(values.length, 1) },
    );
    return null;
  }
  // Lines 1, 3 and 4 are read once: in the usual order there is nothing misplaced to look for.
  const isoDate = parseCreated(date);
  const known = toClassification(classification);
  const isInOrder = referenceIdPattern.test(id) && isoDate.date !== undefined && known !== null;
  const misplaced = isInOrder ? null : findMisplaced(values);
  if (misplaced) {
    messages.fail('cable/metadata-order', `${misplaced}; the five metadata lines must come in the order ${fieldNames.join(', ')}`, {
      line: 1,
    });
    return null;
  }
  let ok = true;
  if (!referenceIdPattern.test(id)) {
    const escapes = /[/\\\s.]|%2f/i.test(id) ? ' and could escape a URL or a path' : '';
    messages.fail(
      'cable/bad-id',
      `line 1 is not a reference id${escapes} (expected two digits of year, station, serial, e.g. 09USOSCE147), found "${clip(id)}"; fix line 1`,
      { line: 1 },
    );
    ok = false;
  }
  if (isoDate.error) {
    messages.fail(
      'cable/bad-date',
      `line 3: ${isoDate.error} (expected e.g. "Tue Jun 23 00:00:00 +0200 2009"), found "${clip(date)}"; fix line 3`,
      { line: 3 },
    );
    ok = false;
  }
  if (!known) {
    messages.fail(
      'cable/unknown-classification',
      `line 4 is not a known classification, found "${clip(classification)}"; use one of ${classifications.join(', ')}`,
      { line: 4 },
    );
    ok = false;
  }
  if (!origin) {
    messages.fail('cable/missing-origin', 'line 5 is empty; it names the sending post (e.g. "Embassy Berlin")', { line: 5 });
    ok = false;
  }
  if (!subject)
    messages.warn('cable/empty-listed-subject', 'line 2 (the subject) is empty; the SUBJECT line of the text is used if there is one', {
      line: 2,
    });
  if (!ok || !isoDate.date || !known) return null;
  return { id, subject, date: isoDate.date, classification: known, origin };
}

/** `Tue Jun 23 00:00:00 +0200 2009` (as released) or `2009-06-23` → `2009-06-23`. */
function parseCreated(text: string): { date?: string; error?: string } {
  const released = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) \d{2}:\d{2}:\d{2} [+-]\d{4} (\d{4})$/.exec(text);
  const iso = released ? null : /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?$/.exec(text);
  let year: string;
  let month: string | undefined;
  let day: string;
  if (released) {
    day = released[2]!;
    year = released[3]!;
    month = monthNumbers[released[1]!];
  } else if (iso) {
    year = iso[1]!;
    month = iso[2]!;
    day = iso[3]!;
  } else {
    return { error: 'not a date' };
  }
  const value = `${year}-${month}-${day.padStart(2, '0')}`;
  // A day of the calendar in a cable's years, as nearly every line 3 holds, is told without parsing a date.
  if (month && isCalendarDay(Number(year), Number(month), Number(day)) && Number(year) >= 1900 && Number(year) <= 2100)
    return { date: value };
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!month || Number.isNaN(parsed.getTime()) || parsed.getUTCDate() !== Number(day)) {
    return { error: `${value.replace(/-undefined-/, '-??-')} is not a day of the calendar` };
  }
  if (Number(year) < 1900 || Number(year) > 2100) return { error: `year ${year} is impossible for a cable` };
  return { date: value };
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (isLeap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/** Line 4, spaced-out or in any case: `SECRET//NOFORN`, `Confidential`. */
function toClassification(text: string): Classification | null {
  // Most line 4s are written as the classification is: nothing to normalize.
  const written = classifications.find((entry) => entry === text);
  if (written) return written;
  const normalized = text
    .toUpperCase()
    .replace(/\s*\/\/\s*/g, '//')
    .replace(/\s+/g, ' ');
  return classifications.find((entry) => entry === normalized) ?? null;
}

/** Says which line holds a field that belongs elsewhere, when the five lines are shuffled. */
function findMisplaced(values: string[]): string | null {
  const shapes: [number, (value: string) => boolean][] = [
    [0, (value) => referenceIdPattern.test(value)],
    [2, (value) => parseCreated(value).date !== undefined],
    [3, (value) => toClassification(value) !== null],
  ];
  for (const [expected, looksLike] of shapes) {
    if (looksLike(values[expected]!)) continue;
    const found = values.findIndex((value, index) => index !== expected && looksLike(value));
    if (found >= 0) return `line ${found + 1} looks like the ${fieldNames[expected]}, which belongs on line ${expected + 1}`;
  }
  return null;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
