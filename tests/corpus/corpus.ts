/** The real corpus beside the project (`../shared/corpus`), or CORPUS_DIR. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const corpusDir = path.resolve(process.env.CORPUS_DIR ?? '../shared/corpus');

/**
 * Whether the corpus is here. In CI it must be: a missing corpus fails there, and only
 * a clone without `../shared` (a user's) skips the corpus suites, saying so.
 */
export function hasCorpus(): boolean {
  const present = existsSync(path.join(corpusDir, 'cables'));
  if (!present && process.env.CI) throw new Error(`corpus not found at ${corpusDir}: CI needs ../shared/corpus (or CORPUS_DIR)`);
  if (!present) console.warn(`corpus not found at ${corpusDir}: corpus tests skipped (set CORPUS_DIR to run them)`);
  return present;
}

export interface CorpusFile {
  path: string;
  text: string;
}

/** Every file of `cables/` and `variants/`. */
export function readCorpus(): CorpusFile[] {
  return ['cables', 'variants'].flatMap((folder) => {
    const dir = path.join(corpusDir, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => ({ path: path.join(dir, name), text: readFileSync(path.join(dir, name), 'utf8') }));
  });
}
