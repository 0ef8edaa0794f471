/**
 * Runs one command (an `astro build`, Pagefind's CLI) as a child process, keeps its output in a
 * log file, and samples the resident memory of the whole process tree every 100 ms.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

export interface RunResult {
  /** Wall time in seconds. */
  seconds: number;
  /** Peak of the summed RSS of the process and all its descendants, in bytes. */
  peakRss: number;
  /** The process that reached the highest RSS on its own, e.g. `node 3.1 GiB` or `pagefind_extended 2.0 GiB`. */
  peakProcess: { name: string; rss: number };
  /** Everything the command printed (stdout and stderr, interleaved). */
  output: string;
  exitCode: number;
  /** User + system CPU seconds of the whole tree (from /usr/bin/time), null without it: unlike wall time, it hardly moves when other work shares the machine. */
  cpuSeconds: number | null;
  /** The kernel's share of `cpuSeconds` (file creation, page faults, memory returned): on this VM it swings more than user time. */
  systemSeconds: number | null;
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
  // GNU time reports the CPU time of the command and every child it waited for.
  const timed = existsSync('/usr/bin/time');
  const [command, args] = timed
    ? ['/usr/bin/time', ['-f', 'bench-cpu %U %S', options.command, ...options.args]]
    : [options.command, options.args];
  const child = spawn(command, args, {
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
  const peakProcess = { name: '', rss: 0 };
  let sampling = false;
  let tree: number[] = [];
  let ticks = 0;
  const timer = setInterval(() => {
    if (sampling || child.pid === undefined) return;
    sampling = true;
    // The process tree is re-read from /proc once a second; its RSS every 100 ms.
    const pids = ticks++ % 10 === 0 ? descendants(child.pid) : Promise.resolve(tree);
    pids
      .then(async (list) => {
        tree = list;
        const sizes = await readRss(list);
        peakRss = Math.max(
          peakRss,
          sizes.reduce((sum, { rss }) => sum + rss, 0),
        );
        for (const size of sizes) if (size.rss > peakProcess.rss) Object.assign(peakProcess, size);
      })
      .finally(() => {
        sampling = false;
      });
  }, 100);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  await new Promise((resolve) => log.end(resolve));
  const output = chunks.join('');
  const cpu = /^bench-cpu ([\d.]+) ([\d.]+)$/m.exec(output);
  return {
    seconds: (performance.now() - started) / 1000,
    peakRss,
    peakProcess,
    output,
    exitCode,
    cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null,
    systemSeconds: cpu ? Number(cpu[2]) : null,
  };
}

/** `root` and every process below it, from the parent ids in /proc/<pid>/stat. */
async function descendants(root: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // The command name in parentheses may hold spaces; the parent id is the second field after it.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(parent);
    if (list) list.push(Number(name));
    else children.set(parent, [Number(name)]);
  }
  const found: number[] = [];
  const stack = [root];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    found.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** VmRSS of each of `pids`, in bytes, with its command name; a process that has ended counts 0. */
async function readRss(pids: number[]): Promise<{ name: string; rss: number }[]> {
  return await Promise.all(
    pids.map(async (pid) => {
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '';
      return { name, rss: Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024 };
    }),
  );
}
