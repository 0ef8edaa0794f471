/**
 * Page breaks glued into a line of text with single spaces (`… BRASILIA 882 BRASILIA 00000888
 * 001.2 OF 002`): found by the serial and page number, and by a known station before them.
 */
import { normalizeStation } from './stations.ts';

/** The serial and page of a page break inside a line: ` 00000888 001.2 OF 002`; the station comes before it. */
const gluedPageNumberPattern = /\s0\d{4,}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}(?=\s|$)/g;

/**
 * `REF: BRASILIA 882 BRASILIA 00000888 001.2 OF 002`: a page break glued into a line with
 * single spaces, its station being the longest run of up to three capitalised words before
 * the serial that names a known station.
 */
export function removeGluedPageNumbers(text: string, onDrop?: (dropped: string) => void): string {
  gluedPageNumberPattern.lastIndex = 0;
  let out = '';
  let from = 0;
  for (let match = gluedPageNumberPattern.exec(text); match; match = gluedPageNumberPattern.exec(text)) {
    const start = stationStart(text, match.index);
    if (start < 0) continue;
    onDrop?.(text.slice(start, match.index + match[0].length));
    out += `${text.slice(from, start)} `;
    from = match.index + match[0].length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Where the station before a glued serial starts, or -1 when the words before it name none;
 * it may be glued to a number before it (`C. CAIRO 507CAIRO 00000524 001.2 OF 002`).
 */
function stationStart(text: string, serialAt: number): number {
  const words = /(?:^|[\s\d])((?:[A-Z][A-Z.'-]*\s+){0,2}[A-Z][A-Z.'-]*)$/.exec(text.slice(Math.max(0, serialAt - 60), serialAt))?.[1];
  if (!words) return -1;
  const parts = words.split(/\s+/);
  // The longest run that names one: `NEW DELHI`, though `DELHI` alone is known too.
  for (let size = parts.length; size >= 1; size--) {
    const station = parts.slice(-size).join(' ');
    if (normalizeStation(station)) return text.lastIndexOf(station, serialAt);
  }
  return -1;
}
