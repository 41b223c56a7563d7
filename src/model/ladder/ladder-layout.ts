/**
 * The ladder's layout: columns, title, paradigm headers, and per row the numbered pole boxes,
 * the arrow, the dimension above it and the transformation with its slides below.
 */
import { LINE, blockHeight, fitTo, textWidth, wrapTo, type TextBlock, type WrapFn } from './text';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Texts of one row, in the reader's language. */
export interface RowText {
  readonly dimension: string;
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /** The slides cited, e.g. "第 6 張". */
  readonly cite: string;
}

export interface LadderText {
  readonly rows: readonly RowText[];
  /** Header over the old poles (傳統行政) and the new poles (電子政務). */
  readonly oldTitle: string;
  readonly newTitle: string;
  /** Header over the middle column. */
  readonly midTitle: string;
  /** Title and subtitle above everything (the export has them; the view uses HTML). */
  readonly title?: string;
  readonly subtitle?: string;
}

export interface RowBox {
  readonly index: number;
  /** Top and bottom of the row band (hit area), and the y of its arrow. */
  readonly y0: number;
  readonly y1: number;
  readonly axis: number;
  readonly number: { readonly cx: number; readonly cy: number; readonly r: number; readonly text: string };
  readonly from: Rect & { readonly text: TextBlock };
  readonly to: Rect & { readonly text: TextBlock };
  /** The dimension above the arrow, the transformation and its slides below. */
  readonly dimension: Rect & { readonly text: TextBlock };
  readonly label: Rect & { readonly text: TextBlock };
  readonly cite: TextBlock;
  readonly arrow: { readonly x1: number; readonly x2: number; readonly y: number };
}

export interface LadderLayout {
  readonly width: number;
  /** Bottom of the ladder (side columns may reach lower: see {@link SideLayout.bottom}). */
  readonly height: number;
  readonly fontSize: number;
  readonly sides: boolean;
  readonly columns: {
    readonly oldSide: { readonly x: number; readonly w: number } | null;
    readonly newSide: { readonly x: number; readonly w: number } | null;
    readonly ladder: { readonly x: number; readonly w: number };
    readonly from: { readonly x: number; readonly w: number };
    readonly mid: { readonly x: number; readonly w: number };
    readonly to: { readonly x: number; readonly w: number };
  };
  readonly title: TextBlock | null;
  readonly subtitle: TextBlock | null;
  readonly headers: { readonly old: TextBlock; readonly new: TextBlock; readonly mid: TextBlock; readonly y: number };
  readonly rows: readonly RowBox[];
  readonly rowsTop: number;
  readonly rowsBottom: number;
}

export interface LayoutOptions {
  /** Total width in px; default 1200. */
  width?: number;
  /** Base font size in px; default 18. */
  fontSize?: number;
  /** Reserve side columns for linked items; default true. */
  sides?: boolean;
  wrap: WrapFn;
}

const DEFAULTS = { width: 1200, fontSize: 18, sides: true } as const;

