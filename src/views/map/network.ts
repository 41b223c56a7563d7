/**
 * The network view (sigma, WebGL). Each item's look is a small code (looks.ts) computed from
 * the session's derived Sets; reducers only decode it and never write to the graph. After a
 * change only the items whose code changed are redrawn on large graphs. Hover and click go back
 * to the state as actions.
 *
 * This module mounts the map and puts its parts together: the reducers (reducers.ts), sigma
 * (renderer.ts), the names (names.ts), the veil of large graphs (veil.ts), redraws (redraw.ts),
 * the reader's events (events.ts) and the camera (camera.ts); it follows the state for them.
 */
import type Sigma from 'sigma';
import type { EdgeAttrs, NodeAttrs } from '../../model/types';
import type { Session } from '../../state/session';
import { afterFirstFrame } from '../../util/frames';
import { createCamera } from './camera';
import { sameRect, type Rect } from './cover';
import { listenToReader } from './events';
import type { Box } from './label-placement';
import type { PaintedName } from './labels';
import { LookTable, type MapOverlay } from './looks';
import type { MapContext } from './map-context';
import { createNames } from './names';
import { createReducers, edgeCurvatures, edgeTyper, scaleFor } from './reducers';
import { createRedraw, lookInputs } from './redraw';
import { createRenderer, prepareFirstFrame, prepareLargeGraph } from './renderer';
import { shownTableOf, type ShownTable } from './shown';
import { createVeil } from './veil';

export type { MapOverlay } from './looks';
export { fade, OVERLAY_COLORS } from './reducers';

export interface NetworkHandle {
  readonly renderer: Sigma<NodeAttrs, EdgeAttrs>;
  /** Large graphs: which items the renderer's programs draw at all, by ordinal (shown.ts); null on chapter-sized maps. */
  readonly shown: ShownTable | null;
  /** Animates the camera to a node. */
  flyTo(key: string): void;
  zoom(factor: number): void;
  /** Fits the camera to the given nodes (all visible nodes when omitted), in the open part of the map. */
  fit(keys?: Iterable<string>): void;
  /** Back to the whole map, in the open part of the map. */
  home(): void;
  /** Shows (or with null removes) an overlay of rings, e.g. revision progress. */
  setOverlay(overlay: MapOverlay | null): void;
  /**
   * The part of the map another element floats over (the details panel), in map pixels, or
   * null. The camera keeps the selected node out from under it, and flies to the open part.
   */
  setCover(cover: Rect | null): void;
  /** Another part of the map covered by controls (`rect` in map pixels, null to free it): names keep out of it. */
  reserve(id: string, rect: Rect | null): void;
  /** The names the last frame painted (chapter-sized maps place them all; large graphs as drawn). */
  paintedNames(): readonly PaintedName[];
  /** Where names may be painted: the map less what covers it (the panel, the controls), in map pixels. */
  openArea(): { area: Box; blocked: Box[] };
  /**
   * A graph is about to be opened (the file menu opened, a file carried over the map): once the
   * frame under way is drawn, the GPU is given the programs a large graph draws with, in the
   * layers the next map takes over (gpu-layers.ts).
   */
  prepareForGraph(): void;
  dispose(): void;
}

/**
 * Nodes + edges above which the map is drawn for speed: only the items whose look changed are
 * redrawn, edges rest in a quiet colour (a highlight lights its few edges instead of dimming all
 * the others), and the camera moves without edges and labels.
 */
export const LARGE_GRAPH = 2_000;

/** Whether the map of `graph` is drawn for speed (LARGE_GRAPH). */
export const isLarge = (graph: Session['graph']): boolean => graph.order + graph.size > LARGE_GRAPH;

/**
 * Has the GPU prepare the programs the first frame of the map of `session` draws, while the rest
 * of the page is built: called as soon as the session is there, before the map is mounted
 * (renderer.ts prepareFirstFrame).
 */
