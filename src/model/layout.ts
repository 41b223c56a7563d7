/**
 * The chapter layout, computed once at compile time: deterministic, no randomness, made for
 * names. Every node takes a box: its disc and its name beside it (the widest of its three
 * scripts, wrapped as the map wraps it). The eight transformations form the spine, a ladder
 * whose rows and columns are as tall and wide as their names (old poles left, new poles right,
 * each paradigm beyond its poles); sections are regions around it (§2-1 above, §2-2 right,
 * §2-4 below); every other concept starts by ForceAtlas2 with the ladder pinned, then one of two
 * finishes makes the boxes free of each other (see {@link LAYOUT_STRATEGIES}).
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type Graph from 'graphology';
import { MAP_LABEL, mapNames, nameRoom } from './layout-labels';
import { fitScale, measureLayout, type LayoutFigures, type NodeBox } from './layout-metrics';

/**
 * How the boxes are made free of each other after ForceAtlas2:
 * - `boxes`: forces on the boxes themselves — linked concepts pulled together, each towards
 *   where ForceAtlas2 put it (its region), overlapping boxes pushed apart, all kept in a frame
 *   of the map's proportions — then overlaps removed;
 * - `remove`: ForceAtlas2's positions kept, overlapping boxes pushed apart along the shorter
 *   way out, then the drawing compacted towards its centre as far as the boxes allow;
 * - `spiral`: ForceAtlas2's drawing shrunk to the map's size; then, the ladder first and the
 *   most connected concepts next, each box goes to the free place nearest to where it is
 *   wanted (between its place in that drawing and its neighbours already placed), searched
 *   along a spiral — as word clouds are packed.
 */
export const LAYOUT_STRATEGIES = ['spiral', 'boxes', 'remove'] as const;
export type LayoutStrategy = (typeof LAYOUT_STRATEGIES)[number];

export interface LayoutOptions {
  /** ForceAtlas2 iterations for the free nodes. */
  iterations: number;
  /** Vertical distance between two transformation rows (at least; rows are as tall as their names). */
  row: number;
  /** Least free space between two boxes. */
  gap: number;
  /** The finish (see {@link LAYOUT_STRATEGIES}). */
  strategy: LayoutStrategy;
  /**
   * Width / height of the frame the finish fills: a little taller than the design map (1.375),
   * as the pinned ladder and the regions beside it make the drawing wider than its frame.
   */
  aspect: number;
}

const LAYOUT_DEFAULTS: LayoutOptions = { iterations: 600, row: 40, gap: 2, strategy: 'spiral', aspect: 1.2 };

/** The map the chapter is designed for: its open part at 1440×900, sidebar shown, less sigma's padding. */
const DESIGN_MAP = { width: 1122, height: 816 } as const;

interface Positioned {
  kind: string;
  size: number;
  slides: number[];
  section: string | null;
  label: string;
}

type Point = { x: number; y: number };

/** Kinds that mark a section's region and keep their place (reforms above, features right, decision modes below). */
const REGION_KINDS = new Set(['reform', 'feature', 'decision-mode']);

/** A node's box around its position (y down): disc on the left, name on the right. */
interface Extent {
  left: number;
  right: number;
  up: number;
  down: number;
  r: number;
  /** The name's box, relative to the node: [x0, x1] × [y0, y1]. */
  name: { x0: number; x1: number; y0: number; y1: number };
}

/** A stable pseudo-random number in [-0.5, 0.5) from a string (FNV-1a), for seeded offsets. */
export function hashJitter(key: string, salt = 0): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) % 10_000) / 10_000 - 0.5;
}

const firstSlide = (a: Positioned): number => (a.slides.length ? a.slides[0] : Number.POSITIVE_INFINITY);

/**
 * Which names a node's box is made for: `all` three scripts (the widest), or the `chinese` ones
 * (繁體 and 简体, the source's wording; English names then show where they fit).
 */
export type NameScripts = 'all' | 'chinese';

