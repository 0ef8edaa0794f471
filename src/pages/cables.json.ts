/** `/cables.json`: the metadata of every cable, newest first. */
import type { APIRoute } from 'astro';
import { getCables } from '../lib/site/cables.ts';
import { toIndexEntry } from '../lib/site/exports.ts';

export const GET: APIRoute = async () => {
  const cables = await getCables();
  return Response.json({ count: cables.length, cables: cables.map(toIndexEntry) });
};
