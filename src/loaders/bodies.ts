/**
 * Each cable's body lives outside the data store: the loader writes its sectioned Markdown and
 * rendered HTML as two files in Astro's cache folder (`<cacheDir>/cables/<ID>.md`, `.html`), and
 * the entry keeps only where they are. Astro bundles and loads the data store as a whole in every
 * build, so it holds what lists and indexes need (frontmatter, outline), not every body twice;
 * a page reads its one body when it renders. Unchanged cables keep their files between builds.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a cable's body files are, relative to the working directory (as `filePath` is). */
export interface BodyFiles {
  markdown: string;
  html: string;
}

/** A stored cable entry, as far as its body is concerned. */
export interface EntryWithBody {
  id: string;
  rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
}

export function bodyFilesOf(cacheDir: URL, id: string): BodyFiles {
  const stem = path.relative(process.cwd(), path.join(fileURLToPath(cacheDir), 'cables', id));
  return { markdown: `${stem}.md`, html: `${stem}.html` };
}

export async function writeBodies(files: BodyFiles, body: { markdown: string; html: string }): Promise<void> {
  await mkdir(path.dirname(files.html), { recursive: true });
  await Promise.all([writeFile(files.markdown, body.markdown), writeFile(files.html, body.html)]);
}

export function hasBodies(files: BodyFiles): boolean {
  return existsSync(files.markdown) && existsSync(files.html);
}

export async function removeBodies(files: BodyFiles): Promise<void> {
  await Promise.all([rm(files.markdown, { force: true }), rm(files.html, { force: true })]);
}

/** The cable's rendered HTML and its section headings, for its page. */
export async function readRendered(
  entry: EntryWithBody,
): Promise<{ html: string; headings: { depth: number; slug: string; text: string }[] }> {
  const headings = (entry.rendered?.metadata?.headings ?? []) as { depth: number; slug: string; text: string }[];
  return { html: await readFile(filesOf(entry).html, 'utf8'), headings };
}

/** The cable's sectioned Markdown, for its .md and .json downloads. */
export async function readMarkdown(entry: EntryWithBody): Promise<string> {
  return await readFile(filesOf(entry).markdown, 'utf8');
}

function filesOf(entry: EntryWithBody): BodyFiles {
  const files = entry.rendered?.metadata?.bodies as BodyFiles | undefined;
  if (!files)
    throw new Error(
      `cable ${entry.id} has no body files in the data store; rebuild without the cache (delete ${'node_modules/.astro'} or CABLES_CACHE_DIR)`,
    );
  return files;
}
