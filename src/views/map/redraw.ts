/**
 * When and how much the map is drawn again: after a change of state, nothing, the items whose
 * look changed (large graphs) or everything (chapter-sized maps, and a change of language: exact
 * z-order and label grid); after a resize of its container; the label grid rebuilt when idle.
 */
import type { LookInputs, LookTable } from './looks';
import type { MapContext, MapRenderer } from './map-context';
import { createQuickVisibility } from './visibility';

/** Large graphs: above this many items singled out, sigma's label grid picks which labels show. */
const MAX_FORCED_LABELS = 200;

/** What the looks of the map in `ctx` are computed from, now. */
export function lookInputs(ctx: MapContext): LookInputs {
  return {
    derived: ctx.derived,
    pathFrom: ctx.state.path.from,
    pathTo: ctx.state.path.to,
    overlay: ctx.overlay,
    veiled: ctx.large,
    maxForcedLabels: ctx.large ? MAX_FORCED_LABELS : Infinity,
  };
}

export interface MapRedraw {
  /** Every look computed again, and everything drawn again. */
  full(): void;
  /** After a change of state or overlay: draws again what it takes. */
  changed(): void;
  /** Stops watching the container and drops a pending full draw. */
  dispose(): void;
}

/**
 * Redraws `renderer` as the looks of `looks` change, showing the veil as it goes (`showVeil`).
 * Watches the container's size: once resized, chapter-sized maps call `resizedChapter` (which
 * draws in full), large graphs draw at the new size.
 */
export function createRedraw(ctx: MapContext, renderer: MapRenderer, looks: LookTable, showVeil: () => void, resizedChapter: () => void): MapRedraw {
  const { container, large } = ctx;
  // sigma only watches the window: a container resized by the layout needs a redraw (below).
  let lastSize = `${container.clientWidth}x${container.clientHeight}`;
  const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => onResize()) : null;
  resizeObserver?.observe(container);
  // sigma measures its container (offsetWidth: a forced layout of the page) at the start of
  // every render. The observer above says when the size changed, so renders in between skip
  // the measure and the page is laid out once per frame, not once more per change.
  let sizeChanged = false;
  if (resizeObserver !== null) {
    const measure = renderer.resize.bind(renderer);
    let pixelRatio = window.devicePixelRatio;
    renderer.resize = (force?: boolean) => {
      if (force || sizeChanged || window.devicePixelRatio !== pixelRatio) {
        sizeChanged = false;
        pixelRatio = window.devicePixelRatio;
        measure(force);
      }
      return renderer;
    };
  }

  // Large graphs: what a filter hides or shows again skips sigma's per-item reprocessing.
  const quick = large ? createQuickVisibility(renderer, looks, ctx.session.index) : null;

  const drawnNow = () => ({ lang: ctx.state.lang, sized: container.clientWidth > 0 && container.clientHeight > 0 });
  let drawn = drawnNow();
  let idleFull = 0;
  const fullDraw = () => {
    cancelIdle(idleFull);
    idleFull = 0;
    looks.update(lookInputs(ctx));
    showVeil();
    renderer.refresh();
    looks.markFullDraw();
    drawn = drawnNow();
  };
  const scheduleFull = () => {
    if (idleFull === 0) idleFull = onIdle(fullDraw);
  };
  // Behind another view the container has no size: sigma updates its buffers and draws when the
  // map shows again (onResize). No layout is read here: that would force one after each change.
  const redraw = () => {
    if (quick === null || ctx.state.lang !== drawn.lang) return fullDraw();
    looks.update(lookInputs(ctx));
    showVeil();
    if (looks.changedNodes.length === 0 && looks.changedEdges.length === 0) return;
    quick.draw(looks);
    // Labels shown again that sigma's label grid lost at the last full draw: rebuild it when idle.
    if (looks.labelGridStale()) scheduleFull();
  };
  function onResize(): void {
    const size = `${container.clientWidth}x${container.clientHeight}`;
    if (size === lastSize) return;
    lastSize = size;
    sizeChanged = true;
    // Hidden behind another view: draw again when it shows (the size then differs from this one).
    if (container.clientWidth === 0 || container.clientHeight === 0) return;
    if (!large) return resizedChapter();
    // Large graphs keep the node scale they started with (a new scale would redraw every item)
    // and draw at the new size (render() resizes). sigma's label grid, laid out for the
    // size of the last full draw, still picks labels well enough; it is rebuilt when idle only
    // when that draw had no size at all (the map was mounted behind another view).
    redraw();
    renderer.scheduleRender();
    if (!drawn.sized) scheduleFull();
  }

  return {
    full: fullDraw,
    changed: redraw,
    dispose() {
      cancelIdle(idleFull);
      resizeObserver?.disconnect();
    },
  };
}

/** Runs `fn` when the page is idle (within a second); returns a handle for {@link cancelIdle}. */
function onIdle(fn: () => void): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : (setTimeout(fn, 200) as unknown as number);
}

function cancelIdle(handle: number): void {
  if (handle === 0) return;
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
