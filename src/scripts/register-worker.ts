/**
 * Registers the offline service worker (dist/sw.js, built by src/integrations/service-worker.ts).
 * The page that registers it was fetched before the worker existed, so once the worker takes
 * control the page fetches itself again through it, and is kept for offline reading too.
 */

export function registerWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController) void fetch(location.pathname).catch(() => undefined);
  });
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
