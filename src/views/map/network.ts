/**
 * The network view (sigma, WebGL). Each item's look is a small code (looks.ts) computed from
 * the session's derived Sets; reducers only decode it and never write to the graph. After a
 * change only the items whose code changed are redrawn on large graphs. Hover and click go back
 * to the state as actions.
 */
import { prefersReducedMotion } from '../../util/motion';
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { createNodeBorderProgram } from '@sigma/node-border';
import Sigma from 'sigma';
import { drawStraightEdgeLabel, EdgeArrowProgram, EdgeRectangleProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { SYMMETRIC_EDGE_KINDS, type EdgeKind } from '../../model/schema';
import { mapName, phrase } from '../../model/sentence';
import { labelBox, MAP_LABEL, mapNames, nameRoom } from '../../model/layout-labels';
import type { EdgeAttrs, NodeAttrs } from '../../model/types';
import { hover, select, setCamera } from '../../state/actions';
import type { Session } from '../../state/session';
import type { AppState } from '../../state/types';
import { createLabelPainter, FONT_STACK, wrapLabel, type PaintedName } from './labels';
import type { Box, Disc } from './label-placement';
import { openPart, type Rect } from './cover';
import { E, LookTable, N, singledNodes, type LookInputs, type MapOverlay } from './looks';

export type { MapOverlay } from './looks';

type NodeData = Partial<NodeDisplayData> & NodeAttrs & { borderColor?: string; borderSize?: number; innerSize?: number; ringColor?: string; ringSize?: number };
type EdgeData = Partial<EdgeDisplayData> & EdgeAttrs & { curvature?: number };

export interface NetworkHandle {
  readonly renderer: Sigma<NodeAttrs, EdgeAttrs>;
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
  dispose(): void;
}

/** Ring colours of the overlay (also used by the legend that explains them). */
export const OVERLAY_COLORS = { visited: '#2f6fd0', mastered: '#1a9850' } as const;

/** Mixes a hex colour towards white: the dimmed look of things outside the highlight. */
export function fade(hex: string, amount = 0.82): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return `rgb(${mix((n >> 16) & 255)},${mix((n >> 8) & 255)},${mix(n & 255)})`;
}

/**
 * Nodes + edges above which the map is drawn for speed: only the items whose look changed are
 * redrawn, edges rest in a quiet colour (a highlight lights its few edges instead of dimming all
 * the others), and the camera moves without edges and labels.
 */
export const LARGE_GRAPH = 2_000;

/** Large graphs: above this many items singled out, sigma's label grid picks which labels show. */
const MAX_FORCED_LABELS = 200;

