/**
 * The in-page half of the benchmark, shared by the app adapter and every baseline page: each
 * page wraps its renderer in a {@link Target}, and `expose(target)` publishes `window.bench`,
 * which the harness drives. Timing rules, the same for every renderer:
 * - main-thread JS of an update: `performance.now()` around the synchronous state change and
 *   redraw; `jsTotal` adds every callback the page ran until the change was painted (a
 *   renderer that draws in its own animation frame, like Cytoscape.js, pays there);
 * - next painted frame: from the start of the change to the second of two chained
 *   `requestAnimationFrame` callbacks (the first runs before the frame is drawn, the second
 *   once it has been);
 * - long tasks: the page's `PerformanceObserver('longtask')` entries inside the window.
 */

/** The six updates timed on every renderer. */
export const OPS = ['search', 'hover', 'select', 'focus', 'path', 'filter'] as const;
export type OpName = (typeof OPS)[number];

/** The nodes and texts the updates use, chosen by the harness for each graph. */
export interface OpArgs {
  hover: string;
  select: string;
  pathFrom: string;
  pathTo: string;
  /** The search text before the keystroke, and after it (one more character). */
  queryBefore: string;
  queryAfter: string;
  /** Sections hidden by the filter change (about half the nodes). */
  hiddenSections: string[];
}

/** A renderer under test. Every method but `load` is synchronous. */
export interface Target {
  /** Parses the serialized graph, builds the renderer and issues its first draw. */
  load(text: string, name: string): Promise<void>;
  /** Puts the renderer in the state `op` starts from (untimed). */
  prepare(op: OpName, args: OpArgs): void;
  /** The timed change. */
  apply(op: OpName, args: OpArgs): void;
  /** Back to nothing hovered, selected, searched, focused or filtered. */
  reset(): void;
  /** The element that receives the pan/zoom input. */
  stage(): HTMLElement;
  /** Nodes currently drawn (a sanity check that an update did what it says). */
  visibleNodes(): number;
  /** Total ms spent inside the renderer's own draw call so far, when it can be read (sigma). */
  renderMs?(): number;
}

interface Acc {
  js: number;
  depth: number;
  callbacks: number;
}

interface BenchWindow {
  __benchAcc?: Acc;
  __benchRaf?: (cb: FrameRequestCallback) => number;
  __benchLongTasks?: Array<{ start: number; duration: number }>;
}

const w = window as unknown as BenchWindow;
const acc = (): Acc => w.__benchAcc ?? { js: 0, depth: 0, callbacks: 0 };
const rawRaf = (cb: FrameRequestCallback): number => (w.__benchRaf ?? requestAnimationFrame)(cb);

/** Resolves at the second of two chained animation frames: the change before it is painted. */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) => rawRaf(() => rawRaf(() => resolve(performance.now()))));
}

/** Lets pending work run: two painted frames and a short pause. */
async function settle(): Promise<void> {
  await nextPaint();
  await new Promise((r) => setTimeoutRaw(r, 20));
  await nextPaint();
}

// An untimed timeout (the page's own is wrapped by the instrumentation).
const setTimeoutRaw = (cb: () => void, ms: number): void => {
  const start = performance.now();
  const loop = (): void => {
    if (performance.now() - start >= ms) cb();
    else rawRaf(loop);
  };
  rawRaf(loop);
};

export interface LoadResult {
  /** Parse + build + first draw call, synchronous part (ms). */
  syncMs: number;
  /** From the start to the first painted frame with the graph drawn (ms). */
  firstRenderMs: number;
  /** Longest main-thread task inside that window (ms; 0 when none exceeded 50 ms). */
  longestTaskMs: number;
  longTasks: number;
  /** Nodes drawn. */
  visible: number;
}

export interface OpResult {
  /** The synchronous state change and redraw (ms). */
  js: number;
  /** `js` plus every page callback until the change was painted (ms). */
  jsTotal: number;
  /** From the start of the change to the next painted frame (ms). */
  frame: number;
  /** Inside the renderer's draw call, when readable (ms). */
  render: number;
  /** Nodes drawn after the change. */
  visible: number;
}

