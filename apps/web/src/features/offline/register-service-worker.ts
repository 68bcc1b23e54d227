/**
 * Registers the service worker that keeps the app shell and the last data read, so the app opens
 * without a link. Only the built app has one; the dev server serves sources.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", () => {
    void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
  });
}

/** Forgets the data kept for offline use, which belonged to the user who signs out. */
export async function clearOfflineData(): Promise<void> {
  if (!("caches" in window)) return;
  await caches.delete(apiCacheName);
}

/** The cache the service worker keeps API answers in (see vite.config.ts). */
export const apiCacheName = "ntm-api";
