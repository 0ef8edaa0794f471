/** Every URL the site links to, in one place. All end in a slash but file downloads. */

export function cableUrl(id: string, paragraph?: string): string {
  return `/cables/${id}/${paragraph ? `#${paragraph}` : ''}`;
}

/** `PARM` → `PARM`; `CLINTON, HILLARY` → `CLINTON-HILLARY`: safe in a path, readable. */
export function tagSlug(tag: string): string {
  return tag.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '') || 'UNKNOWN';
}

export function tagUrl(tag: string): string {
  return `/tags/${tagSlug(tag)}/`;
}

/** `Embassy Buenos Aires` → `embassy-buenos-aires`. */
export function originSlug(origin: string): string {
  return origin.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unknown';
}

export function originUrl(origin: string): string {
  return `/origins/${originSlug(origin)}/`;
}

export function yearUrl(year: string): string {
  return `/dates/${year}/`;
}

/** `SECRET//NOFORN` → `secret-noforn`. */
export function classificationSlug(classification: string): string {
  return classification.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function classificationUrl(classification: string): string {
  return `/classifications/${classificationSlug(classification)}/`;
}
