/** `/sitemap.xml`: a sitemap index over `/sitemap-<N>.xml`, each at most 50,000 pages. */
import type { APIRoute } from 'astro';
import { listPagePaths } from '../lib/site/paths.ts';
import { chunkUrls, renderSitemapIndex } from '../lib/site/sitemap.ts';
import { sitemapUrl } from '../lib/site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const chunks = chunkUrls(await listPagePaths());
  const urls = chunks.map((_, index) => new URL(sitemapUrl(index + 1), site).href);
  return new Response(renderSitemapIndex(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
