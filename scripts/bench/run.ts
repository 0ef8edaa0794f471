/**
 * Runs one command (an `astro build`, Pagefind's CLI) as a child process, keeps its output in a
 * log file, and samples the resident memory of the whole process tree every 100 ms.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

export interface RunResult {
  /** Wall time in seconds. */
  seconds: number;
  /** Peak of the summed RSS of the process and all its descendants, in bytes. */
  peakRss: number;
  /** Everything the command printed (stdout and stderr, interleaved). */
  output: string;
  exitCode: number;
}

export async function runMeasured(options: {
  command: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  logFile: string;
}): Promise<RunResult> {
  const log = createWriteStream(options.logFile);
  const started = performance.now();
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  const keep = (chunk: Buffer): void => {
    chunks.push(chunk.toString());
    log.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let peakRss = 0;
  let sampling = false;
  const timer = setInterval(() => {
    if (sampling || child.pid === undefined) return;
    sampling = true;
    treeRss(child.pid)
      .then((rss) => {
        peakRss = Math.max(peakRss, rss);
      })
      .finally(() => {
        sampling = false;
      });
  }, 100);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  await new Promise((resolve) => log.end(resolve));
  return { seconds: (performance.now() - started) / 1000, peakRss, output: chunks.join(''), exitCode };
}

/** Sum of VmRSS over `root` and its descendants, read from /proc. */
async function treeRss(root: number): Promise<number> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
    const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? -1);
    const kilobytes = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    rss.set(Number(name), kilobytes * 1024);
    const list = children.get(parent);
    if (list) list.push(Number(name));
    else children.set(parent, [Number(name)]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}
