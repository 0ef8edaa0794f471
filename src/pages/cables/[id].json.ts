/**
 * `/cables/<ID>.json`: frontmatter, sections and paragraphs of one cable, as the loader wrote them
 * (`src/loaders/parse-file.ts`), and the cables citing it. This route serves it in `astro dev`; a
 * build writes the files instead (`src/integrations/cable-files.ts`), which costs a small part of
 * rendering a route per cable.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type CableEntry, getCablePaths } from '../../lib/site/cables.ts';
import { cableKey } from '../../lib/site/cache-keys.ts';
import { getCableLinks } from '../../lib/site/links.ts';
import { readExport } from '../../loaders/bodies.ts';

export const getStaticPaths = (async () => (import.meta.env.DEV ? getCablePaths({ keyOf: cableKey }) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const cable = props.cable as CableEntry;
  const linksOf = await getCableLinks();
  const exported = await readExport(cable);
  exported.citedBy = [...linksOf(cable.id).citedBy];
  return Response.json(exported);
};