/** Each node's box at the map's label size, from its names and its disc (drawn at MAP_LABEL.disc of its size). */
export function nodeExtents<N extends Positioned>(graph: Graph<N>, scripts: NameScripts = 'all'): Map<string, Extent> {
  const out = new Map<string, Extent>();
  graph.forEachNode((key, a) => {
    const r = Math.max(1, Number(a.size ?? 4)) * MAP_LABEL.disc;
    const room = nameRoom(mapNames(a, scripts), MAP_LABEL.font);
    const half = Math.max(r, room.height / 2);
    const name = { x0: r + MAP_LABEL.gap, x1: r + MAP_LABEL.gap + room.width, y0: -room.height / 2, y1: room.height / 2 };
    out.set(key, { left: r, right: room.width > 0 ? name.x1 : r, up: half, down: half, r, name });
  });
  return out;
}

/** The figures of a layout (y up, as compiled), measured on its boxes (made for `scripts`). */
export function layoutFigures<N extends Positioned>(graph: Graph<N>, positions: ReadonlyMap<string, Point>, scripts: NameScripts = 'all'): LayoutFigures & { scale: number } {
  const ext = nodeExtents(graph, scripts);
  const boxes: NodeBox[] = [];
  for (const [key, p] of positions) {
    const e = ext.get(key)!;
    const y = -p.y;
    boxes.push({ key, x: p.x, y, r: e.r, label: { x0: p.x + e.name.x0, x1: p.x + e.name.x1, y0: y + e.name.y0, y1: y + e.name.y1 } });
  }
  const figures = measureLayout(boxes, graph.mapEdges((_e, _a, s, t) => [s, t] as const));
  return { ...figures, scale: fitScale(figures.width, figures.height, DESIGN_MAP.width, DESIGN_MAP.height) };
}

/** How much smaller than the design map's a layout made for all three scripts may be drawn and still be kept. */
export const FIT_SLACK = 0.03;

/** The frames' proportions and row heights a layout made for all three scripts is tried with (see {@link LayoutOptions}). */
const ALL_SCRIPTS_TRIES = { aspect: [1.15, 1.2, 1.25], row: [36, 40] } as const;

/**
 * Computes positions for every node of a chapter graph and returns them (no mutation), in the
 * map's pixels at the design size (y up, as sigma reads them). Works for any graph of the
 * vocabulary; nodes of kinds it has no anchor rule for are free.
 *
 * The boxes are made for the widest of the three scripts (English as the map draws it: the
 * short map name when there is one) when the chapter then fits the design map
 * ({@link DESIGN_MAP}) with every name at full size, or within {@link FIT_SLACK} of it (the
 * map's painter moves a name above or below its node when the side is taken); when it does not
 * (English names far longer than Chinese ones), for the Chinese names, so that those are all drawn, and English
 * names show where they fit (zooming in names the rest). `options.scripts` forces one.
 */
export function layoutChapter<N extends Positioned>(
  graph: Graph<N>,
  options: Partial<LayoutOptions> & { scripts?: NameScripts } = {},
): Map<string, Point> {
  if (options.scripts) return layoutFor(graph, options, options.scripts);
  // Boxes for all three scripts that could not fit the design map even packed tight: no try.
  let area = 0;
  for (const e of nodeExtents(graph, 'all').values()) area += (e.left + e.right) * (e.up + e.down);
  if (area * 0.9 > DESIGN_MAP.width * DESIGN_MAP.height) return layoutFor(graph, options, 'chinese');
  // Frames of a few proportions and rows of a few heights (unless asked for): the packing is
  // sensitive to both, and the layout that draws largest on the map is kept.
  let all: Map<string, Point> | null = null;
  let best = 0;
  for (const aspect of options.aspect !== undefined ? [options.aspect] : ALL_SCRIPTS_TRIES.aspect)
  for (const row of options.row !== undefined ? [options.row] : ALL_SCRIPTS_TRIES.row) {
    const p = layoutFor(graph, { ...options, aspect, row }, 'all');
    const scale = layoutFigures(graph, p, 'all').scale;
    if (scale > best) [all, best] = [p, scale];
  }
  if (all && best >= 1 - FIT_SLACK) return all;
  return layoutFor(graph, options, 'chinese');
}

