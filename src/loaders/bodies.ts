/**
 * Each cable's body lives outside the data store: the loader writes three files per cable in
 * Astro's cache folder (`<cacheDir>/cables/<ID>.html`, `.md`, `.json`) and the entry keeps only
 * where they are (`rendered.metadata.body`, the path without its extension). Astro bundles and
 * loads the data store as a whole in every build, so it holds what lists and indexes need
 * (frontmatter, headings), not every body; a page reads its one body when it renders.
 *
 * - `.html`: the rendered body, for the cable page;
 * - `.md`: the `/cables/<ID>.md` download as it is served (YAML frontmatter, then the sectioned
 *   Markdown), copied into the output by `src/integrations/cable-files.ts`;
 * - `.json`: the `/cables/<ID>.json` export without its `citedBy`, which depends on the other
 *   cables and is added by the route.
 *
 * Unchanged cables keep their files between builds.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { CableExport } from '../lib/site/exports.ts';

/** Where a cable's body files are, relative to the working directory (as `filePath` is). */
export interface BodyFiles {
  html: string;
  markdown: string;
  json: string;
}

/** What the loader writes for a cable. */
export interface Bodies {
  html: string;
  /** The `.md` download. */
  markdown: string;
  /** The `.json` export, `citedBy` left empty. */
  json: string;
}

/** A stored cable entry, as far as its body is concerned. */
export interface EntryWithBody {
  id: string;
  rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
}

/** The path of a cable's body files without their extension, as the entry stores it. */
export function bodyStemOf(cacheDir: URL, id: string): string {
  return path.relative(process.cwd(), path.join(fileURLToPath(cacheDir), 'cables', id));
}

export function bodyFilesOf(cacheDir: URL, id: string): BodyFiles {
  return filesAt(bodyStemOf(cacheDir, id));
}

/**
 * A file already there is never rewritten but replaced by a new one, so an output that links to the
 * old one (`cable-files.ts`) keeps what it was built with.
 */
export async function writeBodies(files: BodyFiles, body: Bodies): Promise<void> {
  await Promise.all([replaceFile(files.html, body.html), replaceFile(files.markdown, body.markdown), replaceFile(files.json, body.json)]);
}

/**
 * A file not there yet (every file of a cold build) is written in place, its folder made when it is
 * missing (once a build, not once a cable); a file already there is written beside it and renamed over it.
 */
async function replaceFile(file: string, text: string): Promise<void> {
  try {
    await writeNew(file, text);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const written = `${file}.${process.pid}.${threadId}.tmp`;
  await writeFile(written, text);
  await rename(written, file);
}

async function writeNew(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, { flag: 'wx' });
  }
}

export function hasBodies(files: BodyFiles): boolean {
  return existsSync(files.html) && existsSync(files.markdown) && existsSync(files.json);
}

export async function removeBodies(files: BodyFiles): Promise<void> {
  await Promise.all([rm(files.html, { force: true }), rm(files.markdown, { force: true }), rm(files.json, { force: true })]);
}

/** The cable's rendered HTML and its section headings, for its page. */
export async function readRendered(
  entry: EntryWithBody,
): Promise<{ html: string; headings: { depth: number; slug: string; text: string }[] }> {
  const headings = (entry.rendered?.metadata?.headings ?? []) as { depth: number; slug: string; text: string }[];
  return { html: await readFile(filesOf(entry).html, 'utf8'), headings };
}

/** The `/cables/<ID>.md` download: YAML frontmatter, then the sectioned Markdown. */
export async function readMarkdownDownload(entry: EntryWithBody): Promise<string> {
  return await readFile(filesOf(entry).markdown, 'utf8');
}

/** The cable's JSON export, with `citedBy` empty. */
export async function readExport(entry: EntryWithBody): Promise<CableExport> {
  return JSON.parse(await readFile(filesOf(entry).json, 'utf8')) as CableExport;
}

function filesAt(stem: string): BodyFiles {
  return { html: `${stem}.html`, markdown: `${stem}.md`, json: `${stem}.json` };
}

function filesOf(entry: EntryWithBody): BodyFiles {
  const stem = entry.rendered?.metadata?.body;
  if (typeof stem !== 'string')
    throw new Error(
      `cable ${entry.id} has no body files in the data store; rebuild without the cache (delete ${'node_modules/.astro'} or CABLES_CACHE_DIR)`,
    );
  return filesAt(stem);
}
