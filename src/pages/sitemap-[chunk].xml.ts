/** `/sitemap-<N>.xml`: the N-th 50,000 pages of the site, as listed by `listPagePaths`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listPagePaths } from '../lib/site/paths.ts';
import { chunkUrls, renderUrlSet } from '../lib/site/sitemap.ts';

export const getStaticPaths = (async () => {
  const chunks = chunkUrls(await listPagePaths());
  return chunks.map((paths, index) => ({ params: { chunk: String(index + 1) }, props: { paths } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const paths = props.paths as string[];
  const xml = renderUrlSet(paths.map((path) => new URL(path, site).href));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
