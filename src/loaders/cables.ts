/**
 * The Astro loader over a folder of cable files: a thin adapter around the pure parser.
 * It skips unchanged files by digest, stores the frontmatter and headings (the rendered HTML and
 * the .md and .json downloads go to files beside the data store, see `bodies.ts`), reports every problem with
 * its file and line, logs one summary line, and reloads a file in `astro dev`.
 */
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { mapInBatches } from '../lib/batches.ts';
import { formatMessage, type Message, type StoredFrontmatter, storedFrontmatter } from '../lib/cable/index.ts';
import { bodyFilesOf, bodyStemOf, hasBodies, removeBodies, writeBodies } from './bodies.ts';
import { writeDownloads } from './downloads.ts';
import { type ParsedFile, parseFile } from './parse-file.ts';
import { createParsePool } from './parse-pool.ts';
import { summarize, writeReport } from './summary.ts';

export interface CablesLoaderOptions {
  /** Folder of `<ID>.txt` files. */
  dir: string;
  /** `fail` (default): any fatal problem fails the build after all files are read; `skip`: build the rest. */
  onError?: 'fail' | 'skip';
}

/** What happened to one file. */
export interface FileOutcome {
  file: string;
  id: string | null;
  messages: Message[];
  status: 'stored' | 'unchanged' | 'failed' | 'ignored';
}

export function cablesLoader(options: CablesLoaderOptions): Loader {
  const dir = path.resolve(options.dir);
  const onError = options.onError ?? 'fail';
  return {
    name: 'cables-loader',
    schema: storedFrontmatter,
    async load(context) {
      const started = performance.now();
      // A new parser re-reads every file: the digest covers the parser's own source too.
      const parserDigest = context.generateDigest(await readParserSource());
      if (context.meta.get('parser') !== parserDigest) {
        context.store.clear();
        context.meta.set('parser', parserDigest);
      }
      const { files, outcomes } = await listCableFiles(dir);
      const seen = new Map<string, string>();
      const writes: (() => void)[] = [];
      // Every file is read and digested first; the changed ones are parsed and rendered in worker
      // threads meanwhile, and taken in file order below, so duplicates resolve as they always did.
      // Many files in flight: one after another, a rebuild of 10,000 unchanged cables waited seconds on the disk.
      const reads = await mapInBatches(files, 64, (file) => readCable(context, file, parserDigest));
      const changed = reads.filter((read) => read.bytes && !read.unchanged);
      const pool = createParsePool({ files: changed.length });
      const threads = pool.threads;
      const parsed = new Map<string, () => Promise<ParsedFile>>();
      for (const read of changed) parsed.set(read.file, pool.submit(read.bytes!, read.relative));
      // The bytes are the parse pool's now, or not needed: not held through the whole load.
      for (const read of reads) read.bytes = null;
      try {
        for (const read of reads) outcomes.push(await storeCable(context, read, { seen, writes, parsed: parsed.get(read.file) }));
      } finally {
        await pool.close();
      }
      // Astro saves the whole data store 500 ms after the last change to it, and again after every
      // change made while saving: spread over the reading of 10,000 files, that is a save after a
      // save. Changes made at once, after every file is read, give one save at the end.
      for (const write of writes) write();
      const removed = [...context.store.keys()].filter((id) => !seen.has(id));
      for (const id of removed) context.store.delete(id);
      await Promise.all(removed.map((id) => removeBodies(bodyFilesOf(context.config.cacheDir, id))));
      await writeDownloads(
        context.config.cacheDir,
        [...seen].map(([id, file]) => {
          const bodies = bodyFilesOf(context.config.cacheDir, id);
          const entry = context.store.get<StoredFrontmatter>(id)!;
          const { date, references, origin, classification, tags, subject } = entry.data;
          return {
            id,
            text: file,
            markdown: path.resolve(bodies.markdown),
            json: path.resolve(bodies.json),
            html: path.resolve(bodies.html),
            digest: String(entry.digest),
            data: { id: entry.data.id, date, references, origin, classification, tags, subject },
          };
        }),
      );
      const summary = summarize(outcomes, performance.now() - started);
      for (const outcome of outcomes) for (const message of outcome.messages) log(context, message);
      context.logger.info(threads > 1 ? `${summary.line}, parsed on ${threads} worker threads` : summary.line);
      await writeReport(summary.report);
      if (summary.failures.length > 0 && onError === 'fail') {
        throw new Error(
          `${summary.failures.length} cable file(s) could not be read:\n` +
            summary.failures
              .map(
                (outcome) =>
                  `  ${outcome.messages
                    .filter((m) => m.fatal)
                    .map(formatMessage)
                    .join('\n  ')}`,
              )
              .join('\n') +
            '\nFix the files above, or set CABLES_ON_ERROR=skip to build the other cables and list these on /build-report/.',
        );
      }
      watch(context, dir, parserDigest);
    },
  };
}

