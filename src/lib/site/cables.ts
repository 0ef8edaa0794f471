/** Collection queries shared by the pages: sorted once, grouped by index, never scanned pairwise. */
import { type CollectionEntry, getCollection } from 'astro:content';
import { tagSlug } from './urls.ts';

export type CableEntry = CollectionEntry<'cables'>;

let sorted: Promise<CableEntry[]> | undefined;

/** Every cable, newest first (ties by id). */
export function getCables(): Promise<CableEntry[]> {
  sorted ??= getCollection('cables').then((entries) =>
    entries.sort((a, b) => (a.data.date === b.data.date ? a.id.localeCompare(b.id) : a.data.date < b.data.date ? 1 : -1)),
  );
  return sorted;
}

/** Cables by tag slug, each list newest first; the first spelling seen names the tag. */
export async function getTagIndex(): Promise<Map<string, { tag: string; cables: CableEntry[] }>> {
  const index = new Map<string, { tag: string; cables: CableEntry[] }>();
  for (const cable of await getCables()) {
    for (const tag of cable.data.tags) {
      const slug = tagSlug(tag);
      let group = index.get(slug);
      if (!group) index.set(slug, (group = { tag, cables: [] }));
      if (group.cables[group.cables.length - 1] !== cable) group.cables.push(cable);
    }
  }
  return index;
}
