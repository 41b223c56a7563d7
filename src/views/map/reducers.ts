/**
 * sigma's node and edge reducers: they decode each item's look code (looks.ts) into colours,
 * sizes, borders, rings, labels and z-order, never touching the graph (a node's look is a new
 * object of what is drawn; a link's, sigma's own copy of its attributes). With
 * them, the per-graph lookups they read, computed once: faded colours, outlines, edge shapes.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { mapName, phrase } from '../../model/sentence';
import { MAP_LABEL } from '../../model/layout-labels';
import type { PathIndex } from '../../model/paths';
import type { EdgeAttrs, LinkageGraph, NodeAttrs } from '../../model/types';
import { E, N, type LookTable } from './looks';
import type { MapContext } from './map-context';

type NodeData = Partial<NodeDisplayData> & NodeAttrs;
/**
 * A node's display data: only what is drawn, every field set, so every node's has one shape. sigma
 * copies it whole wherever it hands it out (the hover drawer, getNodeDisplayData) and its programs
 * read it for every node: the graph's other attributes (quotes, pinyin, slides…) stay out of it.
 */
export type NodeLook = NodeDisplayData & {
  /** Names of more important concepts are placed first. */
  importance: number;
  /** Its slot in the table of what is shown (shown.ts). */
  ordinal: number;
  borderColor: string | undefined;
  borderSize: number | undefined;
  innerSize: number | undefined;
  ringColor: string | undefined;
  ringSize: number | undefined;
};
type EdgeData = Partial<EdgeDisplayData> & EdgeAttrs & { ordinal?: number; curvature?: number };

/** Ring colours of the overlay (also used by the legend that explains them). */
export const OVERLAY_COLORS = { visited: '#2f6fd0', mastered: '#1a9850', linked: '#c51b7d' } as const;

/** Mixes a hex colour towards white: the dimmed look of things outside the highlight. */
export function fade(hex: string, amount = 0.82): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return `rgb(${mix((n >> 16) & 255)},${mix((n >> 8) & 255)},${mix(n & 255)})`;
}

const DIM_EDGE = '#ececec';
/** Edges of earlier lecture slides: visible, quieter than this slide's. */
const PAST_EDGE = '#cfcfcf';
const PATH_COLOR = '#d55e00';
/** A node's dark border, as a share of its disc, when its kind sets none. */
export const DEFAULT_BORDER = 0.12;
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

/** Node sizes are screen pixels: shrink them on small maps so the chapter still reads. */
export const scaleFor = (width: number): number => (width > 0 && width < 900 ? Math.max(0.45, width / 900) : 1);

/** Each graph index's curvatures, computed once (the map's first frame is prepared with them before the map is made). */
const curvatures = new WeakMap<object, ReadonlyMap<string, number>>();

/**
 * Edges sharing a pair of nodes (either direction) are drawn as curves fanned apart: their
 * curvatures, by edge key (the others are straight). One pass, keyed by node ordinals.
 */
export function edgeCurvatures(graph: LinkageGraph, index: Pick<PathIndex, 'edgeKeys' | 'edgeSource' | 'edgeTarget'>): ReadonlyMap<string, number> {
  const known = curvatures.get(index);
  if (known !== undefined) return known;
  const curvature = new Map<string, number>();
  curvatures.set(index, curvature);
  const { edgeKeys, edgeSource, edgeTarget } = index;
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
  return curvature;
}

/**
 * The program type of each link: curved when it shares its two ends with another (`curvature`,
 * from edgeCurvatures), straight otherwise; undirected and symmetric links (kinds that read the
 * same both ways: the vocabulary's `symmetric`) without an arrowhead.
 */
export function edgeTyper(graph: LinkageGraph, curvature: ReadonlyMap<string, number>): (key: string, data: Pick<EdgeData, 'undirected' | 'kind'>) => string {
  const symmetric = new Set((graph.getAttribute('edgeKinds') ?? []).filter((k) => k.symmetric === true).map((k) => k.id));
  return (key, data) => {
    const plain = data.undirected === true || symmetric.has(data.kind);
    if (curvature.has(key)) return plain ? 'curvedLine' : 'curved';
    return plain ? 'line' : 'arrow';
  };
}

/**
 * The reducers of the map in `ctx`, decoding the codes of `looks`; curved edges (and how much)
 * from `curvature` (edgeCurvatures), the others arrows, or plain lines when undirected or symmetric.
 */
export function createReducers(ctx: MapContext, looks: LookTable, curvature: ReadonlyMap<string, number>) {
  const { graph, large } = ctx;
  const fadedOf = memoFade(0.82, '#e4e4e4');
  // Earlier lecture slides: half-way to white, so the map grows without competing with this slide.
  const quietOf = memoFade(0.5, '#c8c8c8');
  // Large graphs: edges rest in a light tint of their kind's colour.
  const restingOf = large ? memoFade(0.86, '#e6e6e6') : () => DIM_EDGE;
  const edgeColors = new Map(graph.getAttribute('edgeKinds')?.map((k) => [k.id, k.color]) ?? []);
  const edgeTypeOf = edgeTyper(graph, curvature);

  // Outline of each kind (see NODE_KIND_BORDERS): border and white inner ring, as disc fractions.
  const OUTLINES = { plain: [DEFAULT_BORDER, 0], ring: [0.1, 0.22], thick: [0.3, 0] } as const;
  const outlineOf = new Map((graph.getAttribute('nodeKinds') ?? []).map((k) => [k.id, OUTLINES[k.border ?? 'plain']]));

  const nodeReducer = (key: string, attrs: NodeData): NodeLook => {
    const ordinal = looks.nodeOrdinal(key);
    const code = ordinal < 0 ? 0 : looks.nodeAt(ordinal);
    const data: NodeLook = {
      x: attrs.x,
      y: attrs.y,
      size: attrs.size,
      color: attrs.color,
      label: null,
      // One program for every node, whatever a graph file's attributes say.
      type: 'bordered',
      hidden: (code & N.VISIBLE) === 0,
      highlighted: false,
      forceLabel: false,
      zIndex: 0,
      importance: attrs.importance ?? 0,
      // The programs look its ordinal up in the table of what is shown (shown.ts).
      ordinal,
      borderColor: undefined,
      borderSize: undefined,
      innerSize: undefined,
      ringColor: undefined,
      ringSize: undefined,
    };
    if (data.hidden) return data;
    data.label = mapName(attrs, ctx.state.lang);
    const outline = outlineOf.get(attrs.kind);
    if (outline) {
      data.borderSize = outline[0];
      data.innerSize = outline[1];
    }
    const sizeScale = ctx.sizeScale;
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
      data.label = null;
    } else {
      data.zIndex = 1;
      if (code & N.FORCE) data.forceLabel = true;
    }
    if (code & N.RING_MASTERED) {
      data.ringColor = OVERLAY_COLORS.mastered;
      data.ringSize = 0.4;
    } else if (code & N.RING_LINKED) {
      data.ringColor = OVERLAY_COLORS.linked;
      data.ringSize = 0.3;
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
    const ordinal = looks.edgeOrdinal(key);
    const code = ordinal < 0 ? 0 : looks.edgeAt(ordinal);
    data.ordinal = ordinal;
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
      data.label = phrase(data, ctx.state.lang);
      data.forceLabel = true;
    } else data.label = null as unknown as string;
    return data;
  };
  return { nodeReducer, edgeReducer, edgeTypeOf };
}
