/**
 * The paragraph-link rule. Ids follow the 2010 WikiLeaks mirror, so old links keep their
 * meaning:
 *
 * - a numbered paragraph `¶7.` or `7.` gets `par7`;
 * - a sub-numbered one gets its parts joined by dots: `7.2.` → `par7.2`, and a lettered
 *   paragraph (`A.`, `(a)`, `b)`) after paragraph 7 gets `par7.a`;
 * - a number seen again gets `-2`, `-3` … in order of appearance (`par7-2`);
 * - any other block gets `p<K>`, K its 1-based position among the body's blocks.
 */

import { isDigit, isSpace } from './text.ts';

const numberedPattern = /^¶?\s*(\d{1,3})(?:\s?\.(\d{1,2}|[A-Za-z])\b\.?|\s?\.|\s?\)|(?=\s*\())/;
const letteredPattern = /^\(?([A-Za-z])[.)]\s/;

/*
 * Most blocks are neither numbered nor lettered: their first characters tell them before the
 * patterns run, for every block of every cable.
 */

/** A digit, `¶` or a blank first. */
function mayBeNumbered(text: string): boolean {
  if (text.length === 0) return false;
  const code = text.charCodeAt(0);
  return isDigit(code) || code === 0xb6 || isSpace(code);
}

/** `A.`, `b)` or `(a`, at least three characters: `.` or `)` second, or `(` first. */
function mayBeLettered(text: string): boolean {
  if (text.length < 3) return false;
  const second = text.charCodeAt(1);
  return second === 46 || second === 41 || text.charCodeAt(0) === 40;
}

export interface ParagraphMark {
  id: string;
  /** The number as written (`7`, `7.2`), null for an unnumbered block. */
  number: string | null;
  /** Length of the leading marker (`¶7.`) in the text, 0 when there is none. */
  markerLength: number;
}

/** Assigns ids to the blocks of one body, in order. */
export class ParagraphNumberer {
  #position = 0;
  #parent: string | null = null;
  #seen = new Map<string, number>();

  /** The mark of the next block; pass the paragraph's text, or null for a list or table. */
  next(text: string | null): ParagraphMark {
    this.#position++;
    const numbered = text === null || !mayBeNumbered(text) ? null : numberedPattern.exec(text);
    if (numbered) {
      const number = numbered[2] ? `${numbered[1]}.${numbered[2].toLowerCase()}` : numbered[1]!;
      if (!numbered[2]) this.#parent = numbered[1]!;
      return { id: this.#unique(`par${number}`), number, markerLength: numbered[0].length };
    }
    // A letter counts only under a numbered paragraph.
    const lettered = text === null || this.#parent === null || !mayBeLettered(text) ? null : letteredPattern.exec(text);
    if (lettered && this.#parent) {
      const number = `${this.#parent}.${lettered[1]!.toLowerCase()}`;
      return { id: this.#unique(`par${number}`), number, markerLength: 0 };
    }
    return { id: this.#unique(`p${this.#position}`), number: null, markerLength: 0 };
  }

  #unique(id: string): string {
    const count = (this.#seen.get(id) ?? 0) + 1;
    this.#seen.set(id, count);
    return count === 1 ? id : this.#unique(`${id}-${count}`);
  }
}
