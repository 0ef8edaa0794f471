/**
 * `/cables/<ID>.json`: frontmatter, sections and paragraphs of one cable, as the loader wrote them
 * (`src/loaders/parse-file.ts`), and the cables citing it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type CableEntry, getCablePaths } from '../../lib/site/cables.ts';
import { getJsonKeys } from '../../lib/site/cache-keys.ts';
import { getCableLinks } from '../../lib/site/links.ts';
import { readExport } from '../../loaders/bodies.ts';

export const getStaticPaths = (async () => getCablePaths({ keyOf: await getJsonKeys() })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const cable = props.cable as CableEntry;
  const linksOf = await getCableLinks();
  const exported = await readExport(cable);
  exported.citedBy = [...linksOf(cable.id).citedBy];
  return Response.json(exported);
};
