/** Typo-tolerant matching shared by the field parsers (station names, titles in Classified By). */

/** Whether two strings differ by at most one substitution, insertion or deletion. */
export function isNearMiss(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  // Without their common start and (up to the shorter's rest) their common end, each is left with
  // at most one character: most pairs differ at both ends and are told at once.
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  return a.length - start - end <= 1 && b.length - start - end <= 1;
}

/** Whether two strings differ by two neighbouring letters swapped (`WELLINGOTN`, `Ambassadro`). */
export function isTransposed(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i >= a.length - 1 || a.charCodeAt(i) !== b.charCodeAt(i + 1) || a.charCodeAt(i + 1) !== b.charCodeAt(i)) return false;
  for (let k = i + 2; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return true;
}
