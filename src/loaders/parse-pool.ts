/**
 * Parsing and rendering cables on every core: a pool of worker threads, each running
 * `parseFile` (plain Node runs the parser, see docs/architecture.md). The loader hands it the
 * changed files in order and awaits the results in the same order; the workers run ahead.
 * Below `minFiles` the pool is not started and files are parsed in the calling thread, where
 * starting the workers (each imports unified and zod) would cost more than it saves.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ParsedFile, parseFile } from './parse-file.ts';

export interface ParsePool {
  /** Worker threads started: 0 when files are parsed in the calling thread. */
  threads: number;
  parse(bytes: Uint8Array, relative: string): Promise<ParsedFile>;
  close(): Promise<void>;
}

export interface ParsePoolOptions {
  /** Files to parse: the pool starts workers only for at least `minFiles` of them. */
  files: number;
  /** Default 100. */
  minFiles?: number;
  /** Default `os.availableParallelism()`; `CABLES_PARSE_THREADS` overrides it (0 or 1: no workers). */
  threads?: number;
}

export function createParsePool({ files, minFiles = 100, threads = defaultThreads() }: ParsePoolOptions): ParsePool {
  const count = files < minFiles ? 0 : Math.min(threads, Math.ceil(files / minFiles));
  if (count <= 1) return { threads: 0, parse: async (bytes, relative) => parseFile(bytes, relative), close: async () => {} };
  const workerUrl = new URL('./parse-worker.ts', import.meta.url);
  const pending = new Map<number, { resolve: (result: ParsedFile) => void; reject: (error: Error) => void }>();
  let failure: Error | null = null;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const task of pending.values()) task.reject(error);
    pending.clear();
  };
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(workerUrl);
    worker.on('message', (message: { task: number; result?: ParsedFile; error?: string }) => {
      const task = pending.get(message.task);
      if (!task) return;
      pending.delete(message.task);
      if (message.result) task.resolve(message.result);
      else task.reject(new Error(`parsing failed in a worker thread: ${message.error}`));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (pending.size > 0) fail(new Error(`a parse worker thread exited (code ${code}) with ${pending.size} cable(s) unparsed`));
    });
    return worker;
  });
  let next = 0;
  return {
    threads: count,
    parse(bytes, relative) {
      if (failure) return Promise.reject(failure);
      const task = next++;
      return new Promise<ParsedFile>((resolve, reject) => {
        pending.set(task, { resolve, reject });
        // Round robin: cables are of similar size, and each worker queues its own messages.
        workers[task % workers.length]!.postMessage({ task, bytes, relative });
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function defaultThreads(): number {
  const configured = Number(process.env.CABLES_PARSE_THREADS);
  return Number.isInteger(configured) && configured >= 0 ? configured : os.availableParallelism();
}
