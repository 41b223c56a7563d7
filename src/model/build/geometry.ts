/**
 * Where things are drawn on a sheet, without DOM: a concept's box (its name wrapped inside a
 * rounded box, as hand-drawn concept maps do), where a link leaves and enters boxes, where its
 * phrase sits, and the sheet's extent. Shared by the editor, its PNG and the class overview.
 */
import { wrapLabel } from '../layout-labels';
import { textWidth } from '../ladder/text';
import type { PlacedConcept } from './types';

/** Font size of names and phrases (sheet units; 1 unit is 1 CSS px at zoom 1). */
export const NAME_SIZE = 15;
export const PHRASE_SIZE = 13;
/** Side padding; the right one also keeps the name clear of the link handle on the box's edge. */
const PAD_X = 14;
const PAD_Y = 8;
const LINE = 1.25;
const MIN_W = 64;

export interface ConceptBox {
  /** Centre. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly lines: readonly string[];
}

/** The box of a concept named `name`, centred on (x, y). */
export function conceptBox(name: string, x: number, y: number): ConceptBox {
  const lines = wrapLabel(name, 8, 20, 3);
  // The width table runs a little short for Latin text at this size: 8% is added.
  const w = Math.max(MIN_W, Math.ceil(Math.max(...lines.map((l) => textWidth(l, NAME_SIZE) * 1.08)) + 2 * PAD_X));
  const h = Math.ceil(NAME_SIZE * (1 + (lines.length - 1) * LINE) + NAME_SIZE * 0.3 + 2 * PAD_Y);
  return { x, y, w, h, lines };
}

/** Baselines of a box's lines, relative to its centre. */
export function lineOffsets(box: ConceptBox): number[] {
  const total = NAME_SIZE * (box.lines.length - 1) * LINE;
  return box.lines.map((_, i) => -total / 2 + i * NAME_SIZE * LINE + NAME_SIZE * 0.35);
}

/** Where the segment from the box's centre towards (tx, ty) leaves the box. */
function exitPoint(box: ConceptBox, tx: number, ty: number): [number, number] {
  const dx = tx - box.x;
  const dy = ty - box.y;
  if (dx === 0 && dy === 0) return [box.x, box.y];
  const sx = dx === 0 ? Infinity : box.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [box.x + dx * s, box.y + dy * s];
}

export interface LinkShape {
  /** SVG path data, from the source box's edge to the target box's edge. */
  readonly d: string;
  /** Where the phrase is centred (the middle of the link). */
  readonly labelX: number;
  readonly labelY: number;
  /** The point at `t` along the link (0: where it leaves the source's box, 1: where it enters the target's). */
  at(t: number): [number, number];
}

/**
 * A link between two boxes; `bend` (sheet units, signed) bows it sideways so that two links
 * between the same concepts stay apart.
 */
export function linkShape(a: ConceptBox, b: ConceptBox, bend = 0): LinkShape {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  // The control point lies off the midpoint, across the line.
  const cx = mx + (-(b.y - a.y) / len) * bend * 2;
  const cy = my + ((b.x - a.x) / len) * bend * 2;
  const [x1, y1] = exitPoint(a, bend === 0 ? b.x : cx, bend === 0 ? b.y : cy);
  const [x2, y2] = exitPoint(b, bend === 0 ? a.x : cx, bend === 0 ? a.y : cy);
  const r = (v: number) => Math.round(v * 10) / 10;
  if (bend === 0) {
    const at = (t: number): [number, number] => [r(x1 + (x2 - x1) * t), r(y1 + (y2 - y1) * t)];
    return { d: `M${r(x1)},${r(y1)}L${r(x2)},${r(y2)}`, labelX: r((x1 + x2) / 2), labelY: r((y1 + y2) / 2), at };
  }
  const at = (t: number): [number, number] => {
    const u = 1 - t;
    return [r(u * u * x1 + 2 * u * t * cx + t * t * x2), r(u * u * y1 + 2 * u * t * cy + t * t * y2)];
  };
  const [labelX, labelY] = at(0.5);
  return { d: `M${r(x1)},${r(y1)}Q${r(cx)},${r(cy)} ${r(x2)},${r(y2)}`, labelX, labelY, at };
}

/** Where along a link its phrase is tried: the middle first, then further out on either side. */
const LABEL_STOPS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85];

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const overlaps = (a: Rect, b: Rect): boolean => Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;

