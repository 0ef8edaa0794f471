/** `/cables/<ID>.json`: frontmatter, sections and paragraphs of one cable, and the cables citing it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type CableEntry, getCablePaths } from '../../lib/site/cables.ts';
import { getJsonKeys } from '../../lib/site/cache-keys.ts';
import { toCableExport } from '../../lib/site/exports.ts';
import { getCableLinks } from '../../lib/site/links.ts';
import { readMarkdown } from '../../loaders/bodies.ts';

export const getStaticPaths = (async () => getCablePaths({ keyOf: await getJsonKeys() })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const cable = props.cable as CableEntry;
  const linksOf = await getCableLinks();
  return Response.json(toCableExport({ ...cable, body: await readMarkdown(cable) }, linksOf(cable.id).citedBy));
};
