/**
 * Building another site in a test: `astro build` of a folder of cables into an output folder of
 * its own, with a cache folder of its own, as a child process (the tests' Astro is the project's).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SiteBuild {
  /** The cables folder (CABLES_DIR); the default sample when left out. */
  cables?: string;
  outDir: string;
  cacheDir: string;
  env?: Record<string, string>;
}

/** Builds the site and returns what Astro printed. */
export async function buildSite({ cables, outDir, cacheDir, env = {} }: SiteBuild): Promise<string> {
  const { stdout } = await run('astro', ['build', '--outDir', outDir], {
    env: { ...process.env, ...(cables ? { CABLES_DIR: cables } : {}), CABLES_CACHE_DIR: cacheDir, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** The file names of the sample cables (`cables/`), sorted. */
export const sampleCables: readonly string[] = readdirSync('cables')
  .filter((name) => name.endsWith('.txt'))
  .sort();

/** A folder `to` holding copies of the given sample cables. */
export function copySample(names: readonly string[], to: string): string {
  mkdirSync(to, { recursive: true });
  for (const name of names) cpSync(path.join('cables', name), path.join(to, name));
  return to;
}