/**
 * Where a link's phrase (`w` × `h`, centred) sits: the first stop along the link where it covers
 * no concept box and no phrase already placed (`taken`, to which it is added); the middle when
 * every stop is covered.
 */
export function placePhrase(shape: LinkShape, w: number, h: number, boxes: readonly Rect[], taken: Rect[]): [number, number] {
  for (const t of LABEL_STOPS) {
    const [x, y] = shape.at(t);
    const rect = { x, y, w, h };
    if (!boxes.some((b) => overlaps(rect, b)) && !taken.some((b) => overlaps(rect, b))) {
      taken.push(rect);
      return [x, y];
    }
  }
  taken.push({ x: shape.labelX, y: shape.labelY, w, h });
  return [shape.labelX, shape.labelY];
}

/** Width of a phrase's label. */
export function phraseWidth(text: string): number {
  return Math.ceil(textWidth(text, PHRASE_SIZE) * 1.08) + 12;
}

/** The sheet's extent around `boxes`, with a margin; a minimum size so an empty sheet has room. */
export function sheetBounds(boxes: readonly ConceptBox[], margin = 60): { x: number; y: number; w: number; h: number } {
  if (boxes.length === 0) return { x: -margin, y: -margin, w: 900, h: 600 };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x - b.w / 2);
    y0 = Math.min(y0, b.y - b.h / 2);
    x1 = Math.max(x1, b.x + b.w / 2);
    y1 = Math.max(y1, b.y + b.h / 2);
  }
  return { x: x0 - margin, y: y0 - margin, w: Math.max(600, x1 - x0 + 2 * margin), h: Math.max(400, y1 - y0 + 2 * margin) };
}

/** A free spot for a new concept: right of everything on the top row, or below when that row is long. */
export function freeSpot(placed: readonly PlacedConcept[], cellW = 210, cellH = 110): { x: number; y: number } {
  if (placed.length === 0) return { x: 0, y: 0 };
  const taken = new Set(placed.map((p) => `${Math.round(p.x / cellW)},${Math.round(p.y / cellH)}`));
  const cols = Math.max(4, Math.ceil(Math.sqrt(placed.length * 1.6)) + 1);
  const minX = Math.min(...placed.map((p) => p.x));
  const minY = Math.min(...placed.map((p) => p.y));
  for (let i = 0; ; i++) {
    const cx = Math.round(minX / cellW) + (i % cols);
    const cy = Math.round(minY / cellH) + Math.floor(i / cols);
    if (!taken.has(`${cx},${cy}`)) return { x: cx * cellW, y: cy * cellH };
  }
}

/**
 * Moves boxes apart until none overlaps another (with `gap` between them), each step pushing an
 * overlapping pair apart along the axis where they overlap least. Deterministic; the boxes'
 * order and sizes are kept. Gives up after `rounds` (dense inputs may keep a small overlap).
 */
export function separate<T extends { x: number; y: number; w: number; h: number }>(boxes: readonly T[], gap = 24, rounds = 200): T[] {
  const out = boxes.map((b) => ({ ...b }));
  for (let r = 0; r < rounds; r++) {
    let moved = false;
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        const ox = (a.w + b.w) / 2 + gap - Math.abs(a.x - b.x);
        const oy = (a.h + b.h) / 2 + gap - Math.abs(a.y - b.y);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        // Push along the cheaper axis, one unit further than needed so that pushes settle
        // rather than creep; ties (same place) split by order.
        if (ox / (a.w + b.w) < oy / (a.h + b.h)) {
          const s = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
          a.x += (s * (ox + 1)) / 2;
          b.x -= (s * (ox + 1)) / 2;
        } else {
          const s = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
          a.y += (s * (oy + 1)) / 2;
          b.y -= (s * (oy + 1)) / 2;
        }
      }
    }
    if (!moved) break;
  }
  return out;
}