/**
 * The parser's source files, read in name order, and the code that turns its result into the
 * body files (`parse-file.ts`, the JSON export's shape): a change to any of them invalidates every cable.
 */
async function readParserSource(): Promise<string> {
  const dir = path.resolve('src/lib/cable');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.ts')).sort();
  const files = [
    ...names.map((name) => path.join(dir, name)),
    path.resolve('src/loaders/parse-file.ts'),
    path.resolve('src/lib/site/exports.ts'),
  ];
  const sources = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  return sources.join('\0');
}

/** The folder's `.txt` files; anything else gets a message saying it was left out. */
async function listCableFiles(dir: string): Promise<{ files: string[]; outcomes: FileOutcome[] }> {
  const outcomes: FileOutcome[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new Error(`Cannot read the cables folder ${dir}: ${(error as Error).message}. Set CABLES_DIR to a folder of <ID>.txt files.`);
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(dir, entry.name);
    if (entry.name.startsWith('.') || /^README(\.md)?$/i.test(entry.name)) continue;
    const reason = entry.isSymbolicLink()
      ? 'is a symbolic link; it was left out so the build cannot read outside the folder. Copy the file in instead'
      : entry.isDirectory()
        ? 'is a folder; cables are read from the top level only. Move its .txt files up a level'
        : !entry.name.endsWith('.txt')
          ? 'is not a .txt file; it was left out. Cable files are named <ID>.txt'
          : null;
    if (reason) {
      outcomes.push(ignored(file, 'cable/not-a-cable-file', `${entry.name} ${reason}`));
    } else {
      files.push(file);
    }
  }
  return { files, outcomes };
}

/** A cable file as read before parsing: its bytes (until handed to the parser) and digest. */
interface CableRead {
  file: string;
  relative: string;
  /** Null for something that is not a regular file, and once the bytes are handed to the parse pool. */
  bytes: Buffer | null;
  digest: string;
  previous: FileRecord | null;
  isRegularFile: boolean;
  /** As stored last time, with its body files still there: nothing to parse. */
  unchanged: boolean;
}

async function readCable(context: LoaderContext, file: string, parserDigest: string): Promise<CableRead> {
  const relative = path.relative(process.cwd(), file) || file;
  const previous = readFileRecord(context, file);
  const info = await lstat(file);
  if (!info.isFile()) return { file, relative, bytes: null, digest: '', previous, isRegularFile: false, unchanged: false };
  const bytes = await readFile(file);
  // Over the bytes as read, natively: no string made of every file (Astro's generateDigest takes strings).
  const digest = createHash('sha256').update(parserDigest).update('\0').update(bytes).digest('base64url');
  const unchanged =
    previous?.digest === digest && context.store.has(previous.id) && hasBodies(bodyFilesOf(context.config.cacheDir, previous.id));
  return { file, relative, bytes, digest, previous, isRegularFile: true, unchanged };
}

interface StoreOptions {
  /** Ids read so far, with their file. */
  seen: Map<string, string>;
  /** Where the changes to the data store go, to be made together by the caller. */
  writes: (() => void)[];
  /** The file's parse, when it was queued ahead (changed files); otherwise it is parsed here if needed. */
  parsed?: (() => Promise<ParsedFile>) | undefined;
}

