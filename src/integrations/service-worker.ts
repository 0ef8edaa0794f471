/**
 * The offline part of the build: dist/sw.js (src/scripts/service-worker.ts with its types
 * stripped and this build's version and precache list prepended) and dist/offline.json, the list
 * of every file a search can fetch, which "Save for offline" downloads. The version is a digest of
 * what the worker serves, so a new build gets a new cache and the worker deletes the old one.
 * Written last, when the output holds just this build's files (src/integrations/output.ts).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { transformWithOxc } from 'vite';

export default function serviceWorker(): AstroIntegration {
  return {
    name: 'cables-offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const worker = await writeServiceWorker(fileURLToPath(dir));
        logger.info(
          `service worker ${worker.cacheName}; "Save for offline" fetches the index, ${(worker.offlineBytes / 1e6).toFixed(1)} MB in ${worker.offlineFiles} files`,
        );
      },
    },
  };
}

export interface ServiceWorkerOutcome {
  cacheName: string;
  /** Files and bytes of the whole search index (runtime, word index, filters, fragments). */
  offlineFiles: number;
  offlineBytes: number;
}

/** The files every search needs (then word-index chunks and fragments, on demand); a date-sorted search across a delta, a base's dates. */
const searchRuntime =
  /^pagefind\/(pagefind\.js|pagefind-worker\.js|wasm\.en\.pagefind|parts\.json|(parts\/[^/]+\/)?(pagefind-entry\.json|[^/]+\.pf_meta|cable-dates\.json|filter\/.+))$/;
const searchIndex = /^pagefind\/(parts\/[^/]+\/)?(index|fragment)\//;
/** Fetched when the worker installs; the page that installs it is kept too (src/scripts/register-worker.ts). */
const shellPages = ['/search/'];
const source = fileURLToPath(new URL('../scripts/service-worker.ts', import.meta.url));

export async function writeServiceWorker(distDir: string): Promise<ServiceWorkerOutcome> {
  const files = await listFiles(distDir);
  const runtime = files.filter((file) => searchRuntime.test(file));
  const offline = [...runtime, ...files.filter((file) => searchIndex.test(file))];
  const assets = files.filter((file) => file.startsWith('_astro/') || file === 'favicon.svg');

  const digest = createHash('sha256');
  for (const file of [...assets, ...runtime]) digest.update(file).update(await readFile(path.join(distDir, file)));
  for (const file of offline) digest.update(file);
  const version = digest.digest('hex').slice(0, 12);

  let offlineBytes = 0;
  for (const file of offline) offlineBytes += (await stat(path.join(distDir, file))).size;

  const build = { version, precache: [...shellPages, ...assets.map((file) => `/${file}`)] };
  const { code } = await transformWithOxc(await readFile(source, 'utf8'), source, { lang: 'ts' });
  const worker = `const BUILD = ${JSON.stringify(build)};\n${code}`;
  await writeFile(path.join(distDir, 'sw.js'), worker);
  await writeFile(
    path.join(distDir, 'offline.json'),
    JSON.stringify({ version, bytes: offlineBytes, files: offline.map((file) => `/${file}`) }),
  );
  await stampSearchPage(distDir, offlineBytes);
  return { cacheName: `cables-${version}`, offlineFiles: offline.length, offlineBytes };
}

/** The search page says how large "Save for offline" is without fetching the file list first. */
async function stampSearchPage(distDir: string, bytes: number): Promise<void> {
  const page = path.join(distDir, 'search', 'index.html');
  const html = await readFile(page, 'utf8').catch(() => null);
  // The page may be the last build's, already stamped (src/integrations/output.ts).
  if (html !== null) await writeFile(page, html.replace(/data-offline-bytes="\d+"/, `data-offline-bytes="${bytes}"`));
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
