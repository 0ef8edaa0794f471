/** The cross-link indexes of the cable pages, built once per build from the sorted cables. */
import { type CableEntry, getCables } from './cables.ts';
import { indexCitations } from './citations.ts';
import { indexNeighbours, type Neighbours } from './neighbours.ts';
import { indexTags, rankRelated, type RelatedCable } from './related.ts';

export interface CableLinks {
  /** Ids of the cables whose REF lines name this one, newest first. */
  citedBy: string[];
  /** Others ranked by shared tags, rare tags counting more. */
  related: RelatedCable[];
  /** Previous and next cable from the same origin. */
  neighbours: Neighbours;
}

let indexes: Promise<(id: string) => CableLinks> | undefined;

/** A function from a cable id to its cross-links; the indexes behind it are built on the first call. */
export function getCableLinks(): Promise<(id: string) => CableLinks> {
  indexes ??= getCables().then(buildLinks);
  return indexes;
}

function buildLinks(cables: CableEntry[]): (id: string) => CableLinks {
  const citations = indexCitations(cables);
  const neighbours = indexNeighbours(cables);
  const tags = indexTags(cables);
  return (id) => ({
    citedBy: citations.get(id) ?? [],
    related: rankRelated(tags, id),
    neighbours: neighbours.get(id) ?? { previous: null, next: null },
  });
}
