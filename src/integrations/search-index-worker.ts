/**
 * A worker thread that builds the search index (`indexCables`), so that reading the cables'
 * bodies and handing them to Pagefind never waits for the build's own thread, busy bundling and
 * rendering. Answers `{ outcome }` or `{ error }` once, then ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexCables } from './search-index.ts';

const { cacheDir } = workerData as { cacheDir: string };
indexCables(new URL(cacheDir)).then(
  (outcome) => parentPort?.postMessage({ outcome }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
