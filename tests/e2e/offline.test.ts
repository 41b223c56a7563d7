/**
 * The installable, offline app in real headless Chromium: the manifest and its icons, a page
 * that works with the network off once visited (the chapter drawn, search, the presenter view),
 * nothing requested beyond the site's origin, and a second build's service worker taking over
 * after the reader accepts the update prompt (two builds served in turn at one address).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sharedBrowser } from './browser';
import { paintedPixels, state, waitReady } from './harness';

const browser = sharedBrowser();

interface Tracked {
  context: BrowserContext;
  page: Page;
  /** Every request of the context: its pages and its service worker. */
  requests: string[];
  errors: string[];
}

async function openTracked(url: string): Promise<Tracked> {
  const context = await browser().newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await waitReady(page);
  return { context, page, requests, errors };
}

/** Waits until the page's service worker is active (the whole site is precached by then). */
async function workerActive(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active!.scriptURL;
  });
}

const foreign = (requests: string[], origin: string) => requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));

describe('installable', () => {
  it('links a manifest with a relative start URL, its own scope and real PNG icons; the CSP is unchanged', async () => {
    const base = inject('baseUrl');
    const { context, page } = await openTracked(`${base}#lang=en`);
    const html = await (await page.request.get(base)).text();
    // No inline script: every <script> has a src; the CSP allows scripts from the site only.
    expect([...html.matchAll(/<script\b[^>]*>/g)].every((m) => /\bsrc=/.test(m[0]))).toBe(true);
    expect(html).toContain("script-src 'self';");
    expect(html).toContain("default-src 'self';");
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('./manifest.webmanifest');
    const manifestUrl = new URL(href!, base).href;
    const manifest = (await (await page.request.get(manifestUrl)).json()) as {
      name: string;
      short_name: string;
      start_url: string;
      scope: string;
      display: string;
      theme_color: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
    };
    expect(manifest.name).toContain('Linkage');
    expect(manifest.start_url).toBe('./');
    expect(manifest.scope).toBe('./');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      expect(icon.src.startsWith('/'), icon.src).toBe(false);
      const response = await page.request.get(new URL(icon.src, manifestUrl).href);
      expect(response.status(), icon.src).toBe(200);
      const png = await response.body();
      // PNG signature, then IHDR: width and height as the manifest says.
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const [w, h] = icon.sizes.split('x').map(Number);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([w, h]);
      // A drawing, not a blank square: the icon's pixels hold several colours.
      const colours = await page.evaluate(async (url) => {
        const bitmap = await createImageBitmap(await (await fetch(url)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < data.length; i += 16) seen.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
        return seen.size;
      }, new URL(icon.src, manifestUrl).href);
      expect(colours, icon.src).toBeGreaterThan(5);
    }
    await context.close();
  });
});

