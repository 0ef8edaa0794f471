/** The one summary line a build logs, and the report behind the build-report page. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileOutcome } from './cables.ts';

/**
 * Where the loader leaves its report for the build-report page: beside Astro's generated types, or
 * in CABLES_CACHE_DIR when a build keeps its data store apart, so parallel builds keep their own.
 */
const reportFile = path.resolve(process.env.CABLES_CACHE_DIR ?? '.astro', 'cables-report.json');

export async function writeReport(report: BuildReport): Promise<void> {
  await mkdir(path.dirname(reportFile), { recursive: true });
  await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
}

/** The report of the last load, or null when none was written (the page then says so). */
export async function readReport(): Promise<BuildReport | null> {
  try {
    return JSON.parse(await readFile(reportFile, 'utf8')) as BuildReport;
  } catch {
    return null;
  }
}

export interface BuildReport {
  cables: number;
  unchanged: number;
  /** Warnings by rule id. */
  warnings: Record<string, number>;
  /** Every warning, with its place. */
  warningList: { file: string; line: number; column: number; reason: string; ruleId: string }[];
  failures: { file: string; messages: { line: number; column: number; reason: string; ruleId: string }[] }[];
  ignored: { file: string; reason: string }[];
}

export function summarize(outcomes: FileOutcome[], milliseconds: number): { line: string; report: BuildReport; failures: FileOutcome[] } {
  const warnings: Record<string, number> = {};
  for (const outcome of outcomes) {
    for (const message of outcome.messages) if (!message.fatal) warnings[message.ruleId] = (warnings[message.ruleId] ?? 0) + 1;
  }
  const failures = outcomes.filter((outcome) => outcome.status === 'failed');
  const stored = outcomes.filter((outcome) => outcome.status === 'stored').length;
  const unchanged = outcomes.filter((outcome) => outcome.status === 'unchanged').length;
  const byRule = Object.entries(warnings)
    .sort((a, b) => b[1] - a[1])
    .map(([rule, count]) => `${rule} ${count}`)
    .join(', ');
  const line =
    `${stored + unchanged} cables (${stored} parsed, ${unchanged} unchanged), ` +
    `${Object.values(warnings).reduce((sum, count) => sum + count, 0)} warnings${byRule ? ` (${byRule})` : ''}, ` +
    `${failures.length} failed, in ${(milliseconds / 1000).toFixed(1)} s`;
  const report: BuildReport = {
    cables: stored + unchanged,
    unchanged,
    warnings,
    warningList: outcomes.flatMap((outcome) =>
      outcome.messages
        .filter((message) => !message.fatal && outcome.status !== 'ignored')
        .map(({ file, line: at, column, reason, ruleId }) => ({ file, line: at, column, reason, ruleId })),
    ),
    failures: failures.map((outcome) => ({
      file: outcome.file,
      messages: outcome.messages
        .filter((message) => message.fatal)
        .map(({ line: at, column, reason, ruleId }) => ({ line: at, column, reason, ruleId })),
    })),
    ignored: outcomes
      .filter((outcome) => outcome.status === 'ignored')
      .map((outcome) => ({ file: outcome.file, reason: outcome.messages[0]?.reason ?? '' })),
  };
  return { line, report, failures };
}
