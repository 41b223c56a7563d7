/**
 * The benchmark: builds the app and the benchmark pages, serves them, drives headless Chromium
 * (playwright-core, software WebGL) through the same scenarios on the app and on each baseline,
 * and returns one report: medians and p95s, ratios app / baseline, growth across sizes and the
 * budgets of issue 7 checked against the figures. `run.ts` is the command line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, launchBrowser } from '../e2e/browser';
import { buildApp, buildPages, measureBundle, type BundleReport } from './bundle';
import { benchGraph, LEAN_ABOVE, type BenchGraph } from './graphs';
import { INSTRUMENT } from './instrument';
import { OPS, type Bench, type LoadResult, type OpName, type OpResult, type StepResult } from './pages/protocol';
import { serve, type StaticServer } from './serve';
import { ratio, round, summarize, type Stat } from './stats';

/** `app`: the built app. The rest are baselines. */
export const RENDERERS = ['app', 'naive', 'd3-svg', 'cytoscape'] as const;
export type RendererName = (typeof RENDERERS)[number];
export const DEFAULT_RENDERERS: readonly RendererName[] = ['app', 'naive', 'd3-svg', 'cytoscape'];
export const BASELINES = ['naive', 'd3-svg', 'cytoscape'] as const;
const isApp = (r: RendererName): boolean => r === 'app';
const isSigma = (r: RendererName): boolean => r === 'app' || r === 'naive';

/** Flags added for timing: frames as fast as the machine makes them. */
export const TIMING_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--enable-precise-memory-info'];

export interface Reps {
  /** Graph loads (each in a fresh page) per renderer. */
  load: number;
  /** Repetitions of each of the six updates. */
  ops: number;
  /** Repetitions of the search keystroke, where its p95 is budgeted and the others' are not (default: `ops`). */
  searchOps?: number;
  /** Frames of the scripted pan/zoom. */
  frames: number;
}

export interface BenchOptions {
  sizes: readonly number[];
  renderers: readonly RendererName[];
  /** Repetitions per size and renderer; see {@link defaultReps}. */
  reps: (size: number, renderer: RendererName) => Reps;
  /** Cold loads of the chapter, per page (app and floor); 0 skips them. */
  chapterReps: number;
  viewport: { width: number; height: number };
  /** Progress lines go here (stderr by default in run.ts). */
  log: (line: string) => void;
  /**
   * The app already built (as `npm run build` does, with `build.manifest: true`) into this folder:
   * served and measured as it is instead of building it again (the end-to-end tests' build).
   */
  appDir?: string;
  /** With `appDir`: the text of that build's compiled chapter module, for the pages' build to reuse. */
  chapterModule?: string;
}

/**
 * The repetitions of a full run, sized for about half an hour on this 2-core machine: every
 * update waits for its painted frame, and software WebGL takes ≈ 1 s per 10k-node frame and
 * 5–15 s per 50k-node frame (Cytoscape.js and d3's 200k SVG elements are slower still). So the
 * 10k and 50k cases run fewer repetitions and fewer pan/zoom frames; each renderer's `reps` in
 * the report says how many.
 */
export function defaultReps(size: number, renderer: RendererName): Reps {
  const sigma = isSigma(renderer);
  // 1k: twenty of each update, so that the p95 its budget reads is a p95 (of five samples, the
  // nearest-rank p95 is the slowest one: one garbage collection decides it).
  if (size <= 1_000) return { load: 3, ops: 20, frames: 60 };
  // 10k: the app's search has a p95 budget too, so the app is timed on twenty search keystrokes
  // and ten of each other update (their medians steadier for it); the naive sigma page on five.
  if (size <= 10_000) return renderer === 'app' ? { load: 2, ops: 10, searchOps: 20, frames: 30 } : sigma ? { load: 2, ops: 5, frames: 30 } : { load: 2, ops: 2, frames: 10 };
  // 50k: one load and five of each update for the sigma pages (a garbage collection landing in
  // one of three would move the median); the d3 and Cytoscape.js pages load (first render,
  // heap, long tasks) but skip the updates and pan/zoom (15–30 s per painted frame here).
  if (size <= 50_000) return sigma ? { load: 1, ops: 5, frames: 20 } : { load: 1, ops: 0, frames: 0 };
  // Beyond (100k, the import's limit): the app is timed on five of each update, as at 50k, so that
  // a growth from 50k compares medians of as many samples (the first updates after a load are
  // slower than the next ones: one of three could decide the median); the baselines are only
  // opened (within LOAD_LIMIT_MS), since no budget compares with them there.
  return renderer === 'app' ? { load: 1, ops: 5, frames: 10 } : { load: 1, ops: 0, frames: 0 };
}

