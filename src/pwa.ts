/**
 * Offline install: registers the service worker that vite-plugin-pwa generates (Workbox; it
 * precaches the whole site on the first visit), once the page has loaded and gone idle so the
 * first frame of the map is not shared with the download. When a new build is installed and
 * waiting, `onUpdate` gets the function that activates it and reloads the page.
 */
import { registerSW } from 'virtual:pwa-register';

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
  const whenIdle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(register, { timeout: 3000 }) : setTimeout(register, 500));
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