export function prepareMap(session: Session): void {
  const { graph } = session;
  prepareFirstFrame(graph, isLarge(graph), edgeTyper(graph, edgeCurvatures(graph, session.index)));
}

/** Mounts the network in `container`; returns a handle whose `dispose` kills the renderer. */
export function mountNetwork(container: HTMLElement, session: Session): NetworkHandle {
  const { graph } = session;
  const ctx: MapContext = {
    session,
    graph,
    container,
    large: isLarge(graph),
    state: session.state(),
    derived: session.derived(),
    overlay: null,
    cover: null,
    sizeScale: scaleFor(container.clientWidth),
  };

  // 1. Per-graph lookups, computed once, and the looks the reducers decode.
  const curvature = edgeCurvatures(graph, session.index);
  const looks = new LookTable(session.index, lookInputs(ctx));
  const names = createNames(ctx, looks);
  const reducers = createReducers(ctx, looks, curvature);

  // 2. The renderer, then what is drawn with it: names, the veil (large graphs), the box framed.
  const renderer = createRenderer(ctx, { looks, reducers, painter: names.painter });
  const placed = names.attach(renderer);
  const showVeil = ctx.large ? createVeil(ctx, renderer, looks, curvature) : () => {};
  placed.fitNamesBox();

  // 3. Redraws, as the state and the container's size change. A resized chapter-sized map
  // scales its nodes to the new width, frames its names again and draws in full.
  const redraw = createRedraw(ctx, renderer, looks, showVeil, () => {
    ctx.sizeScale = scaleFor(container.clientWidth);
    placed.fitNamesBox();
    redraw.full();
    camera.resized();
  });

  // 4. Events → actions, and the camera.
  const stopListening = listenToReader(ctx, renderer);
  const camera = createCamera(ctx, renderer);

  // 5. The first draw (sigma's constructor draws nothing: renderer.ts), then state → redraw and camera.
  // sigma's first indexation and draw is marked for tools, as its construction is.
  performance.mark('linkage:sigma-draw-start');
  if (ctx.large) renderer.refresh();
  else redraw.full();
  performance.measure('linkage:sigma-draw', 'linkage:sigma-draw-start');
  camera.frameOnOpen();
  const unsubscribe = session.subscribe((next, nextDerived, prev) => {
    const onlyCamera = next.camera !== prev.camera && nextDerived === ctx.derived && next.lang === prev.lang;
    ctx.state = next;
    ctx.derived = nextDerived;
    if (next.camera && next.camera !== prev.camera) camera.takeState(next.camera);
    if (next.lang !== prev.lang) renderer.setSetting('labelFont', names.font());
    if (!onlyCamera) redraw.changed();
    if (!onlyCamera) camera.followSingled();
    if (next.selected !== prev.selected) camera.selectionChanged();
  });

  let cancelPrepare = () => {};
  const handle: NetworkHandle = {
    renderer,
    shown: shownTableOf(renderer) ?? null,
    flyTo: camera.flyTo,
    zoom: camera.zoom,
    fit: camera.fit,
    home: camera.home,
    setOverlay(next) {
      if (next === ctx.overlay) return;
      ctx.overlay = next;
      redraw.changed();
    },
    setCover(next) {
      const same = sameRect(next, ctx.cover);
      ctx.cover = next;
      camera.coverChanged();
      // The same cover told again (its observer's first report): nothing to draw again.
      if (!same) renderer.scheduleRender();
    },
    reserve: placed.reserve,
    paintedNames: () => names.painter.painted(),
    openArea: placed.openArea,
    prepareForGraph() {
      cancelPrepare();
      cancelPrepare = afterFirstFrame(() => prepareLargeGraph(renderer));
    },
    dispose() {
      cancelPrepare();
      stopListening();
      redraw.dispose();
      unsubscribe();
      renderer.kill();
    },
  };
  return handle;
}