/** Longest a page may take to open a graph and paint it; beyond, the report says it did not open. */
export const LOAD_LIMIT_MS = 240_000;

/** Figures of one renderer on one graph, keyed `load.firstRenderMs`, `ops.search.js`, …. */
export type Figures = Record<string, Stat>;

export interface RendererResult {
  figures: Figures;
  reps: Reps;
  /** Nodes drawn after load and after each update, as a check that they did what they say. */
  visible: Record<string, number>;
  /** The app: the stages its import's progress showed while opening the graph, in order. */
  progress?: string[];
  /** Why the page could not open the graph (then it has no figures). */
  failed?: string;
}

export interface SizeResult {
  nodes: number;
  edges: number;
  /** The nodes and texts the updates used. */
  args: BenchGraph['args'];
  filterHides: number;
  renderers: Partial<Record<RendererName, RendererResult>>;
  /** `app/naive` etc.: app median / baseline median, per figure both have. */
  ratios: Record<string, Record<string, number>>;
}

export interface Budget {
  /** What is measured, and where (`ops.search.js@10000`). */
  id: string;
  what: string;
  limit: number;
  value: number;
  unit: string;
  pass: boolean;
}

export interface BenchReport {
  schema: 'linkage-bench/1';
  date: string;
  durationS: number;
  machine: { cpus: number; cpuModel: string; memoryGB: number; os: string; node: string };
  browser: { version: string; args: string[]; webgl: string; viewport: { width: number; height: number } };
  /** How the app opened the synthetic graphs. */
  openPath: string;
  notes: string[];
  bundle: BundleReport;
  chapter: {
    reps: number;
    app: Figures;
    floor: Figures;
    /** app / floor, medians. */
    ratio: Record<string, number>;
  } | null;
  scale: Record<string, SizeResult>;
  /** Growth of each figure between consecutive sizes, next to the growth of nodes + edges. */
  growth: Record<string, Record<string, Record<string, number>>>;
  budgets: Budget[];
}

const COLD_TRAP = String.raw`
(() => {
  let value;
  Object.defineProperty(window, 'linkage', {
    configurable: true,
    enumerable: true,
    get() { return value; },
    set(v) {
      value = v;
      if (window.__coldDrawn !== undefined) return;
      window.__coldDrawn = performance.now();
      const raf = window.__benchRaf || requestAnimationFrame;
      raf(() => raf(() => { window.__coldPainted = performance.now(); }));
    },
  });
})();
`;

interface Ctx {
  browser: Browser;
  server: StaticServer;
  options: BenchOptions;
}

async function newPage(ctx: Ctx, extraInit: string[] = []): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await ctx.browser.newContext({ viewport: ctx.options.viewport, deviceScaleFactor: 1, locale: 'zh-TW' });
  await context.addInitScript({ content: INSTRUMENT });
  for (const script of extraInit) await context.addInitScript({ content: script });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

function pageUrl(ctx: Ctx, renderer: RendererName): string {
  if (renderer === 'app') return `${ctx.server.origin}/app/index.html`;
  return `${ctx.server.origin}/bench/${renderer}.html`;
}

