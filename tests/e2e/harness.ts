/**
 * Helpers for the end-to-end tests: open the app at a hash, read the state, find where a node
 * is drawn, and read the pixels sigma painted (WebGL nodes layer, 2D labels layer).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, expect, inject } from 'vitest';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts');

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every request the page made (URLs). */
  requests: string[];
  /** Uncaught page errors and dialogs (a dialog would mean injected script ran). */
  errors: string[];
}

/** Opens a fresh context (empty storage) at `hash` and waits for the map. */
export async function openApp(browser: Browser, hash = '', options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<Opened> {
  const context = await browser.newContext({ locale: options.locale ?? 'zh-TW', viewport: options.viewport ?? { width: 1400, height: 880 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    errors.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  await page.goto(inject('baseUrl') + hash);
  await waitReady(page);
  return { context, page, requests, errors };
}

/**
 * For a test file whose pages must stay offline and clean: the returned `open` opens the app
 * (at `#lang=en` by default) and remembers the page; when the file ends, every page is checked to
 * have requested nothing beyond its own origin (blob: and data: aside) and to have had no page
 * error or dialog.
 */
export function trackedPages(browser: () => Browser): (hash?: string) => Promise<Opened> {
  const opened: Opened[] = [];
  afterAll(() => {
    for (const o of opened) {
      const base = new URL(o.requests[0]!).origin;
      expect(o.requests.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
      expect(o.errors).toEqual([]);
    }
  });
  return async (hash = '#lang=en') => {
    const o = await openApp(browser(), hash);
    opened.push(o);
    return o;
  };
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as { linkage?: unknown }).linkage), undefined, { timeout: 30_000 });
}

/** The app state as plain data. */
export async function state(page: Page): Promise<Record<string, unknown> & { selected: string | null; lang: string; hovered: string | null }> {
  return page.evaluate(() => JSON.parse(JSON.stringify((window as any).linkage.session.state())));
}

/** Sizes of the derived sets. */
export async function visibleCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.evaluate(() => {
    const d = (window as any).linkage.session.derived();
    return { nodes: d.visibleNodes.size, edges: d.visibleEdges.size };
  });
}

/** Where a node is drawn, in CSS pixels relative to the page. */
export async function nodeScreenPosition(page: Page, key: string): Promise<{ x: number; y: number; size: number }> {
  return page.evaluate((k) => {
    const { net } = (window as any).linkage;
    const r = net.renderer;
    const d = r.getNodeDisplayData(k);
    const p = r.framedGraphToViewport(d);
    const box = r.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y, size: r.scaleSize(d.size) };
  }, key);
}

/**
 * Reads the pixel sigma painted at a node's centre on the WebGL nodes layer, right after a
 * synchronous refresh. Returns [r, g, b, a].
 */
export async function nodePixel(page: Page, key: string): Promise<number[]> {
  return page.evaluate((k) => {
    const { net } = (window as any).linkage;
    const r = net.renderer;
    r.refresh();
    const canvas: HTMLCanvasElement = r.getCanvases().nodes;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
    const d = r.getNodeDisplayData(k);
    const p = r.framedGraphToViewport(d);
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const px = Math.round(p.x * ratio);
    const py = Math.round(canvas.height - p.y * ratio);
    const out = new Uint8Array(4);
    gl.readPixels(px, py, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
    return [...out];
  }, key);
}

/** Number of painted (non-transparent) pixels on the WebGL nodes layer and the 2D labels layer. */
export async function paintedPixels(page: Page): Promise<{ nodes: number; labels: number }> {
  return page.evaluate(() => {
    const { net } = (window as any).linkage;
    const r = net.renderer;
    r.refresh();
    const canvases = r.getCanvases();
    const nodesCanvas: HTMLCanvasElement = canvases.nodes;
    const gl = (nodesCanvas.getContext('webgl2') ?? nodesCanvas.getContext('webgl')) as WebGLRenderingContext;
    const buf = new Uint8Array(nodesCanvas.width * nodesCanvas.height * 4);
    gl.readPixels(0, 0, nodesCanvas.width, nodesCanvas.height, gl.RGBA, gl.UNSIGNED_BYTE, buf);
    let nodes = 0;
    for (let i = 3; i < buf.length; i += 4) if (buf[i]! > 0) nodes++;
    const lc: HTMLCanvasElement = canvases.labels;
    const data = lc.getContext('2d')!.getImageData(0, 0, lc.width, lc.height).data;
    let labels = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) labels++;
    return { nodes, labels };
  });
}

export function hexToRgb(hex: string): number[] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** True when two colours differ by at most `tolerance` per channel. */
export function near(a: number[], b: number[], tolerance = 12): boolean {
  return a.slice(0, 3).every((v, i) => Math.abs(v - b[i]!) <= tolerance);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
