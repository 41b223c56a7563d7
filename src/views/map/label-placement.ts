/**
 * Where each name goes on the map: beside its node (right, left, below or above, in that order),
 * never over another name or another node's disc, inside the open part of the map. Names are
 * placed by priority (what is singled out first, then the most important concepts); a name with
 * no free place may still take one a name placed before it gives up by moving to another of its
 * own places; one with none is left for the reader to zoom in to. No DOM: boxes in, boxes out.
 */

/** A rectangle in map pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A node's disc in map pixels. */
export interface Disc {
  key: string;
  x: number;
  y: number;
  r: number;
}

/** A name to place: its node's disc, its text box size and how much it matters. */
export interface LabelCandidate extends Disc {
  width: number;
  height: number;
  /** Placed before every unforced name (what is singled out). */
  force: boolean;
  /** Higher first among names of the same force. */
  priority: number;
  /** Other shapes of the same name (wrapped wider or narrower), tried where the first finds no room. */
  alts?: ReadonlyArray<{ width: number; height: number }>;
}

/** A placed name: its box (the text's extent), and where its text block starts. */
export interface PlacedLabel extends Box {
  key: string;
  /** Left of the text block and top of its first line. */
  textX: number;
  textY: number;
  side: 'right' | 'left' | 'below' | 'above';
  /** The shape it is placed in: 0 the first, i the i-th of `alts`. */
  shape: number;
  /** How far from its disc (beyond the usual gap): far names get a leader line. */
  offset: number;
}

/** Further distances (beyond the gap) a singled-out name may stand from its node. */
const FORCED_REACH = [0, 10, 22, 40, 64, 96];
/** Further distances (beyond the gap) any other name may stand from its node. */
const REACH = [0, 6, 12];

const CELL = 64;
/** Cell (i, j) is filed under i × ROW + j. */
const ROW = 100_003;

/**
 * A uniform grid: each item filed under the cells its box touches, for quick "does anything here
 * overlap" tests. The tests run in every frame of a chapter-sized map (the first among them,
 * before the code is warm): plain loops over the cells, nothing allocated per test.
 */
class Cells<T> {
  protected readonly cells = new Map<number, T[]>();
  add(b: Box, item: T): void {
    const i1 = Math.floor(b.x1 / CELL), j0 = Math.floor(b.y0 / CELL), j1 = Math.floor(b.y1 / CELL);
    for (let i = Math.floor(b.x0 / CELL); i <= i1; i++)
      for (let j = j0; j <= j1; j++) {
        const k = i * ROW + j;
        const list = this.cells.get(k);
        if (list) list.push(item);
        else this.cells.set(k, [item]);
      }
  }
  remove(b: Box, item: T): void {
    const i1 = Math.floor(b.x1 / CELL), j0 = Math.floor(b.y0 / CELL), j1 = Math.floor(b.y1 / CELL);
    for (let i = Math.floor(b.x0 / CELL); i <= i1; i++)
      for (let j = j0; j <= j1; j++) {
        const list = this.cells.get(i * ROW + j);
        const at = list ? list.indexOf(item) : -1;
        if (at >= 0) list!.splice(at, 1);
      }
  }
}

/** Placed names (boxes). */
class BoxGrid<T extends Box> extends Cells<T> {
  /** Whether an item overlaps `b`. */
  overlaps(b: Box): boolean {
    const i1 = Math.floor(b.x1 / CELL), j0 = Math.floor(b.y0 / CELL), j1 = Math.floor(b.y1 / CELL);
    for (let i = Math.floor(b.x0 / CELL); i <= i1; i++)
      for (let j = j0; j <= j1; j++) {
        const list = this.cells.get(i * ROW + j);
        if (list) for (let n = 0; n < list.length; n++) if (boxesOverlap(list[n]!, b)) return true;
      }
    return false;
  }
  /** The distinct items that overlap `b`, stopping once there are more than `most`. */
  overlapping(b: Box, most = Infinity): Set<T> {
    const out = new Set<T>();
    const i1 = Math.floor(b.x1 / CELL), j0 = Math.floor(b.y0 / CELL), j1 = Math.floor(b.y1 / CELL);
    for (let i = Math.floor(b.x0 / CELL); i <= i1; i++)
      for (let j = j0; j <= j1; j++) {
        const list = this.cells.get(i * ROW + j);
        if (list) for (const item of list) if (boxesOverlap(item, b) && out.add(item).size > most) return out;
      }
    return out;
  }
}