async function storeCable(context: LoaderContext, read: CableRead, { seen, writes, parsed }: StoreOptions): Promise<FileOutcome> {
  const { store, parseData } = context;
  const { file, relative, digest, previous } = read;
  if (!read.isRegularFile)
    return ignored(relative, 'cable/not-a-cable-file', `${path.basename(file)} is not a regular file; it was left out`);
  if (previous && !seen.has(previous.id) && read.unchanged) {
    seen.set(previous.id, file);
    return { file: relative, id: previous.id, messages: previous.messages, status: 'unchanged' };
  }
  const { cable, messages } = await (parsed ? parsed() : readFile(file).then((bytes) => parseFile(bytes, relative)));
  if (!cable) return { file: relative, id: null, messages, status: 'failed' };
  const id = cable.frontmatter.canonicalId;
  const other = seen.get(id);
  if (other) {
    messages.push({
      file: relative,
      line: 1,
      column: 1,
      ruleId: 'cable/duplicate-id',
      fatal: true,
      reason: `reference id ${id} is also used by ${path.relative(process.cwd(), other)}; keep one of the two files`,
    });
    return { file: relative, id, messages, status: 'failed' };
  }
  seen.set(id, file);
  const stem = path.basename(file, '.txt');
  if (stem !== cable.frontmatter.id && stem !== id) {
    messages.push({
      file: relative,
      line: 1,
      column: 1,
      ruleId: 'cable/file-name-mismatch',
      fatal: false,
      reason: `file name ${stem}.txt does not match the reference id ${cable.frontmatter.id} inside; the id inside is used. Rename the file to ${id}.txt`,
    });
  }
  // The store's schema (`storedFrontmatter`) drops the INFO addressees and the summary: they stay in the cable's export.
  const data = await parseData({ id, data: cable.frontmatter, filePath: relative });
  await writeBodies(bodyFilesOf(context.config.cacheDir, id), cable.bodies);
  const record: FileRecord = { id, digest, messages };
  // Only the entry waits for the store, not the rendered HTML (already in its file).
  const entry = {
    id,
    data,
    filePath: relative,
    digest,
    rendered: {
      html: '',
      metadata: {
        body: bodyStemOf(context.config.cacheDir, id),
        headings: cable.headings.map((heading) => ({ depth: 2, slug: heading.id, text: heading.text })),
      },
    },
  };
  writes.push(() => {
    store.set(entry);
    context.meta.set(`file:${file}`, JSON.stringify(record));
  });
  return { file: relative, id, messages, status: 'stored' };
}

/** What the loader remembers of a stored file between builds. */
interface FileRecord {
  id: string;
  digest: string;
  /** Warnings, repeated on every build until the file changes. */
  messages: Message[];
}

function readFileRecord(context: LoaderContext, file: string): FileRecord | null {
  const value = context.meta.get(`file:${file}`);
  if (!value) return null;
  try {
    return JSON.parse(value) as FileRecord;
  } catch {
    return null;
  }
}

/** In `astro dev`, a changed, added or removed file reloads just that cable. */
function watch(context: LoaderContext, dir: string, parserDigest: string): void {
  const { watcher } = context;
  if (!watcher) return;
  watcher.add(dir);
  const inFolder = (file: string): boolean => path.dirname(file) === dir && file.endsWith('.txt');
  const reload = async (file: string): Promise<void> => {
    if (!inFolder(file)) return;
    const seen = new Map<string, string>();
    for (const id of context.store.keys()) if (id) seen.set(id, '');
    const previous = readFileRecord(context, file)?.id;
    if (previous) seen.delete(previous);
    const writes: (() => void)[] = [];
    const outcome = await storeCable(context, await readCable(context, file, parserDigest), { seen, writes });
    for (const write of writes) write();
    for (const message of outcome.messages) log(context, message);
    if (outcome.status === 'stored') context.logger.info(`Reloaded ${outcome.file}`);
  };
  watcher.on('change', reload);
  watcher.on('add', reload);
  watcher.on('unlink', (file) => {
    if (!inFolder(file)) return;
    const id = readFileRecord(context, file)?.id;
    if (id) {
      context.store.delete(id);
      void removeBodies(bodyFilesOf(context.config.cacheDir, id));
    }
    context.meta.delete(`file:${file}`);
  });
}

function ignored(file: string, ruleId: string, reason: string): FileOutcome {
  return { file, id: null, status: 'ignored', messages: [{ file, line: 1, column: 1, ruleId, reason, fatal: false }] };
}

function log(context: LoaderContext, message: Message): void {
  if (message.fatal) context.logger.error(formatMessage(message));
  else context.logger.warn(formatMessage(message));
}
