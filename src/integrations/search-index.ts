/**
 * The Pagefind index over the cables, built beside the pages instead of after them. Each cable's
 * search document (src/lib/search/document.ts) comes from what the loader left — its fields and
 * its rendered body (src/loaders/downloads.ts) — so indexing can start as soon as the content is
 * loaded: Pagefind's service, a process of its own, works on one core while Astro bundles and
 * renders the pages, and the build only waits for what is left at its end.
 *
 * The index is built in parts by date (src/lib/search/parts.ts), each by a fresh Pagefind service
 * that is closed once the part is written, two at a time and staggered (src/integrations/
 * search-stages.ts: one adds its documents while another writes), so memory is bounded by the
 * largest part. A part is written to `<cacheDir>/search/parts/<name>/` with a digest of what it was made
 * from (its cables' ids and entry digests, the code that makes the documents, Pagefind's version
 * and settings, in `<name>.base.json`): a part whose cables did not change is kept; one where a
 * few changed keeps its base and gets a small delta index of them (src/lib/search/delta.ts,
 * `<name>~delta/`), until the delta would grow past a fifth of the part. `copyIndex` links the first part
 * into `dist/pagefind/` as the bundle pages load, the others into `dist/pagefind/parts/<name>/`
 * (index files only), and lists them all in `dist/pagefind/parts.json` for the browser to merge.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { mapInBatches } from '../lib/batches.ts';
import { bucketValue, dateRuns, type IndexedCable, planDelta } from '../lib/search/delta.ts';
import { defaultPartSize, type PartEntry, type PartsManifest, planParts } from '../lib/search/parts.ts';
import { type Download, readDownloads } from '../loaders/downloads.ts';
import { linkOrCopy } from './link-or-copy.ts';
import type { PartJob } from './search-part-worker.ts';
import { buildPartInWorker, Stages } from './search-stages.ts';

export interface IndexedPart {
  name: string;
  /** Where the part's Pagefind bundle (its base) was written. */
  folder: string;
  pages: number;
  /** False when the part of an earlier build was kept. */
  built: boolean;
  /** The changed cables since the base was built, when the base is kept without them. */
  delta?: {
    /** The `part` filter value of its documents. */
    name: string;
    folder: string;
    pages: number;
    built: boolean;
    /** `bucket` filter values of the base that the delta replaces. */
    masked: string[];
    /** The delta's result ids → their dates. */
    dates: Record<string, string>;
  };
}

export interface IndexOutcome {
  /** Cables in the index. */
  pages: number;
  /** Oldest first. */
  parts: IndexedPart[];
  /** From the start of indexing until the last part was written. */
  milliseconds: number;
}

export interface IndexOptions {
  /** Cables per part; default `CABLES_SEARCH_PART_SIZE`, else `defaultPartSize`. */
  partSize?: number;
}

/** The base's dates in its date order, beside its Pagefind files. */
const datesFile = 'cable-dates.json';

/**
 * Word positions per index chunk (Pagefind's default 20,000, read from the environment of its
 * service: an unstable setting, so if a later Pagefind drops it only the chunk sizes change). A
 * search downloads the chunks holding its words; half-size chunks cut the word index of a
 * two-word search on the full corpus from ~100 KB to ~60 KB, for ~5 KB more chunk list in the
 * metadata every search loads. Measured in docs/scale.md.
 */
const indexChunkSize = 10_000;

/**
 * A delta's chunks are smaller: a search fetches one chunk per word from the delta too, and a
 * delta of a hundred cables holds each word's postings in a fraction of a base's chunk.
 */
const deltaChunkShare = 0.2;

/** What the documents are made by: a change to any of these files builds every part again. */
const sources = [
  '../lib/search/delta.ts',
  '../lib/search/document.ts',
  '../lib/search/parts.ts',
  './search-index.ts',
  './search-part-worker.ts',
].map((file) => fileURLToPath(new URL(file, import.meta.url)));

/** What a merged part needs in the browser; the runtime (scripts, WebAssembly, UI) comes from the first part. */
const partFiles = /^(pagefind-entry\.json|[^/]+\.pf_meta|cable-dates\.json|(index|fragment|filter)\/.+)$/;