/** Opens a renderer's page and waits until `window.bench` is there. */
async function openRenderer(ctx: Ctx, renderer: RendererName): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = await newPage(ctx);
  const { page } = opened;
  await page.goto(pageUrl(ctx, renderer));
  if (isApp(renderer)) {
    await page.waitForFunction(() => (window as unknown as { linkage?: { ready: boolean } }).linkage?.ready === true, undefined, { timeout: 60_000 });
    await page.addScriptTag({ url: `${ctx.server.origin}/bench/assets/app-adapter.js`, type: 'module' });
  }
  await page.waitForFunction(() => Boolean((window as unknown as { bench?: unknown }).bench), undefined, { timeout: 60_000 });
  return opened;
}

async function heapMB(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  return used === undefined ? Number.NaN : used / 2 ** 20;
}

function bench(page: Page) {
  return {
    load: (url: string, name: string) =>
      page.evaluate(([u, n]) => (window as unknown as { bench: Bench }).bench.load(u, n), [url, name] as const) as Promise<LoadResult>,
    op: (name: OpName, args: BenchGraph['args']) =>
      page.evaluate(([o, a]) => (window as unknown as { bench: Bench }).bench.op(o, a), [name, args] as const) as Promise<OpResult>,
    stepBegin: () => page.evaluate(() => (window as unknown as { bench: Bench }).bench.stepBegin()),
    stepEnd: () => page.evaluate(() => (window as unknown as { bench: Bench }).bench.stepEnd()) as Promise<StepResult>,
    settle: () => page.evaluate(() => (window as unknown as { bench: Bench }).bench.settle()),
    reset: () => page.evaluate(() => (window as unknown as { bench: Bench }).bench.reset()),
    stageBox: () => page.evaluate(() => (window as unknown as { bench: Bench }).bench.stageBox()),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The scripted pan/zoom: a drag (mouse down, moves, up) then wheel steps in and out, each
 * step followed by its painted frame. Wheel steps are at least 60 ms apart so sigma's wheel
 * throttle (zoomDuration / 5) never drops one.
 */
async function panZoom(page: Page, frames: number): Promise<StepResult[]> {
  const b = bench(page);
  const box = await b.stageBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx - 120, cy - 60);
  await b.settle();
  const drag = Math.max(2, Math.round(frames * (2 / 3)));
  const steps: StepResult[] = [];
  let x = cx - 120;
  let y = cy - 60;
  let lastWheel = 0;
  for (let i = 0; i < frames; i++) {
    await b.stepBegin();
    if (i === 0) await page.mouse.down();
    else if (i < drag - 1) {
      x += 240 / drag;
      y += 120 / drag;
      await page.mouse.move(x, y);
    } else if (i === drag - 1) await page.mouse.up();
    else {
      const wait = 60 - (Date.now() - lastWheel);
      if (wait > 0) await sleep(wait);
      const zoomIn = i - drag < (frames - drag) / 2;
      await page.mouse.wheel(0, zoomIn ? -120 : 120);
      lastWheel = Date.now();
    }
    steps.push(await b.stepEnd());
  }
  await b.settle();
  return steps;
}

function addStat(figures: Figures, key: string, samples: number[]): void {
  const s = summarize(samples);
  if (s !== null) figures[key] = s;
}

/** How the app opened the synthetic graphs (read from the adapter after each load). */
const openPaths = new Set<string>();

/** One renderer on one graph: loads (fresh pages), updates, pan/zoom, heap. */
async function runRenderer(ctx: Ctx, renderer: RendererName, graph: BenchGraph, reps: Reps): Promise<RendererResult> {
  const samples: Record<string, number[]> = {};
  const push = (key: string, value: number | null | undefined) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    (samples[key] ??= []).push(value);
  };
  const visible: Record<string, number> = {};
  const dataUrl = `${ctx.server.origin}/data/${graph.name}.json`;
  let progress: string[] | undefined;
  for (let rep = 0; rep < reps.load; rep++) {
    const { context, page, errors } = await openRenderer(ctx, renderer);
    try {
      const b = bench(page);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), LOAD_LIMIT_MS)));
      const load = await Promise.race([b.load(dataUrl, graph.name), limit]).finally(() => clearTimeout(timer));
      if (load === null) {
        return { figures: {}, reps, visible, failed: `no frame within ${LOAD_LIMIT_MS / 1000} s of being handed the ${graph.nodes}-node graph` };
      }
      push('load.firstRenderMs', load.firstRenderMs);
      push('load.drawnMs', load.drawnMs);
      push('load.longestTaskMs', load.longestTaskMs);
      push('load.longestTaskToDrawnMs', load.longestTaskToDrawnMs);
      push('load.drawTaskMs', load.drawTaskMs);
      push('load.longestTaskBeforeDrawMs', load.longestTaskBeforeDrawMs);
      push('load.longestTaskAfterDrawMs', load.longestTaskAfterDrawMs);
      if (isApp(renderer)) {
        push('load.sigmaConstructMs', load.sigmaConstructMs);
        // The draw task without sigma's construction: what the app itself does in it.
        push('load.drawTaskOwnMs', Math.max(0, load.drawTaskMs - load.sigmaConstructMs));
      }
      visible['load'] = load.visible;
      if (isApp(renderer)) {
        openPaths.add(await page.evaluate(() => String((window as unknown as { benchOpenPath?: string }).benchOpenPath)));
        progress = await page.evaluate(() => (window as unknown as { benchProgress?: string[] }).benchProgress ?? []);
      }
      push('heap.usedMB', await heapMB(context, page));
      if (rep === 0) {
        const repsOf = (op: OpName) => (op === 'search' ? (reps.searchOps ?? reps.ops) : reps.ops);
        const rounds = Math.max(...OPS.map(repsOf));
        for (let r = 0; r < rounds; r++) {
          for (const op of OPS) {
            if (r >= repsOf(op)) continue;
            const result = await b.op(op, graph.args);
            push(`ops.${op}.js`, result.js);
            push(`ops.${op}.jsTotal`, result.jsTotal);
            push(`ops.${op}.frameMs`, result.frame);
            if (isSigma(renderer)) push(`ops.${op}.renderMs`, result.render);
            visible[op] = result.visible;
          }
        }
        await b.reset();
        const steps = reps.frames > 0 ? await panZoom(page, reps.frames) : [];
        for (const s of steps) {
          push('panzoom.jsPerFrame', s.js);
          push('panzoom.frameMs', s.frame);
          if (isSigma(renderer)) push('panzoom.renderPerFrame', s.render);
        }
      }
      if (errors.length > 0) throw new Error(`${renderer} page errors: ${errors.join('; ')}`);
    } finally {
      await context.close();
    }
  }
  const figures: Figures = {};
  for (const [key, list] of Object.entries(samples)) addStat(figures, key, list);
  return { figures, reps: { load: reps.load, ops: reps.ops, ...(reps.searchOps === undefined ? {} : { searchOps: reps.searchOps }), frames: reps.frames }, visible, ...(progress ? { progress } : {}) };
}

