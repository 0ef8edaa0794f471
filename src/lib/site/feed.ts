/** The Atom feed of the newest cables (RFC 4287). */
import { escapeXml } from './xml.ts';

export interface FeedEntry {
  /** Absolute URL of the cable page; also the entry's id. */
  url: string;
  title: string;
  /** ISO 8601 date or date-time. */
  date: string;
  summary: string;
  categories: readonly string[];
  author: string;
}

export interface Feed {
  /** Absolute URL of the site. */
  home: string;
  /** Absolute URL of the feed itself. */
  self: string;
  title: string;
  subtitle: string;
  entries: readonly FeedEntry[];
}

export function renderAtomFeed(feed: Feed): string {
  const updated =
    feed.entries
      .map((entry) => toTimestamp(entry.date))
      .sort()
      .at(-1) ?? '1970-01-01T00:00:00Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.home)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.home)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <updated>${updated}</updated>`,
    ...feed.entries.map(renderEntry),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

function renderEntry(entry: FeedEntry): string {
  return [
    '  <entry>',
    `    <id>${escapeXml(entry.url)}</id>`,
    `    <title>${escapeXml(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
    `    <updated>${toTimestamp(entry.date)}</updated>`,
    `    <author><name>${escapeXml(entry.author)}</name></author>`,
    ...entry.categories.map((category) => `    <category term="${escapeXml(category)}"/>`),
    `    <summary>${escapeXml(entry.summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

/** `2009-06-23` → `2009-06-23T00:00:00Z`: Atom wants a full date-time. */
function toTimestamp(date: string): string {
  return date.length === 10 ? `${date}T00:00:00Z` : date;
}
