/**
 * `/cables/<ID>.md`: the frontmatter as YAML, then the sectioned Markdown, as the loader wrote it
 * (`src/loaders/parse-file.ts`). This route serves it in `astro dev`; a build copies the files
 * instead (`src/integrations/cable-files.ts`), which costs a small part of rendering a route per cable.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type CableEntry, getCablePaths } from '../../lib/site/cables.ts';
import { cableKey } from '../../lib/site/cache-keys.ts';
import { readMarkdownDownload } from '../../loaders/bodies.ts';

export const getStaticPaths = (async () => (import.meta.env.DEV ? getCablePaths({ keyOf: cableKey }) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const markdown = await readMarkdownDownload(props.cable as CableEntry);
  return new Response(markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
