/**
 * Canvas label drawing for the network: wraps long CJK and English labels over lines and draws
 * them on a pale plate. Large graphs draw each label as sigma asks, skipping one that would overlap
 * a label already drawn; chapter-sized maps collect the frame's names and place them all at once
 * (label-placement.ts), beside their nodes, clear of other names, discs and covered parts.
 */
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import { fullWidthEms, labelFontSize, MAP_LABEL, wrapLabel } from '../../model/layout-labels';
import { boxesOverlap, placeLabels, type Box, type Disc, type LabelCandidate, type PlacedLabel } from './label-placement';

/** Font stacks of locally installed CJK fonts; never fetched from another origin. */
export { FONT_STACK } from '../../util/fonts';

export { wrapLabel };

/** What the painter reads of a node's display data. */
export type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string; importance?: number };

/** A name painted in the last frame: its box in map pixels and its font size. */
export interface PaintedName extends Box {
  key: string;
  font: number;
  /** The shape it is drawn in (0: as wrapped for the map; see `shapesOf`). */
  shape: number;
}

/** The plate under a name: white, letting a hint of what passes under it show. */
const PLATE = 'rgba(255,255,255,0.86)';

/** Concepts at least this important (chapter, sections, paradigms, transformations…) are named before the others. */
const MAJOR_IMPORTANCE = 0.55;

export interface LabelPainterOptions {
  /** Wrapping of a label into lines (the map's widths by default). */
  wrap?: (label: string) => string[];
  /**
   * Chapter-sized maps: the discs names must keep clear of, where they may go, what covers the
   * map, and whether the camera is at rest (names are then placed with more care).
   */
  scene?: () => { discs: readonly Disc[]; area: Box; blocked: readonly Box[]; settled: boolean } | null;
}

/**
 * A label painter bound to one renderer: `reset()` before each frame (on sigma's
 * `beforeRender`); `draw` as sigma's `defaultDrawNodeLabel` on large graphs (draws at once), or
 * `collect` on chapter-sized maps with `flush` after the frame (places, then draws);
 * `drawHover` for hovered nodes; `painted()` lists the names the last frame drew.
 */
