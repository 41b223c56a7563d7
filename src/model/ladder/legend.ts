/** The legend: its entries flowed left to right in lines under the picture. */
import type { Rect } from './ladder-layout';
import { textWidth, type TextLine } from './text';

export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  /** How the swatch is drawn. */
  readonly shape: 'old' | 'new' | 'arrow' | 'dot' | 'text';
}

export interface LegendItem extends LegendEntry {
  readonly x: number;
  readonly y: number;
  /** Swatch box, left of the text. */
  readonly swatch: Rect;
  readonly text: TextLine;
}

/** Legend entries flowed left to right in lines from (x, y) within `width`. */
export function layoutLegend(entries: readonly LegendEntry[], x: number, y: number, width: number, fontSize: number): { items: LegendItem[]; height: number } {
  const size = fontSize * 0.78;
  const sw = size * 1.8;
  const gap = size * 1.4;
  const lineH = size * 1.9;
  let cx = x;
  let cy = y;
  const items: LegendItem[] = [];
  for (const e of entries) {
    const w = sw + size * 0.5 + textWidth(e.label, size);
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += lineH;
    }
    items.push({
      ...e,
      x: cx,
      y: cy,
      swatch: { x: cx, y: cy + (lineH - size * 1.1) / 2, w: sw, h: size * 1.1 },
      text: { text: e.label, x: cx + sw + size * 0.5, y: cy + lineH / 2 + size * 0.36 },
    });
    cx += w + gap;
  }
  return { items, height: entries.length ? cy - y + lineH : 0 };
}
