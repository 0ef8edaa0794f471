/**
 * "Save for offline": downloads every file of the search index listed in /offline.json into the
 * service worker's cache for this build (`cables-<version>`), so that searching the whole
 * collection works with the network off. A marker entry records that the save completed; a new
 * build deletes the old cache and with it the marker, and the button comes back.
 */

interface OfflineManifest {
  version: string;
  bytes: number;
  files: string[];
}

const markerUrl = '/offline-saved';

export async function setUpOfflineSave(section: HTMLElement): Promise<void> {
  const button = section.querySelector<HTMLButtonElement>('button');
  const status = section.querySelector<HTMLElement>('[role="status"]');
  if (!button || !status) return;
  const bytes = Number(section.dataset.offlineBytes ?? 0);
  const size = bytes > 0 ? ` (${formatBytes(bytes)})` : '';
  button.textContent = `Save for offline${size}`;
  if (!('caches' in window) || !('serviceWorker' in navigator)) {
    button.disabled = true;
    status.textContent = 'This browser cannot keep the site for offline use.';
    return;
  }
  const saved = await caches.match(markerUrl);
  if (saved) {
    button.textContent = `Saved for offline${size}`;
    status.textContent = 'The whole index is on this device: search works with the network off. Pages you open are kept too.';
  }
  button.addEventListener('click', () => {
    button.disabled = true;
    saveForOffline((done, total, doneBytes, totalBytes) => {
      status.textContent = `Saving… ${done} of ${total} files (${formatBytes(doneBytes)} of ${formatBytes(totalBytes)})`;
    })
      .then((manifest) => {
        button.textContent = `Saved for offline (${formatBytes(manifest.bytes)})`;
        status.textContent = `Saved: ${manifest.files.length} files, ${formatBytes(manifest.bytes)}. Search works with the network off.`;
        section.dataset.saved = 'true';
      })
      .catch((error: unknown) => {
        status.textContent = `Could not save for offline: ${error instanceof Error ? error.message : String(error)}`;
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}

export async function saveForOffline(
  onProgress: (done: number, total: number, doneBytes: number, totalBytes: number) => void,
): Promise<OfflineManifest> {
  await navigator.storage?.persist?.().catch(() => false);
  const manifest = (await (await fetch('/offline.json', { cache: 'no-store' })).json()) as OfflineManifest;
  const cache = await caches.open(`cables-${manifest.version}`);
  const cached = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
  const missing = manifest.files.filter((file) => !cached.has(file));
  let done = manifest.files.length - missing.length;
  let doneBytes = 0;
  let next = 0;
  const fetchNext = async (): Promise<void> => {
    while (next < missing.length) {
      const file = missing[next++] as string;
      const response = await fetch(file, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${response.status} for ${file}`);
      const body = await response.clone().arrayBuffer();
      await cache.put(file, response);
      done += 1;
      doneBytes += body.byteLength;
      if (done % 50 === 0 || done === manifest.files.length) onProgress(done, manifest.files.length, doneBytes, manifest.bytes);
    }
  };
  await Promise.all(Array.from({ length: 8 }, fetchNext));
  await cache.put(markerUrl, new Response(manifest.version));
  return manifest;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}