/** Cold loads of the chapter: the app, then the floor page in a stage of the app map's size. */
async function runChapter(ctx: Ctx, reps: number): Promise<NonNullable<BenchReport['chapter']>> {
  const read = async (url: string): Promise<{ drawn: number; painted: number; box?: { width: number; height: number } }> => {
    const { context, page, errors } = await newPage(ctx, [COLD_TRAP]);
    try {
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __coldPainted?: number }).__coldPainted !== undefined, undefined, { timeout: 60_000 });
      const out = await page.evaluate(() => {
        const w = window as unknown as { __coldDrawn: number; __coldPainted: number };
        const map = document.getElementById('map')?.getBoundingClientRect();
        return { drawn: w.__coldDrawn, painted: w.__coldPainted, ...(map ? { box: { width: Math.round(map.width), height: Math.round(map.height) } } : {}) };
      });
      if (errors.length > 0) throw new Error(`chapter page errors: ${errors.join('; ')}`);
      return out;
    } finally {
      await context.close();
    }
  };
  const appUrl = pageUrl(ctx, 'app');
  // One untimed load warms the server and the browser's process pool, and reads the map's size.
  const warm = await read(appUrl);
  const size = warm.box ?? ctx.options.viewport;
  const floorUrl = `${ctx.server.origin}/bench/floor.html?w=${size.width}&h=${size.height}`;
  await read(floorUrl);
  const app: Record<string, number[]> = { firstFrameMs: [], drawnMs: [] };
  const floor: Record<string, number[]> = { firstFrameMs: [], drawnMs: [] };
  for (let i = 0; i < reps; i++) {
    // Alternate the order so drift in the machine's load falls on both alike.
    const order = i % 2 === 0 ? (['app', 'floor'] as const) : (['floor', 'app'] as const);
    for (const which of order) {
      const r = await read(which === 'app' ? appUrl : floorUrl);
      const into = which === 'app' ? app : floor;
      into['firstFrameMs']!.push(r.painted);
      into['drawnMs']!.push(r.drawn);
    }
  }
  const figures = (s: Record<string, number[]>): Figures => {
    const f: Figures = {};
    for (const [k, v] of Object.entries(s)) addStat(f, k, v);
    return f;
  };
  const a = figures(app);
  const f = figures(floor);
  const ratios: Record<string, number> = {};
  for (const k of Object.keys(a)) {
    const r = ratio(a[k]?.median, f[k]?.median);
    if (r !== null) ratios[k] = r;
  }
  return { reps, app: a, floor: f, ratio: ratios };
}

