/** Typo-tolerant matching shared by the field parsers (station names, titles in Classified By). */

/** Whether two strings differ by at most one substitution, insertion or deletion. */
export function isNearMiss(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return sameFrom(a, i + 1, b, i + 1) || sameFrom(a, i + 1, b, i) || sameFrom(a, i, b, i + 1);
}

function sameFrom(a: string, from: number, b: string, other: number): boolean {
  if (a.length - from !== b.length - other) return false;
  for (let k = 0; from + k < a.length; k++) {
    if (a.charCodeAt(from + k) !== b.charCodeAt(other + k)) return false;
  }
  return true;
}

/** Whether two strings differ by two neighbouring letters swapped (`WELLINGOTN`, `Ambassadro`). */
export function isTransposed(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
