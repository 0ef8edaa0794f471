/**
 * What Pagefind indexes of a cable page: not the whole page but a small document cut from it —
 * the hidden facets (src/components/SearchFacets.astro: result metadata, filters, sort key), the
 * line above the title (id · origin · classification), the title, and the cable body. Navigation,
 * contents, references and related lists never reach Pagefind.
 *
 * In the body, each block's id moves to an empty marker in front of the block, so Pagefind still
 * records every block as an anchor with its word position (src/lib/search/hit.ts turns those into
 * paragraph hits) but no longer stores a second copy of the block's text with it: that copy made
 * up half of every result fragment a browser downloads. The pilcrow links before paragraphs go
 * too: `¶` glued to the first word, so "¶abdul" was indexed instead of "abdul".
 */

/** The search document of a built cable page, or null when the page has nothing for search. */
export function toSearchDocument(page: string): string | null {
  const article = page.indexOf('data-pagefind-body');
  if (article < 0) return null;
  const facets = sliceElement(page, '<div hidden data-pagefind-ignore>', article);
  const eyebrow = sliceElement(page, '<p class="eyebrow">', article);
  const title = sliceElement(page, '<h1 data-pagefind-meta="title">', article);
  const body = sliceElement(page, '<div class="cable-body">', article);
  if (facets === null || title === null || body === null) return null;
  return `<!doctype html><html lang="en"><body data-pagefind-body>${facets}${eyebrow ?? ''}${title}${markBlocks(body)}</body></html>`;
}

/** Block ids on empty markers, pilcrow links out; a numbered paragraph keeps its number as text (`1.`). */
export function markBlocks(body: string): string {
  return body
    .replace(/<a href="#[^"]*" class="par-anchor">¶<\/a>/g, '')
    .replace(/<a href="#[^"]*" class="par-link">¶([^<]*)<\/a>/g, '$1')
    .replace(/<(?!h[1-6]\b|span\b)([a-z][a-z0-9]*)\b([^>]*?)\sid="([^"]*)"/g, '<span id="$3"></span><$1$2');
}

/** The element that starts with `open` (at or after `from`), through its matching end tag. */
function sliceElement(page: string, open: string, from: number): string | null {
  const start = page.indexOf(open, from);
  if (start < 0) return null;
  const tag = /^<([a-z][a-z0-9]*)/.exec(open)?.[1] ?? '';
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  pattern.lastIndex = start;
  let depth = 0;
  for (let match = pattern.exec(page); match; match = pattern.exec(page)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return page.slice(start, match.index + match[0].length);
  }
  return null;
}