export function createLabelPainter(font: () => string, options: LabelPainterOptions = {}) {
  const wrap = options.wrap ?? ((label: string) => wrapLabel(label, MAP_LABEL.cjk, MAP_LABEL.latin));
  const wrapCache = new Map<string, string[]>();
  // A name's shapes: as wrapped for the map, then wider (fewer lines) and narrower (more lines),
  // where those differ from the first.
  const shapeCache = new Map<string, string[][]>();
  const shapesOf = (label: string): string[][] => {
    let shapes = shapeCache.get(label);
    if (!shapes) {
      const first = lines(label);
      const wide = wrapLabel(label, Math.round(MAP_LABEL.cjk * 1.7), Math.round(MAP_LABEL.latin * 1.6));
      const narrow = wrapLabel(label, Math.round(MAP_LABEL.cjk * 0.67), Math.round(MAP_LABEL.latin * 0.6));
      shapes = [first, ...(wide.length < first.length ? [wide] : []), ...(narrow.length > first.length ? [narrow] : [])];
      shapeCache.set(label, shapes);
    }
    return shapes;
  };
  let painted: PaintedName[] = [];
  let pending: Array<{ c: LabelCandidate; shapes: string[][]; size: number }> = [];
  let weight = '500';
  let labelsCtx: CanvasRenderingContext2D | null = null;
  const lines = (label: string): string[] => {
    let l = wrapCache.get(label);
    if (!l) {
      l = wrap(label);
      wrapCache.set(label, l);
    }
    return l;
  };
  // A line set wholly full width (Chinese) is as many ems wide as it has characters; others are measured.
  const measure = (ctx: CanvasRenderingContext2D, ls: string[], size: number) => {
    let w = 0;
    for (const l of ls) {
      const ems = fullWidthEms(l);
      w = Math.max(w, ems === null ? ctx.measureText(l).width : ems * size);
    }
    return { w, h: ls.length * size * MAP_LABEL.lineHeight };
  };
  // The sizes of each name's shapes, by font (a name is measured once per font, not per frame).
  const sizes = new Map<string, Map<string, Array<{ w: number; h: number }>>>();
  const shapeSizes = (ctx: CanvasRenderingContext2D, label: string, size: number) => {
    let byLabel = sizes.get(ctx.font);
    if (!byLabel) sizes.set(ctx.font, (byLabel = new Map()));
    let list = byLabel.get(label);
    if (!list) byLabel.set(label, (list = shapesOf(label).map((ls) => measure(ctx, ls, size))));
    return list;
  };
  const overlaps = (b: Box): boolean => painted.some((d) => boxesOverlap(b, d));
  // A name stands on a pale plate (its box), so that links passing under it do not cross its
  // text. A plate is a rectangle: far cheaper to draw than a halo stroked around every glyph.
  const ink = (ctx: CanvasRenderingContext2D, ls: string[], size: number, x: number, top: number, align: CanvasTextAlign, plate: Box | null) => {
    if (plate !== null) {
      ctx.fillStyle = PLATE;
      ctx.fillRect(plate.x0, plate.y0, plate.x1 - plate.x0, plate.y1 - plate.y0);
    }
    ctx.fillStyle = '#1d1d1f';
    ctx.textAlign = align;
    ctx.textBaseline = 'alphabetic';
    // Each line starts on a whole device pixel: a glyph is then rasterised once for the frame's
    // every name that uses it, not once per sub-pixel offset (most of a first frame's text cost).
    const k = ctx.getTransform().a || 1;
    const snap = (v: number) => Math.round(v * k) / k;
    ls.forEach((l, i) => ctx.fillText(l, snap(x), snap(top + size * (0.95 + i * MAP_LABEL.lineHeight))));
    ctx.textAlign = 'left';
  };

  /** A thin line from a disc to its name, when the name had to stand away from it. */
  const leader = (ctx: CanvasRenderingContext2D, d: Disc, b: Box) => {
    const px = Math.max(b.x0, Math.min(d.x, b.x1)), py = Math.max(b.y0, Math.min(d.y, b.y1));
    const len = Math.hypot(px - d.x, py - d.y) || 1;
    ctx.strokeStyle = 'rgba(60,60,60,0.7)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(d.x + ((px - d.x) / len) * d.r, d.y + ((py - d.y) / len) * d.r);
    ctx.lineTo(px, py);
    ctx.stroke();
  };

  /** Chapter-sized maps: places the collected names (clear of the scene's discs, inside its area) and draws them. */
  function flush(): void {
    const ctx = labelsCtx;
    const scene = options.scene?.();
    if (pending.length === 0 || ctx === null || !scene) return;
    const { discs, area, blocked, settled } = scene;
    const byKey = new Map(pending.map((p) => [p.c.key, p]));
    const placed: PlacedLabel[] = placeLabels(pending.map((p) => p.c), discs, { area, blocked, gap: MAP_LABEL.gap, major: MAJOR_IMPORTANCE, makeRoom: settled });
    // A singled-out name with no room at a larger size (a projector's) is tried again at the
    // map's own size before it goes unnamed.
    const done = new Set(placed.map((b) => b.key));
    const retry = pending.filter((p) => p.c.force && !done.has(p.c.key) && p.size > MAP_LABEL.font);
    const shrunk = new Map<string, number>();
    if (retry.length > 0) {
      const again = retry.map((p) => {
        const k = MAP_LABEL.font / p.size;
        shrunk.set(p.c.key, labelFontSize(p.shapes[0]!.join(''), MAP_LABEL.font));
        return { ...p.c, width: p.c.width * k, height: p.c.height * k, ...(p.c.alts ? { alts: p.c.alts.map((a) => ({ width: a.width * k, height: a.height * k })) } : {}) };
      });
      placed.push(...placeLabels(again, discs, { area, blocked, gap: MAP_LABEL.gap, taken: placed, makeRoom: settled }));
    }
    for (const b of placed) {
      const p = byKey.get(b.key)!;
      const size = shrunk.get(b.key) ?? p.size;
      ctx.font = `${weight} ${size}px ${font()}`;
      const align: CanvasTextAlign = b.side === 'right' ? 'left' : b.side === 'left' ? 'right' : 'center';
      const x = align === 'left' ? b.x0 + 1 : align === 'right' ? b.x1 - 1 : (b.x0 + b.x1) / 2;
      if (b.offset >= 20) leader(ctx, p.c, b);
      ink(ctx, p.shapes[b.shape]!, size, x, b.y0, align, b);
      painted.push({ key: b.key, x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1, font: size, shape: b.shape });
    }
    pending = [];
  }

  return {
    reset(): void {
      painted = [];
      pending = [];
    },
    /** Large graphs: draws at once, unless it would overlap a name already drawn (only the selection may). */
    draw(ctx: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
      if (!data.label) return;
      const size = settings.labelSize;
      ctx.font = `${settings.labelWeight} ${size}px ${font()}`;
      const ls = lines(data.label);
      const { w, h } = measure(ctx, ls, size);
      const x = data.x + data.size + MAP_LABEL.gap;
      const top = data.y - h / 2;
      const box = { x0: x - 2, y0: top, x1: x + w + 2, y1: top + h + 2 };
      if (data.highlighted !== true && overlaps(box)) return;
      painted.push({ ...box, key: data.key ?? '', font: size, shape: 0 });
      ink(ctx, ls, size, x, top, 'left', box);
    },
    /** Chapter-sized maps: keeps the name for `flush`. */
    collect(ctx: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
      if (!data.label || data.key === undefined) return;
      const size = labelFontSize(data.label, settings.labelSize);
      weight = settings.labelWeight;
      labelsCtx = ctx;
      ctx.font = `${weight} ${size}px ${font()}`;
      const shapes = shapesOf(data.label);
      const [first, ...alts] = shapeSizes(ctx, data.label, size);
      pending.push({
        c: {
          key: data.key, x: data.x, y: data.y, r: data.size, width: first!.w + 2, height: first!.h + 1,
          ...(alts.length > 0 ? { alts: alts.map((a) => ({ width: a.w + 2, height: a.h + 1 })) } : {}),
          force: data.forceLabel === true || data.highlighted === true,
          priority: data.importance ?? 0,
        },
        shapes,
        size,
      });
    },
    flush,
    /** The names the last frame drew. */
    painted(): readonly PaintedName[] {
      return painted;
    },
    /**
     * Hovered or marked node: a rounded plate behind the label. On chapter-sized maps, behind the
     * name where it was placed (the frame's names are placed first); beside the node otherwise.
     */
    drawHover(ctx: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
      if (!data.label) return;
      const size = settings.labelSize;
      if (options.scene) {
        flush();
        const at = painted.find((p) => p.key === data.key);
        if (at) {
          const ls = shapesOf(data.label)[at.shape] ?? lines(data.label);
          ctx.font = `${settings.labelWeight} ${at.font}px ${font()}`;
          ctx.save();
          ctx.shadowColor = 'rgba(0,0,0,0.25)';
          ctx.shadowBlur = 6;
          ctx.fillStyle = '#ffffff';
          ctx.beginPath();
          ctx.roundRect(at.x0 - 2, at.y0 - 2, at.x1 - at.x0 + 4, at.y1 - at.y0 + 4, 5);
          ctx.fill();
          ctx.restore();
          const centre = data.x > at.x0 && data.x < at.x1;
          const align: CanvasTextAlign = centre ? 'center' : data.x <= at.x0 ? 'left' : 'right';
          const x = align === 'left' ? at.x0 + 1 : align === 'right' ? at.x1 - 1 : (at.x0 + at.x1) / 2;
          ink(ctx, ls, at.font, x, at.y0, align, null);
          return;
        }
      }
      ctx.font = `${settings.labelWeight} ${size}px ${font()}`;
      const ls = lines(data.label);
      const { w, h } = measure(ctx, ls, size);
      const x = data.x + data.size + MAP_LABEL.gap;
      const top = data.y - h / 2 - 3;
      ctx.save();
      ctx.shadowColor = 'rgba(0,0,0,0.25)';
      ctx.shadowBlur = 8;
      ctx.fillStyle = '#ffffff';
      ctx.beginPath();
      ctx.roundRect(data.x - data.size - 3, Math.min(top, data.y - data.size - 3), x - data.x + data.size + w + 9, Math.max(h + 6, 2 * data.size + 6), 6);
      ctx.fill();
      ctx.restore();
      ctx.fillStyle = '#1d1d1f';
      ls.forEach((l, i) => ctx.fillText(l, x, top + 3 + size * 0.95 + i * size * MAP_LABEL.lineHeight));
    },
  };
}
