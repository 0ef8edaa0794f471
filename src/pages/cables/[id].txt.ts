/** `/cables/<ID>.txt`: the cable file exactly as it was read, byte for byte. */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCables } from '../../lib/site/cables.ts';

export const getStaticPaths = (async () => {
  const cables = await getCables();
  return cables.map((cable) => ({ params: { id: cable.id }, props: { filePath: cable.filePath! } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const bytes = await readFile(props.filePath as string);
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
