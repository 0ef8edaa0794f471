/** `npm run cables -- inspect|check`: what a person running the command sees, and its exit code. */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/cables.ts');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run cables -- check', () => {
  let mixed: string;
  beforeAll(async () => {
    mixed = await mkdtemp(path.join(os.tmpdir(), 'cables-check-'));
    await copyFile(path.join(root, 'cables/09USOSCE147.txt'), path.join(mixed, '09USOSCE147.txt'));
    await copyFile(path.join(root, 'tests/fixtures/bad/not-a-cable/input.txt'), path.join(mixed, 'letter.txt'));
  });
  afterAll(() => rm(mixed, { recursive: true, force: true }));

  it('parses every cable of the sample and reports counts, fields and throughput', async () => {
    const { code, stdout } = await run('check', 'cables', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.files).toBeGreaterThan(100);
    expect(report.parsed).toBe(report.files);
    expect(report.fatal).toBe(0);
    expect(report.fields.tags).toBeGreaterThan(report.files * 0.9);
    expect(report.fields.subject).toBeGreaterThan(report.files * 0.9);
    expect(report.mebibytesPerSecond).toBeGreaterThan(0);
    // Both are rounded to a tenth: on a slow run (0.9 and 0.9) they may round to the same figure.
    expect(report.megabytesPerSecond).toBeGreaterThanOrEqual(report.mebibytesPerSecond);
    expect(report.megabytesPerSecond).toBeCloseTo((report.mebibytesPerSecond * 2 ** 20) / 1e6, 0);
  });

  it('names the file, line and problem of a cable that cannot become a page, and exits 1', async () => {
    const { code, stdout } = await run('check', mixed);
    expect(code).toBe(1);
    expect(stdout).toContain('1 of 2 cables parsed');
    expect(stdout).toMatch(/letter\.txt:1:1\s+error\s+line 1 is not a reference id/);
    expect(stdout).toMatch(/MiB\/s, [\d.]+ MB\/s/);
  });

  it('says so when the folder does not exist or holds no cables', async () => {
    const missing = await run('check', 'no/such/folder');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the folder no/such/folder does not exist');
    const empty = await run('check', 'tests/fixtures/bad');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('holds no .txt files');
  });
});

describe('npm run cables -- inspect', () => {
  it('prints the frontmatter, the section outline and the messages', async () => {
    const { code, stdout } = await run('inspect', 'cables/09USOSCE147.txt');
    expect(code).toBe(0);
    expect(stdout).toContain('"id": "09USOSCE147"');
    expect(stdout).toContain('\nSections:\n');
    expect(stdout).toMatch(/\bpar7\b/);
  });

  it('exits 1 on a file that is not a cable, with its messages', async () => {
    const { code, stdout } = await run('inspect', 'tests/fixtures/bad/not-a-cable/input.txt');
    expect(code).toBe(1);
    expect(stdout).toContain('cable/bad-id');
  });

  it('gives the usage, not a stack trace, for a mistyped option or a missing file', async () => {
    const option = await run('inspect', '--jsno', 'cables/09USOSCE147.txt');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--jsno'");
    expect(option.stderr).toContain('usage: npm run cables');
    expect(option.stderr).not.toMatch(/\n\s+at /);
    const missing = await run('inspect', 'cables/NOSUCH.txt');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the file cables/NOSUCH.txt does not exist');
  });
});
