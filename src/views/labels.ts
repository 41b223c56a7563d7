/**
 * Canvas label drawing for the network: wraps long CJK and English labels over lines, draws a
 * halo for legibility, and skips a label that would overlap one already drawn in this frame.
 */
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';

/** Font stacks of locally installed CJK fonts; never fetched from another origin. */
export const FONT_STACK = {
  hant: '"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK SC", system-ui, sans-serif',
  hans: '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK TC", system-ui, sans-serif',
} as const;

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** Characters a CJK line must not start with (closing punctuation). */
const NO_LINE_START = new Set([...'，。、；：！？）」』”’,.;:!?)]】》〉…-']);

/**
 * Splits a label into lines of at most `cjkWidth` CJK characters or `latinWidth` Latin
 * characters, breaking Latin text at spaces and never starting a CJK line with closing punctuation.
 */
export function wrapLabel(label: string, cjkWidth = 8, latinWidth = 20, maxLines = 4): string[] {
  const lines = wrapLines(label, cjkWidth, latinWidth);
  if (lines.length <= maxLines) return lines;
  // A label longer than a few lines is cut with an ellipsis; the panel shows it whole.
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${[...kept[maxLines - 1]!].slice(0, -1).join('')}…`;
  return kept;
}

function wrapLines(label: string, cjkWidth: number, latinWidth: number): string[] {
  const chars = [...label];
  if (chars.some((c) => CJK.test(c))) {
    if (chars.length <= cjkWidth + 1) return [label];
    const lines: string[] = [];
    const count = Math.ceil(chars.length / cjkWidth);
    const width = Math.ceil(chars.length / count); // balance the lines
    let i = 0;
    while (i < chars.length) {
      let end = Math.min(chars.length, i + width);
      while (end < chars.length && NO_LINE_START.has(chars[end]!)) end++;
      lines.push(chars.slice(i, end).join(''));
      i = end;
    }
    return lines;
  }
  if (label.length <= latinWidth) return [label];
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    // A run far longer than a line (a URL, text without spaces) is cut into line-sized pieces;
    // an ordinary long word stays whole.
    const pieces = word.length > Math.max(2 * latinWidth, 30) ? word.match(new RegExp(`.{1,${latinWidth}}`, 'gu')) ?? [word] : [word];
    for (const piece of pieces) {
      if (line && line.length + 1 + piece.length > latinWidth) {
        lines.push(line);
        line = piece;
      } else line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;

/**
 * A label painter bound to one renderer: `reset()` before each frame (on sigma's
 * `beforeRender`), `draw` as sigma's `defaultDrawNodeLabel`, `drawHover` for hovered nodes.
 */
export function createLabelPainter(font: () => string, wrapCache = new Map<string, string[]>()) {
  let drawn: Box[] = [];
  const lines = (label: string): string[] => {
    let l = wrapCache.get(label);
    if (!l) {
      l = wrapLabel(label);
      wrapCache.set(label, l);
    }
    return l;
  };
  const measure = (ctx: CanvasRenderingContext2D, ls: string[], size: number) => {
    let w = 0;
    for (const l of ls) w = Math.max(w, ctx.measureText(l).width);
    return { w, h: ls.length * size * 1.2 };
  };
  const overlaps = (b: Box): boolean => drawn.some((d) => b.x0 < d.x1 && b.x1 > d.x0 && b.y0 < d.y1 && b.y1 > d.y0);

  function paint(ctx: CanvasRenderingContext2D, data: LabelData, settings: Settings, force: boolean): void {
    if (!data.label) return;
    const size = settings.labelSize;
    ctx.font = `${settings.labelWeight} ${size}px ${font()}`;
    const ls = lines(data.label);
    const { w, h } = measure(ctx, ls, size);
    const x = data.x + data.size + 4;
    const y = data.y - h / 2 + size * 0.5;
    const box = { x0: x - 2, y0: y - size, x1: x + w + 2, y1: y - size + h + 2 };
    if (!force && overlaps(box)) return;
    drawn.push(box);
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = 'rgba(255,255,255,0.92)';
    ctx.fillStyle = '#1d1d1f';
    ls.forEach((l, i) => {
      ctx.strokeText(l, x, y + i * size * 1.2);
      ctx.fillText(l, x, y + i * size * 1.2);
    });
  }

  return {
    reset(): void {
      drawn = [];
    },
    draw(ctx: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
      // Only the selection (and path ends) may overlap others; every other label yields.
      paint(ctx, data, settings, data.highlighted === true);
    },
    /** Hovered node: a rounded plate behind the label. */
    drawHover(ctx: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
      if (!data.label) return;
      const size = settings.labelSize;
      ctx.font = `${settings.labelWeight} ${size}px ${font()}`;
      const ls = lines(data.label);
      const { w, h } = measure(ctx, ls, size);
      const x = data.x + data.size + 4;
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
      ls.forEach((l, i) => ctx.fillText(l, x, top + 3 + size * 0.95 + i * size * 1.2));
      drawn.push({ x0: x - 2, y0: top, x1: x + w + 2, y1: top + h + 6 });
    },
  };
}
