/**
 * Pages for the end-to-end tests, each as on a first visit, without the cost of a new browser
 * context and tab per page.
 *
 * A new context starts a new renderer process, whose first load of the app pays again for
 * compiling the script, loading the CJK fonts and compiling the map's shaders: in headless
 * Chromium with software WebGL, about 2.1 s per load, against 1.3 s in a new tab of a context
 * that has loaded the app before, and 0.9 s in a tab that has. So a test file keeps one context
 * per set of context options (locale, pixel ratio, touch, CSP, service workers), and a closed
 * page is opened again for the next test:
 *
 * - closing a page leaves the app (so that whatever the app writes as it goes is written then)
 *   for a small same-origin file, and forgets the listeners the test added;
 * - before a page opens, its origin's stored data is cleared (local storage, IndexedDB, Cache
 *   Storage, service workers, cookies; the app keeps nothing in session storage), and its
 *   viewport and media are set afresh, so the page starts as on a first visit.
 *
 * A test that adds an init script to its page asks for a page of its own (`own`): init scripts
 * cannot be taken off a page. The pages of a context are tabs of one window: a page opened after
 * another leaves that one in the background, where its frames wait; bring it to the front
 * (`page.bringToFront()`) to use it again. Tests that change the context itself (offline, init
 * scripts, routes) make a context of their own. Pages ask for reduced motion unless a test asks
 * otherwise (`motion`).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll } from 'vitest';

export interface TabOptions {
  locale?: string;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  isMobile?: boolean;
  hasTouch?: boolean;
  /** For injecting axe-core past the app's Content-Security-Policy. */
  bypassCSP?: boolean;
  /** Service workers are blocked unless a test asks for them (the offline install is tested on its own). */
  serviceWorkers?: 'allow' | 'block';
  /**
   * The reader's motion preference. Pages ask for reduced motion unless a test asks for 'full':
   * camera moves and transitions then land at once, so a test waits for one frame, not for
   * the 15–20 frames of a flight that each cost ~80 ms in software WebGL. The tests of the
   * animations themselves ask for 'full'.
   */
  motion?: 'reduce' | 'full';
  /** A new tab, used for no other test (for a test that adds an init script to it). */
  own?: boolean;
}

export interface Tab {
  /** The context the page is in: shared with the file's other pages of the same options. */
  context: BrowserContext;
  /** A page (new, or a closed one opened again) with its origin's storage cleared, at the asked viewport and media. */
  page: Page;
  /** Leaves the app and ends the page (use instead of closing the shared context). */
  close(): Promise<void>;
}

/** A same-origin resource that is not the app: where a closed page waits. */
const PARKING = 'manifest.webmanifest';

interface Pooled {
  context: BrowserContext;
  /** Closed pages, parked on PARKING, to be opened again: they keep the renderer process warm. */
  parked: Page[];
}

const pools = new Map<string, Pooled>();
afterAll(async () => {
  for (const p of pools.values()) await p.context.close();
  pools.clear();
});

const DEFAULT_VIEWPORT = { width: 1400, height: 880 };

/**
 * A page for `url`'s origin in the file's context for these options, in front, as on a first
 * visit. The caller navigates it (`page.goto(url)`).
 */
export async function openTab(browser: Browser, url: string, options: TabOptions = {}): Promise<Tab> {
  const contextOptions = {
    locale: options.locale ?? 'zh-TW',
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    isMobile: options.isMobile === true,
    hasTouch: options.hasTouch === true,
    bypassCSP: options.bypassCSP === true,
    serviceWorkers: options.serviceWorkers ?? 'block',
  };
  const key = JSON.stringify(contextOptions);
  let pooled = pools.get(key);
  if (!pooled || pooled.context.browser() !== browser) {
    pooled = { context: await browser.newContext({ ...contextOptions, viewport: DEFAULT_VIEWPORT, acceptDownloads: true }), parked: [] };
    pools.set(key, pooled);
  }
  const { context } = pooled;
  const page = (options.own ? undefined : pooled.parked.pop()) ?? (await context.newPage());
  await page.bringToFront();
  await page.setViewportSize(options.viewport ?? DEFAULT_VIEWPORT);
  await page.emulateMedia({ media: null, reducedMotion: (options.motion ?? 'reduce') === 'reduce' ? 'reduce' : 'no-preference' });
  const origin = new URL(url).origin;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  await cdp.detach();
  const owner = pooled;
  let closed = false;
  return {
    context,
    page,
    close: async () => {
      if (closed) return;
      closed = true;
      if (page.isClosed()) return;
      // Leave the app first: what it stores as the page goes is stored now, not in the next test.
      await page.goto(new URL(PARKING, url).href).catch(() => undefined);
      if (options.own) {
        await page.close();
        return;
      }
      page.removeAllListeners();
      owner.parked.push(page);
    },
  };
}

/**
 * For a test file whose tests each use one page, on a server of its own (not the app's address):
 * `open(url)` ends the previous test's page and returns a new one for `url`'s origin, as on a first
 * visit, not yet navigated. The last is ended when the file ends.
 */
export function pagePerTest(browser: () => Browser, options: TabOptions = {}): (url: string) => Promise<Page> {
  let current: Tab | null = null;
  afterAll(async () => {
    await current?.close();
  });
  return async (url) => {
    await current?.close();
    current = await openTab(browser(), url, options);
    return current.page;
  };
}
