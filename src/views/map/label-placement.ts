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
/** A cell's key: its column times a prime plus its row (the map is far narrower than the prime). */
const ROW = 100_003;

const NONE: readonly never[] = [];

/**
 * A uniform grid: each item filed under the cells its box touches, for quick "does anything here
 * overlap" tests. The tests run in every frame of a chapter-sized map (the first among them,
 * before the code is warm): plain loops over the cells, no array or callback made per test.
 */
class Cells<T> {
  private readonly cells = new Map<number, T[]>();
  add(b: Box, item: T): void {
    const i1 = Math.floor(b.x1 / CELL), j1 = Math.floor(b.y1 / CELL);
    for (let i = Math.floor(b.x0 / CELL); i <= i1; i++)
      for (let j = Math.floor(b.y0 / CELL); j <= j1; j++) {
        const list = this.cells.get(i * ROW + j);
        if (list) list.push(item);
        else this.cells.set(i * ROW + j, [item]);
      }
  }
  remove(b: Box, item: T): void {
    const i1 = Math.floor(b.x1 / CELL), j1 = Math.floor(b.y1 / CELL);
    for (let i = Math.floor(b.x0 / CELL); i <= i1; i++)
      for (let j = Math.floor(b.y0 / CELL); j <= j1; j++) {
        const list = this.cells.get(i * ROW + j);
        const at = list ? list.indexOf(item) : -1;
        if (at >= 0) list!.splice(at, 1);
      }
  }
  /** The items filed in the cell at column `i`, row `j`. */
  protected at(i: number, j: number): readonly T[] {
    return this.cells.get(i * ROW + j) ?? NONE;
  }
}

/** Placed names (boxes). */
class BoxGrid<T extends Box> extends Cells<T> {
  /** Whether an item overlaps the box (x0, y0)–(x1, y1). */
  overlaps(x0: number, y0: number, x1: number, y1: number): boolean {
    const i1 = Math.floor(x1 / CELL), j1 = Math.floor(y1 / CELL);
    for (let i = Math.floor(x0 / CELL); i <= i1; i++)
      for (let j = Math.floor(y0 / CELL); j <= j1; j++)
        for (const b of this.at(i, j)) if (b.x0 < x1 && b.x1 > x0 && b.y0 < y1 && b.y1 > y0) return true;
    return false;
  }
  /** The distinct items that overlap `b`, stopping once there are more than `most`. */
  overlapping(b: Box, most = Infinity): Set<T> {
    const out = new Set<T>();
    const i1 = Math.floor(b.x1 / CELL), j1 = Math.floor(b.y1 / CELL);
    for (let i = Math.floor(b.x0 / CELL); i <= i1; i++)
      for (let j = Math.floor(b.y0 / CELL); j <= j1; j++)
        for (const item of this.at(i, j)) if (boxesOverlap(item, b) && out.add(item).size > most) return out;
    return out;
  }
}

