/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page is copied
 * from the last build instead of rendered when its route code and its key are unchanged, so a
 * key must change with everything the page shows. A cable's digest changes with its file and
 * with the parser; a page showing other cables folds in their ids and digests.
 */
import { createHash } from 'node:crypto';
import type { CableEntry, CableGroup } from './cables.ts';
import { getCableMap } from './cables.ts';
import { getCableLinks, getOriginYearPages } from './links.ts';

/** A short digest of values (strings, numbers, null), order significant. */
export function digestOf(values: readonly (string | number | null | undefined)[]): string {
  const hash = createHash('sha256');
  for (const value of values) hash.update(`${value ?? '\u0000'}\u0001`);
  return hash.digest('base64url').slice(0, 22);
}

/** What a cable's own files (`.txt`, `.md`) are made of: its file and the parser. */
export function cableKey(cable: CableEntry): string {
  return String(cable.digest ?? digestOf([cable.id, JSON.stringify(cable.data)]));
}

const groupKeys = new WeakMap<CableGroup, string>();

/** Every cable of a group, in order: the key of a list page that shows the whole group (counts, years, runs). */
export function groupKey(group: CableGroup): string {
  let key = groupKeys.get(group);
  if (key === undefined) {
    key = digestOf([group.slug, group.name, ...group.cables.flatMap((cable) => [cable.id, cableKey(cable)])]);
    groupKeys.set(group, key);
  }
  return key;
}

let pageKeys: Promise<(cable: CableEntry) => string> | undefined;

/**
 * The cable page: the cable; the cables it lists (cited by, related with their shared tags, the
 * origin's previous and next) with their digests; which of its references are in the collection;
 * the page of the origin list its year link opens.
 */
export function getCablePageKeys(): Promise<(cable: CableEntry) => string> {
  pageKeys ??= Promise.all([getCableMap(), getCableLinks(), getOriginYearPages()]).then(([byId, linksOf, yearPageOf]) => (cable) => {
    const links = linksOf(cable.id);
    const keyOf = (id: string | null): string | null => {
      const other = id === null ? undefined : byId.get(id);
      return other ? `${other.id}:${cableKey(other)}` : null;
    };
    return digestOf([
      cableKey(cable),
      'cited',
      ...links.citedBy.map(keyOf),
      'related',
      ...links.related.map(({ id, shared }) => `${keyOf(id)}:${JSON.stringify(shared)}`),
      'neighbours',
      keyOf(links.neighbours.previous),
      keyOf(links.neighbours.next),
      'known',
      ...cable.data.references.map((reference) => (reference.id && byId.has(reference.id) ? reference.id : '')),
      'year-page',
      yearPageOf(cable.data.origin, cable.data.date.slice(0, 4)),
    ]);
  });
  return pageKeys;
}
