/** The excerpt of a hit: a window of the best block's words around its matches, matches marked. */
import type { Hit } from './hit.ts';

export interface ExcerptPart {
  text: string;
  isMark: boolean;
}

export function buildExcerpt(words: string[], hit: Hit, { length = 32 } = {}): ExcerptPart[] {
  const end = Math.min(hit.end, words.length);
  const start = chooseStart(hit, end, length);
  const stop = Math.min(end, start + length);
  const marked = new Set(hit.locations);
  const parts: ExcerptPart[] = [];
  if (start > hit.start) parts.push({ text: '… ', isMark: false });
  for (let i = start; i < stop; i++) {
    const word = words[i] ?? '';
    const separator = i + 1 < stop ? ' ' : '';
    if (marked.has(i)) parts.push({ text: word, isMark: true }, { text: separator, isMark: false });
    else {
      const last = parts[parts.length - 1];
      if (last && !last.isMark) last.text += word + separator;
      else parts.push({ text: word + separator, isMark: false });
    }
  }
  if (stop < end) parts.push({ text: ' …', isMark: false });
  return parts.filter((part) => part.text !== '');
}

/** Start of the window of `length` words inside the block that holds the most matches. */
function chooseStart(hit: Hit, end: number, length: number): number {
  if (end - hit.start <= length || hit.locations.length === 0) return hit.start;
  let best = hit.start;
  let bestCount = -1;
  for (const location of hit.locations) {
    const start = Math.max(hit.start, Math.min(location - 4, end - length));
    const count = hit.locations.filter((other) => other >= start && other < start + length).length;
    if (count > bestCount) {
      best = start;
      bestCount = count;
    }
  }
  return best;
}
