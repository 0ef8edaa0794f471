/**
 * The build benchmark: builds the whole site (every page, every index page, the search index)
 * for N cables, cold and optionally again after one cable changes, and reports wall time per
 * stage, cables per second, peak RSS of the build's process tree, output size and file count,
 * and the bytes a first search transfers. Results go to bench/ as JSON and a table.
 *
 *   npm run bench                                      1,000 cables, cold
 *   npm run bench -- --cables 10000 --warm --glob      10k cold, then one cable changed, then Astro's glob() loader
 *   npm run bench -- --compare bench/a.json bench/b.json
 *
 * Each run works in a folder bench/run-<N>-<random> (cables, a snapshot of the project with its data
 * store and output), removed afterwards unless --keep.
 * Options: --source DIR (default ../shared/corpus/cables; N above its size makes renamed copies),
 * --json FILE (also write the result there), --keep (keep the temporary folder), --no-browser
 * (add up the search files instead of measuring in headless Chromium), --node-options "…",
 * --config FILE (another Astro config, to measure a setting before adopting it).
 */
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { prepareCables, touchOneCable } from './bench/corpus.ts';
import { makeGlobProject } from './bench/glob-project.ts';
import { type FirstSearch, measureFirstSearch, measureOutput, type OutputSize, readStages, type Stages } from './bench/measure.ts';
import { compareResults, printResult } from './bench/report.ts';
import { runMeasured } from './bench/run.ts';
import { exitWithUsage, parseOptions } from './options.ts';

export interface BuildMeasure {
  label: string;
  cables: number;
  seconds: number;
  /** User + system CPU seconds of the build's process tree. */
  cpuSeconds: number | null;
  /** The system (kernel) part of `cpuSeconds`. */
  systemSeconds?: number | null;
  peakRss: number;
  /** The single process with the highest RSS (the build's node, or Pagefind's service). */
  peakProcess?: { name: string; rss: number };
  stages: Stages;
  output: OutputSize;
  firstSearch: FirstSearch | null;
  exitCode: number;
  log: string;
}

export interface BenchResult {
  cables: number;
  copies: number;
  inputBytes: number;
  source: string;
  date: string;
  machine: { cpus: number; memory: number; node: string; load: number[] };
  runs: BuildMeasure[];
}

const usage = `usage: npm run bench -- [--cables N] [--warm] [--glob] [--source DIR] [--json FILE] [--keep]
                        [--no-browser] [--node-options "…"] [--config FILE]
       npm run bench -- --compare A.json B.json`;

