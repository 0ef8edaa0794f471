/**
 * Fixture folders: `tests/fixtures/<suite>/<behaviour>/input.txt` and `expected.json`.
 * Run with UPDATE=1 to rewrite the expectations, then review the diff like code.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export interface Fixture {
  name: string;
  dir: string;
  input: string;
}

export function readFixtures(suite: string): Fixture[] {
  const root = path.join('tests/fixtures', suite);
  return readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'input.txt')))
    .sort()
    .map((name) => ({ name, dir: path.join(root, name), input: readFileSync(path.join(root, name, 'input.txt'), 'utf8') }));
}

/** Compares `actual` with the fixture's `expected.json`, or writes it when UPDATE=1. */
export function expectFixture(fixture: Fixture, actual: unknown): void {
  const file = path.join(fixture.dir, 'expected.json');
  const serialized = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE === '1' || !existsSync(file)) {
    writeFileSync(file, serialized);
    return;
  }
  expect(JSON.parse(serialized)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
