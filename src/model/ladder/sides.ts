/**
 * The side columns beside the ladder: cards for the nodes a row links to, stacked under a
 * heading on the old and new side, and the connectors from the row to them.
 */
import type { LadderLayout } from './ladder-layout';
import type { LinkedItem } from './structure';
import { LINE, blockHeight, fitTo, textWidth, wrapTo, type TextBlock, type TextLine, type WrapFn } from './text';

/** A linked item's texts. */
export interface SideItemText extends LinkedItem {
  readonly label: string;
  /** Small line under the label: kind and slides. */
  readonly meta: string;
}

export interface SideCard {
  readonly key: string;
  readonly side: 'old' | 'new';
  readonly depth: 1 | 2;
  readonly via: string;
  readonly edge: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly label: TextBlock;
  readonly meta: TextBlock;
  /** Where the colour chip sits. */
  readonly chip: { readonly cx: number; readonly cy: number; readonly r: number };
}

/** A connector: from the row (or paradigm header) to a depth-1 card, or parent to child card. */
export interface SideLink {
  /** `${via}>${key}`: stable across renders. */
  readonly id: string;
  readonly key: string;
  readonly edge: string;
  readonly depth: 1 | 2;
  /** SVG path data. */
  readonly d: string;
}

export interface SideLayout {
  readonly cards: readonly SideCard[];
  readonly links: readonly SideLink[];
  /** Column headings. */
  readonly headings: { readonly old: TextBlock; readonly new: TextBlock };
  /** "and N more" per side, when a column holds more than fits. */
  readonly more: readonly (TextBlock & { readonly side: 'old' | 'new'; readonly count: number })[];
  /** Lowest point drawn: the picture is max(layout.height, bottom + padding) tall. */
  readonly bottom: number;
}

export interface SideOptions {
  wrap: WrapFn;
  /** Column headings. */
  oldHeading: string;
  newHeading: string;
  /** "and N more". */
  more(count: number): string;
  /** Most cards per column; default 14. */
  maxPerSide?: number;
}

/**
 * The small "kind · slides" line: one line, shrunk to 80 % if need be; else broken at its
 * " · " separators (never inside a slide list), each part shrunk to fit.
 */
function fitMeta(meta: string, width: number, size: number): { lines: string[]; size: number } {
  const w = textWidth(meta, size);
  if (w <= width) return { lines: [meta], size };
  if (w * 0.8 <= width) return { lines: [meta], size: size * (width / w) };
  const parts = meta.split(' · ');
  const widest = Math.max(...parts.map((p) => textWidth(p, size)));
  return { lines: parts, size: widest <= width ? size : Math.max(size * 0.7, size * (width / widest)) };
}

/** A horizontal cubic link, as d3-shape's linkHorizontal draws it. */
export function horizontalLink(x0: number, y0: number, x1: number, y1: number): string {
  const mx = (x0 + x1) / 2;
  return `M${r2(x0)},${r2(y0)}C${r2(mx)},${r2(y0)},${r2(mx)},${r2(y1)},${r2(x1)},${r2(y1)}`;
}