async function browserFacts(ctx: Ctx): Promise<{ version: string; webgl: string }> {
  const { context, page } = await newPage(ctx);
  try {
    await page.goto(`${ctx.server.origin}/bench/naive.html`);
    const webgl = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'none';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
    });
    return { version: ctx.browser.version(), webgl };
  } finally {
    await context.close();
  }
}

/** Figures whose growth is judged (timings of work the app controls, and memory). */
function growthOf(scale: Record<string, SizeResult>): BenchReport['growth'] {
  const sizes = Object.keys(scale).map(Number).sort((a, b) => a - b);
  const out: BenchReport['growth'] = {};
  for (let i = 1; i < sizes.length; i++) {
    const a = scale[String(sizes[i - 1])]!;
    const b = scale[String(sizes[i])]!;
    const label = `${sizes[i - 1]}→${sizes[i]}`;
    const itemsFactor = round((b.nodes + b.edges) / (a.nodes + a.edges));
    for (const renderer of RENDERERS) {
      const fa = a.renderers[renderer]?.figures;
      const fb = b.renderers[renderer]?.figures;
      if (!fa || !fb) continue;
      const rec = ((out[renderer] ??= {})[label] ??= { 'nodes+edges': itemsFactor });
      for (const key of Object.keys(fb)) {
        const r = ratio(fb[key]?.median, fa[key]?.median);
        if (r !== null) rec[key] = r;
      }
    }
  }
  return out;
}

/** Figures that time the first frame's rasterisation (software WebGL here) rather than JS. */
const RASTER_TASKS = new Set(['load.longestTaskMs', 'load.longestTaskAfterDrawMs']);

