/**
 * A worker thread that builds one part of the search index with a Pagefind service of its own
 * (each thread loads its own copy of the `pagefind` module, so each starts its own service process).
 * It adds the part's documents, says `{ added }`, waits for `write` (src/integrations/
 * search-stages.ts lets one part write at a time), writes the part's files, closes its service, which
 * gives the part's memory back, and says `{ written }`; on a failure it says `{ error }`.
 */
import type { ChildProcess } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { bucketOf, bucketValue } from '../lib/search/delta.ts';
import { type SearchFields, toSearchDocument } from '../lib/search/document.ts';

export interface PartJob {
  cables: { id: string; html: string; data: SearchFields }[];
  /** Where Pagefind writes the part's bundle. */
  folder: string;
  /** The part whose `bucket` values its documents are filed under (a base); null for a delta. */
  bucketsOf: string | null;
}

/** Search documents read and sent to Pagefind at a time: enough to keep its service busy, few enough to hold little. */
const inFlight = 16;

/**
 * Pagefind's service process, seen as the `pagefind` module starts it (Node announces every child
 * process on the `child_process` channel of this thread): `close()` kills it without waiting, and
 * the thread waits for it to end, so that its memory is given back before another part writes, and
 * it is reaped, not left a zombie whose CPU time the build's process never counts.
 */
const services: ChildProcess[] = [];
subscribe('child_process', (message) => {
  services.push((message as { process: ChildProcess }).process);
});

const port = parentPort;
if (port) {
  buildPart(workerData as PartJob, port).catch((error: unknown) =>
    port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
}

async function buildPart({ cables, folder, bucketsOf }: PartJob, port: NonNullable<typeof parentPort>): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const problems: string[] = [];
    // Read a few bodies at a time, but hand them to Pagefind in id order: it numbers pages as they
    // arrive, so the same cables always give the same index files (and the same offline cache).
    for (let start = 0; start < cables.length; start += inFlight) {
      const batch = cables.slice(start, start + inFlight);
      const bodies = await Promise.all(batch.map((cable) => readFile(cable.html, 'utf8')));
      const added = await Promise.all(
        batch.map((cable, at) =>
          index.addHTMLFile({
            url: `/cables/${cable.id}/`,
            content: toSearchDocument(
              cable.data,
              bodies[at] as string,
              bucketsOf === null ? null : bucketValue(bucketsOf, bucketOf(cable.id)),
            ),
          }),
        ),
      );
      for (const [at, { errors }] of added.entries()) if (errors.length > 0) problems.push(`${batch[at]!.id}: ${errors.join('; ')}`);
    }
    if (problems.length > 0) throw new Error(`Pagefind could not index the cables: ${problems.slice(0, 5).join('; ')}`);
    port.postMessage({ added: true });
    await once(port, 'message');
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  } finally {
    await closeServices();
  }
  port.postMessage({ written: true });
}

async function closeServices(): Promise<void> {
  const ended = services.map((service) =>
    service.exitCode !== null || service.signalCode !== null ? Promise.resolve() : once(service, 'exit').then(() => {}),
  );
  await pagefind.close();
  // The module unrefs its service as it closes it, which would let this thread end before the service does.
  for (const service of services) service.ref();
  await Promise.all(ended);
}
