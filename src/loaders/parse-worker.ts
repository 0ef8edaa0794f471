/**
 * A worker thread of the parse pool: says `{ ready }` once the parser is loaded, then answers
 * each `{ task, bytes, relative }` with `{ task, result }` or `{ task, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { parseFile } from './parse-file.ts';

parentPort?.on('message', ({ task, bytes, relative }: { task: number; bytes: Uint8Array; relative: string }) => {
  try {
    parentPort?.postMessage({ task, result: parseFile(bytes, relative) });
  } catch (error) {
    parentPort?.postMessage({ task, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort?.postMessage({ ready: true });