function layoutFor<N extends Positioned>(graph: Graph<N>, options: Partial<LayoutOptions>, scripts: NameScripts): Map<string, Point> {
  const opts = { ...LAYOUT_DEFAULTS, ...options };
  const R = opts.row;
  const ext = nodeExtents(graph, scripts);
  const G = opts.gap;
  const anchors = new Map<string, Point>();
  const byKind = (kind: string): string[] =>
    graph
      .filterNodes((_, a) => a.kind === kind)
      .sort((a, b) => firstSlide(graph.getNodeAttributes(a)) - firstSlide(graph.getNodeAttributes(b)) || (a < b ? -1 : 1));
  const outTarget = (node: string, kind: string): string | undefined =>
    graph.outEdges(node).map((e) => ({ e, t: graph.target(e) })).find(({ e }) => graph.getEdgeAttribute(e, 'kind' as never) === kind)?.t;
  const E = (k: string) => ext.get(k)!;
  const maxOf = (keys: Array<string | undefined>, f: (e: Extent) => number) => Math.max(0, ...keys.filter((k): k is string => k !== undefined).map((k) => f(E(k))));

  // 1. The ladder: one row per transformation, poles either side; rows as tall as their names,
  // columns as wide, with room between columns for the links that run along the rows.
  const transformations = byKind('transformation');
  const rows = transformations.map((tr) => ({ tr, from: outTarget(tr, 'from'), to: outTarget(tr, 'to') }));
  const rowHalf = rows.map((r) => Math.max(R / 2, maxOf([r.tr, r.from, r.to], (e) => e.up) + 2 * G));
  const COL = 0.8 * R;
  const trLeft = maxOf(transformations, (e) => e.left);
  const trRight = maxOf(transformations, (e) => e.right);
  const olds = rows.map((r) => r.from), news = rows.map((r) => r.to);
  const oldX = -(trLeft + COL + maxOf(olds, (e) => e.right));
  const newX = trRight + COL + maxOf(news, (e) => e.left);
  const ladderHeight = rowHalf.reduce((s, h) => s + 2 * h, 0);
  const rowY: number[] = [];
  rowHalf.reduce((y, h) => {
    rowY.push(y + h);
    return y + 2 * h;
  }, -ladderHeight / 2);
  const top = rowY[0] ?? 0;
  const oldPoles = new Set<string>();
  rows.forEach(({ tr, from, to }, i) => {
    const y = rowY[i]!;
    anchors.set(tr, { x: 0, y });
    if (from && !anchors.has(from)) {
      anchors.set(from, { x: oldX, y });
      oldPoles.add(from);
    }
    if (to && !anchors.has(to)) anchors.set(to, { x: newX, y });
  });
  const ladderBottom = rowY[rowY.length - 1] ?? 0;

  // 2. Paradigms beyond their poles: the one old poles characterize goes left.
  const paradigms = byKind('paradigm');
  const isOldParadigm = (p: string): boolean => graph.inNeighbors(p).some((n) => oldPoles.has(n));
  const left = paradigms.filter(isOldParadigm);
  const right = paradigms.filter((p) => !isOldParadigm(p));
  const leftX = oldX - maxOf(olds, (e) => e.left) - 2 * COL - maxOf(left, (e) => e.right);
  const rightX = newX + maxOf(news, (e) => e.right) + 2 * COL + maxOf(right, (e) => e.left);
  left.forEach((p, i) => anchors.set(p, { x: leftX, y: (i - (left.length - 1) / 2) * 2 * R }));
  right.forEach((p, i) => anchors.set(p, { x: rightX, y: (i - (right.length - 1) / 2) * 2 * R }));

  // 3. Regions (where their concepts start): reforms above the ladder, features beyond the new
  // paradigm, decision-making below; the chapter and its sections frame them.
  const homes = new Map<string, Point>();
  const spread = (keys: string[], y: number, width: number): void =>
    keys.forEach((k, i) => homes.set(k, { x: keys.length === 1 ? 0 : -width / 2 + (i * width) / (keys.length - 1), y }));
  const reformY = top - 3.2 * R;
  spread(byKind('reform'), reformY, 9 * R);
  const features = byKind('feature');
  const featureX = rightX + maxOf(right, (e) => e.right) + 1.5 * R;
  features.forEach((f, i) => homes.set(f, { x: featureX, y: top + ((i + 0.5) * (ladderBottom - top)) / Math.max(1, features.length) }));
  spread(byKind('decision-mode'), ladderBottom + 3.6 * R, 10 * R);
  byKind('chapter').forEach((c) => homes.set(c, { x: 0, y: reformY - 2.6 * R }));
  const sectionPlace: Point[] = [
    { x: -5 * R, y: reformY - 1.4 * R },
    { x: featureX, y: top - 1.4 * R },
    { x: 0, y: top - 1.1 * R },
    { x: 0, y: ladderBottom + 1.7 * R },
  ];
  byKind('section').forEach((s, i) => homes.set(s, sectionPlace[i] ?? { x: (i - 2) * 3 * R, y: reformY - 2 * R }));
  for (const [k, p] of homes) if (!anchors.has(k)) anchors.set(k, p);

  // 4. Free nodes start at the mean of their placed neighbours (breadth-first), plus a seeded offset.
  const pos = new Map<string, Point>(anchors);
  let frontier = graph.filterNodes((n) => !pos.has(n));
  for (let pass = 0; frontier.length > 0 && pass < 50; pass++) {
    const placedNow: Array<[string, Point]> = [];
    for (const n of frontier) {
      const placed = graph.neighbors(n).map((m) => pos.get(m)).filter((p): p is Point => p !== undefined);
      if (placed.length === 0) continue;
      const cx = placed.reduce((s, p) => s + p.x, 0) / placed.length;
      const cy = placed.reduce((s, p) => s + p.y, 0) / placed.length;
      placedNow.push([n, { x: cx + hashJitter(n, 1) * R * 1.5, y: cy + hashJitter(n, 2) * R * 1.5 }]);
    }
    if (placedNow.length === 0) break;
    for (const [n, p] of placedNow) pos.set(n, p);
    frontier = frontier.filter((n) => !pos.has(n));
  }
  for (const n of frontier) pos.set(n, { x: hashJitter(n, 3) * 10 * R, y: hashJitter(n, 4) * 10 * R });

  // 5. ForceAtlas2 on a working copy with the anchors pinned (regions' homes pull, they do not pin).
  const work = graph.emptyCopy() as unknown as Graph<{ x: number; y: number; fixed: boolean; size: number }>;
  work.forEachNode((n) => {
    const p = pos.get(n)!;
    work.replaceNodeAttributes(n, { x: p.x, y: p.y, fixed: anchors.has(n), size: 1 });
  });
  const links: Array<[string, string]> = [];
  graph.forEachEdge((_e, _a, s, t) => {
    if (s !== t && !work.hasEdge(s, t) && !work.hasEdge(t, s)) {
      work.addEdge(s, t);
      links.push([s, t]);
    }
  });
  forceAtlas2.assign(work, {
    iterations: opts.iterations,
    settings: { gravity: 0, scalingRatio: 1.5, strongGravityMode: false, slowDown: 5, barnesHutOptimize: false, adjustSizes: false },
  });
  for (const [n, p] of anchors) work.mergeNodeAttributes(n, p);

  // 6. The finish: boxes free of each other, the ladder and paradigms pinned.
  // The ladder, the paradigms and the regions' own kinds (reforms, features, decision modes)
  // stay where they were put; the chapter, its sections and every other concept are packed.
  const pinned = new Set<string>([...anchors.keys()].filter((k) => !homes.has(k) || REGION_KINDS.has(graph.getNodeAttribute(k, 'kind'))));
  const items: Item[] = work.mapNodes((key, a) => ({ key, x: a.x, y: a.y, home: { x: a.x, y: a.y }, e: E(key), fixed: pinned.has(key) }));
  const index = new Map(items.map((it, i) => [it.key, i]));
  const springs = links.map(([s, t]) => [index.get(s)!, index.get(t)!] as const);
  if (opts.strategy === 'boxes') relaxBoxes(items, springs, G, opts.aspect);
  else if (opts.strategy === 'spiral') spiralPack(items, springs, G, opts.aspect);
  else compact(items, G, opts.aspect);
  const out = new Map<string, Point>();
  // Graph y points up in sigma: flip so that "top" above reads top on screen.
  for (const it of items) out.set(it.key, { x: round(it.x), y: round(-it.y) });
  return out;
}

