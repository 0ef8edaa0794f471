/** The one summary line a build logs, and the report behind the build-report page. */
import type { FileOutcome } from './cables.ts';

export interface BuildReport {
  cables: number;
  unchanged: number;
  warnings: Record<string, number>;
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
    failures: failures.map((outcome) => ({
      file: outcome.file,
      messages: outcome.messages.filter((message) => message.fatal).map(({ line: at, column, reason, ruleId }) => ({ line: at, column, reason, ruleId })),
    })),
    ignored: outcomes
      .filter((outcome) => outcome.status === 'ignored')
      .map((outcome) => ({ file: outcome.file, reason: outcome.messages[0]?.reason ?? '' })),
  };
  return { line, report, failures };
}
