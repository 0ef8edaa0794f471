/** Display formats shared by the pages. */

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2009-06-23T16:29:00Z` → `23 Jun 2009, 16:29Z`; `2009-06-23` → `23 Jun 2009`. */
export function formatDate(iso: string): string {
  const day = dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  return iso.length > 10 ? `${day}, ${iso.slice(11, 16)}Z` : day;
}
