/**
 * What a build leaves behind and costs a reader: stage times read from the build log, the size
 * and file count of the output, and the bytes a browser transfers for a first search.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PartsManifest } from '../../src/lib/search/parts.ts';

/** Seconds per stage, as the build logged them; null when the log has no such line. */
export interface Stages {
  /** Content Layer sync: the cables loader's own line. */
  load: number | null;
  /** Vite/rolldown bundling of the server and client entrypoints. */
  bundle: number | null;
  /** Astro's "generating static routes": every page and endpoint rendered and written. */
  render: number | null;
  /** What the search step added to the build: its wait for the index at the end, and the service worker (the search integration's line). */
  search: number | null;
  /** The Pagefind index from start to end, most of it beside the bundling and page rendering. */
  indexing: number | null;
  /** Cables the loader parsed, and left alone because their digest had not changed. */
  parsed: number | null;
  unchanged: number | null;
}

export function readStages(log: string): Stages {
  const number = (pattern: RegExp): number | null => {
    const found = pattern.exec(log);
    return found ? Number(found[1]) : null;
  };
  const loader = /\[cables-loader\] (\d+) cables \((\d+) parsed, (\d+) unchanged\).* in ([\d.]+) s/.exec(log);
  const vite = [...log.matchAll(/\[vite\] ✓ built in ([\d.]+)(m?s)/g)].reduce(
    (sum, [, value, unit]) => sum + Number(value) / (unit === 'ms' ? 1000 : 1),
    0,
  );
  return {
    load: loader ? Number(loader[4]) : syncSeconds(log),
    bundle: vite || null,
    render: duration(/generating static routes[\s\S]*?✓ Completed in ((?:\d+m )?[\d.]+m?s)/.exec(log)?.[1]),
    search: number(/\[cables-search\] indexed \d+ cable pages in [\d.]+ s.*?; the build waited ([\d.]+) s/),
    indexing: number(/\[cables-search\] indexed \d+ cable pages in ([\d.]+) s/),
    parsed: loader ? Number(loader[2]) : null,
    unchanged: loader ? Number(loader[3]) : null,
  };
}

/** Astro's durations: `6.38s`, `250ms`, `1m 44s`. */
function duration(text: string | undefined): number | null {
  const found = text === undefined ? null : /^(?:(\d+)m )?([\d.]+)(m?s)$/.exec(text);
  if (!found) return null;
  return Number(found[1] ?? 0) * 60 + Number(found[2]) / (found[3] === 'ms' ? 1000 : 1);
}

/** From Astro's "Syncing content" to "Synced content" log lines (whole seconds), for loaders that log no time. */
function syncSeconds(log: string): number | null {
  const at = (pattern: RegExp): number | null => {
    const found = pattern.exec(log);
    return found ? Number(found[1]) * 3600 + Number(found[2]) * 60 + Number(found[3]) : null;
  };
  const start = at(/(\d\d):(\d\d):(\d\d) \[content\] Syncing content/);
  const end = at(/(\d\d):(\d\d):(\d\d) \[content\] Synced content/);
  return start === null || end === null ? null : (end - start + 86_400) % 86_400;
}

export interface OutputSize {
  bytes: number;
  files: number;
  htmlFiles: number;
  /** The Pagefind index alone (dist/pagefind). */
  searchBytes: number;
  searchFiles: number;
  /** The largest file and its size: hosts cap single files (Cloudflare Pages 25 MiB). */
  largestFile: string;
  largestBytes: number;
}

export async function measureOutput(dir: string): Promise<OutputSize> {
  const size: OutputSize = { bytes: 0, files: 0, htmlFiles: 0, searchBytes: 0, searchFiles: 0, largestFile: '', largestBytes: 0 };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { size: bytes } = await stat(file);
    const relative = path.relative(dir, file);
    size.bytes += bytes;
    size.files++;
    if (entry.name.endsWith('.html')) size.htmlFiles++;
    if (relative.startsWith(`pagefind${path.sep}`)) {
      size.searchBytes += bytes;
      size.searchFiles++;
    }
    if (bytes > size.largestBytes) Object.assign(size, { largestFile: relative, largestBytes: bytes });
  }
  return size;
}

