/** The benchmark's tables: one result (a column per build), or two results side by side. */
import { readFile } from 'node:fs/promises';
import type { BenchResult, BuildMeasure } from '../bench.ts';

type Row = [string, (run: BuildMeasure) => number | null, (value: number) => string];

const seconds = (value: number): string => value.toFixed(1);
const mebibytes = (value: number): string => (value / 2 ** 20).toFixed(0);
const whole = (value: number): string => Math.round(value).toLocaleString('en-US');

const rows: Row[] = [
  ['cables', (run) => run.cables, whole],
  ['wall time (s)', (run) => run.seconds, seconds],
  ['  parse/load (s)', (run) => run.stages.load, seconds],
  ['  bundle (s)', (run) => run.stages.bundle, seconds],
  ['  page rendering (s)', (run) => run.stages.render, seconds],
  ['  search index, waited for (s)', (run) => run.stages.search, seconds],
  ['  other (s)', (run) => run.seconds - sumStages(run), seconds],
  ['search index, beside the rest (s)', (run) => run.stages.indexing ?? null, seconds],
  ['CPU time, user+sys (s)', (run) => run.cpuSeconds ?? null, seconds],
  ['  of which system (s)', (run) => run.systemSeconds ?? null, seconds],
  ['cables parsed', (run) => run.stages.parsed, whole],
  ['cables unchanged', (run) => run.stages.unchanged, whole],
  ['cables per second', (run) => run.cables / run.seconds, whole],
  ['ms per cable', (run) => (run.seconds * 1000) / run.cables, (value) => value.toFixed(2)],
  ['peak RSS (MiB)', (run) => run.peakRss, mebibytes],
  ['  largest process (MiB)', (run) => run.peakProcess?.rss ?? null, mebibytes],
  ['output (MiB)', (run) => run.output.bytes, mebibytes],
  ['output files', (run) => run.output.files, whole],
  ['  HTML pages', (run) => run.output.htmlFiles, whole],
  ['  search index (MiB)', (run) => run.output.searchBytes, mebibytes],
  ['  search index files', (run) => run.output.searchFiles, whole],
  ['largest file (KiB)', (run) => run.output.largestBytes / 1024, whole],
  ['first search (KiB)', (run) => (run.firstSearch ? run.firstSearch.bytes / 1024 : null), (value) => value.toFixed(0)],
];

function sumStages(run: BuildMeasure): number {
  const { load, bundle, render, search } = run.stages;
  return (load ?? 0) + (bundle ?? 0) + (render ?? 0) + (search ?? 0);
}

export function printResult(result: BenchResult): void {
  const { machine } = result;
  console.log(
    `\n${result.cables.toLocaleString('en-US')} cables (${result.copies} renamed copies, ${(result.inputBytes / 1e6).toFixed(0)} MB of text); ` +
      `${machine.cpus} cores, ${(machine.memory / 2 ** 30).toFixed(0)} GiB, Node ${machine.node}, load ${machine.load.map((n) => n.toFixed(1)).join(' ')}`,
  );
  printTable(
    result.runs.map((run) => run.label),
    rows.map(([name, value, format]) => [name, ...result.runs.map((run) => formatOrDash(value(run), format))]),
  );
  const cold = result.runs.find((run) => run.label === 'cold');
  const warm = result.runs.find((run) => run.label === 'warm');
  if (cold && warm) console.log(`warm / cold: ${((warm.seconds / cold.seconds) * 100).toFixed(0)}% of the cold wall time`);
  for (const run of result.runs)
    if (run.firstSearch) console.log(`first search (${run.label}): ${run.firstSearch.method}, ${run.firstSearch.detail}`);
}

/** Two results: each build of the first beside the same build of the second, and the ratio. */
export async function compareResults(files: string[], argv: string[]): Promise<void> {
  const paths = files.length === 2 ? files : argv.filter((arg) => arg.endsWith('.json'));
  if (paths.length !== 2)
    throw new Error('--compare wants two result files: --compare a.json --compare b.json, or --compare a.json b.json');
  const [a, b] = (await Promise.all(paths.map((file) => readFile(file, 'utf8')))).map((text) => JSON.parse(text) as BenchResult);
  const pairs = a!.runs.flatMap((run) => {
    const other = b!.runs.find((candidate) => candidate.label === run.label);
    return other ? [[run, other] as const] : [];
  });
  // One result holding a cold and a warm build, compared with itself, compares the two builds.
  if (paths[0] === paths[1] || pairs.length === 0) {
    const later = b!.runs.find((run) => run.label === 'warm') ?? b!.runs[b!.runs.length - 1]!;
    pairs.splice(0, pairs.length, [a!.runs[0]!, later]);
  }
  for (const [left, right] of pairs) {
    console.log(`\n${left.label} (${paths[0]}) vs ${right.label} (${paths[1]})`);
    printTable(
      ['a', 'b', 'b / a'],
      rows.map(([name, value, format]) => {
        const [x, y] = [value(left), value(right)];
        return [name, formatOrDash(x, format), formatOrDash(y, format), x && y !== null ? `${((y / x) * 100).toFixed(0)}%` : '–'];
      }),
    );
  }
}

function formatOrDash(value: number | null, format: (value: number) => string): string {
  return value === null || Number.isNaN(value) ? '–' : format(value);
}

function printTable(headers: string[], body: string[][]): void {
  const width = Math.max(...body.map((row) => row[0]!.length));
  const columns = headers.map((header, index) => Math.max(header.length, ...body.map((row) => row[index + 1]!.length)));
  console.log(`${''.padEnd(width)}  ${headers.map((header, index) => header.padStart(columns[index]!)).join('  ')}`);
  for (const row of body)
    console.log(
      `${row[0]!.padEnd(width)}  ${row
        .slice(1)
        .map((cell, index) => cell.padStart(columns[index]!))
        .join('  ')}`,
    );
}
