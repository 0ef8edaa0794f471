/**
 * The service worker (built into dist/sw.js by src/integrations/service-worker.ts, which
 * prepends `BUILD`). It keeps what a reader has seen, and the search runtime, in one cache per
 * build:
 * - on install, the search page and the site's assets (CSS, scripts);
 * - Pagefind files and hashed assets: cache first, kept once fetched (a build never changes them
 *   under one name), so the runtime and every index chunk a search has used stay available;
 * - pages: network first, the cached copy when offline (query strings such as `?highlight=` ignored);
 * - on activate, the caches of older builds are deleted.
 * "Save for offline" (src/scripts/offline.ts) puts every file of offline.json into the same cache.
 */

declare const BUILD: { version: string; precache: string[] };

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const cachePrefix = 'cables-';
const cacheName = `${cachePrefix}${BUILD.version}`;

scope.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => scope.skipWaiting()));
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(removeOldCaches().then(() => scope.clients.claim()));
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.location.origin) return;
  if (url.pathname === '/offline.json' || url.pathname === '/sw.js') return;
  if (url.pathname.startsWith('/pagefind/') || url.pathname.startsWith('/_astro/')) event.respondWith(fromCacheFirst(request));
  else event.respondWith(fromNetworkFirst(request, url));
});

async function precache(): Promise<void> {
  const cache = await caches.open(cacheName);
  await cache.addAll(BUILD.precache.map((path) => new Request(path, { cache: 'reload' })));
}

async function removeOldCaches(): Promise<void> {
  for (const name of await caches.keys()) {
    if (name.startsWith(cachePrefix) && name !== cacheName) await caches.delete(name);
  }
}

async function fromCacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function fromNetworkFirst(request: Request, url: URL): Promise<Response> {
  const cache = await caches.open(cacheName);
  const key = `${url.origin}${url.pathname}`;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    if (request.mode === 'navigate') return notSaved(url);
    throw error;
  }
}

function notSaved(url: URL): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Offline · Cables</title><main style="font-family:system-ui;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>You are offline</h1><p>${url.pathname.replace(/[<>&"]/g, '')} was not saved on this device.</p>
<p><a href="/search/">Search</a> still works if you saved the index for offline use, and the pages you have opened before are here.</p></main>`;
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