export interface FirstSearch {
  /** Bytes on the wire for a first search, text gzipped as a static host would. */
  bytes: number;
  /** `browser`: measured in headless Chromium by scripts/search-cost.ts; `files`: summed from the index files. */
  method: 'browser' | 'files';
  detail: string;
}

/** Measured in a browser when scripts/search-cost.ts and Chromium are there, else added up from the files. */
export async function measureFirstSearch(dist: string, options: { query: string; useBrowser: boolean }): Promise<FirstSearch> {
  if (options.useBrowser) {
    const measured = await searchCostInBrowser(dist, options.query).catch(() => null);
    if (measured) return measured;
  }
  return await searchCostFromFiles(dist);
}

async function searchCostInBrowser(dist: string, query: string): Promise<FirstSearch | null> {
  const script = path.resolve('scripts/search-cost.ts');
  await stat(script);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [script, dist, '--query', query], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk;
    });
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(text))));
  });
  const total = /first search\s+([\d.]+) KB\s+(\d+) requests/.exec(output);
  const pagefind = /of which pagefind\s+([\d.]+) KB/.exec(output);
  if (!total) return null;
  return {
    bytes: Math.round(Number(total[1]) * 1024),
    method: 'browser',
    detail: `"${query}": ${total[2]} requests, of which Pagefind ${pagefind?.[1] ?? '?'} KB (scripts/search-cost.ts)`,
  };
}

/**
 * Pagefind's script and WebAssembly, then for every part of the index and every delta
 * (dist/pagefind/parts.json, one part when it is missing) its entry, metadata, every filter file
 * (at most: the search page loads them when its filter panel is open or a delta masks a base) and
 * one word-index chunk of average size; and five result fragments.
 */
async function searchCostFromFiles(dist: string): Promise<FirstSearch> {
  const root = path.join(dist, 'pagefind');
  const sizeOf = async (file: string, { gzip }: { gzip: boolean }): Promise<number> => {
    const bytes = await readFile(path.join(root, file));
    return gzip ? gzipSync(bytes).length : bytes.length;
  };
  const names = (await readdir(root, { recursive: true })).map((name) => name.split(path.sep).join('/'));
  const sizes = async (prefix: string): Promise<number[]> =>
    Promise.all(names.filter((name) => name.startsWith(prefix) && !name.endsWith('/')).map((name) => sizeOf(name, { gzip: false })));
  const average = (list: number[]): number => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : 0);
  const manifest = await readFile(path.join(root, 'parts.json'), 'utf8').catch(() => null);
  const folders =
    manifest === null
      ? ['']
      : (JSON.parse(manifest) as PartsManifest).parts
          .flatMap((part) => [part.path, ...(part.delta ? [part.delta.path] : [])])
          .map((url) => url.replace(/^\/pagefind\//, ''));
  let bytes = (await sizeOf('pagefind.js', { gzip: true })) + (manifest === null ? 0 : gzipSync(manifest).length);
  let filterFiles = 0;
  let chunkFiles = 0;
  const fragments: number[] = [];
  for (const folder of folders) {
    bytes += await sizeOf(`${folder}pagefind-entry.json`, { gzip: true });
    const entry = JSON.parse(await readFile(path.join(root, folder, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; wasm: string }>;
    };
    const language = Object.values(entry.languages)[0];
    if (language) {
      bytes += await sizeOf(`${folder}pagefind.${language.hash}.pf_meta`, { gzip: false });
      if (folder === '') bytes += await sizeOf(`wasm.${language.wasm}.pagefind`, { gzip: false });
    }
    const filters = await sizes(`${folder}filter/`);
    const chunks = await sizes(`${folder}index/`);
    bytes += filters.reduce((a, b) => a + b, 0) + average(chunks);
    filterFiles += filters.length;
    chunkFiles += chunks.length;
    fragments.push(...(await sizes(`${folder}fragment/`)));
  }
  bytes += 5 * average(fragments);
  return {
    bytes: Math.round(bytes),
    method: 'files',
    detail: `${folders.length} part(s) and deltas: runtime+wasm, each one's entry+meta, ${filterFiles} filter files, 1 index chunk per part (of ${chunkFiles}), 5 fragments`,
  };
}
