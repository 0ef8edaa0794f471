/** What a search result shows, computed from its Pagefind fragment: pure, so tests can run it in Node. */
import { formatDate } from '../site/format.ts';
import { buildExcerpt, type ExcerptPart } from './excerpt.ts';
import { findHit, hitUrl, splitWords } from './hit.ts';
import type { Fragment } from './pagefind.ts';

export interface ResultView {
  /** Link to the best-matching paragraph, with the words to highlight: `/cables/09USOSCE147/?highlight=Lavrov#par3`. */
  url: string;
  id: string;
  subject: string;
  /** As shown (`26 Jun 2009`), and as written in the cable's data (`2009-06-26`). */
  date: string;
  isoDate: string;
  origin: string;
  classification: string;
  /** Where the link lands, for its label: `¶3`, a section title, or null for the top of the page. */
  landing: string | null;
  excerpt: ExcerptPart[];
}

export function viewResult(fragment: Fragment, query: string): ResultView {
  const hit = findHit(fragment, query);
  const words = splitWords(fragment.content);
  const firstBlock = fragment.anchors.find((anchor) => /^(par\d|p\d+$)/.test(anchor.id));
  const excerptHit = hit.locations.length > 0 ? hit : { ...hit, start: firstBlock?.location ?? 0, end: words.length };
  const { meta } = fragment;
  return {
    url: hitUrl(fragment.url, hit),
    id: meta.id ?? '',
    subject: meta.title ?? meta.id ?? fragment.url,
    date: meta.date ? formatDate(meta.date) : '',
    isoDate: meta.date ?? '',
    origin: meta.origin ?? '',
    classification: meta.classification ?? '',
    landing: describeLanding(hit.blockId, fragment),
    excerpt: buildExcerpt(words, excerptHit),
  };
}

function describeLanding(blockId: string | null, fragment: Fragment): string | null {
  if (!blockId) return null;
  const paragraph = /^par(\d.*?)(-\d+)?$/.exec(blockId);
  if (paragraph) return `¶${paragraph[1]}`;
  const anchor = fragment.anchors.find((candidate) => candidate.id === blockId);
  if (anchor && /^h\d$/i.test(anchor.element)) {
    const words = splitWords(fragment.content);
    const next = fragment.anchors.filter((other) => other.location > anchor.location).sort((a, b) => a.location - b.location)[0];
    return words.slice(anchor.location, Math.min(next?.location ?? anchor.location + 8, anchor.location + 8)).join(' ');
  }
  return 'paragraph';
}