interface Item {
  key: string;
  x: number;
  y: number;
  home: Point;
  e: Extent;
  fixed: boolean;
}

/** How far two boxes overlap along x and y (both positive when they do), `gap` included. */
function penetration(a: Item, b: Item, gap: number): [number, number] {
  const ox = Math.min(a.x + a.e.right, b.x + b.e.right) - Math.max(a.x - a.e.left, b.x - b.e.left) + gap;
  const oy = Math.min(a.y + a.e.down, b.y + b.e.down) - Math.max(a.y - a.e.up, b.y - b.e.up) + gap;
  return [ox, oy];
}

/**
 * Pushes overlapping boxes apart along the shorter way out until none overlap or `maxRounds`
 * pass; `strength` < 1 moves part of the way each round. Fixed boxes never move, except in a
 * `final` removal (`true`), where they move a little; `'x'` keeps them still but counts their
 * overlaps with each other too. Returns the number of overlapping pairs left.
 */
function removeOverlaps(items: Item[], gap: number, maxRounds: number, strength = 1, final: boolean | 'x' = false): number {
  let left = 0;
  const n = items.length;
  const byLeft = Array.from({ length: n }, (_, i) => i);
  const lo = (i: number) => items[i]!.x - items[i]!.e.left;
  const pairs: number[] = [];
  for (let round = 0; round < maxRounds; round++) {
    left = 0;
    let moved = 0;
    // The pairs that overlap as the round starts (a sweep along x), taken in index order; boxes
    // a move makes meet are found the next round, and a round without a move ends it.
    byLeft.sort((p, q) => lo(p) - lo(q));
    pairs.length = 0;
    for (let s = 0; s < n; s++) {
      const i = byLeft[s]!, a = items[i]!;
      const reach = a.x + a.e.right + gap;
      for (let t = s + 1; t < n; t++) {
        const j = byLeft[t]!;
        if (lo(j) >= reach) break;
        const b = items[j]!;
        if (Math.min(a.y + a.e.down, b.y + b.e.down) - Math.max(a.y - a.e.up, b.y - b.e.up) + gap > 0) pairs.push(i < j ? i * n + j : j * n + i);
      }
    }
    pairs.sort((p, q) => p - q);
    for (const pair of pairs) {
      const a = items[Math.floor(pair / n)]!, b = items[pair % n]!;
      if (a.fixed && b.fixed && !final) continue;
      const [ox, oy] = penetration(a, b, gap);
      if (ox <= 0 || oy <= 0) continue;
      moved++;
      if (ox > gap && oy > gap) left++;
      // Boxes are wide and low: going sideways is preferred unless it is much longer.
      const sideways = ox < 2 * oy;
      // Pinned boxes (the ladder) move only in the final removal, and then little.
      const pinned = final === true ? 0.12 : 0;
      const wa = a.fixed ? pinned : 1, wb = b.fixed ? pinned : 1;
      if (wa + wb === 0) continue;
      const shareA = wa / (wa + wb);
      // Centres of the boxes decide the direction (coincident ones: their keys).
      const ca = { x: a.x + (a.e.right - a.e.left) / 2, y: a.y + (a.e.down - a.e.up) / 2 };
      const cb = { x: b.x + (b.e.right - b.e.left) / 2, y: b.y + (b.e.down - b.e.up) / 2 };
      if (sideways) {
        const dir = cb.x > ca.x || (cb.x === ca.x && a.key < b.key) ? 1 : -1;
        const push = (ox + 1e-3) * strength;
        a.x -= dir * push * shareA;
        b.x += dir * push * (1 - shareA);
      } else {
        const dir = cb.y > ca.y || (cb.y === ca.y && a.key < b.key) ? 1 : -1;
        const push = (oy + 1e-3) * strength;
        a.y -= dir * push * shareA;
        b.y += dir * push * (1 - shareA);
      }
    }
    if (moved === 0) return 0;
  }
  return left;
}

