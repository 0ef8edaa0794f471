/**
 * Every URL the site links to, in one place. Pages end in a slash, files do not.
 * Paginated lists put page 1 at the list's own URL and page N at `<list>/N/`.
 */

/** `/tags/PARM/` with page 3 → `/tags/PARM/3/`; page 1 (or none) → the list itself. */
export function pageUrl(listUrl: string, page = 1): string {
  return page > 1 ? `${listUrl}${page}/` : listUrl;
}

/** A page of a list, scrolled to a heading inside it: `/dates/2009/2/#m2009-06`. */
export function anchorUrl(url: string, anchor: string): string {
  return `${url}#${anchor}`;
}

export function homeUrl(): string {
  return '/';
}

export function searchUrl(): string {
  return '/search/';
}

export function cableUrl(id: string, paragraph?: string): string {
  return `/cables/${id}/${paragraph ? `#${paragraph}` : ''}`;
}

/** The cable file exactly as released. */
export function cableTextUrl(id: string): string {
  return `/cables/${id}.txt`;
}

/** Frontmatter plus sectioned Markdown. */
export function cableMarkdownUrl(id: string): string {
  return `/cables/${id}.md`;
}

/** Frontmatter, sections and paragraphs as JSON. */
export function cableJsonUrl(id: string): string {
  return `/cables/${id}.json`;
}

/** Metadata of every cable as JSON. */
export function cablesIndexUrl(): string {
  return '/cables.json';
}

export function feedUrl(): string {
  return '/feed.xml';
}

export function sitemapUrl(chunk?: number): string {
  return chunk === undefined ? '/sitemap.xml' : `/sitemap-${chunk}.xml`;
}

/** `PARM` → `PARM`; `CLINTON, HILLARY` → `CLINTON-HILLARY`: safe in a path, readable. */
export function tagSlug(tag: string): string {
  return (
    tag
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'UNKNOWN'
  );
}

export function tagsUrl(): string {
  return '/tags/';
}

export function tagUrl(tag: string, page?: number): string {
  return pageUrl(`/tags/${tagSlug(tag)}/`, page);
}

/** `Embassy Buenos Aires` → `embassy-buenos-aires`. */
export function originSlug(origin: string): string {
  return (
    origin
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'unknown'
  );
}

export function originsUrl(): string {
  return '/origins/';
}

export function originUrl(origin: string, page?: number): string {
  return pageUrl(`/origins/${originSlug(origin)}/`, page);
}

export function datesUrl(): string {
  return '/dates/';
}

export function yearUrl(year: string, page?: number): string {
  return pageUrl(`/dates/${year}/`, page);
}

/** `SECRET//NOFORN` → `secret-noforn`. */
export function classificationSlug(classification: string): string {
  return classification
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function classificationsUrl(): string {
  return '/classifications/';
}

export function classificationUrl(classification: string, page?: number): string {
  return pageUrl(`/classifications/${classificationSlug(classification)}/`, page);
}

/** Id of a year heading on an origin page: `y2009`. */
export function yearAnchor(year: string): string {
  return `y${year}`;
}

/** Id of a month heading on a year page: `m2009-06`. */
export function monthAnchor(month: string): string {
  return `m${month}`;
}