/** The performance budgets, checked for the app. */
function budgets(report: Omit<BenchReport, 'budgets'>): Budget[] {
  const subject = 'app';
  const list: Budget[] = [];
  /** Adds a budget when the run measured its figure (a 1k-only run has no 50k budgets). */
  const add = (id: string, what: string, value: number | null | undefined, limit: number, unit: string, below: boolean | 'atLeast' = false) => {
    if (value === null || value === undefined) return;
    list.push({ id, what, limit, value, unit, pass: below === 'atLeast' ? value >= limit : below ? value < limit : value <= limit });
  };
  const figures = (size: string) => report.scale[size]?.renderers[subject]?.figures;
  if (!Object.values(report.scale).some((s) => s.renderers[subject])) return list;
  add('bundle.initial', 'initial JS+CSS, gzip', round(report.bundle.initial.total.gzip / 1024), 150, 'KB');
  if (report.chapter) add('chapter.coldLoad', 'chapter cold load to first frame, app / floor', report.chapter.ratio['firstFrameMs'], 1.3, '×');
  const limits: Record<OpName, number> = { search: 16, hover: 30, select: 30, focus: 30, path: 30, filter: 100 };
  for (const [size, factor] of [
    ['10000', 1],
    ['50000', 5],
  ] as const) {
    for (const op of OPS) add(`ops.${op}.js@${size}`, `main-thread JS of a ${op} update at ${size} nodes (median)`, figures(size)?.[`ops.${op}.js`]?.median, limits[op] * factor, 'ms');
  }
  // At 10k a search keystroke stays within a frame at its median and within two at its p95.
  add('ops.search.p95@10000', 'main-thread JS of a search update at 10000 nodes (p95)', figures('10000')?.['ops.search.js']?.p95, 33, 'ms');
  // At 1k a naive page's whole update is under a frame: there every update stays within one frame.
  for (const op of OPS) add(`ops.${op}.p95@1000`, `main-thread JS of a ${op} update at 1000 nodes (p95)`, figures('1000')?.[`ops.${op}.js`]?.p95, 16, 'ms');
  for (const size of ['10000', '50000']) {
    const s = report.scale[size];
    if (!s) continue;
    // ≥ 4× faster than naive sigma (app / naive ≤ 0.25), and ahead of every baseline that ran.
    for (const op of OPS) add(`ops.${op}.vsNaive@${size}`, `${op} JS, app / naive sigma at ${size} nodes`, s.ratios[`${subject}/naive`]?.[`ops.${op}.js`], 0.25, '×');
    for (const baseline of BASELINES) {
      if (baseline === 'naive') continue;
      for (const op of OPS) add(`ops.${op}.vs${baseline}@${size}`, `${op} JS, app / ${baseline} at ${size} nodes (below 1)`, s.ratios[`${subject}/${baseline}`]?.[`ops.${op}.js`], 1, '×', true);
    }
  }
  add('panzoom.sigmaJs@50000', 'sigma JS per pan/zoom frame at 50k (median time inside render())', figures('50000')?.['panzoom.renderPerFrame']?.median, 8, 'ms');
  add('heap@50000', 'JS heap after load at 50k, app / Cytoscape.js', report.scale['50000']?.ratios[`${subject}/cytoscape`]?.['heap.usedMB'], 0.25, '×');
  // 100k nodes and 300k links, the import's limit: every update within ten times its 10k
  // budget, the heap within 300 MB, sigma's JS per pan/zoom frame within 8 ms (as at 50k; the
  // report's panzoom.jsPerFrame adds the hover picking's read-back, a wait on the rasteriser).
  for (const op of OPS) add(`ops.${op}.js@100000`, `main-thread JS of a ${op} update at 100000 nodes (median)`, figures('100000')?.[`ops.${op}.js`]?.median, limits[op] * 10, 'ms');
  add('heap@100000', 'JS heap after load at 100k', figures('100000')?.['heap.usedMB']?.median, 300, 'MB');
  add('panzoom.sigmaJs@100000', 'sigma JS per pan/zoom frame at 100k (median time inside render())', figures('100000')?.['panzoom.renderPerFrame']?.median, 8, 'ms');
  for (const [size, s] of Object.entries(report.scale)) {
    // From 50k up a graph takes seconds to open: the import shows its stages as it goes.
    const progress = s.renderers[subject]?.progress;
    if (Number(size) >= 50_000 && progress) add(`import.progress@${size}`, `stages the import's progress showed while opening ${size} nodes`, progress.length, 2, 'stages', 'atLeast');
  }
  for (const [size, s] of Object.entries(report.scale)) {
    add(`firstRender.vsCytoscape@${size}`, `time to first render at ${size}, app / Cytoscape.js`, s.ratios[`${subject}/cytoscape`]?.['load.firstRenderMs'], 1, '×');
    // Every task of the import but sigma's own construction (its first indexation and draw) and
    // the first frame's software rasterisation, which are reported (load.sigmaConstructMs,
    // load.longestTaskAfterDrawMs): the tasks before the draw task, and the draw task less sigma.
    const f = figures(size);
    const before = f?.['load.longestTaskBeforeDrawMs']?.median;
    const own = f?.['load.drawTaskOwnMs']?.median;
    if (before !== undefined && own !== undefined) {
      add(`import.longestTask@${size}`, `longest main-thread task while opening ${size} nodes, other than sigma's first indexation and the first frame's rasterisation`, Math.max(before, own), 200, 'ms');
    }
  }
  for (const [label, rec] of Object.entries(report.growth[subject] ?? {})) {
    const items = rec['nodes+edges']!;
    for (const [key, g] of Object.entries(rec)) {
      // Frame times, and the long tasks that are the first frame's software rasterisation (the
      // longest of all from 10k up), measure the rasteriser: reported, not budgeted.
      if (key === 'nodes+edges' || key.endsWith('frameMs') || key.endsWith('Total') || RASTER_TASKS.has(key)) continue;
      // Linear or better, with 50% slack for timer noise: growth ≤ 1.5 × the growth of nodes + edges.
      add(`growth.${key}@${label}`, `growth of ${key}, ${label} (nodes+edges × ${items})`, g, round(items * 1.5), '×');
    }
  }
  return list;
}

