/**
 * Helpers for the end-to-end tests: open the app at a hash, read the state, find where a node
 * is drawn, and read the pixels sigma painted (WebGL nodes layer, 2D labels layer).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, expect, inject } from 'vitest';
import { WEBGL_LAYERS } from '../../src/views/map/gpu-layers';
import { openTab, type TabOptions } from './tabs';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts');

export interface Opened {
  /** The file's context for these options, shared with its other pages: never close it in a test. */
  context: BrowserContext;
  page: Page;
  /** Ends the page. */
  close(): Promise<void>;
  /** Every request the page made (URLs). */
  requests: string[];
  /** Uncaught page errors and dialogs (a dialog would mean injected script ran). */
  errors: string[];
}

/**
 * Every page `openApp` opened in the test file, by the hash it opened at: when the file ends, none
 * may have had an uncaught page error or a dialog, whether or not its test looked.
 */
const openedInFile: Array<{ hash: string; errors: string[] }> = [];
afterAll(() => {
  for (const o of openedInFile) expect(o.errors, `page opened at "${o.hash}"`).toEqual([]);
});

/**
 * Opens the app at `hash` in a new page, as on a first visit (empty storage; see tabs.ts), and
 * waits for the map. End it with `close()`.
 */
export async function openApp(browser: Browser, hash = '', options: TabOptions = {}): Promise<Opened> {
  const url = inject('baseUrl') + hash;
  const { context, page, close } = await openTab(browser, url, options);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    errors.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  openedInFile.push({ hash, errors });
  await page.goto(url);
  await waitReady(page);
  return { context, page, requests, errors, close };
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
  await page.waitForFunction(() => (window as unknown as { linkage?: { ready: boolean } }).linkage?.ready === true, undefined, { timeout: 30_000 });
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
 * Every pixel sigma painted within `radius` device pixels of a node's centre on the WebGL nodes
 * layer (a square), right after a synchronous refresh; each [r, g, b, a]. `radius` null: the
 * disc's own radius.
 */
async function pixelsAround(page: Page, key: string, radius: number | null): Promise<number[][]> {
  return page.evaluate(
    ([k, r0]) => {
      const { net } = (window as any).linkage;
      const r = net.renderer;
      r.refresh();
      const canvas: HTMLCanvasElement = r.getCanvases().nodes;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      const d = r.getNodeDisplayData(k);
      const p = r.framedGraphToViewport(d);
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const radius = r0 ?? Math.max(1, Math.floor(r.scaleSize(d.size) * ratio));
      const side = 2 * radius + 1;
      const out = new Uint8Array(side * side * 4);
      gl.readPixels(Math.round(p.x * ratio) - radius, Math.round(canvas.height - p.y * ratio) - radius, side, side, gl.RGBA, gl.UNSIGNED_BYTE, out);
      const pixels: number[][] = [];
      for (let i = 0; i < side * side; i++) pixels.push([...out.subarray(i * 4, i * 4 + 4)]);
      return pixels;
    },
    [key, radius] as const,
  );
}

/** The pixel sigma painted at a node's centre on the WebGL nodes layer, right after a synchronous refresh: [r, g, b, a]. */
export async function nodePixel(page: Page, key: string): Promise<number[]> {
  return (await pixelsAround(page, key, 0))[0]!;
}

/**
 * Every pixel sigma painted inside a node's disc (a square of its radius around its centre). For
 * discs drawn small with rings and borders, where the centre alone may fall on a border.
 */
export async function nodeDiscPixels(page: Page, key: string): Promise<number[][]> {
  return pixelsAround(page, key, null);
}

/**
 * Number of painted (non-transparent) pixels on the WebGL nodes layer, the 2D labels layer and the
 * 2D layer of the links' phrases, right after a full draw (`refresh`: every item processed again)
 * or a draw of what sigma holds as it is (`render`: from the buffers the GPU already has).
 */
export async function paintedPixels(page: Page, draw: 'refresh' | 'render' = 'refresh'): Promise<{ nodes: number; edges: number; labels: number; phrases: number }> {
  return page.evaluate((how) => {
    const { net } = (window as any).linkage;
    const r = net.renderer;
    if (how === 'refresh') r.refresh();
    else r.render();
    const canvases = r.getCanvases();
    const painted = (data: ArrayLike<number>) => {
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    };
    // A lost context reads back nothing: 0.
    const webgl = (c: HTMLCanvasElement) => {
      const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext;
      if (gl.isContextLost()) return 0;
      const buf = new Uint8Array(c.width * c.height * 4);
      gl.readPixels(0, 0, c.width, c.height, gl.RGBA, gl.UNSIGNED_BYTE, buf);
      return painted(buf);
    };
    const ink = (c: HTMLCanvasElement) => painted(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);
    return { nodes: webgl(canvases.nodes), edges: webgl(canvases.edges), labels: ink(canvases.labels), phrases: ink(canvases.edgeLabels) };
  }, draw);
}

/** Painted pixels of sigma's WebGL layers of nodes and links, read right after a full draw. */
export async function layerPixels(page: Page): Promise<{ nodes: number; edges: number }> {
  const { nodes, edges } = await paintedPixels(page);
  return { nodes, edges };
}

/**
 * A drawn node other than the selected one, at least `minSize` px across, with no other node
 * within 8 px, where the map itself is under the pointer: its key and its place in the page.
 */
export async function nodeUnderPointer(page: Page, minSize = 0): Promise<{ key: string; x: number; y: number } | null> {
  return page.evaluate((min) => {
    const { net, session } = (window as any).linkage;
    const r = net.renderer;
    const box = r.getContainer().getBoundingClientRect();
    const mouse = r.getCanvases().mouse;
    const drawn = (r.getGraph().nodes() as string[])
      .map((key) => ({ key, d: r.getNodeDisplayData(key) }))
      .filter(({ d }) => d && !d.hidden)
      .map(({ key, d }) => ({ key, size: r.scaleSize(d.size), ...r.framedGraphToViewport(d) }));
    for (const { key, size, x, y } of drawn) {
      if (key === session.state().selected || size < min) continue;
      if (drawn.some((o) => o.key !== key && Math.hypot(o.x - x, o.y - y) < 8)) continue;
      if (document.elementFromPoint(box.left + x, box.top + y) === mouse) return { key, x: box.left + x, y: box.top + y };
    }
    return null;
  }, minSize);
}

/** Loses the context of every WebGL layer of the map; the extensions are kept (window.__lost) to give them back. */
export async function loseContexts(page: Page): Promise<void> {
  await page.evaluate((ids) => {
    const canvases = (window as any).linkage.net.renderer.getCanvases() as Record<string, HTMLCanvasElement>;
    const exts: Array<{ restoreContext(): void }> = [];
    for (const id of ids) {
      const gl = (canvases[id]!.getContext('webgl2') ?? canvases[id]!.getContext('webgl')) as WebGLRenderingContext;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      ext.loseContext();
      exts.push(ext);
    }
    (window as any).__lost = exts;
  }, WEBGL_LAYERS);
  await page.waitForFunction((ids) => {
    const canvases = (window as any).linkage.net.renderer.getCanvases() as Record<string, HTMLCanvasElement>;
    return ids.every((id) => (canvases[id]!.getContext('webgl2') as WebGLRenderingContext).isContextLost());
  }, WEBGL_LAYERS);
}

/** Number of painted (non-transparent) pixels on the 2D canvas `selector`, as it holds them now. */
export async function canvasInk(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

/**
 * sigma's layers that the map hides while they are empty (the hover layers, the phrases): those
 * hidden (`hidden`) and those holding ink (`inked`) right after a synchronous full draw (a WebGL
 * layer keeps its picture only until the frame is shown). A layer with ink must never be hidden.
 */
export async function quietLayers(page: Page): Promise<{ hidden: string[]; inked: string[] }> {
  return page.evaluate(() => {
    const r = (window as any).linkage.net.renderer;
    r.refresh();
    const canvases: Record<string, HTMLCanvasElement> = r.getCanvases();
    const inked = (id: string): boolean => {
      const c = canvases[id]!;
      const gl = c.getContext('webgl2') as WebGLRenderingContext | null;
      const data = gl ? new Uint8Array(c.width * c.height * 4) : c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      if (gl) gl.readPixels(0, 0, c.width, c.height, gl.RGBA, gl.UNSIGNED_BYTE, data);
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) return true;
      return false;
    };
    const ids = ['hovers', 'hoverNodes', 'edgeLabels'];
    return { hidden: ids.filter((id) => getComputedStyle(canvases[id]!).visibility === 'hidden'), inked: ids.filter(inked) };
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

/** What the map's names look like in the last frame: counted from the boxes the painter drew, checked on the page. */
export interface NamesReport {
  /** Names painted (boxes drawn, each with ink in the labels canvas). */
  named: string[];
  /** Nodes drawn on the map. */
  drawn: number;
  /** Pairs of painted names whose boxes overlap. */
  overlaps: Array<[string, string]>;
  /** Names drawn over another node's disc. */
  onDiscs: Array<[string, string]>;
  /** Names outside the open part of the map (off the map, under the panel or the controls). */
  outside: string[];
  /** Names drawn smaller than 12 CSS px. */
  small: string[];
  /** Boxes with (almost) no ink in the labels canvas. */
  blank: string[];
}

/**
 * Reads the names the map painted in its last frame (after a synchronous redraw) and checks
 * them against each other, against the discs of the drawn nodes, against the open part of the
 * map, and against the ink actually in the 2D labels canvas inside each box.
 */
export async function namesReport(page: Page): Promise<NamesReport> {
  return page.evaluate(() => {
    const { net } = (window as any).linkage;
    const r = net.renderer;
    r.refresh();
    const boxes: Array<{ key: string; x0: number; y0: number; x1: number; y1: number; font: number }> = [...net.paintedNames()];
    const { area, blocked } = net.openArea();
    // Discs a name must not cover: every drawn node's, or, while something is singled out (a
    // path, a highlight, a search, a slide), those of what is singled out and of the selection.
    const derived = (window as any).linkage.session.derived();
    const singled: Set<string> | null = derived.pathNodes ?? derived.highlightNodes ?? derived.matches ?? derived.slideNodes;
    const discs: Array<{ key: string; x: number; y: number; r: number }> = [];
    const all: Array<{ key: string; x: number; y: number; r: number }> = [];
    r.getGraph().forEachNode((key: string) => {
      const d = r.getNodeDisplayData(key);
      if (!d || d.hidden) return;
      const v0 = r.framedGraphToViewport(d);
      all.push({ key, x: v0.x, y: v0.y, r: r.scaleSize(d.size) });
      if (singled && !singled.has(key) && key !== derived.selectedVisible) return;
      const v = r.framedGraphToViewport(d);
      discs.push({ key, x: v.x, y: v.y, r: r.scaleSize(d.size) });
    });
    const hit = (a: any, b: any) => a.x0 < b.x1 - 0.5 && a.x1 > b.x0 + 0.5 && a.y0 < b.y1 - 0.5 && a.y1 > b.y0 + 0.5;
    const overlaps: Array<[string, string]> = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (hit(boxes[i], boxes[j])) overlaps.push([boxes[i]!.key, boxes[j]!.key]);
    const onDiscs: Array<[string, string]> = [];
    for (const b of boxes)
      for (const d of discs) {
        if (d.key === b.key) continue;
        const cx = Math.max(b.x0, Math.min(d.x, b.x1)), cy = Math.max(b.y0, Math.min(d.y, b.y1));
        if ((d.x - cx) ** 2 + (d.y - cy) ** 2 < (d.r - 1) ** 2) onDiscs.push([b.key, d.key]);
      }
    const outside = boxes.filter((b) => b.x0 < area.x0 - 0.5 || b.y0 < area.y0 - 0.5 || b.x1 > area.x1 + 0.5 || b.y1 > area.y1 + 0.5 || blocked.some((c: any) => hit(b, c))).map((b) => b.key);
    const small = boxes.filter((b) => b.font < 12).map((b) => b.key);
    const canvas: HTMLCanvasElement = r.getCanvases().labels;
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const ctx = canvas.getContext('2d')!;
    const blank: string[] = [];
    const named: string[] = [];
    for (const b of boxes) {
      const x = Math.max(0, Math.floor(b.x0 * ratio)), y = Math.max(0, Math.floor(b.y0 * ratio));
      const w = Math.max(1, Math.min(canvas.width - x, Math.ceil((b.x1 - b.x0) * ratio))), h = Math.max(1, Math.min(canvas.height - y, Math.ceil((b.y1 - b.y0) * ratio)));
      const data = ctx.getImageData(x, y, w, h).data;
      let ink = 0;
      // Dark pixels: the text itself, not its white halo.
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 128 && data[i]! < 120) ink++;
      if (ink < 12) blank.push(b.key);
      else named.push(b.key);
    }
    return { named, drawn: all.length, overlaps, onDiscs, outside, small, blank };
  });
}

/**
 * Waits until the map's camera has stopped moving (no animation running, none started by the
 * end of the last one) and a frame has been drawn at its final place.
 */
export async function cameraSettled(page: Page, timeout = 10_000): Promise<void> {
  // A frame first: a fit the app schedules for the next frame has started by then.
  await nextFrame(page);
  await page.waitForFunction(() => !(window as any).linkage.net.renderer.getCamera().isAnimated(), undefined, { polling: 'raf', timeout });
  await nextFrame(page);
}

/** Resolves after the page has drawn two more animation frames. */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Waits until the transformation ladder's d3 transitions (dimming, side cards) have all ended. */
export async function ladderSettled(page: Page, timeout = 10_000): Promise<void> {
  // A frame first: a render the last event scheduled has started its transitions by then.
  await nextFrame(page);
  await page.waitForFunction(() => ![...document.querySelectorAll('svg.ladder, svg.ladder *')].some((e) => (e as any).__transition), undefined, { polling: 'raf', timeout });
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on the page (injected once per document; the page's context must bypass CSP);
 * returns the serious and critical violations, with their targets.
 */
export async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 6).map((n: any) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
    }));
  });
  return (result as Violation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The right option of the revision question on screen (in a page, or the frame that holds the app), worked out from the graph, not from the view. */
export function rightOption(page: Page | Frame): Promise<string> {
  return page.evaluate(() => {
    const { graph } = (window as any).linkage;
    const card = document.getElementById('revision-card')!;
    const id = card.dataset.question!;
    if (card.dataset.type !== 'path') {
      const edge = id.slice(id.indexOf(':') + 1, id.lastIndexOf(':'));
      return id.endsWith(':target') ? graph.target(edge) : graph.source(edge);
    }
    // A path step: the neighbour of where the chain is that is one step nearer the end.
    const to = id.slice(id.indexOf('~') + 1);
    const dist = new Map<string, number>([[to, 0]]);
    let layer = [to];
    while (layer.length) {
      const next: string[] = [];
      for (const u of layer) for (const v of graph.neighbors(u)) if (!dist.has(v)) (dist.set(v, dist.get(u)! + 1), next.push(v));
      layer = next;
    }
    const at = card.dataset.at!;
    const options = [...card.querySelectorAll<HTMLButtonElement>('button.option')].map((b) => b.dataset.node!);
    return options.find((o) => graph.neighbors(at).includes(o) && dist.get(o) === dist.get(at)! - 1)!;
  });
}