export interface StepResult {
  /** All page callbacks run between the input and its painted frame (ms). */
  js: number;
  /** Inside the renderer's draw calls (sigma only; 0 otherwise). */
  render: number;
  /** From the input event to the next painted frame (ms). */
  frame: number;
}

/** Publishes `window.bench` for `target`. */
export function expose(target: Target): void {
  let lastInput = performance.now();
  for (const type of ['mousedown', 'mousemove', 'mouseup', 'wheel']) {
    window.addEventListener(
      type,
      () => {
        lastInput = performance.now();
      },
      { capture: true, passive: true },
    );
  }
  const render = (): number => target.renderMs?.() ?? 0;
  let step = { js: 0, render: 0 };

  const bench = {
    async load(url: string, name: string): Promise<LoadResult> {
      const text = await (await fetch(url)).text();
      await settle();
      const tasks = w.__benchLongTasks ?? [];
      const t0 = performance.now();
      await target.load(text, name);
      const t1 = performance.now();
      const t2 = await nextPaint();
      // Long-task entries arrive after the task; give the observer a moment.
      await settle();
      const inside = tasks.filter((t) => t.start + t.duration > t0 && t.start < t2);
      return {
        syncMs: t1 - t0,
        firstRenderMs: t2 - t0,
        longestTaskMs: inside.reduce((m, t) => Math.max(m, t.duration), 0),
        longTasks: inside.length,
        visible: target.visibleNodes(),
      };
    },

    async op(name: OpName, args: OpArgs): Promise<OpResult> {
      target.prepare(name, args);
      await settle();
      const a = acc();
      const js0 = a.js;
      const r0 = render();
      const t0 = performance.now();
      a.depth++;
      try {
        target.apply(name, args);
      } finally {
        a.depth--;
      }
      const t1 = performance.now();
      const t2 = await nextPaint();
      const result: OpResult = {
        js: t1 - t0,
        jsTotal: t1 - t0 + (a.js - js0),
        frame: t2 - t0,
        render: render() - r0,
        visible: target.visibleNodes(),
      };
      target.reset();
      await settle();
      return result;
    },

    /** Marks the start of a pan/zoom step (the harness then sends the input). */
    stepBegin(): void {
      step = { js: acc().js, render: render() };
      lastInput = performance.now();
    },

    async stepEnd(): Promise<StepResult> {
      const t = await nextPaint();
      return { js: acc().js - step.js, render: render() - step.render, frame: t - lastInput };
    },

    settle,

    /** The stage's box in page coordinates, for the harness's mouse. */
    stageBox(): { x: number; y: number; width: number; height: number } {
      const r = target.stage().getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    },

    heapUsed(): number {
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return memory?.usedJSHeapSize ?? Number.NaN;
    },
  };
  Object.assign(window, { bench });
}

export type Bench = {
  load(url: string, name: string): Promise<LoadResult>;
  op(name: OpName, args: OpArgs): Promise<OpResult>;
  stepBegin(): void;
  stepEnd(): Promise<StepResult>;
  settle(): Promise<void>;
  stageBox(): { x: number; y: number; width: number; height: number };
  heapUsed(): number;
};

/** Times the renderer's own draw calls: sigma emits beforeRender / afterRender around each. */
export function sigmaRenderClock(renderer: { on(event: string, fn: () => void): unknown }): () => number {
  let total = 0;
  let start = 0;
  renderer.on('beforeRender', () => {
    start = performance.now();
  });
  renderer.on('afterRender', () => {
    total += performance.now() - start;
  });
  return () => total;
}

/** The search rule of the baselines: lower-case substring of any label, or of the pinyin without spaces. */
export function naiveMatch(attrs: Record<string, unknown>, query: string): boolean {
  const q = query.toLowerCase();
  const text = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase() : '');
  return (
    text(attrs['label']).includes(q) ||
    text(attrs['labelHans']).includes(q) ||
    text(attrs['labelEn']).includes(q) ||
    text(attrs['pinyin']).replace(/ /g, '').includes(q)
  );
}