function extentOf(items: readonly Item[]) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const it of items) {
    x0 = Math.min(x0, it.x - it.e.left); x1 = Math.max(x1, it.x + it.e.right);
    y0 = Math.min(y0, it.y - it.e.up); y1 = Math.max(y1, it.y + it.e.down);
  }
  return { x0, y0, x1, y1 };
}

/**
 * Overlaps removed, then the free boxes drawn towards the centre in small steps — along the
 * axis that keeps the drawing furthest from the map's proportions first — each followed by
 * another removal, while the drawing still gets a larger scale on the map.
 */
function compact(items: Item[], gap: number, aspect: number, fixed: true | 'x' = true): void {
  removeOverlaps(items, gap, 3000, 1, fixed);
  const scaleOf = () => {
    const e = extentOf(items);
    return Math.min(aspect / (e.x1 - e.x0), 1 / (e.y1 - e.y0));
  };
  let best = scaleOf();
  let failures = 0;
  for (let step = 0; step < 80 && failures < 2; step++) {
    const saved = items.map((it) => [it.x, it.y] as const);
    const e = extentOf(items);
    const cx = (e.x0 + e.x1) / 2, cy = (e.y0 + e.y1) / 2;
    const tall = (e.x1 - e.x0) / (e.y1 - e.y0) < aspect;
    // The first try shrinks the axis that limits the scale; the second, the other one.
    const alongY = failures === 0 ? tall : !tall;
    const fx = alongY ? 0.995 : 0.96, fy = alongY ? 0.96 : 0.995;
    for (const it of items) {
      // Pinned boxes stay, or (fixed = 'x') come in sideways, all by the same factor: the
      // ladder's rows stay level and its columns in order (a step that makes two meet is undone).
      if (it.fixed && fixed !== 'x') continue;
      it.x = cx + (it.x - cx) * fx;
      if (!it.fixed) it.y = cy + (it.y - cy) * fy;
    }
    // A step whose overlaps do not settle within a few hundred rounds is undone anyway.
    const left = removeOverlaps(items, gap, 300, 1, fixed);
    const now = scaleOf();
    if (left > 0 || now <= best * 1.001) {
      items.forEach((it, i) => {
        it.x = saved[i]![0];
        it.y = saved[i]![1];
      });
      failures++;
      continue;
    }
    failures = 0;
    best = now;
  }
}

