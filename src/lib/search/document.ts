/**
 * What Pagefind indexes of a cable: not its page but a small document made from the cable's data
 * and rendered body, so the index can be built while Astro is still rendering the pages
 * (src/integrations/search-index.ts). It holds the hidden facets (result metadata, filters, sort
 * key), the line above the title (id · origin · classification), the title and the body;
 * navigation, contents, references and related lists never reach Pagefind.
 *
 * In the body, each block's id moves to an empty marker in front of the block, so Pagefind still
 * records every block as an anchor with its word position (src/lib/search/hit.ts turns those into
 * paragraph hits) but no longer stores a second copy of the block's text with it: that copy made
 * up half of every result fragment a browser downloads. The pilcrow links before paragraphs go
 * too: `¶` glued to the first word, so "¶abdul" was indexed instead of "abdul".
 */
import type { CableFrontmatter } from '../cable/index.ts';
import { escapeXml as text } from '../site/xml.ts';

/** The fields of a cable that its search document shows or files it under. */
export type SearchFields = Pick<CableFrontmatter, 'id' | 'date' | 'origin' | 'classification' | 'tags' | 'subject'>;

/**
 * The HTML document Pagefind indexes for a cable, from its fields and its rendered body
 * (`renderCable`), filed, in a part's base index, under its bucket (`bucketValue`,
 * src/lib/search/delta.ts; a delta's documents have none, so masking buckets never hides them).
 * Which part of the index a document is in is no filter of its own: the browser gives each part
 * its name as it merges it (src/lib/search/pagefind.ts), so no search downloads it.
 */
export function toSearchDocument(cable: SearchFields, body: string, bucket: string | null = null): string {
  const { id, date, origin, classification, tags, subject } = cable;
  const facets = [
    `<span data-pagefind-meta="id">${text(id)}</span>`,
    `<span data-pagefind-meta="date" data-pagefind-sort="date">${text(date)}</span>`,
    `<span data-pagefind-meta="origin" data-pagefind-filter="origin">${text(origin)}</span>`,
    `<span data-pagefind-meta="classification" data-pagefind-filter="classification">${text(classification)}</span>`,
    `<span data-pagefind-filter="year">${text(date.slice(0, 4))}</span>`,
    ...tags.map((tag) => `<span data-pagefind-filter="tag">${text(tag)}</span>`),
    ...(bucket === null ? [] : [`<span data-pagefind-filter="bucket">${text(bucket)}</span>`]),
  ];
  return (
    `<!doctype html><html lang="en"><body data-pagefind-body>` +
    `<div hidden data-pagefind-ignore>${facets.join('')}</div>` +
    `<p>${text(`${id} · ${origin} · ${classification}`)}</p>` +
    `<h1 data-pagefind-meta="title">${text(subject || id)}</h1>` +
    `<div>${markBlocks(body)}</div></body></html>`
  );
}

/** Block ids on empty markers, pilcrow links out; a numbered paragraph keeps its number as text (`1.`). */
export function markBlocks(body: string): string {
  return body
    .replace(/<a href="#[^"]*" class="par-anchor">¶<\/a>/g, '')
    .replace(/<a href="#[^"]*" class="par-link">¶([^<]*)<\/a>/g, '$1')
    .replace(/<(?!h[1-6]\b|span\b)([a-z][a-z0-9]*)\b([^>]*?)\sid="([^"]*)"/g, '<span id="$3"></span><$1$2');
}