/** Lines centred on `cx`, first baseline at `top + size`. */
function centred(lines: readonly string[], cx: number, top: number, size: number): TextBlock {
  return { size, anchor: 'middle', lines: lines.map((text, i) => ({ text, x: cx, y: top + size * 0.93 + i * size * LINE })) };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/**
 * Positions of the ladder: title, paradigm headers, and per row the numbered old pole box,
 * the arrow with the dimension above and the transformation (with its slides) below, and the
 * new pole box. Deterministic: the same text and options give the same numbers.
 */
export function layoutLadder(text: LadderText, options: LayoutOptions): LadderLayout {
  if (typeof options?.wrap !== 'function') throw new Error('linkage/ladder: layoutLadder needs a `wrap` function.');
  const W = options.width ?? DEFAULTS.width;
  const fs = options.fontSize ?? DEFAULTS.fontSize;
  if (!(W > 0) || !(fs > 0)) throw new Error(`linkage/ladder: width and fontSize must be positive (got ${W}, ${fs}).`);
  const sides = options.sides ?? DEFAULTS.sides;
  const wrap = options.wrap;
  const pad = Math.round(fs * 1.1);

  // 1. Columns.
  const sideW = sides ? clamp(W * 0.18, fs * 10, fs * 16) : 0;
  const gap = sides ? fs * 2.6 : 0;
  const lx = pad + sideW + gap;
  const lw = Math.max(fs * 20, W - 2 * lx);
  const numW = fs * 2;
  const arrowGap = fs * 0.7;
  const poleW = clamp((lw - numW) * 0.25, fs * 5.5, fs * 12);
  const fromX = lx + numW;
  const midX = fromX + poleW + arrowGap;
  const midW = lw - numW - 2 * poleW - 2 * arrowGap;
  const toX = midX + midW + arrowGap;

  // 2. Title and headers.
  let y = pad;
  let title: TextBlock | null = null;
  let subtitle: TextBlock | null = null;
  if (text.title) {
    const size = fs * 1.5;
    const lines = wrapTo(wrap, text.title, W - 2 * pad, size);
    title = { size, anchor: 'start', lines: lines.map((t, i) => ({ text: t, x: pad, y: y + size * 0.93 + i * size * LINE })) };
    y += blockHeight(lines.length, size) + fs * 0.3;
  }
  if (text.subtitle) {
    const size = fs * 0.8;
    const lines = wrapTo(wrap, text.subtitle, W - 2 * pad, size);
    subtitle = { size, anchor: 'start', lines: lines.map((t, i) => ({ text: t, x: pad, y: y + size * 0.93 + i * size * LINE })) };
    y += blockHeight(lines.length, size) + fs * 0.6;
  }
  const hSize = fs * 1.3;
  const midSize = fs * 0.78;
  const oldLines = wrapTo(wrap, text.oldTitle, poleW + numW, hSize);
  const newLines = wrapTo(wrap, text.newTitle, poleW + numW, hSize);
  const headerH = Math.max(blockHeight(oldLines.length, hSize), blockHeight(newLines.length, hSize));
  const headers = {
    y,
    old: centred(oldLines, fromX + poleW / 2, y, hSize),
    new: centred(newLines, toX + poleW / 2, y, hSize),
    mid: centred(wrapTo(wrap, text.midTitle, midW, midSize), midX + midW / 2, y + Math.max(0, headerH - blockHeight(1, midSize)), midSize),
  };
  y += headerH + fs * 0.7;

  // 3. Rows.
  const poleSize = fs * 1.1;
  const dimSize = fs * 0.82;
  const labelSize = fs * 0.92;
  const citeSize = fs * 0.72;
  const padIn = fs * 0.5;
  const rowGap = fs * 0.55;
  const rowsTop = y;
  const rows: RowBox[] = text.rows.map((rt, index) => {
    const fromFit = fitTo(wrap, rt.from, poleW - 2 * padIn, poleSize);
    const toFit = fitTo(wrap, rt.to, poleW - 2 * padIn, poleSize);
    const poleH = Math.max(blockHeight(fromFit.lines.length, fromFit.size), blockHeight(toFit.lines.length, toFit.size)) + 2 * padIn;
    const dimLines = wrapTo(wrap, rt.dimension, midW - fs, dimSize);
    const labelLines = wrapTo(wrap, rt.label, midW - fs, labelSize);
    const dimH = blockHeight(dimLines.length, dimSize);
    const citeW = textWidth(rt.cite, citeSize);
    // The cite follows the last label line when it fits, else takes a line of its own.
    const lastW = labelLines.length ? textWidth(labelLines[labelLines.length - 1]!, labelSize) : 0;
    const citeInline = rt.cite !== '' && labelLines.length > 0 && lastW + fs * 0.5 + citeW <= midW - fs;
    const labelH = blockHeight(labelLines.length, labelSize) + (rt.cite && !citeInline ? citeSize * LINE : 0);
    const above = Math.max(dimH + fs * 0.45, poleH / 2);
    const below = Math.max(labelH + fs * 0.4, poleH / 2);
    const y0 = y;
    const axis = y0 + rowGap / 2 + above;
    const y1 = axis + below + rowGap / 2;
    y = y1;
    const cx = midX + midW / 2;
    const dimension = { x: midX, y: axis - fs * 0.35 - dimH, w: midW, h: dimH, text: centred(dimLines, cx, axis - fs * 0.35 - dimH, dimSize) };
    const labelTop = axis + fs * 0.4;
    const label = {
      x: midX,
      y: labelTop,
      w: midW,
      h: labelH,
      text: {
        size: labelSize,
        anchor: 'middle' as const,
        lines: labelLines.map((t, i) => {
          const last = i === labelLines.length - 1;
          const shift = last && citeInline ? -(fs * 0.5 + citeW) / 2 : 0;
          return { text: t, x: cx + shift, y: labelTop + labelSize * 0.93 + i * labelSize * LINE };
        }),
      },
    };
    const lastLine = label.text.lines[label.text.lines.length - 1];
    const cite: TextBlock =
      rt.cite === ''
        ? { size: citeSize, anchor: 'start', lines: [] }
        : citeInline && lastLine
          ? { size: citeSize, anchor: 'start', lines: [{ text: rt.cite, x: lastLine.x + lastW / 2 + fs * 0.5, y: lastLine.y }] }
          : { size: citeSize, anchor: 'middle', lines: [{ text: rt.cite, x: cx, y: labelTop + blockHeight(labelLines.length, labelSize) + citeSize }] };
    const box = (x: number, fit: { lines: string[]; size: number }) => ({
      x,
      y: axis - poleH / 2,
      w: poleW,
      h: poleH,
      text: centred(fit.lines, x + poleW / 2, axis - blockHeight(fit.lines.length, fit.size) / 2, fit.size),
    });
    return {
      index,
      y0,
      y1,
      axis,
      number: { cx: lx + numW * 0.4, cy: axis, r: fs * 0.72, text: String(index + 1) },
      from: box(fromX, fromFit),
      to: box(toX, toFit),
      dimension,
      label,
      cite,
      arrow: { x1: fromX + poleW + fs * 0.15, x2: toX - fs * 0.15, y: axis },
    };
  });
  const rowsBottom = y;
  return {
    width: W,
    height: y + pad,
    fontSize: fs,
    sides,
    columns: {
      oldSide: sides ? { x: pad, w: sideW } : null,
      newSide: sides ? { x: W - pad - sideW, w: sideW } : null,
      ladder: { x: lx, w: lw },
      from: { x: fromX, w: poleW },
      mid: { x: midX, w: midW },
      to: { x: toX, w: poleW },
    },
    title,
    subtitle,
    headers,
    rows,
    rowsTop,
    rowsBottom,
  };
}
