/**
 * Collection queries shared by the pages, each computed once per build: the cables newest
 * first, and the groups (tag, origin, year, classification) every index page lists.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import { compareNewestFirst } from './records.ts';
import { classificationSlug, originSlug, tagSlug } from './urls.ts';

export type CableEntry = CollectionEntry<'cables'>;

/** Cables that share a tag, origin, year or classification, newest first. */
export interface CableGroup {
  /** The group's path segment (`PARM`, `embassy-harare`, `2009`, `secret-noforn`). */
  slug: string;
  /** The group as written: the first spelling seen names it. */
  name: string;
  cables: CableEntry[];
}

let sorted: Promise<CableEntry[]> | undefined;

/** Every cable, newest first (ties by id). */
export function getCables(): Promise<CableEntry[]> {
  sorted ??= getCollection('cables').then((entries) => entries.sort(compareNewestFirst));
  return sorted;
}

/**
 * One route per cable, `{ id }` → the cable: the paths of the cable's downloads, each with the
 * cache key `keyOf` gives it (see `cache-keys.ts`).
 */
export async function getCablePaths({
  keyOf,
}: {
  keyOf: (cable: CableEntry) => string;
}): Promise<{ params: { id: string }; props: { cable: CableEntry }; cacheKey: string }[]> {
  return (await getCables()).map((cable) => ({ params: { id: cable.id }, props: { cable }, cacheKey: keyOf(cable) }));
}

let byId: Promise<Map<string, CableEntry>> | undefined;

/** Every cable by its id. */
export function getCableMap(): Promise<Map<string, CableEntry>> {
  byId ??= getCables().then((cables) => new Map(cables.map((cable) => [cable.id, cable])));
  return byId;
}

/** Cables by tag slug, each list newest first. */
export const getTagIndex = memoizeGroups(
  (cable) => cable.data.tags,
  (tag) => tagSlug(tag),
);

/** Cables by origin slug, newest first. */
export const getOriginIndex = memoizeGroups(
  (cable) => [cable.data.origin],
  (origin) => originSlug(origin),
);

/** Cables by year (`2009`), newest first. */
export const getYearIndex = memoizeGroups(
  (cable) => [cable.data.date.slice(0, 4)],
  (year) => year,
);

/** Cables by classification slug, newest first. */
export const getClassificationIndex = memoizeGroups(
  (cable) => [cable.data.classification],
  (classification) => classificationSlug(classification),
);

/** One pass over the sorted cables puts each in the groups its keys name, once each. */
function memoizeGroups(
  keysOf: (cable: CableEntry) => readonly string[],
  slugOf: (key: string) => string,
): () => Promise<Map<string, CableGroup>> {
  let groups: Promise<Map<string, CableGroup>> | undefined;
  return () => {
    groups ??= getCables().then((cables) => {
      const index = new Map<string, CableGroup>();
      for (const cable of cables) {
        for (const key of keysOf(cable)) {
          const slug = slugOf(key);
          let group = index.get(slug);
          if (!group) {
            group = { slug, name: key, cables: [] };
            index.set(slug, group);
          }
          if (group.cables[group.cables.length - 1] !== cable) group.cables.push(cable);
        }
      }
      return index;
    });
    return groups;
  };
}
