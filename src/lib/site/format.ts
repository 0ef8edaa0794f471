/** Display formats shared by the pages. */

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat('en-US');

/** Days already formatted: a build shows the same few thousand dates on every list. */
const formattedDays = new Map<string, string>();

/** `2009-06-23T16:29:00Z` → `23 Jun 2009, 16:29Z`; `2009-06-23` → `23 Jun 2009`. */
export function formatDate(iso: string): string {
  const date = iso.slice(0, 10);
  let day = formattedDays.get(date);
  if (day === undefined) {
    day = dateFormat.format(new Date(`${date}T00:00:00Z`));
    formattedDays.set(date, day);
  }
  return iso.length > 10 ? `${day}, ${iso.slice(11, 16)}Z` : day;
}

/** `2009-06` → `June 2009`. */
export function formatMonth(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/** `5388` → `5,388`. */
export function formatCount(count: number): string {
  return numberFormat.format(count);
}

/** `1, 'cable'` → `1 cable`; `5388, 'cable'` → `5,388 cables`. */
export function formatQuantity(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}

const monthNameFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** `2009-06` → `June`, for lists already headed by the year. */
export function formatMonthName(month: string): string {
  return monthNameFormat.format(new Date(`${month}-01T00:00:00Z`));
}