/** Nodes' discs, each filed under the cells of its bounding square. */
class DiscGrid extends Cells<Disc> {
  constructor(discs: readonly Disc[]) {
    super();
    for (const d of discs) this.add({ x0: d.x - d.r, y0: d.y - d.r, x1: d.x + d.r, y1: d.y + d.r }, d);
  }
  /** Whether a disc other than `except`'s own touches `b`. */
  hits(b: Box, except: string): boolean {
    const i1 = Math.floor(b.x1 / CELL), j0 = Math.floor(b.y0 / CELL), j1 = Math.floor(b.y1 / CELL);
    for (let i = Math.floor(b.x0 / CELL); i <= i1; i++)
      for (let j = j0; j <= j1; j++) {
        const list = this.cells.get(i * ROW + j);
        if (list)
          for (let n = 0; n < list.length; n++) {
            const d = list[n]!;
            if (d.key !== except && discHitsBox(d, b)) return true;
          }
      }
    return false;
  }
}

export const boxesOverlap = (a: Box, b: Box): boolean => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

/** True when the disc and the box share any point (beyond a hair's breadth). */
export function discHitsBox(d: Disc, b: Box): boolean {
  const cx = Math.max(b.x0, Math.min(d.x, b.x1));
  const cy = Math.max(b.y0, Math.min(d.y, b.y1));
  const dx = d.x - cx, dy = d.y - cy;
  return dx * dx + dy * dy < (d.r - 0.5) * (d.r - 0.5);
}

export interface PlacementOptions {
  /** The part of the map names may be drawn in (outside it they would be clipped or covered). */
  area: Box;
  /** Parts of the area covered by something else (a panel, the map's buttons). */
  blocked: readonly Box[];
  /** Space between a disc and its name. */
  gap: number;
  /** Names of at least this priority are placed before the others (by priority); the rest smallest first. */
  major?: number;
  /** Boxes already taken (names placed before). */
  taken?: readonly Box[];
  /**
   * Whether a name left out may take the place of one or two placed before it, moving them to
   * other places of theirs (default true; off while the camera moves, to keep frames cheap).
   */
  makeRoom?: boolean;
}

/**
 * Places names in priority order; returns the placed ones. Discs of every drawn node (the
 * candidates' own and others') are obstacles for every name but their own.
 */
export function placeLabels(candidates: readonly LabelCandidate[], discs: readonly Disc[], options: PlacementOptions): PlacedLabel[] {
  const { area, blocked, gap } = options;
  const discGrid = new DiscGrid(discs);
  const placedGrid = new BoxGrid<Box>();
  for (const b of options.taken ?? []) placedGrid.add(b, b);
  // What is singled out first, then the concepts that organise the map (priority ≥ `major`), then
  // the smallest names first: where names crowd, that names the most concepts.
  const major = options.major ?? Infinity;
  const tier = (c: LabelCandidate) => (c.force ? 2 : c.priority >= major ? 1 : 0);
  const order = [...candidates].sort((a, b) =>
    tier(b) - tier(a) || (tier(a) === 0 ? a.width * a.height - b.width * b.height : b.priority - a.priority) || b.priority - a.priority || (a.key < b.key ? -1 : 1));
  // Whether a spot is inside the area, clear of what covers it and of every other disc: fixed
  // for the frame. A name's places are listed when first asked for, and its free ones found once.
  const free = (c: LabelCandidate, s: Box): boolean => {
    if (s.x0 < area.x0 || s.y0 < area.y0 || s.x1 > area.x1 || s.y1 > area.y1) return false;
    for (const b of blocked) if (boxesOverlap(b, s)) return false;
    return !discGrid.hits(s, c.key);
  };
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  // A name's free places, found as they are asked for and kept: most searches stop at the first.
  const open = new Map<string, { found: PlacedLabel[]; rest: Places | null }>();
  /** The first free place of `key`'s name, in order of preference, that `take` accepts. */
  const firstOpen = (key: string, take: (s: PlacedLabel) => boolean): PlacedLabel | undefined => {
    const c = byKey.get(key)!;
    let spots = open.get(key);
    if (!spots) open.set(key, (spots = { found: [], rest: new Places(c, gap) }));
    for (const s of spots.found) if (take(s)) return s;
    for (let s = spots.rest?.next(); s !== undefined; s = spots.rest!.next()) {
      if (!free(c, s)) continue;
      spots.found.push(s);
      if (take(s)) return s;
    }
    spots.rest = null;
    return undefined;
  };
  const clear = (t: Box, also: readonly Box[] = []): boolean => {
    for (const a of also) if (boxesOverlap(a, t)) return false;
    return !placedGrid.overlaps(t);
  };

  // First, each name in order takes its first place that is free and clear of the names before it.
  const placed = new Map<string, PlacedLabel>();
  const unplaced: LabelCandidate[] = [];
  for (const c of order) {
    const places = new Places(c, gap);
    let chosen = places.next();
    while (chosen !== undefined && !(clear(chosen) && free(c, chosen))) chosen = places.next();
    if (chosen === undefined) {
      unplaced.push(c);
      continue;
    }
    placed.set(c.key, chosen);
    placedGrid.add(chosen, chosen);
  }

  // Then a name left out may still find room where one or two names placed before it (not
  // singled-out ones) stand, if each can move to another of its own places: all are then named.
  const movable = (b: Box): b is PlacedLabel => 'key' in b && placed.get((b as PlacedLabel).key) === b && byKey.get((b as PlacedLabel).key)?.force === false;
  const roomAt = (s: PlacedLabel): boolean => {
    const blockers = [...placedGrid.overlapping(s, 2)];
    if (blockers.length > 2 || !blockers.every(movable)) return false;
    for (const b of blockers) placedGrid.remove(b, b);
    const moves: PlacedLabel[] = [];
    for (const b of blockers) {
      const to = firstOpen(b.key, (t) => t !== b && clear(t, [s, ...moves]));
      if (to === undefined) break;
      moves.push(to);
    }
    if (moves.length < blockers.length) {
      for (const b of blockers) placedGrid.add(b, b);
      return false;
    }
    for (const to of [...moves, s]) {
      placed.set(to.key, to);
      placedGrid.add(to, to);
    }
    return true;
  };
  if (options.makeRoom !== false) for (const c of unplaced) firstOpen(c.key, roomAt);
  return [...placed.values()];
}