function r2(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Cards for the linked items in the side columns, stacked under a heading and centred on the
 * active row (or starting at the top when `active` is null), with connectors: row edge → card
 * for depth 1 (from the paradigm header when no row is active), an elbow parent → child for
 * depth 2. Columns hold at most `maxPerSide` cards; the rest are counted in `more`.
 */
export function layoutSides(layout: LadderLayout, items: readonly SideItemText[], active: number | null, options: SideOptions): SideLayout {
  const fs = layout.fontSize;
  const max = options.maxPerSide ?? 14;
  const labelSize = fs * 0.82;
  const metaSize = fs * 0.66;
  const padIn = fs * 0.42;
  const indent = fs * 1.3;
  const cardGap = fs * 0.38;
  const headSize = fs * 0.8;
  const row = active === null ? null : layout.rows[active] ?? null;
  const cards: SideCard[] = [];
  const links: SideLink[] = [];
  const more: (TextBlock & { side: 'old' | 'new'; count: number })[] = [];
  let bottom = layout.rowsBottom;
  const headingY = layout.headers.y;

  const headings = {
    old: { size: headSize, anchor: 'start' as const, lines: [] as TextLine[] },
    new: { size: headSize, anchor: 'start' as const, lines: [] as TextLine[] },
  };
  for (const side of ['old', 'new'] as const) {
    const col = side === 'old' ? layout.columns.oldSide : layout.columns.newSide;
    if (!col) continue;
    const heading = wrapTo(options.wrap, side === 'old' ? options.oldHeading : options.newHeading, col.w, headSize);
    headings[side] = {
      size: headSize,
      anchor: 'start',
      lines: heading.map((text, i) => ({ text, x: col.x, y: headingY + headSize * 0.93 + i * headSize * LINE })),
    };
    const top = headingY + blockHeight(heading.length, headSize) + fs * 0.6;
    const list = items.filter((it) => it.side === side);
    // Children follow their parent, so cutting the tail never leaves a child without it.
    const shown = list.slice(0, max);
    const hidden = list.length - shown.length;
    const sized = shown.map((it) => {
      const w = col.w - (it.depth === 2 ? indent : 0);
      const fit = fitTo(options.wrap, it.label, w - 2 * padIn - fs * 0.9, labelSize);
      const meta = fitMeta(it.meta, w - 2 * padIn - fs * 0.9, metaSize);
      const h = blockHeight(fit.lines.length, fit.size) + meta.lines.length * meta.size * LINE + 2 * padIn;
      return { it, w, lines: fit.lines, size: fit.size, meta, h };
    });
    const total = sized.reduce((s, c) => s + c.h, 0) + Math.max(0, sized.length - 1) * cardGap + (hidden ? metaSize * 2 : 0);
    const anchorY = row ? row.axis : top;
    let y = row ? anchorY - total / 2 : top;
    y = Math.max(top, Math.min(y, Math.max(top, layout.rowsBottom - total)));
    const placed = new Map<string, SideCard>();
    for (const { it, w, lines, size, meta, h } of sized) {
      const x = col.x + (it.depth === 2 ? indent : 0);
      const textX = x + padIn + fs * 0.9;
      const card: SideCard = {
        key: it.key,
        side,
        depth: it.depth,
        via: it.via,
        edge: it.edge,
        x,
        y,
        w,
        h,
        chip: { cx: x + padIn + fs * 0.3, cy: y + padIn + size * 0.6, r: fs * 0.28 },
        label: { size, anchor: 'start', lines: lines.map((text, i) => ({ text, x: textX, y: y + padIn + size * 0.93 + i * size * LINE })) },
        meta: {
          size: meta.size,
          anchor: 'start',
          lines: meta.lines.map((text, i) => ({ text, x: textX, y: y + padIn + blockHeight(lines.length, size) + meta.size * (1.05 + i * LINE) })),
        },
      };
      cards.push(card);
      placed.set(it.key, card);
      const midY = y + h / 2;
      if (it.depth === 1) {
        let d: string;
        if (row) {
          d = side === 'old' ? horizontalLink(row.from.x, row.axis, x + w, midY) : horizontalLink(row.to.x + row.to.w, row.axis, x, midY);
        } else {
          const header = side === 'old' ? layout.headers.old : layout.headers.new;
          const hx = side === 'old' ? layout.columns.from.x : layout.columns.to.x + layout.columns.to.w;
          const hy = (header.lines[0]?.y ?? headingY) - header.size * 0.35;
          d = side === 'old' ? horizontalLink(hx, hy, x + w, midY) : horizontalLink(hx, hy, x, midY);
        }
        links.push({ id: `${it.via}>${it.key}`, key: it.key, edge: it.edge, depth: 1, d });
      } else {
        const parent = placed.get(it.via);
        if (parent) {
          const ex = parent.x + indent * 0.5;
          links.push({ id: `${it.via}>${it.key}`, key: it.key, edge: it.edge, depth: 2, d: `M${r2(ex)},${r2(parent.y + parent.h)}V${r2(midY)}H${r2(x)}` });
        }
      }
      y += h + cardGap;
    }
    if (hidden > 0) {
      more.push({ side, count: hidden, size: metaSize, anchor: 'start', lines: [{ text: options.more(hidden), x: col.x, y: y + metaSize }] });
      y += metaSize * 2;
    }
    bottom = Math.max(bottom, y);
  }
  return { cards, links, headings, more, bottom };
}
