/**
 * The sitemap: `/sitemap.xml` is a sitemap index over files of at most 50,000 URLs each
 * (the protocol's limit), so it holds however many cables the site has.
 */
import { escapeXml } from './xml.ts';

/** URLs per sitemap file, the limit of the sitemaps.org protocol. */
export const SITEMAP_LIMIT = 50_000;

/** `urls` cut into files of at most `limit` each; always at least one file. */
export function chunkUrls(urls: readonly string[], limit = SITEMAP_LIMIT): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < urls.length; start += limit) chunks.push(urls.slice(start, start + limit));
  return chunks.length > 0 ? chunks : [[]];
}

export function renderUrlSet(urls: readonly string[]): string {
  return wrap(
    'urlset',
    urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`),
  );
}

export function renderSitemapIndex(sitemaps: readonly string[]): string {
  return wrap(
    'sitemapindex',
    sitemaps.map((url) => `  <sitemap><loc>${escapeXml(url)}</loc></sitemap>`),
  );
}

function wrap(element: string, lines: string[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<${element} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...lines,
    `</${element}>`,
    '',
  ].join('\n');
}
