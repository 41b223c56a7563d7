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

import type { LoadResult, OpArgs, OpName, OpResult, StepResult, Target } from './protocol';

export { OPS, type LoadResult, type OpArgs, type OpName, type OpResult, type StepResult, type Target } from './protocol';

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

/** Lets pending work run: one painted frame, then a pause for queued tasks (timers, observers). */
async function settle(): Promise<void> {
  await nextPaint();
  await new Promise<void>((r) => setTimeout(r, 30));
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
      await target.beforeLoad?.(text, name);
      await settle();
      const tasks = w.__benchLongTasks ?? [];
      const t0 = performance.now();
      const t1 = await target.load(text, name);
      const t2 = await nextPaint();
      // Long-task entries arrive after the task; give the observer a moment.
      await new Promise<void>((r) => setTimeout(r, 50));
      const inside = tasks.filter((t) => t.start + t.duration > t0 && t.start < t2);
      const drawn = t1 ?? performance.now();
      // A task that ends (within a millisecond) by the draw call's end is the one that made it.
      const toDrawn = inside.filter((t) => t.start < drawn && t.start + t.duration <= drawn + 1);
      const longest = (list: typeof inside) => list.reduce((m, t) => Math.max(m, t.duration), 0);
      const drawTask = toDrawn.find((t) => t.start + t.duration >= drawn - 1);
      // sigma's construction and its first indexation and draw: two measures (app only).
      const measured = (name: string) => performance.getEntriesByName(name, 'measure').filter((m) => m.startTime >= t0).at(-1)?.duration ?? 0;
      const sigmaMs = measured('linkage:sigma') + measured('linkage:sigma-draw');
      await target.ready?.();
      return {
        drawTaskMs: drawTask?.duration ?? 0,
        sigmaConstructMs: sigmaMs,
        longestTaskBeforeDrawMs: longest(toDrawn.filter((t) => t !== drawTask)),
        longestTaskAfterDrawMs: longest(inside.filter((t) => t.start >= drawn - 1)),
        drawnMs: drawn - t0,
        longestTaskToDrawnMs: toDrawn.reduce((m, t) => Math.max(m, t.duration), 0),
        firstRenderMs: t2 - t0,
        longestTaskMs: inside.reduce((m, t) => Math.max(m, t.duration), 0),
        longTasks: inside.length,
        visible: target.visibleNodes(),
      };
    },

    /**
     * Times one update. The renderer is first reset and put in the update's starting state,
     * and that is painted (one frame, untimed); then the change is timed to its painted frame.
     */
    async op(name: OpName, args: OpArgs): Promise<OpResult> {
      target.reset();
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
      return {
        js: t1 - t0,
        jsTotal: t1 - t0 + (a.js - js0),
        frame: t2 - t0,
        render: render() - r0,
        visible: target.visibleNodes(),
      };
    },

    /** Back to the neutral state, painted. */
    async reset(): Promise<void> {
      target.reset();
      await settle();
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