const DIM_EDGE = '#ececec';
/** Edges of earlier lecture slides: visible, quieter than this slide's. */
const PAST_EDGE = '#cfcfcf';
const PATH_COLOR = '#d55e00';
/** A node's dark border, as a share of its disc, when its kind sets none. */
const DEFAULT_BORDER = 0.12;
/** Most a disc grows to keep its colour's room inside a mark and a ring. */
const MAX_MARK_GROWTH = 2;
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
  const large = graph.order + graph.size > LARGE_GRAPH;
  // Large graphs: edges rest in a light tint of their kind's colour.
  const restingOf = large ? memoFade(0.86, '#e6e6e6') : () => DIM_EDGE;
  const edgeColors = new Map(graph.getAttribute('edgeKinds')?.map((k) => [k.id, k.color]) ?? []);
  // Edges sharing a pair of nodes (either direction) are drawn as curves fanned apart; the others
  // are arrows, or plain lines when undirected or symmetric. One pass, keyed by node ordinals.
  const curvature = new Map<string, number>();
  const { edgeKeys, edgeSource, edgeTarget } = session.index;
  const firstOfPair = new Map<number, string>();
  const shared = new Map<number, string[]>();
  for (let k = 0; k < edgeKeys.length; k++) {
    const i = edgeSource[k], j = edgeTarget[k], e = edgeKeys[k];
    const pair = i < j ? i * graph.order + j : j * graph.order + i;
    const first = firstOfPair.get(pair);
    if (first === undefined) firstOfPair.set(pair, e);
    else {
      const list = shared.get(pair);
      if (list) list.push(e);
      else shared.set(pair, [first, e]);
    }
  }
  for (const list of shared.values()) {
    list.forEach((e, i) => {
      // Alternate sides, growing outwards; the direction of each edge flips the sign back.
      const side = i % 2 === 0 ? 1 : -1;
      const sameWay = graph.source(e) < graph.target(e) ? 1 : -1;
      curvature.set(e, side * sameWay * (0.18 + 0.14 * Math.floor(i / 2)));
    });
  }
  // Undirected and symmetric links are drawn without an arrowhead, curved or straight.
  const edgeTypeOf = (key: string, data: EdgeData): string => {
    const plain = data.undirected === true || SYMMETRIC_EDGE_KINDS.has(data.kind as EdgeKind);
    if (curvature.has(key)) return plain ? 'curvedLine' : 'curved';
    return plain ? 'line' : 'arrow';
  };

  // Outline of each kind (see NODE_KIND_BORDERS): border and white inner ring, as disc fractions.
  const OUTLINES = { plain: [DEFAULT_BORDER, 0], ring: [0.1, 0.22], thick: [0.3, 0] } as const;
  const outlineOf = new Map((graph.getAttribute('nodeKinds') ?? []).map((k) => [k.id, OUTLINES[k.border ?? 'plain']]));

  let state: AppState = session.state();
  let derived = session.derived();
  // Node sizes are screen pixels: shrink them on small maps so the chapter still reads.
  const scaleFor = (width: number) => (width > 0 && width < 900 ? Math.max(0.45, width / 900) : 1);
  let sizeScale = scaleFor(container.clientWidth);
  let overlay: MapOverlay | null = null;
  const font = () => (state.lang === 'zh-Hans' ? FONT_STACK.hans : FONT_STACK.hant);
  // What covers the map (the panel, its controls): names keep out of it.
  let cover: Rect | null = null;
  const reserved = new Map<string, Rect>();
  const toBox = (r: Rect): Box => ({ x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height });
  const openArea = (): { area: Box; blocked: Box[] } => {
    const { width, height } = renderer.getDimensions();
    const blocked = [...reserved.values()].map(toBox);
    if (cover) blocked.push(toBox(cover));
    return { area: { x0: 2, y0: 2, x1: width - 2, y1: height - 2 }, blocked };
  };
  /**
   * Discs names keep clear of, in map pixels: every drawn node's, or, while something is singled
   * out, the lit nodes' (a name may lie over a dimmed disc, never over a lit one).
   */
  const discs = (): Disc[] => {
    const out: Disc[] = [];
    graph.forEachNode((key) => {
      const d = renderer.getNodeDisplayData(key);
      if (!d || d.hidden || (looks.node(key) & N.LIT) === 0) return;
      const v = renderer.framedGraphToViewport(d);
      out.push({ key, x: v.x, y: v.y, r: renderer.scaleSize(d.size) });
    });
    return out;
  };
  // Chapter-sized maps place every frame's names at once; large graphs draw them as sigma asks.
  const painter = large
    ? createLabelPainter(font, { wrap: (label) => wrapLabel(label) })
    : createLabelPainter(font, { scene: () => (built ? { discs: discs(), ...openArea() } : null) });
  // sigma draws a first frame while it is being built: names are placed from the next one.
  let built = false;

  // 2. Looks, and reducers that decode them. They mutate sigma's own copy and return it.
  const inputs = (): LookInputs => ({
    derived,
    pathFrom: state.path.from,
    pathTo: state.path.to,
    overlay,
    veiled: large,
    maxForcedLabels: large ? MAX_FORCED_LABELS : Infinity,
  });
  const looks = new LookTable(session.index, inputs());
  const nodeReducer = (key: string, data: NodeData): NodeData => {
    const code = looks.node(key);
    // One program for every node, whatever a graph file's attributes say.
    data.type = 'bordered';
    if ((code & N.VISIBLE) === 0) {
      data.hidden = true;
      return data;
    }
    data.label = mapName(data, state.lang);
    const outline = outlineOf.get(data.kind);
    if (outline) {
      data.borderSize = outline[0];
      data.innerSize = outline[1];
    }
    // Chapter-sized maps draw small discs and leave the room to the names (as the layout does).
    if (!large) data.size = data.size * sizeScale * MAP_LABEL.disc;
    else if (sizeScale !== 1) data.size = data.size * sizeScale;
    if (large) {
      // Veiled: every node keeps its look; what is lit is raised above the veil (sigma's
      // highlighted nodes, drawn on top with their labels).
      if (code & (N.LIT | N.RAISED)) {
        data.highlighted = true;
        data.zIndex = 1;
        // Raised with the focus but not singled out: dimmed above the veil.
        if ((code & N.LIT) === 0) data.color = fadedOf(data.color);
      }
    } else if ((code & N.LIT) === 0) {
      data.color = code & N.QUIET ? quietOf(data.color) : fadedOf(data.color);
      data.label = null as unknown as string;
      data.zIndex = 0;
    } else {
      data.zIndex = 1;
      if (code & N.FORCE) data.forceLabel = true;
    }
    if (code & N.RING_MASTERED) {
      data.ringColor = OVERLAY_COLORS.mastered;
      data.ringSize = 0.4;
    } else if (code & N.RING_VISITED) {
      data.ringColor = OVERLAY_COLORS.visited;
      data.ringSize = 0.3;
    }
    if (code & N.MARKED) {
      data.highlighted = true;
      data.borderColor = code & N.PATH ? PATH_COLOR : SELECT_BORDER;
      data.borderSize = 0.3;
      // The mark stands in for the kind's white inner ring.
      data.innerSize = 0;
      data.zIndex = 2;
    }
    // Marks and rings are drawn around the kind's colour, not over it: the disc grows so its
    // colour keeps the room it has unmarked.
    const around = (data.ringSize ?? 0) + (data.borderSize ?? DEFAULT_BORDER) + (data.innerSize ?? 0);
    const plain = (outline?.[0] ?? DEFAULT_BORDER) + (outline?.[1] ?? 0);
    if (around > plain) data.size = data.size * Math.min(MAX_MARK_GROWTH, (1 - plain) / (1 - around));
    return data;
  };
  const edgeReducer = (key: string, data: EdgeData): EdgeData => {
    const code = looks.edge(key);
    // The program never changes (hidden or not): redraws of single edges write to its slot.
    data.type = edgeTypeOf(key, data);
    if ((code & E.VISIBLE) === 0) {
      data.hidden = true;
      return data;
    }
    const c = curvature.get(key);
    if (c !== undefined) data.curvature = c;
    const base = edgeColors.get(data.kind) ?? '#bbbbbb';
    const lit = (code & E.LIT) !== 0;
    data.color = code & E.PATH ? PATH_COLOR : lit ? base : code & E.QUIET ? PAST_EDGE : restingOf(base);
    data.size = code & E.PATH ? 3 : code & E.WIDE ? 2 : 1;
    data.zIndex = lit ? 1 : 0;
    if (code & E.LABEL) {
      data.label = phrase(data, state.lang);
      data.forceLabel = true;
    } else data.label = null as unknown as string;
    return data;
  };

  // 3. The renderer. Its construction (sigma's first indexation and draw) is marked for tools.
  performance.mark('linkage:sigma-start');
  const renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
    nodeProgramClasses: {
      bordered: createNodeBorderProgram({
        borders: [
          { size: { attribute: 'ringSize', defaultValue: 0 }, color: { attribute: 'ringColor' } },
          { size: { attribute: 'borderSize', defaultValue: DEFAULT_BORDER }, color: { attribute: 'borderColor', defaultValue: '#222222' } },
          { size: { attribute: 'innerSize', defaultValue: 0 }, color: { value: '#ffffff' } },
          { size: { fill: true }, color: { attribute: 'color' } },
        ],
      }),
    },
    edgeProgramClasses: { arrow: EdgeArrowProgram, line: EdgeRectangleProgram, curved: EdgeCurvedArrowProgram, curvedLine: EdgeCurveProgram },
    // The map may sit hidden behind another view while something asks it to draw (an export, an
    // overlay): draw nothing then rather than throw.
    allowInvalidContainer: true,
    defaultNodeType: 'bordered',
    // Large graphs: the camera moves with nodes only; edges and labels return when it stops.
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    defaultEdgeType: 'arrow',
    // Large graphs: sigma looks through every edge for labels on each frame; the few phrases
    // drawn there are painted by the map itself (raiseLitEdges, below).
    renderEdgeLabels: !large,
    enableEdgeEvents: false,
    zIndex: true,
    labelSize: large ? 14 : MAP_LABEL.font,
    labelWeight: '500',
    labelFont: FONT_STACK.hant,
    edgeLabelFont: FONT_STACK.hant,
    edgeLabelSize: 12,
    edgeLabelColor: { color: '#5b3a00' },
    // Chapter-sized maps offer every name to the painter, which places what fits; large graphs
    // let sigma's label grid choose.
    labelDensity: large ? 1 : 1_000,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: large ? 7 : 0,
    minCameraRatio: 0.08,
    maxCameraRatio: 4,
    // Chapter-sized maps frame a box that holds the names (below); large graphs, the nodes.
    stagePadding: large ? 40 : 6,
    nodeReducer: nodeReducer as never,
    edgeReducer: edgeReducer as never,
    defaultDrawNodeLabel: (large ? painter.draw : painter.collect) as never,
    // Large graphs raise lit nodes as highlighted: the centre and marked nodes get the hover box,
    // the others a plain label when theirs is forced, none otherwise.
    defaultDrawNodeHover: (large
      ? (ctx: CanvasRenderingContext2D, data: { key: string }, settings: never) => {
          const code = looks.node(data.key);
          if (code & N.MARKED || data.key === derived.highlightCenter) painter.drawHover(ctx, data as never, settings);
          else if (code & N.FORCE) painter.draw(ctx, data as never, settings);
        }
      : painter.drawHover) as never,
  });
  performance.measure('linkage:sigma', 'linkage:sigma-start');
  built = true;
  renderer.on('beforeRender', () => painter.reset());
  if (!large) renderer.on('afterRender', () => painter.flush());
  // Large graphs: a veil over the map dims it all at once while something is singled out; the
  // lit nodes (highlighted) and edges (raised) are drawn above it.
  const veil = large ? renderer.createCanvas('veil', { afterLayer: 'labels', style: { inset: '0', width: '100%', height: '100%', background: 'rgba(255,255,255,0.8)', display: 'none', pointerEvents: 'none' } }) : null;
  if (large) raiseLitEdges(renderer, looks.raisedEdges, (edge) => (looks.edge(edge) & E.LABEL) !== 0, curvature);
  const showVeil = () => {
    if (veil === null) return;
    const d = derived;
    veil.style.display = d.focusActive || singledNodes(d) !== null ? '' : 'none';
    // With focus on, what lies outside the focus is hidden behind it.
    veil.style.background = d.focusActive ? '#ffffff' : 'rgba(255,255,255,0.8)';
  };

  // Chapter-sized maps: the box sigma frames holds the nodes and their names (the widest of the
  // three scripts, beside the node), so that at the whole-map view no name is cut at an edge.
  // sigma takes the box into account when it next indexes the graph (a full draw).
  const rooms = large ? null : new Map(graph.mapNodes((key, a) => [key, nameRoom(mapNames(a))] as const));
  const fitNamesBox = () => {
    if (rooms === null) return;
    const width = container.clientWidth, height = container.clientHeight;
    if (width === 0 || height === 0 || graph.order === 0) return;
    const pad = 2 * renderer.getSetting('stagePadding');
    const items = graph.mapNodes((key, a) => ({ x: a.x, y: a.y, r: a.size * sizeScale * MAP_LABEL.disc, room: rooms.get(key)! }));
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const n of items) {
      x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
    }
    // Pixels per graph unit when the box fills the map; the names' room in graph units follows.
    let scale = Math.min((width - pad) / Math.max(1e-9, x1 - x0), (height - pad) / Math.max(1e-9, y1 - y0));
    let box = { x: [x0, x1] as [number, number], y: [y0, y1] as [number, number] };
    for (let round = 0; round < 8 && Number.isFinite(scale); round++) {
      let bx0 = Infinity, bx1 = -Infinity, by0 = Infinity, by1 = -Infinity;
      for (const n of items) {
        const half = Math.max(n.r, n.room.height / 2) / scale;
        bx0 = Math.min(bx0, n.x - n.r / scale); bx1 = Math.max(bx1, n.x + (n.r + MAP_LABEL.gap + n.room.width) / scale);
        by0 = Math.min(by0, n.y - half); by1 = Math.max(by1, n.y + half);
      }
      box = { x: [bx0, bx1], y: [by0, by1] };
      scale = Math.min((width - pad) / (bx1 - bx0), (height - pad) / (by1 - by0));
    }
    renderer.setCustomBBox(box);
  };
  fitNamesBox();
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

  // 4. Events → actions.
  // No hover while the stage is dragged: the pointer sweeps over nodes under the moving camera.
  const captor = renderer.getMouseCaptor();
  // Nodes behind a veiled map's focus are not there for the reader: a click there is on the stage.
  const reachable = (node: string) => !large || !derived.focusActive || derived.visibleNodes.has(node);
  renderer.on('enterNode', ({ node }) => {
    if (!captor.isMoving && captor.draggedEvents === 0 && reachable(node)) session.update((s) => hover(s, node));
  });
  renderer.on('leaveNode', () => session.update((s) => hover(s, null)));
  renderer.on('clickNode', ({ node }) => session.update((s) => select(s, reachable(node) ? node : null)));
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

  // What floats over the map (the details panel): the selected node is kept out from under it.
  /** The camera, at `ratio`, that shows the framed-graph point `p` at viewport point `at`. */
  const placeAt = (p: { x: number; y: number }, at: { x: number; y: number }, ratio: number) => {
    const centred = { ...camera.getState(), x: p.x, y: p.y, ratio };
    const q = renderer.viewportToFramedGraph(at, { cameraState: centred });
    return { x: 2 * p.x - q.x, y: 2 * p.y - q.y, ratio };
  };
  let covered = false;
  /**
   * The camera that frames the framed-graph box [x0, x1] × [y0, y1], which `ratio` frames on the
   * whole map, in the open part: centred there, and zoomed out as far as it takes to fit.
   */
  const framing = (x0: number, y0: number, x1: number, y1: number, ratio: number) => {
    const centre = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
    const { width, height } = renderer.getDimensions();
    const open = openPart(width, height, cover);
    if (open.width === width && open.height === height) return { ...centre, ratio };
    const at = { cameraState: { ...camera.getState(), ratio } };
    const a = renderer.framedGraphToViewport({ x: x0, y: y0 }, at);
    const b = renderer.framedGraphToViewport({ x: x1, y: y1 }, at);
    const pad = 20;
    const shrink = Math.max(1, Math.abs(b.x - a.x) / Math.max(1, open.width - 2 * pad), Math.abs(b.y - a.y) / Math.max(1, open.height - 2 * pad));
    return placeAt(centre, { x: open.x + open.width / 2, y: open.y + open.height / 2 }, ratio * shrink);
  };
  /**
   * The camera that shows `keys` in the open part of the map with room for their names (each
   * beside its node, at the current label size), as close as that allows (never closer than
   * `MIN_FRAME_RATIO`). Null when none of them is drawn.
   */
  const namesFraming = (keys: readonly string[]) => {
    const { width, height } = renderer.getDimensions();
    const open = openPart(width, height, cover);
    const pad = 18;
    const lang = state.lang;
    const font = renderer.getSetting('labelSize');
    const items = keys.flatMap((k) => {
      const d = renderer.getNodeDisplayData(k);
      if (!d || d.hidden) return [];
      const b = labelBox(mapName(graph.getNodeAttributes(k), lang), font);
      return [{ x: d.x, y: d.y, size: d.size, w: b.width + 4, h: b.height + 2 }];
    });
    if (items.length === 0) return null;
    // Pixels per framed-graph unit at ratio 1, along each axis (y grows down on screen).
    const base = { ...camera.getState(), x: 0.5, y: 0.5, ratio: 1 };
    const o = renderer.framedGraphToViewport({ x: 0, y: 0 }, { cameraState: base });
    const kx = renderer.framedGraphToViewport({ x: 1, y: 0 }, { cameraState: base }).x - o.x;
    const ky = renderer.framedGraphToViewport({ x: 0, y: 1 }, { cameraState: base }).y - o.y;
    /** The box, in pixels relative to the framed origin, that the nodes and names take at ratio 1/u. */
    const extent = (u: number) => {
      let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      for (const n of items) {
        const X = n.x * kx * u, Y = n.y * ky * u, r = renderer.scaleSize(n.size, 1 / u);
        const half = Math.max(r, n.h / 2);
        x0 = Math.min(x0, X - r); x1 = Math.max(x1, X + r + MAP_LABEL.gap + n.w);
        y0 = Math.min(y0, Y - half); y1 = Math.max(y1, Y + half);
      }
      return { x0, x1, y0, y1 };
    };
    const fits = (u: number) => {
      const e = extent(u);
      return e.x1 - e.x0 <= open.width - 2 * pad && e.y1 - e.y0 <= open.height - 2 * pad;
    };
    // The closest zoom that fits: u = 1 / ratio, searched between the camera's limits.
    let lo = 1 / (renderer.getSetting('maxCameraRatio') ?? 4), hi = 1 / MIN_FRAME_RATIO;
    if (fits(hi)) lo = hi;
    else for (let i = 0; i < 40; i++) {
      const mid = Math.sqrt(lo * hi);
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    const e = extent(lo);
    const centre = { x: (e.x0 + e.x1) / 2 / (kx * lo), y: (e.y0 + e.y1) / 2 / (ky * lo) };
    return placeAt(centre, { x: open.x + open.width / 2, y: open.y + open.height / 2 }, 1 / lo);
  };
  /**
   * What the map frames by itself: the path, the focus or the search's matches (chapter-sized
   * maps, outside lecture mode, which frames its slides). The camera returns when it ends.
   */
  let framed: ReadonlySet<string> | null = null;
  let returnTo: { x: number; y: number; ratio: number } | null = null;
  const singledTarget = (): ReadonlySet<string> | null => {
    if (large || state.mode === 'lecture') return null;
    const d = derived;
    if (d.pathNodes && d.pathNodes.size > 0) return d.pathNodes;
    if (d.focusActive) return d.visibleNodes;
    if (state.query !== '' && d.matches && d.matches.size > 0) return d.matches;
    return null;
  };
  const reframe = (animate: boolean) => {
    const target = framed === null ? null : namesFraming([...framed]);
    if (target === null) return;
    if (animate && !prefersReducedMotion()) void camera.animate(target, { duration: 400 });
    else camera.setState(target);
  };
  const followSingled = () => {
    const next = singledTarget();
    if (next === framed) return;
    if (next === null) {
      framed = null;
      if (returnTo) void camera.animate(returnTo, { duration: prefersReducedMotion() ? 0 : 400 });
      returnTo = null;
      return;
    }
    if (framed === null) returnTo = { ...camera.getState() };
    framed = next;
    reframe(true);
  };
  /** The whole map's camera (sigma's reset), framed in the open part. */
  const homeCamera = () => {
    if (cover === null) return { x: 0.5, y: 0.5, ratio: 1 };
    // The box sigma frames at reset (the graph's extent, or the custom box), in framed coordinates.
    const { x, y } = renderer.getCustomBBox() ?? renderer.getBBox();
    const corner = (gx: number, gy: number) => renderer.viewportToFramedGraph(renderer.graphToViewport({ x: gx, y: gy }));
    const a = corner(x[0], y[0]);
    const b = corner(x[1], y[1]);
    return framing(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y), 1);
  };
  /** Pans the selected node, when the cover hides it, to the nearest open place (its label to its right). */
  const reveal = () => {
    const key = state.selected;
    if (key === null || cover === null || camera.isAnimated() || !derived.visibleNodes.has(key)) return;
    const p = renderer.getNodeDisplayData(key);
    if (!p) return;
    const v = renderer.framedGraphToViewport(p);
    const { width, height } = renderer.getDimensions();
    const margin = 24;
    const onMap = v.x >= 0 && v.y >= 0 && v.x <= width && v.y <= height;
    const under = v.x > cover.x - margin && v.x < cover.x + cover.width + margin && v.y > cover.y - margin && v.y < cover.y + cover.height + margin;
    if (!onMap || !under) return;
    const open = openPart(width, height, cover);
    const within = (value: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, value)));
    const at = { x: within(v.x, open.x + 40, open.x + open.width - 180), y: within(v.y, open.y + 40, open.y + open.height - 40) };
    void camera.animate(placeAt(p, at, camera.ratio), { duration: prefersReducedMotion() ? 0 : 300 });
  };

  // 5. State → redraw: nothing, the items whose look changed (large graphs), or everything (small
  // graphs, and a change of language: exact z-order and label grid).
  const drawnNow = () => ({ lang: state.lang, sized: container.clientWidth > 0 && container.clientHeight > 0 });
  let drawn = drawnNow();
  let idleFull = 0;
  const fullDraw = () => {
    cancelIdle(idleFull);
    idleFull = 0;
    looks.update(inputs());
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
    if (!large || state.lang !== drawn.lang) return fullDraw();
    looks.update(inputs());
    showVeil();
    if (looks.changedNodes.length === 0 && looks.changedEdges.length === 0) return;
    renderer.refresh({ partialGraph: { nodes: looks.changedNodes, edges: looks.changedEdges }, skipIndexation: true });
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
    if (!large) {
      sizeScale = scaleFor(container.clientWidth);
      fitNamesBox();
      fullDraw();
      if (framed !== null) reframe(false);
      return;
    }
    // Large graphs keep the node scale they started with (a new scale would redraw every item)
    // and draw at the new size (render() resizes). sigma's label grid, laid out for the
    // size of the last full draw, still picks labels well enough; it is rebuilt when idle only
    // when that draw had no size at all (the map was mounted behind another view).
    redraw();
    renderer.scheduleRender();
    if (!drawn.sized) scheduleFull();
  }
  if (!large) fullDraw();
  // Opened on a path, a focus or a search (a shared link without a camera of its own): framed.
  if (!large && state.camera === null) {
    framed = singledTarget();
    if (framed !== null) {
      returnTo = { x: 0.5, y: 0.5, ratio: 1 };
      // Once the map has its size and the panel its place (setCover frames again then).
      requestAnimationFrame(() => reframe(false));
    }
  }
  const unsubscribe = session.subscribe((next, nextDerived, prev) => {
    const onlyCamera = next.camera !== prev.camera && nextDerived === derived && next.lang === prev.lang;
    state = next;
    derived = nextDerived;
    if (next.camera && next.camera !== prev.camera) {
      const c = camera.getState();
      if (Math.abs(c.x - next.camera.x) > 1e-3 || Math.abs(c.y - next.camera.y) > 1e-3 || Math.abs(c.ratio - next.camera.ratio) > 1e-3) camera.setState(next.camera);
    }
    if (next.lang !== prev.lang) renderer.setSetting('labelFont', font());
    if (!onlyCamera) redraw();
    if (!onlyCamera) followSingled();
    if (next.selected !== prev.selected && framed === null) reveal();
  });

  const handle: NetworkHandle = {
    renderer,
    flyTo(key) {
      const p = renderer.getNodeDisplayData(key);
      if (!p) return;
      const { width, height } = renderer.getDimensions();
      const open = openPart(width, height, cover);
      const centre = { x: open.x + open.width / 2, y: open.y + open.height / 2 };
      // A panel opened by this flight covers the map only once laid out: look again at the end.
      void camera.animate(placeAt(p, centre, Math.min(camera.ratio, 0.45)), { duration: prefersReducedMotion() ? 0 : 500 }).then(reveal);
    },
    zoom(factor) {
      if (factor > 1) camera.animatedUnzoom({ duration: prefersReducedMotion() ? 0 : 250, factor });
      else camera.animatedZoom({ duration: prefersReducedMotion() ? 0 : 250, factor: 1 / factor });
    },
    fit(keys) {
      const list = keys ? [...keys] : [...derived.visibleNodes];
      const target = namesFraming(list);
      if (target) void camera.animate(target, { duration: prefersReducedMotion() ? 0 : 500 });
    },
    home() {
      camera.animate(homeCamera(), { duration: prefersReducedMotion() ? 0 : 300 });
    },
    setOverlay(next) {
      if (next === overlay) return;
      overlay = next;
      redraw();
    },
    setCover(next) {
      const first = !covered;
      covered = true;
      cover = next;
      // Opened with the panel showing and no camera of its own: the whole map in the open part.
      if (framed !== null) reframe(!first);
      else if (first && cover !== null && state.camera === null) camera.setState(homeCamera());
      else reveal();
      renderer.scheduleRender();
    },
    reserve(id, rect) {
      if (rect === null) reserved.delete(id);
      else reserved.set(id, rect);
      renderer.scheduleRender();
    },
    paintedNames: () => painter.painted(),
    openArea,
    dispose() {
      clearTimeout(cameraTimer);
      cancelIdle(idleFull);
      resizeObserver?.disconnect();
      unsubscribe();
      renderer.kill();
    },
  };
  return handle;
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

