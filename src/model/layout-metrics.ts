/**
 * How readable a map layout is, measured on the boxes the names take: overlapping boxes (names
 * on names, names on discs), edge crossings, the spread of edge lengths, the share of the
 * drawing left blank, and the scale the whole drawing gets on a given map (1 or more: every name
 * fits at its size). Used to choose between layouts and by the tests.
 */

/** A node's disc and its name's box, in layout units (y down), relative to nothing: absolute. */
export interface NodeBox {
  key: string;
  x: number;
  y: number;
  /** Disc radius. */
  r: number;
  /** The name's box (beside the disc), absolute. */
  label: { x0: number; y0: number; x1: number; y1: number };
}

export interface LayoutFigures {
  /** Pairs of names whose boxes overlap, plus names over another node's disc, plus discs on discs. */
  overlaps: number;
  /** Pairs of edges (straight) that cross, not counting edges that share an end. */
  crossings: number;
  /** Edge lengths: mean, and spread as the coefficient of variation (standard deviation / mean). */
  meanEdge: number;
  edgeSpread: number;
  /** Share of the drawing's bounding box (discs and names) covered by no disc or name. */
  whitespace: number;
  /** Width and height of the drawing, discs and names included. */
  width: number;
  height: number;
}

const hit = (a: NodeBox['label'], b: NodeBox['label']) => a.x0 < b.x1 - 0.01 && a.x1 > b.x0 + 0.01 && a.y0 < b.y1 - 0.01 && a.y1 > b.y0 + 0.01;
const discOnBox = (n: NodeBox, b: NodeBox['label']) => {
  const cx = Math.max(b.x0, Math.min(n.x, b.x1));
  const cy = Math.max(b.y0, Math.min(n.y, b.y1));
  return (n.x - cx) ** 2 + (n.y - cy) ** 2 < (n.r - 0.01) ** 2;
};

/** Counts overlaps between the boxes of a layout (0 for a layout where every name is free). */
export function countOverlaps(nodes: readonly NodeBox[]): number {
  let count = 0;
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i]!;
    for (let j = i + 1; j < nodes.length; j++) {
      const b = nodes[j]!;
      if (hit(a.label, b.label)) count++;
      if (discOnBox(a, b.label)) count++;
      if (discOnBox(b, a.label)) count++;
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - 0.01) count++;
    }
  }
  return count;
}

function segmentsCross(p1: { x: number; y: number }, p2: { x: number; y: number }, p3: { x: number; y: number }, p4: { x: number; y: number }): boolean {
  const d = (a: { x: number; y: number }, b: { x: number; y: number }, c: { x: number; y: number }) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  const d1 = d(p3, p4, p1), d2 = d(p3, p4, p2), d3 = d(p1, p2, p3), d4 = d(p1, p2, p4);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Measures a layout: `nodes` with their boxes, `edges` as pairs of node keys. */
export function measureLayout(nodes: readonly NodeBox[], edges: ReadonlyArray<readonly [string, string]>): LayoutFigures {
  const at = new Map(nodes.map((n) => [n.key, n]));
  const pairs = new Set<string>();
  const segs: Array<[NodeBox, NodeBox]> = [];
  for (const [s, t] of edges) {
    const a = at.get(s), b = at.get(t);
    if (!a || !b || s === t) continue;
    const id = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
    if (pairs.has(id)) continue;
    pairs.add(id);
    segs.push([a, b]);
  }
  let crossings = 0;
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++) {
      const [a, b] = segs[i]!, [c, d] = segs[j]!;
      if (a === c || a === d || b === c || b === d) continue;
      if (segmentsCross(a, b, c, d)) crossings++;
    }
  const lengths = segs.map(([a, b]) => Math.hypot(a.x - b.x, a.y - b.y));
  const meanEdge = lengths.length ? lengths.reduce((s, l) => s + l, 0) / lengths.length : 0;
  const sd = lengths.length ? Math.sqrt(lengths.reduce((s, l) => s + (l - meanEdge) ** 2, 0) / lengths.length) : 0;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, inked = 0;
  for (const n of nodes) {
    x0 = Math.min(x0, n.x - n.r, n.label.x0); x1 = Math.max(x1, n.x + n.r, n.label.x1);
    y0 = Math.min(y0, n.y - n.r, n.label.y0); y1 = Math.max(y1, n.y + n.r, n.label.y1);
    inked += Math.PI * n.r * n.r + (n.label.x1 - n.label.x0) * (n.label.y1 - n.label.y0);
  }
  const width = nodes.length ? x1 - x0 : 0, height = nodes.length ? y1 - y0 : 0;
  return {
    overlaps: countOverlaps(nodes),
    crossings,
    meanEdge: round(meanEdge),
    edgeSpread: round(meanEdge > 0 ? sd / meanEdge : 0),
    whitespace: round(width * height > 0 ? Math.max(0, 1 - inked / (width * height)) : 0),
    width: round(width),
    height: round(height),
  };
}

/** The scale a drawing of `width` × `height` gets when framed in a `frameWidth` × `frameHeight` map. */
export function fitScale(width: number, height: number, frameWidth: number, frameHeight: number): number {
  return round(Math.min(frameWidth / Math.max(1e-9, width), frameHeight / Math.max(1e-9, height)));
}

const round = (v: number): number => Math.round(v * 1000) / 1000;
