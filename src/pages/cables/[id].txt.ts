/**
 * `/cables/<ID>.txt`: the cable file exactly as it was read, byte for byte. This route serves it
 * in `astro dev`; a build copies the files instead (`src/integrations/cable-files.ts`), which costs
 * a small part of rendering a route per cable.
 */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { type CableEntry, getCablePaths } from '../../lib/site/cables.ts';
import { cableKey } from '../../lib/site/cache-keys.ts';

export const getStaticPaths = (async () => (import.meta.env.DEV ? getCablePaths({ keyOf: cableKey }) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const bytes = await readFile((props.cable as CableEntry).filePath!);
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
