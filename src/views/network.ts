/**
 * The network view (sigma, WebGL). Reads the session's derived Sets in reducers that only look
 * up; never writes to the graph. Hover and click go back to the state as actions.
 */
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { createNodeBorderProgram } from '@sigma/node-border';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { SYMMETRIC_EDGE_KINDS, type EdgeKind } from '../model/schema';
import { nodeLabel, phrase } from '../model/sentence';
import type { EdgeAttrs, NodeAttrs } from '../model/types';
import { hover, select, setCamera } from '../state/actions';
import type { Session } from '../state/session';
import type { AppState } from '../state/types';
import { createLabelPainter, FONT_STACK } from './labels';

type NodeData = Partial<NodeDisplayData> & NodeAttrs & { borderColor?: string; borderSize?: number; innerSize?: number; ringColor?: string; ringSize?: number };
type EdgeData = Partial<EdgeDisplayData> & EdgeAttrs & { curvature?: number };

export interface NetworkHandle {
  readonly renderer: Sigma<NodeAttrs, EdgeAttrs>;
  /** Animates the camera to a node. */
  flyTo(key: string): void;
  zoom(factor: number): void;
  /** Fits the camera to the given nodes (all visible nodes when omitted). */
  fit(keys?: Iterable<string>): void;
  /** Shows (or with null removes) an overlay of rings, e.g. revision progress. */
  setOverlay(overlay: MapOverlay | null): void;
  dispose(): void;
}

/**
 * Rings drawn around nodes, outside their border: `mastered` wins over `visited`. The Sets are
 * built by the caller once per change; the reducer only looks them up.
 */
export interface MapOverlay {
  readonly visited: ReadonlySet<string>;
  readonly mastered: ReadonlySet<string>;
}

/** Ring colours of the overlay (also used by the legend that explains them). */
export const OVERLAY_COLORS = { visited: '#2f6fd0', mastered: '#1a9850' } as const;

/** Mixes a hex colour towards white: the dimmed look of things outside the highlight. */
export function fade(hex: string, amount = 0.82): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return `rgb(${mix((n >> 16) & 255)},${mix((n >> 8) & 255)},${mix(n & 255)})`;
}

/** Nodes + edges above which the camera moves without edges and labels. */
export const LARGE_GRAPH = 2_000;

const DIM_EDGE = '#ececec';
/** Edges of earlier lecture slides: visible, quieter than this slide's. */
const PAST_EDGE = '#cfcfcf';
const PATH_COLOR = '#d55e00';
const SELECT_BORDER = '#111111';

/** `fade` by a fixed amount, remembered per colour (kinds share a few colours); non-hex → `fallback`. */
function memoFade(amount: number, fallback: string): (color: string) => string {
  const cache = new Map<string, string>();
  return (color) => {
    let f = cache.get(color);
    if (f === undefined) {
      f = color.startsWith('#') ? fade(color, amount) : fallback;
      cache.set(color, f);
    }
    return f;
  };
}