/** The closest the map frames what it singles out (one concept is not blown up to fill the map). */
const MIN_FRAME_RATIO = 0.22;

/** Large graphs: at most this many lit edges are drawn again above the others. */
const MAX_RAISED_EDGES = 2_000;

/**
 * Large graphs: draws the lit edges (a highlight's, a path's, a slide's) again on a canvas of
 * their own above the veil and below the raised nodes, with their phrases, after each frame.
 * Nothing is drawn while the camera moves (edges are hidden then).
 */
function raiseLitEdges(renderer: Sigma<NodeAttrs, EdgeAttrs>, edges: ReadonlySet<string>, labelled: (edge: string) => boolean, curvature: ReadonlyMap<string, number>): void {
  const canvas = renderer.createCanvas('raised-edges', { afterLayer: 'veil' });
  const context = canvas.getContext('2d')!;
  const graph = renderer.getGraph();
  const captor = renderer.getMouseCaptor();
  const camera = renderer.getCamera();
  let settings = renderer.getSettings();
  /** Whether the canvas holds anything (a frame with nothing raised clears nothing). */
  let drawn = false;
  renderer.on('afterRender', () => {
    const { width, height } = renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      settings = renderer.getSettings();
      drawn = false; // resizing cleared it
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (drawn) context.clearRect(0, 0, width, height);
    drawn = false;
    const moving = camera.isAnimated() || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
    if (moving || edges.size === 0 || edges.size > MAX_RAISED_EDGES) return;
    drawn = true;
    const phrases: Array<() => void> = [];
    for (const edge of edges) {
      const data = renderer.getEdgeDisplayData(edge);
      const [s, t] = graph.extremities(edge);
      const source = renderer.getNodeDisplayData(s);
      const target = renderer.getNodeDisplayData(t);
      if (!data || !source || !target || data.hidden || source.hidden || target.hidden) continue;
      const a = { ...source, ...renderer.framedGraphToViewport(source), size: renderer.scaleSize(source.size) };
      const b = { ...target, ...renderer.framedGraphToViewport(target), size: renderer.scaleSize(target.size) };
      const thickness = Math.max(1, renderer.scaleSize(data.size));
      const dx = b.x - a.x, dy = b.y - a.y;
      const length = Math.hypot(dx, dy) || 1;
      const bend = curvature.get(edge) ?? 0;
      // Control point of a curved edge: off the middle, across the edge, by its curvature.
      const cx = (a.x + b.x) / 2 + (dy / length) * bend * length, cy = (a.y + b.y) / 2 - (dx / length) * bend * length;
      context.strokeStyle = data.color;
      context.lineWidth = thickness;
      context.beginPath();
      context.moveTo(a.x, a.y);
      if (bend !== 0) context.quadraticCurveTo(cx, cy, b.x, b.y);
      else context.lineTo(b.x, b.y);
      context.stroke();
      if (data.type === 'arrow' || data.type === 'curved') {
        // Arrowhead at the target's rim, along the last stretch of the edge.
        const [fx, fy] = bend !== 0 ? [cx, cy] : [a.x, a.y];
        const ux = b.x - fx, uy = b.y - fy, ul = Math.hypot(ux, uy) || 1;
        const tipX = b.x - (ux / ul) * b.size, tipY = b.y - (uy / ul) * b.size;
        const head = 4 + thickness * 2;
        context.fillStyle = data.color;
        context.beginPath();
        context.moveTo(tipX, tipY);
        context.lineTo(tipX - (ux / ul) * head * 1.6 + (uy / ul) * head * 0.6, tipY - (uy / ul) * head * 1.6 - (ux / ul) * head * 0.6);
        context.lineTo(tipX - (ux / ul) * head * 1.6 - (uy / ul) * head * 0.6, tipY - (uy / ul) * head * 1.6 + (ux / ul) * head * 0.6);
        context.closePath();
        context.fill();
      }
      if (data.label && labelled(edge)) phrases.push(() => drawStraightEdgeLabel(context, { ...data, size: thickness }, a, b, settings));
    }
    for (const draw of phrases) draw();
  });
}

