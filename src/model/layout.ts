/**
 * The chapter layout, computed once at compile time: deterministic, no randomness.
 * The transformations form a ladder (old poles left, new poles right, each paradigm beyond
 * its poles); sections are regions around it; every other node settles by ForceAtlas2 with
 * the anchors pinned, then overlaps are removed.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type Graph from 'graphology';

export interface LayoutOptions {
  /** ForceAtlas2 iterations for the free nodes. */
  iterations: number;
  /** Vertical distance between two transformation rows. */
  row: number;
  /** Least free space between two nodes' discs (node `size` is the disc radius). */
  gap: number;
}

export const LAYOUT_DEFAULTS: LayoutOptions = { iterations: 600, row: 40, gap: 6 };

interface Positioned {
  kind: string;
  size: number;
  slides: number[];
  section: string | null;
  label: string;
}

type Point = { x: number; y: number };

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
 * Computes positions for every node of a chapter graph and returns them (no mutation).
 * Works for any graph of the vocabulary; nodes of kinds it has no anchor rule for are free.
 */
export function layoutChapter<N extends Positioned>(
  graph: Graph<N>,
  options: Partial<LayoutOptions> = {},
): Map<string, Point> {
  const opts = { ...LAYOUT_DEFAULTS, ...options };
  const R = opts.row;
  const anchors = new Map<string, Point>();
  const byKind = (kind: string): string[] =>
    graph
      .filterNodes((_, a) => a.kind === kind)
      .sort((a, b) => firstSlide(graph.getNodeAttributes(a)) - firstSlide(graph.getNodeAttributes(b)) || (a < b ? -1 : 1));
  const outTarget = (node: string, kind: string): string | undefined =>
    graph.outEdges(node).map((e) => ({ e, t: graph.target(e) })).find(({ e }) => graph.getEdgeAttribute(e, 'kind' as never) === kind)?.t;

  // 1. The ladder: one row per transformation, poles either side.
  const transformations = byKind('transformation');
  const ROW = 1.45 * R;
  const top = (-(transformations.length - 1) / 2) * ROW;
  const POLE_X = 4.6 * R;
  const PARADIGM_X = 9 * R;
  // The new side carries more of the chapter's argument than the old one: give it more room.
  const PARADIGM_X_NEW = 11.5 * R;
  const oldPoles = new Set<string>();
  transformations.forEach((tr, i) => {
    const y = top + i * ROW;
    anchors.set(tr, { x: 0, y });
    const from = outTarget(tr, 'from');
    const to = outTarget(tr, 'to');
    if (from) {
      anchors.set(from, { x: -POLE_X, y });
      oldPoles.add(from);
    }
    if (to) anchors.set(to, { x: POLE_X, y });
  });
  const ladderBottom = top + Math.max(0, transformations.length - 1) * ROW;

  // 2. Paradigms beyond their poles: the one old poles characterize goes left.
  const paradigms = byKind('paradigm');
  const isOldParadigm = (p: string): boolean => graph.inNeighbors(p).some((n) => oldPoles.has(n));
  const left = paradigms.filter(isOldParadigm);
  const right = paradigms.filter((p) => !isOldParadigm(p));
  left.forEach((p, i) => anchors.set(p, { x: -PARADIGM_X, y: (i - (left.length - 1) / 2) * 2 * R }));
  right.forEach((p, i) => anchors.set(p, { x: PARADIGM_X_NEW, y: (i - (right.length - 1) / 2) * 2 * R }));

  // 3. Regions: reforms above the ladder, features to the right, decision-making below.
  const spread = (keys: string[], y: number, width: number): void =>
    keys.forEach((k, i) => anchors.set(k, { x: keys.length === 1 ? 0 : -width / 2 + (i * width) / (keys.length - 1), y }));
  const reforms = byKind('reform');
  const reformY = top - 3.2 * R;
  spread(reforms, reformY, 7 * R);
  const features = byKind('feature');
  features.forEach((f, i) =>
    anchors.set(f, { x: PARADIGM_X_NEW + 3.4 * R, y: top + ((i + 0.5) * (ladderBottom - top)) / Math.max(1, features.length) }),
  );
  const modes = byKind('decision-mode');
  spread(modes, ladderBottom + 3.6 * R, 8 * R);

  // 4. Chapter and sections frame the regions.
  const chapter = byKind('chapter');
  chapter.forEach((c) => anchors.set(c, { x: 0, y: reformY - 2.6 * R }));
  const sectionPlace: Point[] = [
    { x: -4.6 * R, y: reformY - 1.4 * R },
    { x: PARADIGM_X_NEW + 3.4 * R, y: top - 1.4 * R },
    { x: 0, y: top - 1.1 * R },
    { x: 0, y: ladderBottom + 1.7 * R },
  ];
  byKind('section').forEach((s, i) => anchors.set(s, sectionPlace[i] ?? { x: (i - 2) * 3 * R, y: reformY - 2 * R }));

  // 5. Free nodes start at the mean of their placed neighbours (breadth-first), plus a seeded offset.
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

  // 6. ForceAtlas2 on a working copy with anchors pinned; then remove overlaps.
  const work = graph.emptyCopy() as unknown as Graph<{ x: number; y: number; fixed: boolean; size: number; label: string }>;
  work.forEachNode((n) => {
    const p = pos.get(n)!;
    work.replaceNodeAttributes(n, { x: p.x, y: p.y, fixed: anchors.has(n), size: 1, label: graph.getNodeAttribute(n, 'label' as never) as string });
  });
  graph.forEachEdge((_e, _a, s, t) => {
    if (s !== t && !work.hasEdge(s, t) && !work.hasEdge(t, s)) work.addEdge(s, t);
  });
  forceAtlas2.assign(work, {
    iterations: opts.iterations,
    settings: { gravity: 0, scalingRatio: 1.5, strongGravityMode: false, slowDown: 5, barnesHutOptimize: false, adjustSizes: false },
  });
  const radiusOf = (key: string): number => Number(graph.getNodeAttribute(key, 'size' as never) ?? 4);
  // Pull anchors back where they belong, then push free nodes apart until no two discs overlap.
  for (const [n, p] of anchors) work.mergeNodeAttributes(n, p);
  const discs = work.mapNodes((n, a) => ({ key: n, x: a.x, y: a.y, r: radiusOf(n), fixed: anchors.has(n) }));
  separate(discs, opts.gap);
  for (const d of discs) work.mergeNodeAttributes(d.key, { x: d.x, y: d.y });
  const out = new Map<string, Point>();
  // Graph y points up in sigma: flip so that "top" above reads top on screen.
  work.forEachNode((n, a) => out.set(n, { x: round(a.x), y: round(-a.y) }));
  return out;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

interface Disc {
  key: string;
  x: number;
  y: number;
  r: number;
  fixed: boolean;
}

/**
 * Moves discs apart until none overlap (`gap` apart at least). Fixed discs never move; a free
 * disc meeting a fixed one takes the whole push. Deterministic: a fixed visiting order and no
 * randomness (coincident discs part along a direction derived from their keys).
 */
export function separate(discs: Disc[], gap: number, maxRounds = 500): number {
  for (let round = 0; round < maxRounds; round++) {
    let moved = 0;
    for (let i = 0; i < discs.length; i++) {
      const a = discs[i]!;
      for (let j = i + 1; j < discs.length; j++) {
        const b = discs[j]!;
        if (a.fixed && b.fixed) continue;
        const need = a.r + b.r + gap;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        const d2 = dx * dx + dy * dy;
        if (d2 >= need * need) continue;
        let d = Math.sqrt(d2);
        if (d < 1e-9) {
          const angle = (hashJitter(a.key + b.key) + 0.5) * 2 * Math.PI;
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          d = 1;
        } else {
          dx /= d;
          dy /= d;
        }
        const push = need - d + 1e-6;
        const shareA = a.fixed ? 0 : b.fixed ? 1 : 0.5;
        a.x -= dx * push * shareA;
        a.y -= dy * push * shareA;
        b.x += dx * push * (1 - shareA);
        b.y += dy * push * (1 - shareA);
        moved++;
      }
    }
    if (moved === 0) return round;
  }
  return maxRounds;
}