/** Builds the parts of the index whose cables changed since the last build, and keeps the others. */
export async function indexCables(cacheDir: URL, { partSize = configuredPartSize() }: IndexOptions = {}): Promise<IndexOutcome> {
  const started = performance.now();
  const downloads = (await readDownloads(cacheDir)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(downloads.map((download) => [download.id, download]));
  const root = path.join(fileURLToPath(cacheDir), 'search', 'parts');
  const chunkSize = configuredChunkSize();
  const code = await codeDigest(chunkSize);
  const plan = planParts(
    downloads.map(({ id, data }) => ({ id, date: data.date })),
    partSize,
  );
  const work: PartWork[] = [];
  for (const { name, ids } of plan)
    work.push(
      await planPart(
        root,
        code,
        name,
        ids.map((id) => byId.get(id) as Download),
      ),
    );
  await buildParts(
    work.flatMap(({ job }) => (job ? [job] : [])),
    chunkSize,
  );
  const parts = await Promise.all(work.map(({ finish }) => finish()));
  const planned = new Set(plan.flatMap(({ name }) => [name, `${name}.base.json`, deltaName(name), `${deltaName(name)}.json`]));
  const stale = (await readdir(root).catch(() => [] as string[])).filter((entry) => !planned.has(entry));
  await Promise.all(stale.map((entry) => rm(path.join(root, entry), { recursive: true, force: true })));
  return { pages: downloads.length, parts, milliseconds: performance.now() - started };
}

/** What a part's base index was built from (`<part>.base.json` beside it). */
interface BaseRecord {
  /** `partDigest` of the code, the part's name and its cables. */
  digest: string;
  code: string;
  cables: IndexedCable[];
}

/** What a part's delta index holds (`<part>~delta.json` beside it). */
interface DeltaRecord {
  digest: string;
  buckets: number[];
  /** Pagefind's result id (its fragment's name) of each document → its cable's date. */
  dates: Record<string, string>;
}

/** A part as planned: what must be indexed for it, if anything, and what it is once that is built (`finish` records it). */
interface PartWork {
  job?: PartJob;
  finish: () => Promise<IndexedPart>;
}

/** A part with nothing to build. */
function kept(part: IndexedPart): PartWork {
  return { finish: async () => part };
}

/**
 * One part: kept when its cables are those of its base; else, when few cables changed since the
 * base was built, the base kept and a delta of the changed buckets built (src/lib/search/delta.ts);
 * else the part indexed again whole.
 */
async function planPart(root: string, code: string, name: string, cables: readonly Download[]): Promise<PartWork> {
  const folder = path.join(root, name);
  const deltaFolder = path.join(root, deltaName(name));
  const digest = partDigest(code, name, cables);
  const base = await readJson<BaseRecord>(`${folder}.base.json`);
  const usable = base !== null && base.code === code && existsSync(path.join(folder, 'pagefind-entry.json'));
  const part = { name, folder, pages: cables.length, built: false };
  if (usable && base.digest === digest) {
    await removeDelta(deltaFolder);
    return kept(part);
  }
  const plan = usable ? planDelta(base.cables, cables.map(indexedCable)) : null;
  if (plan) {
    const inDelta = new Set(plan.ids);
    const deltaCables = cables.filter(({ id }) => inDelta.has(id));
    const deltaDigest = partDigest(code, `${deltaName(name)}\0${plan.buckets.join(',')}`, deltaCables);
    const lastDelta = await readJson<DeltaRecord>(`${deltaFolder}.json`);
    const withDelta = ({ buckets, dates }: DeltaRecord, built: boolean): IndexedPart => {
      const masked = buckets.map((bucket) => bucketValue(name, bucket));
      return { ...part, delta: { name: deltaName(name), folder: deltaFolder, pages: deltaCables.length, built, masked, dates } };
    };
    if (lastDelta?.digest === deltaDigest && existsSync(path.join(deltaFolder, 'pagefind-entry.json')))
      return kept(withDelta(lastDelta, false));
    await removeDelta(deltaFolder);
    const finish = async (): Promise<IndexedPart> => {
      const delta = { digest: deltaDigest, buckets: plan.buckets, dates: await fragmentDates(deltaFolder, deltaCables) };
      await writeFile(`${deltaFolder}.json`, JSON.stringify(delta));
      return withDelta(delta, true);
    };
    return { job: partJob(deltaCables, deltaFolder, null), finish };
  }
  await rm(`${folder}.base.json`, { force: true });
  await rm(folder, { recursive: true, force: true });
  await removeDelta(deltaFolder);
  const finish = async (): Promise<IndexedPart> => {
    // The base's dates in its date order, for merging a delta by date in the browser (`copyIndex` lists it).
    await writeFile(path.join(folder, datesFile), JSON.stringify(dateRuns(cables.map((cable) => cable.data.date))));
    const record: BaseRecord = { digest, code, cables: cables.map(indexedCable) };
    await writeFile(`${folder}.base.json`, JSON.stringify(record));
    return { ...part, built: true };
  };
  return { job: partJob(cables, folder, name), finish };
}

/** What a part's worker needs of its cables: a base's documents are filed under their buckets (`bucketsOf`), a delta's under none. */
function partJob(cables: readonly Download[], folder: string, bucketsOf: string | null): PartJob {
  return { cables: cables.map(({ id, html, data }) => ({ id, html, data })), folder, bucketsOf };
}

/**
 * Builds the parts, each by a Pagefind service of its own (closing it gives the part's memory back),
 * two at a time, staggered (search-stages.ts): the smallest first, so the largest writes last, alone,
 * instead of holding up the others. All are awaited before a failure is reported.
 */
async function buildParts(jobs: PartJob[], chunkSize: number): Promise<void> {
  const stages = new Stages();
  const inOrder = [...jobs].sort((a, b) => a.cables.length - b.cables.length);
  const outcomes = await Promise.allSettled(
    inOrder.map((job) => {
      // Read by the service when it starts: a delta's chunks are smaller (`deltaChunkShare`).
      const size = job.bucketsOf === null ? Math.round(chunkSize * deltaChunkShare) : chunkSize;
      return buildPartInWorker(job, stages, { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(size) });
    }),
  );
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

function deltaName(part: string): string {
  return `${part}~delta`;
}

async function removeDelta(folder: string): Promise<void> {
  await rm(`${folder}.json`, { force: true });
  await rm(folder, { recursive: true, force: true });
}

function indexedCable({ id, digest }: Download): IndexedCable {
  return { id, digest };
}

async function readJson<T>(file: string): Promise<T | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  return text === null ? null : (JSON.parse(text) as T);
}

/** Each document's result id in a written index (its fragment file's name, the fragment holding its URL) → its cable's date. */
async function fragmentDates(folder: string, cables: readonly Download[]): Promise<Record<string, string>> {
  const dateOf = new Map(cables.map((cable) => [`/cables/${cable.id}/`, cable.data.date]));
  const names = (await readdir(path.join(folder, 'fragment'))).filter((name) => name.endsWith('.pf_fragment')).sort();
  const dates: Record<string, string> = {};
  for (const name of names) {
    // A fragment is gzipped: Pagefind's signature, then the page as JSON.
    const text = gunzipSync(await readFile(path.join(folder, 'fragment', name))).toString('utf8');
    const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
    const date = dateOf.get(url);
    if (date !== undefined) dates[name.slice(0, -'.pf_fragment'.length)] = date;
  }
  return dates;
}

/** `indexCables` in a worker thread of its own (`search-index-worker.ts`). */
export function indexCablesInWorker(cacheDir: URL): Promise<IndexOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), { workerData: { cacheDir: cacheDir.href } });
    let answered = false;
    worker.on('message', (message: { outcome?: IndexOutcome; error?: string }) => {
      answered = true;
      if (message.outcome) resolve(message.outcome);
      else reject(new Error(`the search index could not be built: ${message.error}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!answered) reject(new Error(`the search index worker thread exited (code ${code}) before the index was written`));
    });
  });
}

/**
 * Puts the index into the output folder `to` (`dist/pagefind/`): the first part whole, the
 * others' index files under `parts/<name>/`, a part's delta under `parts/<name>~delta/`, and
 * `parts.json`. Files are hard links where the two
 * share a disk (Pagefind writes a part into a new folder, never over an old one), copies where not;
 * one that is already there from the last build is left. Returns every file of the index.
 */
export async function copyIndex({ parts }: IndexOutcome, to: string): Promise<string[]> {
  const manifest: PartsManifest = { parts: [] };
  const files: string[] = [];
  const url = (folder: string): string => `/pagefind/${folder ? `${folder}/` : ''}`;
  for (const [index, part] of parts.entries()) {
    const folder = index === 0 ? '' : `parts/${part.name}`;
    files.push(...(await linkFolder(part.folder, path.join(to, folder), index === 0 ? () => true : (file) => partFiles.test(file))));
    const entry: PartEntry = { name: part.name, path: url(folder) };
    if (part.delta) {
      const { name, masked, dates } = part.delta;
      const deltaFolder = `parts/${name}`;
      files.push(...(await linkFolder(part.delta.folder, path.join(to, deltaFolder), (file) => partFiles.test(file))));
      entry.delta = { name, path: url(deltaFolder), masked, baseDates: `${url(folder)}${datesFile}`, dates };
    }
    manifest.parts.push(entry);
  }
  await mkdir(to, { recursive: true });
  await writeFile(path.join(to, 'parts.json'), JSON.stringify(manifest));
  return [...files, path.join(to, 'parts.json')];
}

/** Links the files of `from` that pass `include` into `to`; returns the paths written or already there. */
async function linkFolder(from: string, to: string, include: (file: string) => boolean): Promise<string[]> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(from, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter(include);
  for (const folder of new Set(files.map((file) => path.dirname(path.join(to, file))))) await mkdir(folder, { recursive: true });
  await mapInBatches(files, 64, (file) => linkOrCopy(path.join(from, file), path.join(to, file)));
  return files.map((file) => path.join(to, file));
}

function configuredPartSize(): number {
  return positiveInteger(process.env.CABLES_SEARCH_PART_SIZE) ?? defaultPartSize;
}

/** `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` when set, else `indexChunkSize`: given to each part's service. */
function configuredChunkSize(): number {
  return positiveInteger(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE) ?? indexChunkSize;
}

function positiveInteger(text: string | undefined): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** The code and settings every part is made with. */
async function codeDigest(chunkSize: number): Promise<string> {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(await readFile(source));
  hash.update(`pagefind ${await pagefindVersion()} chunk ${chunkSize}`);
  return hash.digest('hex');
}

/** Everything a part is made from: the code, its name (a filter in every document) and its cables in order. */
function partDigest(code: string, name: string, cables: readonly Download[]): string {
  const hash = createHash('sha256').update(`${code}\0${name}\0`);
  for (const { id, digest } of cables) hash.update(`${id}\0${digest}\0`);
  return hash.digest('hex');
}

async function pagefindVersion(): Promise<string> {
  // The package exports only its entry (lib/index.js); its manifest is one folder up.
  const manifest = fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind')));
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}