/** The `spiral` finish: the share of its frame the boxes are expected to fill (sets the frame's height). */
const PACKING = 0.62;

/** The `spiral` finish: how much a box's wanted place follows its drawing (the rest follows its placed neighbours). */
const HOME = 0.5;

/**
 * The `spiral` finish. The free boxes' ForceAtlas2 places are drawn in towards the ladder until
 * their spread is that of a frame in the map's proportions holding all the boxes at a packing of
 * two thirds; then each box, pinned ones first and then by links (most first), takes the free
 * place nearest to where it is wanted, searched along a spiral around it; last, the free boxes
 * are drawn in while that gives a larger scale (as `compact`).
 */
function spiralPack(items: Item[], springs: ReadonlyArray<readonly [number, number]>, gap: number, aspect: number): void {
  const neighbours = items.map(() => [] as number[]);
  for (const [i, j] of springs) {
    neighbours[i]!.push(j);
    neighbours[j]!.push(i);
  }
  const fixed = items.filter((it) => it.fixed);
  const core = fixed.length ? extentOf(fixed) : { x0: 0, x1: 0, y0: 0, y1: 0 };
  const cx = (core.x0 + core.x1) / 2, cy = (core.y0 + core.y1) / 2;
  const total = items.reduce((s, it) => s + (it.e.left + it.e.right + gap) * (it.e.up + it.e.down + gap), 0);
  const fh = Math.sqrt(total / PACKING / aspect), fw = fh * aspect;
  const free = items.filter((it) => !it.fixed);
  if (free.length > 0) {
    const spread = extentOf(free);
    const kx = (0.5 * fw) / Math.max(1, spread.x1 - spread.x0);
    const ky = (0.5 * fh) / Math.max(1, spread.y1 - spread.y0);
    for (const it of free) it.home = { x: cx + (it.x - cx) * kx, y: cy + (it.y - cy) * ky };
  }
  const isPlaced = new Uint8Array(items.length);
  // Placed boxes in a grid of cells, for quick "does this box meet another" tests.
  const CELL = 48;
  const cells = new Map<number, Item[]>();
  const cellsOf = (x0: number, y0: number, x1: number, y1: number, visit: (list: Item[] | undefined, key: number) => boolean | void) => {
    for (let i = Math.floor(x0 / CELL); i <= Math.floor(x1 / CELL); i++)
      for (let j = Math.floor(y0 / CELL); j <= Math.floor(y1 / CELL); j++) {
        const key = i * 100_003 + j;
        if (visit(cells.get(key), key) === true) return true;
      }
    return false;
  };
  const place = (it: Item) =>
    cellsOf(it.x - it.e.left - gap, it.y - it.e.up - gap, it.x + it.e.right + gap, it.y + it.e.down + gap, (list, key) => {
      if (list) list.push(it);
      else cells.set(key, [it]);
    });
  const clash = (it: Item, x: number, y: number) =>
    cellsOf(x - it.e.left, y - it.e.up, x + it.e.right, y + it.e.down, (list) =>
      list?.some((p) => {
        const ox = Math.min(x + it.e.right, p.x + p.e.right) - Math.max(x - it.e.left, p.x - p.e.left) + gap;
        const oy = Math.min(y + it.e.down, p.y + p.e.down) - Math.max(y - it.e.up, p.y - p.e.up) + gap;
        return ox > 0 && oy > 0;
      }),
    );
  const index = new Map(items.map((it, i) => [it, i]));
  for (const it of fixed) {
    place(it);
    isPlaced[index.get(it)!] = 1;
  }
  // Breadth-first from the pinned boxes (each concept after a neighbour it can sit by), the most
  // linked first within a layer; then by key.
  const layer = new Int32Array(items.length).fill(-1);
  let queue = fixed.map((it) => index.get(it)!);
  for (const i of queue) layer[i] = 0;
  for (let depth = 1; queue.length > 0; depth++) {
    const next: number[] = [];
    for (const i of queue) for (const j of neighbours[i]!) if (layer[j] === -1) {
      layer[j] = depth;
      next.push(j);
    }
    queue = next;
  }
  const order = free.map((it) => index.get(it)!).sort((a, b) =>
    (layer[a]! < 0 ? 1e9 : layer[a]!) - (layer[b]! < 0 ? 1e9 : layer[b]!) || neighbours[b]!.length - neighbours[a]!.length || (items[a]!.key < items[b]!.key ? -1 : 1));
  for (const i of order) {
    const it = items[i]!;
    const near = neighbours[i]!.filter((j) => isPlaced[j]);
    let want = it.home;
    if (near.length > 0) {
      const mx = near.reduce((s, j) => s + items[j]!.x, 0) / near.length;
      const my = near.reduce((s, j) => s + items[j]!.y, 0) / near.length;
      want = { x: HOME * it.home.x + (1 - HOME) * mx, y: HOME * it.home.y + (1 - HOME) * my };
    }
    // Square rings around the wanted place, nearest first (the drawing grows as a rectangle of
    // the map's proportions, not a disc): a step of a few pixels.
    let spot = want;
    const step = 4;
    search: for (let ring = 0; ring < 400; ring++) {
      const rx = ring * step * Math.sqrt(aspect), ry = (ring * step) / Math.sqrt(aspect);
      const n = Math.max(1, ring * 4);
      for (let k = 0; k < n; k++) {
        // Walk the ring's edge starting from its middles, alternating sides, so that nearer spots come first.
        const side = k % 4, along = Math.floor(k / 4), half = Math.ceil(along / 2) * (along % 2 === 0 ? 1 : -1);
        const f = ring === 0 ? 0 : Math.max(-1, Math.min(1, half / ring));
        const x = want.x + (side === 0 ? rx : side === 1 ? -rx : f * rx);
        const y = want.y + (side === 2 ? ry : side === 3 ? -ry : f * ry);
        // Within the frame's height while rings are small: the drawing keeps the map's proportions.
        const inFrame = y - it.e.up >= cy - fh / 2 && y + it.e.down <= cy + fh / 2;
        if ((inFrame || ring > 150) && !clash(it, x, y)) {
          spot = { x, y };
          break search;
        }
      }
    }
    it.x = spot.x;
    it.y = spot.y;
    place(it);
    isPlaced[i] = 1;
  }
  removeOverlaps(items, gap, 3000, 1, true);
  // The spiral leaves gaps where a box could not go nearer: draw the free boxes in while that
  // gives the drawing a larger scale on the map (the pinned ones come in sideways only).
  compact(items, gap, DESIGN_MAP.width / DESIGN_MAP.height, 'x');
}