/** Runs the whole benchmark. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const started = Date.now();
  const log = options.log;
  const work = mkdtempSync(join(tmpdir(), 'linkage-bench-'));
  const appOut = options.appDir ?? join(work, 'app');
  const pagesOut = join(work, 'pages');
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  try {
    log(options.appDir ? `the app built in ${options.appDir}; building the benchmark pages…` : 'building the app and the benchmark pages…');
    const bundle = options.appDir ? measureBundle(appOut) : await buildApp(appOut);
    await buildPages(pagesOut, options.chapterModule);
    log('generating the synthetic graphs…');
    const graphs = options.sizes.map((n) => benchGraph(n));
    server = await serve({ '/app/': appOut, '/bench/': pagesOut }, new Map(graphs.map((g) => [`${g.name}.json`, g.json])));
    browser = await launchBrowser(TIMING_ARGS);
    const ctx: Ctx = { browser, server, options };
    const facts = await browserFacts(ctx);

    let chapter: BenchReport['chapter'] = null;
    if (options.chapterReps > 0) {
      log(`chapter cold load × ${options.chapterReps} (app and floor)…`);
      chapter = await runChapter(ctx, options.chapterReps);
    }

    const scale: Record<string, SizeResult> = {};
    for (const graph of graphs) {
      const result: SizeResult = { nodes: graph.nodes, edges: graph.edges, args: graph.args, filterHides: round(graph.filterHides), renderers: {}, ratios: {} };
      for (const renderer of options.renderers) {
        const reps = options.reps(graph.nodes, renderer);
        const t0 = Date.now();
        result.renderers[renderer] = await runRenderer(ctx, renderer, graph, reps);
        log(`${graph.nodes} nodes · ${renderer}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      for (const baseline of BASELINES) {
        const mine = result.renderers.app?.figures;
        const other = result.renderers[baseline]?.figures;
        if (!mine || !other) continue;
        const rec: Record<string, number> = {};
        for (const key of Object.keys(mine)) {
          const r = ratio(mine[key]?.median, other[key]?.median);
          if (r !== null) rec[key] = r;
        }
        result.ratios[`app/${baseline}`] = rec;
      }
      scale[String(graph.nodes)] = result;
    }

    const cpu = cpus();
    const partial: Omit<BenchReport, 'budgets'> = {
      schema: 'linkage-bench/1',
      date: new Date(started).toISOString(),
      durationS: 0,
      machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', memoryGB: round(totalmem() / 2 ** 30), os: `${osType()} ${release()}`, node: process.version },
      browser: { version: facts.version, args: [...CHROMIUM_ARGS, ...TIMING_ARGS], webgl: facts.webgl, viewport: options.viewport },
      openPath: [...openPaths]
        .map((p) =>
          p === 'import'
            ? 'import: the file handed to the file menu input (#file-input) → importGraphFile (module worker) → ctx.openGraph'
            : 'openGraph: graphology JSON parsed in the page → Graph.from → ctx.openGraph (no file input found)',
        )
        .join('; '),
      notes: [
        'Times in ms from performance.now() in the page; medians and p95 (nearest rank) over n samples.',
        'ops.*.js: the synchronous state change + redraw; ops.*.jsTotal adds every page callback until the change was painted (Cytoscape.js draws in its own animation frame); ops.*.frameMs: start of the change to the second chained requestAnimationFrame; ops.*.renderMs: time inside sigma render() (app and naive).',
        'panzoom: per step of a scripted mouse drag then wheel zoom in and out; jsPerFrame is all page callbacks between the input and its painted frame (for sigma this includes the hover picking readPixels on mouse moves); renderPerFrame is time inside sigma render().',
        'heap.usedMB: JSHeapUsedSize from CDP Performance.getMetrics after a forced garbage collection, whole page.',
        'load.*: from the graph text in memory (app: a File handed to the import input) to the first painted frame; load.drawnMs ends when the first draw call has been issued (app: import worker + openGraph). load.longestTaskMs is the longest main-thread long task (> 50 ms) inside that window, 0 when none; with software WebGL the first frame\'s rasterisation blocks the main thread and shows there. It is split into load.longestTaskBeforeDrawMs (tasks before the one that issues the first draw: unpacking and building the graph), load.drawTaskMs (that task), load.sigmaConstructMs (sigma\'s construction and its first indexation and draw inside it, from the app\'s \'linkage:sigma\' and \'linkage:sigma-draw\' performance measures), load.drawTaskOwnMs (the draw task less sigma\'s construction) and load.longestTaskAfterDrawMs (the first frame\'s rasterisation).',
        'WebGL is drawn in software (SwiftShader): frame times measure the rasteriser; budgets apply to JS, bytes and memory.',
        'Baselines draw no labels (d3-svg, Cytoscape.js); sigma pages draw labels with their label grid. Cytoscape.js runs with default performance options and haystack edges.',
        'Repetitions shrink with size to keep a full run near half an hour on 2 cores with software WebGL (each update waits for two painted frames: ≈1 s each at 10k, 5–15 s at 50k): see each renderer\'s reps (load = fresh pages, ops = repetitions of each update, searchOps = of the search keystroke where it differs, frames = pan/zoom steps). At 50k the d3-svg and Cytoscape.js pages are loaded (first render, heap, long tasks) but their updates and pan/zoom are skipped (ops = 0, frames = 0), so 50k ratios against them cover load and heap only.',
        `Above ${LEAN_ABOVE} nodes the graph file is lean, to fit the import's 45 MiB limit as a real file of that size must: no quotes or colours on nodes (the import colours them by kind), links with their kind only (no phrases, slides or keys). There the app is timed on five of each update; the baselines are only opened, and a page that shows no frame within ${LOAD_LIMIT_MS / 1000} s is reported as not opening the graph (failed).`,
        'progress (app): the stages the import\'s progress box showed while the graph was opened, in order.',
      ],
      bundle,
      chapter,
      scale,
      growth: growthOf(scale),
    };
    const report: BenchReport = { ...partial, budgets: budgets(partial) };
    report.durationS = Math.round((Date.now() - started) / 1000);
    return report;
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  }
}
