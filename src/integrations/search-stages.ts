/**
 * The parts of the search index built two at a time, staggered. Pagefind's service works on one
 * core: it adds a part's documents (a third of its time, and little memory: ~0.5 GiB for the
 * 5,388-cable corpus), then writes the part's files (two thirds of its time, ~2 GiB). One part after
 * another, a cold build of 10,000 cables waited a quarter of a minute at its end on one busy core
 * while the other was idle. Here the next part adds its documents while the last one writes, each
 * with a service of its own (search-part-worker.ts): at most one part adds and one writes at any
 * time, so memory stays bounded by one part writing beside another adding.
 */
import { Worker } from 'node:worker_threads';
import type { PartJob } from './search-part-worker.ts';

/** The two stages of a part, each held by one part at a time, handed on in the order asked for. */
export class Stages {
  readonly adding = new Turn();
  readonly writing = new Turn();
}

/**
 * Builds one part in a worker thread: adds its documents once no other part is adding, writes its
 * files once no other part is writing, and lets the next part add as soon as its own writing starts.
 * `env` is the environment of its Pagefind service.
 */
export async function buildPartInWorker(job: PartJob, stages: Stages, env: NodeJS.ProcessEnv): Promise<void> {
  const leaveAdding = await stages.adding.take();
  let leaveWriting = (): void => {};
  const worker = new Worker(new URL('./search-part-worker.ts', import.meta.url), { workerData: job, env });
  const failed = failure(worker);
  try {
    await Promise.race([said(worker, 'added'), failed]);
    leaveWriting = await Promise.race([stages.writing.take(), failed]);
    leaveAdding();
    worker.postMessage('write');
    await Promise.race([said(worker, 'written'), failed]);
  } finally {
    leaveAdding();
    leaveWriting();
  }
}

/** Resolves when the worker says `{ [kind]: true }`. */
function said(worker: Worker, kind: 'added' | 'written'): Promise<void> {
  return new Promise((resolve) => {
    worker.on('message', (message: Record<string, unknown>) => {
      if (message[kind]) resolve();
    });
  });
}

/**
 * Rejects when the worker says `{ error }`, fails, or ends before it has written its part: listened
 * to from its start, so a failure while it waits for its turn to write is not lost.
 */
function failure(worker: Worker): Promise<never> {
  let written = false;
  const failed = new Promise<never>((_resolve, reject) => {
    worker.on('message', (message: { written?: true; error?: string }) => {
      if (message.written) written = true;
      if (message.error) reject(new Error(`the search index could not be built: ${message.error}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!written) reject(new Error(`a search index worker thread exited (code ${code}) before its part was written`));
    });
  });
  // Raced against each step; once the part is written, nothing waits on it.
  failed.catch(() => {});
  return failed;
}

/** A turn at something one holder at a time: `take()` waits for the holders before, then gives the means to leave. */
class Turn {
  #last: Promise<void> = Promise.resolve();

  take(): Promise<() => void> {
    let leave!: () => void;
    const left = new Promise<void>((resolve) => {
      leave = resolve;
    });
    const taken = this.#last.then(() => leave);
    this.#last = left;
    return taken;
  }
}