/** Nodes' discs, each filed under the cells of its bounding square. */
class DiscGrid extends Cells<Disc> {
  constructor(discs: readonly Disc[]) {
    super();
    for (const d of discs) this.add({ x0: d.x - d.r, y0: d.y - d.r, x1: d.x + d.r, y1: d.y + d.r }, d);
  }
  /** Whether a disc other than `except`'s own touches the box (x0, y0)–(x1, y1). */
  hits(x0: number, y0: number, x1: number, y1: number, except: string): boolean {
    const i1 = Math.floor(x1 / CELL), j1 = Math.floor(y1 / CELL);
    for (let i = Math.floor(x0 / CELL); i <= i1; i++)
      for (let j = Math.floor(y0 / CELL); j <= j1; j++)
        for (const d of this.at(i, j)) {
          if (d.key === except) continue;
          const dx = d.x - Math.max(x0, Math.min(d.x, x1)), dy = d.y - Math.max(y0, Math.min(d.y, y1));
          if (dx * dx + dy * dy < (d.r - 0.5) * (d.r - 0.5)) return true;
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

/** How many places a name has around its disc at one distance in one shape (see `placeAt`). */
const AROUND = 12;
const SIDES: ReadonlyArray<PlacedLabel['side']> = ['right', 'left', 'below', 'above', 'right', 'right', 'left', 'left', 'below', 'below', 'above', 'above'];

/**
 * Sets `out` to place `k` (0 to AROUND − 1) of a w × h name around disc `c`, `gap` from it, in
 * order of preference: right, left, below, above, then the same sides shifted half a name up or
 * down (or left or right), then the corners. `reach` is how far beyond the usual gap (the
 * distance below and above grows by it too).
 */
function placeAt(c: Disc, w: number, h: number, gap: number, reach: number, k: number, out: Box): void {
  const { x, y, r } = c;
  const right = x + r + gap, left = x - r - gap - w, below = y + r + 2 + reach, above = y - r - 2 - reach - h;
  let x0: number, y0: number;
  switch (k) {
    case 0: x0 = right; y0 = y - h / 2; break;
    case 1: x0 = left; y0 = y - h / 2; break;
    case 2: x0 = x - w / 2; y0 = below; break;
    case 3: x0 = x - w / 2; y0 = above; break;
    case 4: x0 = right; y0 = y - h + r / 2; break;
    case 5: x0 = right; y0 = y - r / 2; break;
    case 6: x0 = left; y0 = y - h + r / 2; break;
    case 7: x0 = left; y0 = y - r / 2; break;
    case 8: x0 = x - r; y0 = below; break;
    case 9: x0 = x + r - w; y0 = below; break;
    case 10: x0 = x - r; y0 = above; break;
    default: x0 = x + r - w; y0 = above;
  }
  out.x0 = x0;
  out.y0 = y0;
  out.x1 = x0 + w;
  out.y1 = y0 + h;
}

/**
 * A name's places, numbered in order of preference: nearest first, each distance in every
 * shape, each shape all around (`placeAt`). What is singled out may stand a little further.
 * Whether a place is free (inside the area, clear of what covers it and of every other disc) is
 * fixed for the frame: found once per place, when first asked.
 */
interface Places {
  c: LabelCandidate;
  shapes: ReadonlyArray<{ width: number; height: number }>;
  reach: readonly number[];
  count: number;
  /** Per place: 0 not asked yet, 1 free, 2 not. */
  free: Uint8Array | null;
  /** The free places, in order (made when first needed). */
  open: number[] | null;
}

/**
 * Places names in priority order; returns the placed ones. Discs of every drawn node (the
 * candidates' own and others') are obstacles for every name but their own. Runs in the first
 * frame, before the code is warm: places are numbers, and a box is made only for a chosen one.
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

  const places = new Map<string, Places>();
  for (const c of candidates) {
    const shapes = c.alts ? [c, ...c.alts] : [c];
    const reach = c.force ? FORCED_REACH : REACH;
    places.set(c.key, { c, shapes, reach, count: reach.length * shapes.length * AROUND, free: null, open: null });
  }
  // The place last computed (`at`), reused so that testing a place makes nothing.
  const box: Box = { x0: 0, y0: 0, x1: 0, y1: 0 };
  const at = (p: Places, i: number): void => {
    const shape = p.shapes[Math.floor(i / AROUND) % p.shapes.length]!;
    const reach = p.reach[Math.floor(i / (AROUND * p.shapes.length))]!;
    placeAt(p.c, shape.width, shape.height, gap + reach, reach, i % AROUND, box);
  };
  /** Whether place `i` is free; `box` must hold it (`at(p, i)`). */
  const isFree = (p: Places, i: number): boolean => {
    const free = (p.free ??= new Uint8Array(p.count));
    if (free[i] === 0) {
      let ok = box.x0 >= area.x0 && box.y0 >= area.y0 && box.x1 <= area.x1 && box.y1 <= area.y1;
      if (ok) for (const b of blocked) if (boxesOverlap(b, box)) ok = false;
      free[i] = ok && !discGrid.hits(box.x0, box.y0, box.x1, box.y1, p.c.key) ? 1 : 2;
    }
    return free[i] === 1;
  };
  const openPlaces = (p: Places): number[] => {
    if (!p.open) {
      p.open = [];
      for (let i = 0; i < p.count; i++) {
        at(p, i);
        if (isFree(p, i)) p.open.push(i);
      }
    }
    return p.open;
  };
  /** Place `i` as a placed name. */
  const label = (p: Places, i: number): PlacedLabel => {
    at(p, i);
    const shape = Math.floor(i / AROUND) % p.shapes.length;
    const offset = p.reach[Math.floor(i / (AROUND * p.shapes.length))]!;
    return { key: p.c.key, side: SIDES[i % AROUND]!, x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1, textX: box.x0, textY: box.y0, shape, offset };
  };

  // First, each name in order takes its first place that is free and clear of the names before it.
  const placed = new Map<string, PlacedLabel>();
  const unplaced: LabelCandidate[] = [];
  for (const c of order) {
    const p = places.get(c.key)!;
    let chosen = -1;
    for (let i = 0; i < p.count; i++) {
      at(p, i);
      if (!placedGrid.overlaps(box.x0, box.y0, box.x1, box.y1) && isFree(p, i)) {
        chosen = i;
        break;
      }
    }
    if (chosen < 0) {
      unplaced.push(c);
      continue;
    }
    const l = label(p, chosen);
    placed.set(c.key, l);
    placedGrid.add(l, l);
  }

  // Then a name left out may still find room where one or two names placed before it (not
  // singled-out ones) stand, if each can move to another of its own places: all are then named.
  // (A blocker's own place overlaps the name's, so it is never where the blocker moves to.)
  const movable = (b: Box): b is PlacedLabel => 'key' in b && placed.get((b as PlacedLabel).key) === b && places.get((b as PlacedLabel).key)?.c.force === false;
  const clearOf = (also: readonly Box[]): boolean => {
    for (const a of also) if (boxesOverlap(a, box)) return false;
    return !placedGrid.overlaps(box.x0, box.y0, box.x1, box.y1);
  };
  const makeRoom = (c: LabelCandidate): void => {
    const p = places.get(c.key)!;
    for (const i of openPlaces(p)) {
      const s = label(p, i);
      const blockers = [...placedGrid.overlapping(s, 2)];
      if (blockers.length > 2 || !blockers.every(movable)) continue;
      for (const b of blockers) placedGrid.remove(b, b);
      const moves: PlacedLabel[] = [];
      for (const b of blockers) {
        // Its first free place clear of the names that stay, of this name's place and of the
        // blockers moved before it.
        const q = places.get(b.key)!;
        const also = [s, ...moves];
        const to = openPlaces(q).find((j) => {
          at(q, j);
          return clearOf(also);
        });
        if (to === undefined) break;
        moves.push(label(q, to));
      }
      if (moves.length < blockers.length) {
        for (const b of blockers) placedGrid.add(b, b);
        continue;
      }
      for (const to of [...moves, s]) {
        placed.set(to.key, to);
        placedGrid.add(to, to);
      }
      return;
    }
  };
  if (options.makeRoom !== false) for (const c of unplaced) makeRoom(c);
  return [...placed.values()];
}