/**
 * The `boxes` finish: a few hundred steps of forces on the boxes — links pull their ends
 * together, each box is drawn back towards where ForceAtlas2 put it (keeping the sections'
 * regions), overlapping boxes push apart and a frame of the map's proportions, as large as the
 * boxes need, holds them in — then whatever overlap is left is removed.
 */
function relaxBoxes(items: Item[], springs: ReadonlyArray<readonly [number, number]>, gap: number, aspect: number): void {
  // The frame: the boxes' total area at a packing of 60 %, in the map's proportions, centred on the ladder.
  const total = items.reduce((s, it) => s + (it.e.left + it.e.right + gap) * (it.e.up + it.e.down + gap), 0);
  const fh = Math.sqrt(total / 0.6 / aspect);
  const fw = fh * aspect;
  const fixed = items.filter((it) => it.fixed);
  const anchorBox = fixed.length ? extentOf(fixed) : { x0: 0, x1: 0, y0: 0, y1: 0 };
  const cx = (anchorBox.x0 + anchorBox.x1) / 2, cy = (anchorBox.y0 + anchorBox.y1) / 2;
  const frame = { x0: Math.min(cx - fw / 2, anchorBox.x0), x1: Math.max(cx + fw / 2, anchorBox.x1), y0: Math.min(cy - fh / 2, anchorBox.y0), y1: Math.max(cy + fh / 2, anchorBox.y1) };
  const steps = 300;
  const dx = new Float64Array(items.length), dy = new Float64Array(items.length);
  for (let step = 0; step < steps; step++) {
    const cool = 1 - step / steps;
    dx.fill(0);
    dy.fill(0);
    for (const [i, j] of springs) {
      const a = items[i]!, b = items[j]!;
      const vx = b.x - a.x, vy = b.y - a.y;
      const d = Math.hypot(vx, vy) || 1;
      // Pull towards touching: the boxes' own sizes are the rest length.
      const rest = (a.e.left + a.e.right + b.e.left + b.e.right) / 4 + 10;
      const f = 0.04 * Math.max(0, d - rest);
      dx[i]! += (vx / d) * f; dy[i]! += (vy / d) * f;
      dx[j]! -= (vx / d) * f; dy[j]! -= (vy / d) * f;
    }
    items.forEach((it, i) => {
      dx[i]! += 0.02 * (it.home.x - it.x);
      dy[i]! += 0.02 * (it.home.y - it.y);
      if (it.x - it.e.left < frame.x0) dx[i]! += 0.3 * (frame.x0 - (it.x - it.e.left));
      if (it.x + it.e.right > frame.x1) dx[i]! += 0.3 * (frame.x1 - (it.x + it.e.right));
      if (it.y - it.e.up < frame.y0) dy[i]! += 0.3 * (frame.y0 - (it.y - it.e.up));
      if (it.y + it.e.down > frame.y1) dy[i]! += 0.3 * (frame.y1 - (it.y + it.e.down));
    });
    items.forEach((it, i) => {
      if (it.fixed) return;
      const m = Math.hypot(dx[i]!, dy[i]!);
      const cap = 30 * cool + 2;
      const k = m > cap ? cap / m : 1;
      it.x += dx[i]! * k;
      it.y += dy[i]! * k;
    });
    removeOverlaps(items, gap, 1, 0.5);
  }
  compact(items, gap, aspect);
}

const round = (v: number): number => Math.round(v * 1000) / 1000;