/**
 * A name's places in order of preference, made as they are asked for, twelve at a time: nearest
 * first, each distance in every shape. What is singled out may also stand a little further off.
 */
class Places {
  private readonly shapes: ReadonlyArray<{ width: number; height: number }>;
  private readonly reach: readonly number[];
  private batch: PlacedLabel[] = [];
  private at = 0;
  /** The next (distance, shape) pair to make places for. */
  private step = 0;
  constructor(
    private readonly c: LabelCandidate,
    private readonly gap: number,
  ) {
    this.shapes = c.alts ? [c, ...c.alts] : [c];
    this.reach = c.force ? FORCED_REACH : REACH;
  }
  /** The next place, or undefined when there are no more. */
  next(): PlacedLabel | undefined {
    while (this.at === this.batch.length) {
      const n = this.shapes.length;
      if (this.step === this.reach.length * n) return undefined;
      const shape = this.step % n;
      this.batch = spotsOf(this.c, this.shapes[shape]!, this.gap + this.reach[(this.step - shape) / n]!, shape, this.gap);
      this.at = 0;
      this.step++;
    }
    return this.batch[this.at++];
  }
}

/**
 * The places a name may take around its disc, in order of preference: right, left, below,
 * above, then the same sides shifted half a name up or down (or left or right), then the corners;
 * `gap` from the disc, of which anything beyond the usual `base` is the place's `offset`.
 */
function spotsOf(c: Disc, size: { width: number; height: number }, gap: number, shape: number, base: number): PlacedLabel[] {
  const { x, y, r, key } = c;
  const { width: w, height: h } = size;
  const offset = gap - base;
  const mk = (side: PlacedLabel['side'], x0: number, y0: number): PlacedLabel => ({ key, side, x0, y0, x1: x0 + w, y1: y0 + h, textX: x0, textY: y0, shape, offset });
  const right = x + r + gap, left = x - r - gap - w, below = y + r + 2 + offset, above = y - r - 2 - offset - h;
  return [
    mk('right', right, y - h / 2),
    mk('left', left, y - h / 2),
    mk('below', x - w / 2, below),
    mk('above', x - w / 2, above),
    mk('right', right, y - h + r / 2),
    mk('right', right, y - r / 2),
    mk('left', left, y - h + r / 2),
    mk('left', left, y - r / 2),
    mk('below', x - r, below),
    mk('below', x + r - w, below),
    mk('above', x - r, above),
    mk('above', x + r - w, above),
  ];
}
