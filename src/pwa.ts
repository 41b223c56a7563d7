/**
 * Offline install: registers the service worker that vite-plugin-pwa generates (Workbox; it
 * precaches the whole site on the first visit). Fetching the whole site is work for a moment
 * when the reader is doing nothing with the page: it waits until the page has loaded and been
 * left alone for QUIET_MS (util/quiet.ts: no input, no change of what is shown, no file being
 * opened), then for an idle moment. When a new build is installed and waiting, `onUpdate` gets
 * the function that activates it and reloads the page.
 */
import { registerSW } from 'virtual:pwa-register';
import { whenQuiet } from './util/quiet';

/** How long the page must be left alone before the offline copy is fetched. */
const QUIET_MS = 4_000;

export function registerOffline(onUpdate: (apply: () => void) => void): void {
  // (On the dev server the plugin's register is a no-op: the worker exists only in a build.)
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    const activate = registerSW({
      immediate: true,
      // The waiting worker takes over on Reload; workbox-window then reloads the page.
      onNeedRefresh: () => onUpdate(() => void activate(true)),
      onRegisterError: (error) => console.warn('Linkage: the offline copy could not be installed', error),
    });
  };
  whenQuiet(QUIET_MS, () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(register, { timeout: 3000 }) : register()));
}