describe('offline', () => {
  it('once visited, the chapter is drawn, search works and the presenter view opens with the network off', async () => {
    const base = inject('baseUrl');
    const origin = new URL(base).origin;
    const { context, page, requests, errors } = await openTracked(`${base}#lang=en&sel=pd.egov`);
    // The offline copy waits for a page left alone (util/quiet.ts): none while the reader works.
    const registered = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);
    for (let i = 0; i < 5; i++) {
      await page.locator('#search').press('End');
      await page.waitForTimeout(1000);
    }
    expect(await registered()).toBe(false);
    expect(requests.some((u) => u.endsWith('/sw.js'))).toBe(false);
    expect(await workerActive(page)).toBe(`${base}sw.js`);
    // The precache holds the whole site: the page's own script and style among them.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const key of await caches.keys()) for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
      return urls;
    });
    const scripts = await page.evaluate(() => [...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src));
    expect(cached).toEqual(expect.arrayContaining(scripts.map((s) => expect.stringContaining(new URL(s).pathname))));
    expect(cached.some((u) => u.includes('import.worker'))).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    // The same view, from the cache: the selection from the link, the map painted.
    expect((await state(page)).selected).toBe('pd.egov');
    await expect.poll(async () => (await paintedPixels(page)).nodes).toBeGreaterThan(2_000);
    expect((await paintedPixels(page)).labels).toBeGreaterThan(200);
    // Search, by pinyin.
    await page.locator('#search').fill('jue ce yu zhi xing fen li');
    await expect.poll(() => page.locator('#search-list li').first().getAttribute('data-node')).toBe('m.separate');
    await page.locator('#search').press('Enter');
    await expect.poll(async () => (await state(page)).selected).toBe('m.separate');
    // Another address in scope (the presenter window) opens offline too.
    const presenter = await context.newPage();
    await presenter.goto(`${base}?presenter=1#mode=lecture&slide=4&lang=en`);
    await waitReady(presenter);
    await expect.poll(() => presenter.locator('#presenter').isVisible()).toBe(true);
    expect(await presenter.locator('#presenter-count').textContent()).toContain('4');
    expect(foreign(requests, origin)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A free TCP port on 127.0.0.1 (both builds are served there in turn: one origin). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The compiled chapter module (`virtual:chapter`) as the end-to-end setup's build made it. */
const CHAPTER_ID = '\0virtual:chapter';

/** Builds the site into `outDir` with `mark` written on the page's root element (a changed asset). */
async function buildMarked(outDir: string, mark: string): Promise<void> {
  await build({
    root: process.cwd(),
    // Errors only: the bundler's timing notes are not news here.
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
    plugins: [
      {
        // The chapter as the setup's build compiled it (the graph is the same; compiling it is most of a build).
        name: 'linkage-test-chapter-given',
        enforce: 'pre',
        load(id) {
          return id === CHAPTER_ID ? readFileSync(inject('chapterModule'), 'utf8') : null;
        },
      },
      {
        name: 'linkage-test-build-mark',
        transform(code, id) {
          return id.endsWith('/src/main.ts') ? `${code}\ndocument.documentElement.dataset.build = ${JSON.stringify(mark)};\n` : null;
        },
      },
    ],
  });
}

async function serve(outDir: string, port: number): Promise<PreviewServer> {
  return preview({ root: process.cwd(), logLevel: 'warn', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' } });
}

describe('updates', () => {
  const dirs = [mkdtempSync(join(tmpdir(), 'linkage-build-a-')), mkdtempSync(join(tmpdir(), 'linkage-build-b-'))] as const;
  let server: PreviewServer | undefined;
  afterAll(async () => {
    await server?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("a second build's service worker takes over after the reader accepts the update prompt", async () => {
    await buildMarked(dirs[0], 'A');
    await buildMarked(dirs[1], 'B');
    // The page's last module script: the first load's code (the runtime before it is the same in both).
    const scriptOf = (dir: string) => [...readFileSync(join(dir, 'index.html'), 'utf8').matchAll(/<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/g)].at(-1)![1]!;
    const [scriptA, scriptB] = [scriptOf(dirs[0]), scriptOf(dirs[1])];
    expect(scriptA).not.toBe(scriptB);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/`;
    const mark = (page: Page) => page.evaluate(() => document.documentElement.dataset.build);

    // Build A: visited once, installed.
    server = await serve(dirs[0], port);
    const { context, page, requests, errors } = await openTracked(`${base}#lang=en&sel=tr.power`);
    expect(await mark(page)).toBe('A');
    await workerActive(page);
    expect(await page.locator('#update-prompt').isHidden()).toBe(true);

    // Build B is published at the same address. The next visit still opens A (from its cache)
    // and finds B waiting: the prompt offers to reload.
    await server.close();
    server = await serve(dirs[1], port);
    await page.reload();
    await waitReady(page);
    expect(await mark(page)).toBe('A');
    const prompt = page.locator('#update-prompt');
    await prompt.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await prompt.textContent()).toContain('A new version of Linkage is ready');
    // Until the reader says so, nothing changes.
    expect(await mark(page)).toBe('A');

    // Reload: B takes over, the page reloads into B with the same view.
    await page.locator('#update-reload').click();
    await expect.poll(() => mark(page).catch(() => null), { timeout: 30_000 }).toBe('B');
    await waitReady(page);
    expect((await state(page)).selected).toBe('tr.power');
    const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    expect(controller).toBe(`${base}sw.js`);
    // The old precache entries are gone; B's are there.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const key of await caches.keys()) for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
      return urls;
    });
    expect(cached.some((u) => u.includes(scriptB))).toBe(true);
    expect(cached.some((u) => u.includes(scriptA))).toBe(false);

    // And B works offline.
    await server.close();
    server = undefined;
    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    expect(await mark(page)).toBe('B');
    await expect.poll(async () => (await paintedPixels(page)).nodes).toBeGreaterThan(2_000);
    expect(foreign(requests, base.slice(0, -1))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
