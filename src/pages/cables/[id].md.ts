/** `/cables/<ID>.md`: the frontmatter as YAML, then the sectioned Markdown body. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { stringify } from 'yaml';
import { type CableEntry, getCablePaths } from '../../lib/site/cables.ts';
import { cableKey } from '../../lib/site/cache-keys.ts';
import { readMarkdown } from '../../loaders/bodies.ts';

export const getStaticPaths = (() => getCablePaths({ keyOf: cableKey })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const cable = props.cable as CableEntry;
  const markdown = `---\n${stringify(cable.data, { lineWidth: 0 })}---\n\n${await readMarkdown(cable)}`;
  return new Response(markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