const { values } = parseOptions(usage, {
  options: {
    cables: { type: 'string', default: '1000' },
    source: { type: 'string', default: '../shared/corpus/cables' },
    warm: { type: 'boolean', default: false },
    glob: { type: 'boolean', default: false },
    json: { type: 'string' },
    compare: { type: 'string', multiple: true },
    keep: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'node-options': { type: 'string' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: true,
  strict: true,
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const root = path.resolve(import.meta.dirname, '..');
const benchDir = path.join(root, 'bench');

if (values.compare) {
  await compareResults(values.compare, process.argv.slice(2));
} else {
  await bench(Number(values.cables));
}

async function bench(count: number): Promise<void> {
  if (!Number.isInteger(count) || count < 1) exitWithUsage(`--cables wants a positive whole number, got ${values.cables}`, usage);
  await mkdir(benchDir, { recursive: true });
  // Inside the project: Astro writes its prerender chunks beside an output folder within the working
  // directory, but to a shared .astro/.prerender/ for one outside it, where parallel builds collide.
  const temp = await mkdtemp(path.join(benchDir, `run-${count}-`));
  const name = `${count}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    console.log(`preparing ${count} cables from ${values.source} in ${temp}`);
    const prepared = await prepareCables({ source: path.resolve(values.source), dir: path.join(temp, 'cables'), count });
    const result: BenchResult = {
      cables: prepared.count,
      copies: prepared.copies,
      inputBytes: prepared.bytes,
      source: path.resolve(values.source),
      date: new Date().toISOString(),
      machine: { cpus: os.availableParallelism(), memory: os.totalmem(), node: process.version, load: os.loadavg() },
      runs: [],
    };
    const project = await snapshotProject(path.join(temp, 'project'));
    const site = { project, cablesDir: prepared.dir, cacheDir: path.join(project, 'cache'), outDir: path.join(project, 'dist') };
    const file = path.join(benchDir, `${name}.json`);
    // Written after every build, so a long run that is stopped keeps what it measured.
    const save = async (): Promise<void> => {
      await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
      if (values.json) await writeFile(path.resolve(values.json), `${JSON.stringify(result, null, 2)}\n`);
    };
    result.runs.push(await buildSite('cold', site, prepared.count, name));
    await save();
    if (values.warm) {
      const changed = await touchOneCable(prepared.dir);
      console.log(`changed ${path.basename(changed)}; building again`);
      result.runs.push(await buildSite('warm', site, prepared.count, name));
      await save();
    }
    if (values.glob) result.runs.push(...(await buildGlobBaseline(temp, prepared.dir, name)));
    await save();
    printResult(result);
    console.log(`\nresult: ${path.relative(process.cwd(), file)}${values.json ? ` and ${values.json}` : ''}; logs: bench/${name}-*.log`);
  } finally {
    if (values.keep) console.log(`kept ${temp}`);
    else await rm(temp, { recursive: true, force: true });
  }
}

/** One `astro build` of this project over the prepared cables, with its own data store and output folder. */
/**
 * A copy of the project's sources (node_modules linked) to build from: what others change in the
 * working tree meanwhile (a parser edit makes every cable "changed") does not reach a cold/warm
 * pair, and its output folder lies inside its own working directory, where Astro keeps the
 * prerender chunks beside the output instead of in a .astro/.prerender/ shared by parallel builds.
 */
async function snapshotProject(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const name of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', ...(values.config ? [values.config] : [])]) {
    await cp(path.join(root, name), path.join(dir, name), { recursive: true });
  }
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

async function buildSite(
  label: string,
  site: { project: string; cablesDir: string; cacheDir: string; outDir: string },
  cables: number,
  name: string,
): Promise<BuildMeasure> {
  console.log(`${label}: astro build of ${cables} cables …`);
  const run = await runMeasured({
    command: process.execPath,
    args: [
      path.join(root, 'node_modules/astro/bin/astro.mjs'),
      'build',
      '--outDir',
      site.outDir,
      ...(values.config ? ['--config', values.config] : []),
    ],
    cwd: site.project,
    env: {
      CABLES_DIR: site.cablesDir,
      CABLES_CACHE_DIR: site.cacheDir,
      CABLES_ON_ERROR: 'skip',
      ...(values['node-options'] ? { NODE_OPTIONS: values['node-options'] } : {}),
    },
    logFile: path.join(benchDir, `${name}-${label}.log`),
  });
  return await measureBuild(label, run, site.outDir, cables, `${name}-${label}.log`);
}

/** The same cables through Astro's glob() loader and a one-line template, then Pagefind's CLI over its output. */
async function buildGlobBaseline(temp: string, cablesDir: string, name: string): Promise<BuildMeasure[]> {
  const project = path.join(temp, 'glob-project');
  const written = await makeGlobProject({ dir: project, cablesDir, nodeModules: path.join(root, 'node_modules') });
  console.log(`glob: astro build of ${written} Markdown files …`);
  const outDir = path.join(project, 'dist');
  const astro = await runMeasured({
    command: process.execPath,
    args: [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
    cwd: project,
    env: values['node-options'] ? { NODE_OPTIONS: values['node-options'] } : {},
    logFile: path.join(benchDir, `${name}-glob.log`),
  });
  const build = await measureBuild('glob', { ...astro }, outDir, written, `${name}-glob.log`, { search: false });
  console.log('glob: pagefind CLI …');
  const pagefind = await runMeasured({
    command: path.join(root, 'node_modules/.bin/pagefind'),
    args: ['--site', outDir, '--force-language', 'en'],
    cwd: project,
    logFile: path.join(benchDir, `${name}-glob-pagefind.log`),
  });
  const total = await measureBuild(
    'glob+pagefind',
    {
      ...pagefind,
      seconds: astro.seconds + pagefind.seconds,
      cpuSeconds: (astro.cpuSeconds ?? 0) + (pagefind.cpuSeconds ?? 0),
      systemSeconds: (astro.systemSeconds ?? 0) + (pagefind.systemSeconds ?? 0),
      peakRss: Math.max(astro.peakRss, pagefind.peakRss),
      output: astro.output,
    },
    outDir,
    written,
    `${name}-glob-pagefind.log`,
  );
  total.stages.search = pagefind.seconds;
  total.stages.indexing = pagefind.seconds;
  return [build, total];
}

async function measureBuild(
  label: string,
  run: {
    seconds: number;
    cpuSeconds: number | null;
    systemSeconds: number | null;
    peakRss: number;
    peakProcess?: { name: string; rss: number };
    output: string;
    exitCode: number;
  },
  outDir: string,
  cables: number,
  log: string,
  options: { search?: boolean } = {},
): Promise<BuildMeasure> {
  if (run.exitCode !== 0) {
    console.error(run.output.split('\n').slice(-30).join('\n'));
    throw new Error(`${label} build failed with exit code ${run.exitCode}; see bench/${log}`);
  }
  const output = await measureOutput(outDir);
  const firstSearch =
    options.search === false ? null : await measureFirstSearch(outDir, { query: 'nuclear', useBrowser: !values['no-browser'] });
  const stages = readStages(run.output);
  console.log(`${label}: ${run.seconds.toFixed(1)} s, peak RSS ${(run.peakRss / 2 ** 20).toFixed(0)} MiB`);
  const { seconds, cpuSeconds, systemSeconds, peakRss, peakProcess, exitCode } = run;
  return {
    label,
    cables,
    seconds,
    cpuSeconds,
    systemSeconds,
    peakRss,
    ...(peakProcess ? { peakProcess } : {}),
    stages,
    output,
    firstSearch,
    exitCode,
    log,
  };
}
