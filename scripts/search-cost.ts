/**
 * What a first search costs a browser: serves a built site the way a static host does (text
 * files gzipped on the fly; Pagefind's files are already compressed), opens /search/?q=<word>
 * in a fresh headless Chromium profile (1280×720) and adds up the bytes it transfers until the
 * results are shown, and in the 1.5 s after: results the search page fetches only when they
 * scroll into view count when they fit on that screen. Prints one line per file group, for each
 * query.
 *
 *   node scripts/search-cost.ts [dist] [--query lavrov --query nuclear …]
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { launch } from '../tests/e2e/browser.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { query: { type: 'string', multiple: true } },
});
const root = path.resolve(positionals[0] ?? 'dist');
const queries = values.query ?? ['lavrov', 'nuclear', 'corruption minister', 'Berlusconi'];

interface Transfer {
  path: string;
  bytes: number;
  /** Fetched by the service worker while installing, not by the search. */
  isPrecache: boolean;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
let transfers: Transfer[] = [];
const server = createServer((request, response) => void send(request, response));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launch();

console.log(`first search on ${root}: bytes on the wire (text gzipped as a static host would)`);
for (const query of queries) {
  transfers = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('[data-search-page][data-state="done"]', { timeout: 60_000 });
  const status = await page.locator('#search-status').textContent();
  await page.waitForTimeout(1500);
  await context.close();
  report(query, status ?? '', transfers);
}
await browser.close();
server.close();

function report(query: string, status: string, all: Transfer[]): void {
  const groups: [string, (file: string) => boolean][] = [
    ['search page', (file) => file.startsWith('/search/')],
    ['site css/js', (file) => file.startsWith('/_astro/') || file === '/favicon.svg' || file === '/sw.js'],
    ['pagefind runtime', (file) => /^\/pagefind\/(parts\/[^/]+\/)?(pagefind[^/]*\.(js|json)|parts\.json|wasm\.|[^/]+\.pf_meta)/.test(file)],
    ['filters', (file) => /^\/pagefind\/(parts\/[^/]+\/)?filter\//.test(file)],
    ['word index', (file) => /^\/pagefind\/(parts\/[^/]+\/)?index\//.test(file)],
    ['fragments', (file) => /^\/pagefind\/(parts\/[^/]+\/)?fragment\//.test(file)],
  ];
  const search = all.filter((transfer) => !transfer.isPrecache);
  const total = sum(search);
  console.log(`\n"${query}": ${status}`);
  for (const [name, test] of groups) {
    const files = search.filter((transfer) => test(transfer.path));
    console.log(`  ${name.padEnd(18)} ${kb(sum(files)).padStart(9)}  ${files.length} files`);
  }
  const other = search.filter((transfer) => !groups.some(([, test]) => test(transfer.path)));
  if (other.length) console.log(`  ${'other'.padEnd(18)} ${kb(sum(other)).padStart(9)}  ${other.map((t) => t.path).join(' ')}`);
  console.log(`  ${'first search'.padEnd(18)} ${kb(total).padStart(9)}  ${search.length} requests`);
  console.log(`  ${'of which pagefind'.padEnd(18)} ${kb(sum(search.filter((t) => t.path.startsWith('/pagefind/')))).padStart(9)}`);
  const precache = all.filter((transfer) => transfer.isPrecache);
  console.log(`  ${'+ worker install'.padEnd(18)} ${kb(sum(precache)).padStart(9)}  ${precache.length} files cached in the background`);
}

async function send(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', origin);
  let file = path.join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root)) return void response.writeHead(403).end();
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) file = path.join(file, 'index.html');
  const size = info?.isDirectory()
    ? await stat(file)
        .then((s) => s.size)
        .catch(() => -1)
    : (info?.size ?? -1);
  if (size < 0) return void response.writeHead(404).end();
  const type = types[path.extname(file)];
  const transfer: Transfer = {
    path: url.pathname,
    bytes: 0,
    isPrecache: request.headers['cache-control'] === 'no-cache' && request.headers['service-worker'] === undefined,
  };
  transfers.push(transfer);
  const isGzipped = type !== undefined && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(200, {
    'content-type': type ?? 'application/octet-stream',
    ...(isGzipped ? { 'content-encoding': 'gzip' } : { 'content-length': size }),
  });
  const body = createReadStream(file);
  const counted = isGzipped ? body.pipe(createGzip()) : body;
  counted.on('data', (chunk: Buffer) => {
    transfer.bytes += chunk.length;
  });
  counted.pipe(response);
}

function sum(list: Transfer[]): number {
  return list.reduce((total, transfer) => total + transfer.bytes, 0);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
