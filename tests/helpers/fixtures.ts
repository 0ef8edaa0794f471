/**
 * Fixture folders: `tests/fixtures/<group>/<behaviour>/{input.txt,expected.json}`.
 * `expected.json` maps a parser function to its expected result; run with `UPDATE=1`
 * to rewrite the expectations from the current output, then review the diff like code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export interface Fixture {
  name: string;
  input: string;
  expected: Record<string, unknown>;
  /** Write new expectations (only when `UPDATE=1`). */
  update: (actual: Record<string, unknown>) => void;
}

const root = path.join(import.meta.dirname, '..', 'fixtures');

export const isUpdating = process.env.UPDATE === '1';

export function readFixtures(group: string): Fixture[] {
  const folder = path.join(root, group);
  return fs
    .readdirSync(folder)
    .filter((name) => fs.existsSync(path.join(folder, name, 'input.txt')))
    .sort()
    .map((name) => {
      const file = path.join(folder, name, 'expected.json');
      const expected = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      return {
        name,
        input: fs.readFileSync(path.join(folder, name, 'input.txt'), 'utf8'),
        expected,
        update: (actual) => {
          fs.writeFileSync(file, `${JSON.stringify({ ...expected, ...actual }, null, 2)}\n`);
        },
      };
    });
}

/** A fixture folder compared whole: `input.txt` (or `input.*`) against `expected.json`. */
export interface Case {
  name: string;
  dir: string;
  input: string;
}

export function readCases(group: string): Case[] {
  const folder = path.join(root, group);
  return fs
    .readdirSync(folder)
    .filter((name) => fs.existsSync(path.join(folder, name, 'input.txt')))
    .sort()
    .map((name) => ({ name, dir: path.join(folder, name), input: fs.readFileSync(path.join(folder, name, 'input.txt'), 'utf8') }));
}

/** Compares `actual` with the case's `expected.json`, or writes it when UPDATE=1 or it is missing. */
export function expectCase(dir: string, actual: unknown): void {
  const file = path.join(dir, 'expected.json');
  const serialized = `${JSON.stringify(actual, null, 2)}\n`;
  if (isUpdating || !fs.existsSync(file)) {
    fs.writeFileSync(file, serialized);
    return;
  }
  expect(JSON.parse(serialized)).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
}
