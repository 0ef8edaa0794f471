/** `/feed.xml`: an Atom feed of the newest cables. */
import type { APIRoute } from 'astro';
import { getCables } from '../lib/site/cables.ts';
import { renderAtomFeed } from '../lib/site/feed.ts';
import { cableUrl, feedUrl, homeUrl } from '../lib/site/urls.ts';
import { readExport } from '../loaders/bodies.ts';

/** Entries in the feed. */
const FEED_SIZE = 50;

export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string): string => new URL(path, site).href;
  const cables = (await getCables()).slice(0, FEED_SIZE);
  const xml = renderAtomFeed({
    home: absolute(homeUrl()),
    self: absolute(feedUrl()),
    title: 'US diplomatic cables: newest',
    subtitle: 'The newest cables of the collection.',
    entries: await Promise.all(
      cables.map(async (cable) => ({
        url: absolute(cableUrl(cable.id)),
        title: `${cable.data.id}: ${cable.data.subject || cable.data.id}`,
        date: cable.data.date,
        // The summary is not in the data store: it comes with the cable's export.
        summary: (await readExport(cable)).frontmatter.summary ?? `${cable.data.classification} cable from ${cable.data.origin}.`,
        categories: cable.data.tags,
        author: cable.data.origin,
      })),
    ),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
