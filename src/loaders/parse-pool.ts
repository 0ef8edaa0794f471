/**
 * Parsing and rendering cables on every core: a pool of worker threads, each running
 * `parseFile` (plain Node runs the parser, see docs/architecture.md). The loader submits the
 * changed files in order and takes the results in the same order; until a worker is up, it parses
 * the ones it wants itself, so nothing waits for the workers to start (each imports the parser,
 * unified and zod: seconds on a busy machine). Then the workers run ahead of the loader,
 * which stores and writes the results. Below `minFiles` no worker is started.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ParsedFile, parseFile } from './parse-file.ts';

export interface ParsePool {
  /** Worker threads started: 0 when every file is parsed in the calling thread. */
  threads: number;
  /** Queues a file; the returned function gives its result, parsing it here if no worker has taken it. */
  submit(bytes: Uint8Array, relative: string): () => Promise<ParsedFile>;
  close(): Promise<void>;
}

export interface ParsePoolOptions {
  /** Files to parse: the pool starts a worker per `minFiles` of them, up to `threads`. */
  files: number;
  /** Default 250. */
  minFiles?: number;
  /** Default `os.availableParallelism()`; `CABLES_PARSE_THREADS` overrides it (0: no workers). */
  threads?: number;
}

/** Tasks sent to a worker ahead of its results, so it never waits for the loader's thread. */
const IN_FLIGHT = 8;

interface Task {
  bytes: Uint8Array | null;
  relative: string;
  state: 'queued' | 'sent' | 'taken';
  result: Promise<ParsedFile>;
  resolve: (result: ParsedFile) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  isReady: boolean;
  inFlight: number;
}

export function createParsePool({ files, minFiles = 250, threads = defaultThreads() }: ParsePoolOptions): ParsePool {
  const count = Math.min(threads, Math.floor(files / minFiles));
  const tasks: Task[] = [];
  let next = 0;
  const workers: PoolWorker[] = [];
  const dispatch = (entry: PoolWorker): void => {
    while (entry.isReady && entry.inFlight < IN_FLIGHT && next < tasks.length) {
      const index = next++;
      const task = tasks[index]!;
      if (task.state !== 'queued') continue;
      task.state = 'sent';
      entry.inFlight++;
      entry.worker.postMessage({ task: index, bytes: task.bytes, relative: task.relative });
      task.bytes = null;
    }
  };
  const fail = (error: Error): void => {
    for (const task of tasks) if (task.state === 'sent') task.reject(error);
  };
  for (let i = 0; i < count; i++) {
    const entry: PoolWorker = { worker: new Worker(new URL('./parse-worker.ts', import.meta.url)), isReady: false, inFlight: 0 };
    entry.worker.on('message', (message: { ready?: true; task?: number; result?: ParsedFile; error?: string }) => {
      if (message.ready) {
        entry.isReady = true;
      } else if (message.task !== undefined) {
        entry.inFlight--;
        const task = tasks[message.task]!;
        if (message.result) task.resolve(message.result);
        else task.reject(new Error(`parsing ${task.relative} failed in a worker thread: ${message.error}`));
      }
      dispatch(entry);
    });
    entry.worker.on('error', fail);
    entry.worker.on('exit', (code) => {
      if (entry.inFlight > 0) fail(new Error(`a parse worker thread exited (code ${code}) with ${entry.inFlight} cable(s) unparsed`));
    });
    workers.push(entry);
  }
  return {
    threads: count,
    submit(bytes, relative) {
      let resolve!: (result: ParsedFile) => void;
      let reject!: (error: Error) => void;
      const result = new Promise<ParsedFile>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // Taken in order by the loader; a failure before its turn must not count as unhandled.
      result.catch(() => {});
      const task: Task = { bytes, relative, state: 'queued', result, resolve, reject };
      tasks.push(task);
      for (const entry of workers) dispatch(entry);
      return () => {
        // Only while no worker is up: a loop that parsed here whenever a task was still queued would
        // keep the thread from reading the workers' messages, and do all the work alone.
        if (task.state === 'queued' && !workers.some((entry) => entry.isReady)) {
          task.state = 'taken';
          try {
            task.resolve(parseFile(task.bytes!, relative));
          } catch (error) {
            task.reject(error as Error);
          }
          task.bytes = null;
        }
        return task.result;
      };
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}

function defaultThreads(): number {
  const configured = Number(process.env.CABLES_PARSE_THREADS);
  return Number.isInteger(configured) && configured >= 0 ? configured : os.availableParallelism();
}
