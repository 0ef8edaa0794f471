/**
 * The list of cable files behind the collection, `{ id, file }`, which the loader writes beside
 * the body files after every load and the build copies to `/cables/<ID>.txt`
 * (`src/integrations/cable-text.ts`). Only cables in the collection are listed: files that failed
 * or were left out have no `.txt`, as they have no page.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TextFile {
  /** The cable's id, its page's path segment. */
  id: string;
  /** Absolute path of the cable file. */
  file: string;
}

function listFile(cacheDir: URL): string {
  return path.join(fileURLToPath(cacheDir), 'cables', 'text-files.json');
}

export async function writeTextFiles(cacheDir: URL, files: readonly TextFile[]): Promise<void> {
  await mkdir(path.dirname(listFile(cacheDir)), { recursive: true });
  await writeFile(listFile(cacheDir), JSON.stringify(files));
}

export async function readTextFiles(cacheDir: URL): Promise<TextFile[]> {
  try {
    return JSON.parse(await readFile(listFile(cacheDir), 'utf8')) as TextFile[];
  } catch (error) {
    throw new Error(`the cables loader left no list of cable files at ${listFile(cacheDir)}: ${(error as Error).message}`);
  }
}
