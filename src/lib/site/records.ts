/** The part of a cable the pure indexes read; a collection entry fits, and so does a parsed cable. */
import type { CableFrontmatter } from '../cable/index.ts';

export interface CableRecord<Field extends keyof CableFrontmatter = keyof CableFrontmatter> {
  /** Canonical reference id, the cable's URL. */
  id: string;
  data: Pick<CableFrontmatter, Field>;
}

/** Newest first, ties by id: the order of every list on the site. */
export function compareNewestFirst(a: CableRecord<'date'>, b: CableRecord<'date'>): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  return a.id.localeCompare(b.id);
}
