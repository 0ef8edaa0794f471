/**
 * "Related cables": others ranked by the tags they share with a cable, each shared tag
 * weighted by how rare it is (inverse document frequency, `ln(N / cables with the tag)`).
 *
 * Built on an inverted index (tag → cables), never a scan over all pairs. Candidates come
 * from the cable's rarest tags first; once `budget` candidates are found, a common tag only
 * adds the cables nearest in time that carry it. So the work per cable is bounded by
 * `budget × tags`, however large the collection or a tag (PREL on 100,000 cables).
 */
import type { CableRecord } from './records.ts';

export interface TagIndex {
  ids: string[];
  positions: Map<string, number>;
  /** Tags of the cable at each position, de-duplicated. */
  tagsAt: string[][];
  /** Tag → positions of the cables that carry it, ascending. */
  postings: Map<string, number[]>;
}

export interface RelatedCable {
  id: string;
  /** Sum of the weights of the shared tags. */
  score: number;
  /** Shared tags, rarest first. */
  shared: string[];
}

export interface RankOptions {
  /** How many cables to return. */
  limit?: number;
  /** How many candidates to score at most. */
  budget?: number;
}

/**
 * Indexes `cables` by tag. Pass them in date order (the site passes newest first): the cables
 * "nearest in time" within a tag are then its neighbours in the posting list.
 */
export function indexTags(cables: readonly CableRecord<'tags'>[]): TagIndex {
  const ids: string[] = [];
  const positions = new Map<string, number>();
  const tagsAt: string[][] = [];
  const postings = new Map<string, number[]>();
  cables.forEach((cable, position) => {
    const tags = [...new Set(cable.data.tags)];
    ids.push(cable.id);
    positions.set(cable.id, position);
    tagsAt.push(tags);
    for (const tag of tags) {
      const list = postings.get(tag);
      if (list) list.push(position);
      else postings.set(tag, [position]);
    }
  });
  return { ids, positions, tagsAt, postings };
}

/** The weight of a tag: higher the fewer cables carry it; 0 for a tag every cable carries. */
export function weighTag(index: TagIndex, tag: string): number {
  const count = index.postings.get(tag)?.length ?? 0;
  return count === 0 ? 0 : Math.log(index.ids.length / count);
}

/** The cables that share the most (and rarest) tags with `id`, best first; ties go to the nearest in time. */
export function rankRelated(index: TagIndex, id: string, options: RankOptions = {}): RelatedCable[] {
  const { limit = 8, budget = 300 } = options;
  const self = index.positions.get(id);
  if (self === undefined) return [];
  const weights = new Map<string, number>();
  for (const tag of index.tagsAt[self]!) {
    const weight = weighTag(index, tag);
    if (weight > 0 && index.postings.get(tag)!.length > 1) weights.set(tag, weight);
  }
  const tags = [...weights.keys()].sort((a, b) => weights.get(b)! - weights.get(a)! || a.localeCompare(b));
  const ranked: (RelatedCable & { distance: number })[] = [];
  for (const position of collectCandidates(index, self, tags, budget)) {
    // The cable's own tags are in weight order, so the shared ones come out rarest first without sorting each candidate's.
    const theirs = index.tagsAt[position]!;
    const shared = tags.filter((tag) => theirs.includes(tag));
    const score = shared.reduce((sum, tag) => sum + weights.get(tag)!, 0);
    ranked.push({ id: index.ids[position]!, score, shared, distance: Math.abs(position - self) });
  }
  ranked.sort((a, b) => b.score - a.score || a.distance - b.distance || a.id.localeCompare(b.id));
  return ranked.slice(0, limit).map(({ id: other, score, shared }) => ({ id: other, score, shared }));
}

/** Positions of the cables to score: all of a rare tag's, the nearest in time of a common tag's. */
function collectCandidates(index: TagIndex, self: number, tags: readonly string[], budget: number): Set<number> {
  const candidates = new Set<number>();
  for (const tag of tags) {
    const room = budget - candidates.size;
    if (room <= 0) break;
    const list = index.postings.get(tag)!;
    const [from, to] = list.length - 1 <= room ? [0, list.length] : windowAround(list, self, room + 1);
    for (let at = from; at < to; at++) if (list[at] !== self) candidates.add(list[at]!);
  }
  return candidates;
}

/** `[from, to)` of `size` entries of the ascending `list` centred on `value`. */
function windowAround(list: readonly number[], value: number, size: number): [number, number] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  const from = Math.max(0, Math.min(low - Math.floor(size / 2), list.length - size));
  return [from, from + size];
}