/** Mounts the network in `container`; returns a handle whose `dispose` kills the renderer. */
export function mountNetwork(container: HTMLElement, session: Session): NetworkHandle {
  const { graph } = session;

  // 1. Per-graph lookups, computed once: faded colours, edge programs and curvatures.
  const fadedOf = memoFade(0.82, '#e4e4e4');
  // Earlier lecture slides: half-way to white, so the map grows without competing with this slide.
  const quietOf = memoFade(0.5, '#c8c8c8');
  const edgeColors = new Map(graph.getAttribute('edgeKinds')?.map((k) => [k.id, k.color]) ?? []);
  const edgeType = new Map<string, string>();
  const curvature = new Map<string, number>();
  // Edges sharing a pair of nodes (either direction) are drawn as curves fanned apart.
  const pairs = new Map<string, string[]>();
  graph.forEachEdge((e, _a, source, target) => {
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const list = pairs.get(pair);
    if (list) list.push(e);
    else pairs.set(pair, [e]);
  });
  graph.forEachEdge((e, a) => edgeType.set(e, a.undirected || SYMMETRIC_EDGE_KINDS.has(a.kind as EdgeKind) ? 'line' : 'arrow'));
  for (const list of pairs.values()) {
    if (list.length < 2) continue;
    list.forEach((e, i) => {
      edgeType.set(e, 'curved');
      // Alternate sides, growing outwards; the direction of each edge flips the sign back.
      const side = i % 2 === 0 ? 1 : -1;
      const sameWay = graph.source(e) < graph.target(e) ? 1 : -1;
      curvature.set(e, side * sameWay * (0.18 + 0.14 * Math.floor(i / 2)));
    });
  }

  // Outline of each kind (see NODE_KIND_BORDERS): border and white inner ring, as disc fractions.
  const OUTLINES = { plain: [0.12, 0], ring: [0.1, 0.22], thick: [0.3, 0] } as const;
  const outlineOf = new Map((graph.getAttribute('nodeKinds') ?? []).map((k) => [k.id, OUTLINES[k.border ?? 'plain']]));

  let state: AppState = session.state();
  let derived = session.derived();
  // Node sizes are screen pixels: shrink them on small maps so the chapter still reads.
  let sizeScale = 1;
  let overlay: MapOverlay | null = null;
  const font = () => (state.lang === 'zh-Hans' ? FONT_STACK.hans : FONT_STACK.hant);
  const painter = createLabelPainter(font);

  // 2. Reducers: look up, never compute. They mutate sigma's own copy and return it.
  const nodeReducer = (key: string, data: NodeData): NodeData => {
    const d = derived;
    if (!d.visibleNodes.has(key)) {
      data.hidden = true;
      return data;
    }
    data.label = nodeLabel(data, state.lang);
    const outline = outlineOf.get(data.kind);
    if (outline) {
      data.borderSize = outline[0];
      data.innerSize = outline[1];
    }
    if (sizeScale !== 1) data.size = data.size * sizeScale;
    const inPath = d.pathNodes?.has(key) ?? false;
    const lit = d.pathNodes ? inPath : d.highlightNodes ? d.highlightNodes.has(key) : d.matches ? d.matches.has(key) : d.slideNodes ? d.slideNodes.has(key) : true;
    if (!lit) {
      data.color = d.pastSlideNodes?.has(key) ? quietOf(data.color) : fadedOf(data.color);
      data.label = null as unknown as string;
      data.zIndex = 0;
    } else {
      data.zIndex = 1;
      if (d.pathNodes || d.highlightNodes || d.matches || d.slideNodes) data.forceLabel = true;
    }
    if (overlay) {
      if (overlay.mastered.has(key)) {
        data.ringColor = OVERLAY_COLORS.mastered;
        data.ringSize = 0.4;
      } else if (overlay.visited.has(key)) {
        data.ringColor = OVERLAY_COLORS.visited;
        data.ringSize = 0.3;
      }
    }
    if (key === d.selectedVisible || (inPath && (key === state.path.from || key === state.path.to))) {
      data.highlighted = true;
      data.borderColor = inPath ? PATH_COLOR : SELECT_BORDER;
      data.borderSize = 0.3;
      data.zIndex = 2;
    }
    return data;
  };
  const edgeReducer = (key: string, data: EdgeData): EdgeData => {
    const d = derived;
    if (!d.visibleEdges.has(key)) {
      data.hidden = true;
      return data;
    }
    data.type = edgeType.get(key);
    const c = curvature.get(key);
    if (c !== undefined) data.curvature = c;
    const base = edgeColors.get(data.kind) ?? '#bbbbbb';
    const inPath = d.pathEdges?.has(key) ?? false;
    const lit = d.pathEdges ? inPath : d.highlightEdges ? d.highlightEdges.has(key) : d.slideEdges ? d.slideEdges.has(key) : true;
    data.color = inPath ? PATH_COLOR : lit ? base : d.pastSlideEdges?.has(key) ? PAST_EDGE : DIM_EDGE;
    data.size = inPath ? 3 : lit && (d.highlightEdges || d.slideEdges) ? 2 : 1;
    data.zIndex = lit ? 1 : 0;
    if ((inPath || d.highlightEdges?.has(key)) ?? false) {
      data.label = phrase(data, state.lang);
      data.forceLabel = true;
    } else data.label = null as unknown as string;
    return data;
  };

  // 3. The renderer.
  const renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
    nodeProgramClasses: {
      circle: NodeCircleProgram,
      bordered: createNodeBorderProgram({
        borders: [
          { size: { attribute: 'ringSize', defaultValue: 0 }, color: { attribute: 'ringColor' } },
          { size: { attribute: 'borderSize', defaultValue: 0.12 }, color: { attribute: 'borderColor', defaultValue: '#222222' } },
          { size: { attribute: 'innerSize', defaultValue: 0 }, color: { value: '#ffffff' } },
          { size: { fill: true }, color: { attribute: 'color' } },
        ],
      }),
    },
    edgeProgramClasses: { arrow: EdgeArrowProgram, line: EdgeRectangleProgram, curved: EdgeCurvedArrowProgram },
    // The map may sit hidden behind another view while something asks it to draw (an export, an
    // overlay): draw nothing then rather than throw.
    allowInvalidContainer: true,
    defaultNodeType: 'bordered',
    // Large graphs: the camera moves with nodes only; edges and labels return when it stops.
    hideEdgesOnMove: graph.order + graph.size > LARGE_GRAPH,
    hideLabelsOnMove: graph.order + graph.size > LARGE_GRAPH,
    defaultEdgeType: 'arrow',
    renderEdgeLabels: true,
    enableEdgeEvents: false,
    zIndex: true,
    labelSize: 14,
    labelWeight: '500',
    labelFont: FONT_STACK.hant,
    edgeLabelFont: FONT_STACK.hant,
    edgeLabelSize: 12,
    edgeLabelColor: { color: '#5b3a00' },
    labelDensity: 1,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: 7,
    minCameraRatio: 0.08,
    maxCameraRatio: 4,
    stagePadding: 40,
    nodeReducer: nodeReducer as never,
    edgeReducer: edgeReducer as never,
    defaultDrawNodeLabel: painter.draw as never,
    defaultDrawNodeHover: painter.drawHover as never,
  });
  renderer.on('beforeRender', () => painter.reset());

  // Labels are drawn to the right of their nodes: leave room for them at the right edge.
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  graph.forEachNode((_, a) => {
    x0 = Math.min(x0, a.x); x1 = Math.max(x1, a.x); y0 = Math.min(y0, a.y); y1 = Math.max(y1, a.y);
  });
  if (Number.isFinite(x0) && x1 > x0) renderer.setCustomBBox({ x: [x0, x1 + (x1 - x0) * 0.1], y: [y0, y1] });
  const onResize = () => {
    const width = container.clientWidth;
    if (width === 0 || container.clientHeight === 0) return; // hidden behind another view
    sizeScale = width > 0 && width < 900 ? Math.max(0.45, width / 900) : 1;
    // sigma only watches the window; a container resized by the layout needs a redraw.
    renderer.refresh();
  };
  onResize();
  const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null;
  resizeObserver?.observe(container);

  // 4. Events → actions.
  renderer.on('enterNode', ({ node }) => session.update((s) => hover(s, node)));
  renderer.on('leaveNode', () => session.update((s) => hover(s, null)));
  renderer.on('clickNode', ({ node }) => session.update((s) => select(s, node)));
  renderer.on('clickStage', () => session.update((s) => select(s, null)));
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  const camera = renderer.getCamera();
  const onCamera = () => {
    clearTimeout(cameraTimer);
    cameraTimer = setTimeout(() => {
      const c = camera.getState();
      session.update((s) => setCamera(s, { x: c.x, y: c.y, ratio: c.ratio }));
    }, 250);
  };
  camera.on('updated', onCamera);
  if (state.camera) camera.setState(state.camera);

  // 5. State → redraw. Camera-only changes need no refresh.
  const unsubscribe = session.subscribe((next, nextDerived, prev) => {
    const onlyCamera = next.camera !== prev.camera && nextDerived === derived && next.lang === prev.lang;
    state = next;
    derived = nextDerived;
    if (next.camera && next.camera !== prev.camera) {
      const c = camera.getState();
      if (Math.abs(c.x - next.camera.x) > 1e-3 || Math.abs(c.y - next.camera.y) > 1e-3 || Math.abs(c.ratio - next.camera.ratio) > 1e-3) camera.setState(next.camera);
    }
    if (next.lang !== prev.lang) renderer.setSetting('labelFont', font());
    if (onlyCamera) return;
    // Behind another view the container has no size: redraw when it shows again (onResize).
    if (container.clientWidth === 0 || container.clientHeight === 0) return;
    renderer.refresh({ skipIndexation: true });
  });

  const handle: NetworkHandle = {
    renderer,
    flyTo(key) {
      const p = renderer.getNodeDisplayData(key);
      if (p) camera.animate({ x: p.x, y: p.y, ratio: Math.min(camera.ratio, 0.45) }, { duration: reducedMotion() ? 0 : 500 });
    },
    zoom(factor) {
      if (factor > 1) camera.animatedUnzoom({ duration: reducedMotion() ? 0 : 250, factor });
      else camera.animatedZoom({ duration: reducedMotion() ? 0 : 250, factor: 1 / factor });
    },
    fit(keys) {
      const list = keys ? [...keys] : [...derived.visibleNodes];
      if (list.length === 0) return;
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const k of list) {
        const p = renderer.getNodeDisplayData(k);
        if (!p) continue;
        x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y); x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y);
      }
      if (!Number.isFinite(x0)) return;
      const ratio = Math.min(1.1, Math.max(0.12, Math.max(x1 - x0, y1 - y0) * 1.25));
      camera.animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: reducedMotion() ? 0 : 500 });
    },
    setOverlay(next) {
      if (next === overlay) return;
      overlay = next;
      renderer.refresh({ skipIndexation: true });
    },
    dispose() {
      clearTimeout(cameraTimer);
      resizeObserver?.disconnect();
      unsubscribe();
      renderer.kill();
    },
  };
  return handle;
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
