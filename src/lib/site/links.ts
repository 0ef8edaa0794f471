/** The cross-link indexes of the cable pages, built once per build from the sorted cables. */
import { type CableEntry, getCables, getOriginIndex } from './cables.ts';
import { indexCitations } from './citations.ts';
import { locateRuns } from './groups.ts';
import { indexNeighbours, type Neighbours } from './neighbours.ts';
import { PAGE_SIZE } from './pagination.ts';
import { indexTags, type RelatedCable, rankRelated } from './related.ts';
import { originSlug } from './urls.ts';

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
  // Asked twice of every cable in a build, by its page's cache key and by the page itself: ranked once.
  const known = new Map<string, CableLinks>();
  return (id) => {
    let links = known.get(id);
    if (links === undefined) {
      links = {
        citedBy: citations.get(id) ?? [],
        related: rankRelated(tags, id),
        neighbours: neighbours.get(id) ?? { previous: null, next: null },
      };
      known.set(id, links);
    }
    return links;
  };
}

let yearPages: Promise<(origin: string, year: string) => number> | undefined;

/** The page of an origin's list where its cables of a year begin: the breadcrumb's year link. */
export function getOriginYearPages(): Promise<(origin: string, year: string) => number> {
  yearPages ??= getOriginIndex().then((index) => {
    const pages = new Map<string, number>();
    for (const group of index.values()) {
      for (const run of locateRuns(group.cables, (cable) => cable.data.date.slice(0, 4), PAGE_SIZE)) {
        pages.set(`${group.slug}/${run.key}`, run.page);
      }
    }
    return (origin, year) => pages.get(`${originSlug(origin)}/${year}`) ?? 1;
  });
  return yearPages;
}
