/**
 * Built pages are valid HTML (html-validate's recommended rules, see .htmlvalidate.json:
 * ids may hold dots, as in `par7.2`, which HTML allows).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ConfigData, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

describe('built HTML', () => {
  it('validates on every page of the default site', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as ConfigData);
    const problems: string[] = [];
    for (const file of htmlFiles('dist')) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${file}:${message.line}:${message.column} ${message.message} (${message.ruleId})`);
      }
    }
    expect(problems.slice(0, 50)).toEqual([]);
  });
});
