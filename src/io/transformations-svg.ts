/**
 * The transformation view as a standalone SVG document (title, legend, fonts declared as a local
 * font-family stack, no external reference), and as PNG in the browser. Also the ladder's texts
 * in the reader's language, shared with the d3 view so both draw the same words.
 */
import { graphTitle, pick, slideLabel } from '../i18n/strings';
import { moreName, vt } from '../i18n/views';
import {
  buildLadder,
  layoutLadder,
  layoutLegend,
  layoutSides,
  rowLinks,
  rowOfCore,
  type Ladder,
  type LadderText,
  type LegendEntry,
  type LinkedItem,
  type SideItemText,
  type TextBlock,
  type Visibility,
} from '../model/ladder';
import { nodeLabel, type Lang } from '../model/sentence';
import type { LinkageGraph } from '../model/types';
import { wrapLabel } from '../model/layout-labels';
import { FONT_STACK } from '../util/fonts';
import { escapeXml } from '../util/xml';

/** Colours of the ladder's frame, shared by the view and the export. Text colours pass WCAG AA on white. */
const LADDER_COLORS = {
  ink: '#1d1d1f',
  muted: '#5f6368',
  line: '#c9cdd3',
  oldStroke: '#4a6a90',
  oldFill: '#eef3f9',
  dimension: '#5e5e12',
  selected: '#111111',
  cardFill: '#ffffff',
  background: '#ffffff',
} as const;

/** The ladder's colours for `graph`: its frame, and the new pole and arrows in the colour of the transformation kind (the vocabulary's). */
export function ladderColors(graph: LinkageGraph): typeof LADDER_COLORS & { newStroke: string; newFill: string; arrow: string } {
  const kind = (graph.getAttribute('nodeKinds') ?? []).find((k) => k.id === 'transformation');
  const newStroke = kind?.color ?? LADDER_COLORS.ink;
  return { ...LADDER_COLORS, newStroke, newFill: tint(newStroke, NEW_FILL_SHARE), arrow: newStroke };
}

/** How much of the new pole's colour its fill holds (the rest white). */
export const NEW_FILL_SHARE = 0.09;

/** `hex` mixed with white, `share` of it kept: `#rrggbb`. */
export function tint(hex: string, share: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * share).toString(16).padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`;
}

/** `wrapLabel` with the ladder's argument order. */
export const ladderWrap = (text: string, cjk: number, latin: number): string[] => wrapLabel(text, cjk, latin);

function label(graph: LinkageGraph, key: string | null, lang: Lang): string {
  if (!key || !graph.hasNode(key)) return '';
  return nodeLabel(graph.getNodeAttributes(key), lang) || key;
}

function slidesOf(graph: LinkageGraph, key: string): number[] {
  const s = graph.getNodeAttribute(key, 'slides');
  return Array.isArray(s) ? s : [];
}

/** The name of node kind `kind` in `lang` (the id when the graph does not describe it). */
function nodeKindName(graph: LinkageGraph, kind: string, lang: Lang): string {
  const info = (graph.getAttribute('nodeKinds') ?? []).find((k) => k.id === kind);
  return info ? pick(lang, info.zh, info.zhHans, info.en) : kind;
}

/** Colour of a node's kind (falls back to the node's own colour, then grey). */
export function nodeKindColor(graph: LinkageGraph, key: string): string {
  const a = graph.getNodeAttributes(key);
  const info = (graph.getAttribute('nodeKinds') ?? []).find((k) => k.id === a.kind);
  return info?.color ?? (typeof a.color === 'string' ? a.color : '#999999');
}

/** Colour of an edge's kind. */
export function edgeKindColor(graph: LinkageGraph, edge: string): string {
  const kind = graph.getEdgeAttribute(edge, 'kind');
  return (graph.getAttribute('edgeKinds') ?? []).find((k) => k.id === kind)?.color ?? '#9aa0a6';
}

/** Old and new side names: the paradigms' labels, or "Old" / "New". */
function sideTitles(graph: LinkageGraph, ladder: Ladder, lang: Lang): { old: string; new: string } {
  return {
    old: label(graph, ladder.oldParadigm, lang) || vt(lang, 'oldSide'),
    new: label(graph, ladder.newParadigm, lang) || vt(lang, 'newSide'),
  };
}

/** The ladder's texts in `lang` for the given rows (all rows by default). */
export function ladderText(graph: LinkageGraph, ladder: Ladder, lang: Lang, rows = ladder.rows): LadderText {
  const sides = sideTitles(graph, ladder, lang);
  return {
    oldTitle: sides.old,
    newTitle: sides.new,
    midTitle: vt(lang, 'midHeader'),
    rows: rows.map((r) => ({
      dimension: label(graph, r.dimension, lang),
      from: label(graph, r.from, lang),
      to: label(graph, r.to, lang),
      label: label(graph, r.key, lang),
      cite: slideLabel(lang, r.slides),
    })),
  };
}

/** Linked items with their label and "kind · slides" line in `lang`. */
export function sideItemsText(graph: LinkageGraph, items: readonly LinkedItem[], lang: Lang): SideItemText[] {
  return items.map((it) => {
    const kind = nodeKindName(graph, graph.getNodeAttribute(it.key, 'kind'), lang);
    const slides = slideLabel(lang, slidesOf(graph, it.key));
    return { ...it, label: label(graph, it.key, lang), meta: slides ? `${kind} · ${slides}` : kind };
  });
}

/** Side column headings: "linked on the old side" for a row, "傳統行政的特征" without one. */
export function sideHeadings(graph: LinkageGraph, ladder: Ladder, lang: Lang, active: number | null): { old: string; new: string } {
  if (active !== null) return { old: vt(lang, 'linkedOld'), new: vt(lang, 'linkedNew') };
  const s = sideTitles(graph, ladder, lang);
  const of = vt(lang, 'traitsOf');
  return lang === 'en' ? { old: `${s.old}: ${of}`, new: `${s.new}: ${of}` } : { old: `${s.old}${of}`, new: `${s.new}${of}` };
}

/** "傳統行政 → 電子政務 · 8 項轉化". */
export function ladderHeading(graph: LinkageGraph, ladder: Ladder, lang: Lang, shown = ladder.rows.length): string {
  const s = sideTitles(graph, ladder, lang);
  const n = lang === 'en' ? `${shown} ${vt(lang, 'ladderTitleN')}` : `${shown} ${vt(lang, 'ladderTitleN')}`;
  return `${s.old} → ${s.new} · ${n}`;
}

export interface TransformationsSvgOptions {
  /**
   * A node whose row is brought forward with its links (a transformation, pole or dimension;
   * or any node a row links to). Default: none, the side columns show what characterizes
   * each paradigm.
   */
  active?: string | null;
  /** A node drawn as selected (outlined). */
  selected?: string | null;
  /** Only these nodes and edges (the filters); rows whose transformation is hidden are left out. */
  visible?: Visibility;
  /** Width in px; default 1400. */
  width?: number;
  /** Base font size in px; default 20. */
  fontSize?: number;
  /** Side columns with linked items; default true. */
  sides?: boolean;
  /** Title text; default "傳統行政 → 電子政務 · 8 項轉化". */
  title?: string;
  /** Legend below the ladder; default true. */
  legend?: boolean;
}

function n(v: number): string {
  return String(Math.round(v * 100) / 100);
}

function textEl(block: TextBlock, attrs: string): string {
  const anchor = block.anchor === 'start' ? '' : ` text-anchor="${block.anchor}"`;
  return block.lines
    .map((l) => `<text x="${n(l.x)}" y="${n(l.y)}" font-size="${n(block.size)}"${anchor} ${attrs}>${escapeXml(l.text)}</text>`)
    .join('');
}

/** Font stacks as an attribute value (names in single quotes). */
function fontAttr(lang: Lang): string {
  return (lang === 'zh-Hans' ? FONT_STACK.hans : FONT_STACK.hant).replace(/"/g, "'");
}

/**
 * The transformation view as a standalone SVG document: title, paradigm headers, the rows
 * (old pole → new pole, dimension, transformation, slides), the linked items of the active row
 * (or of each paradigm), and a legend. Fonts are a local family stack; nothing is fetched.
 * Text comes from the graph and is escaped. Returns an SVG string (with XML declaration).
 */
export function transformationsSvg(graph: LinkageGraph, lang: Lang, options: TransformationsSvgOptions = {}): string {
  const ladder = buildLadder(graph);
  const visible = options.visible ?? {};
  const rows = ladder.rows.filter((r) => !visible.nodes || visible.nodes.has(r.key));
  const width = options.width ?? 1400;
  const fs = options.fontSize ?? 20;
  const sides = options.sides ?? true;
  const heading = options.title ?? ladderHeading(graph, ladder, lang, rows.length);
  const chapter = graphTitle(graph, lang);
  const text: LadderText = { ...ladderText(graph, ladder, lang, rows), title: heading, subtitle: chapter || undefined };
  const layout = layoutLadder(text, { width, fontSize: fs, sides, wrap: ladderWrap });
  const C = ladderColors(graph);

  // The active row (index among the rows drawn), and its links.
  const activeKey = options.active ?? null;
  let activeFull = rowOfCore(ladder, activeKey);
  if (activeFull === null && activeKey !== null) {
    for (const r of rows) {
      if (rowLinks(graph, ladder, r.index, visible).items.some((it) => it.key === activeKey)) {
        activeFull = r.index;
        break;
      }
    }
  }
  const activeShown = activeFull === null ? -1 : rows.findIndex((r) => r.index === activeFull);
  const active = activeShown < 0 ? null : activeShown;
  const links = active === null ? rowLinks(graph, ladder, null, visible) : rowLinks(graph, ladder, rows[active]!.index, visible);
  const lit = new Set(active === null ? [] : [active, ...links.rows.map((i) => rows.findIndex((r) => r.index === i)).filter((i) => i >= 0)]);
  const headings = sideHeadings(graph, ladder, lang, active);
  const side = sides
    ? layoutSides(layout, sideItemsText(graph, links.items, lang), active, {
        wrap: ladderWrap,
        oldHeading: headings.old,
        newHeading: headings.new,
        more: (count) => moreName(lang, count),
      })
    : null;

  // Legend entries: the ladder's marks, then the kinds of the linked items shown.
  const entries: LegendEntry[] = [
    { label: vt(lang, 'legendOld'), color: C.oldStroke, shape: 'old' },
    { label: vt(lang, 'legendNew'), color: C.newStroke, shape: 'new' },
    { label: vt(lang, 'legendArrow'), color: C.arrow, shape: 'arrow' },
    { label: vt(lang, 'legendDimension'), color: C.dimension, shape: 'text' },
  ];
  const kindsShown = new Set(side?.cards.map((c) => graph.getNodeAttribute(c.key, 'kind')) ?? []);
  for (const k of graph.getAttribute('nodeKinds') ?? []) {
    if (kindsShown.has(k.id)) entries.push({ label: pick(lang, k.zh, k.zhHans, k.en), color: k.color, shape: 'dot' });
  }
  const legendTop = Math.max(layout.height, (side?.bottom ?? 0) + fs);
  const legendTitleSize = fs * 0.8;
  const legend = options.legend === false ? null : layoutLegend(entries, fs * 1.1, legendTop + legendTitleSize * 1.4, width - fs * 2.2, fs);
  const height = Math.ceil(legend ? legendTop + legendTitleSize * 1.4 + legend.height + fs : legendTop);

  // Drawing.
  const out: string[] = [];
  const desc = text.rows.map((r, i) => `${i + 1}. ${r.label} (${r.from} → ${r.to})`).join('; ');
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="ladder-title ladder-desc" xml:lang="${lang}">`,
  );
  out.push(`<title id="ladder-title">${escapeXml(heading)}</title>`);
  out.push(`<desc id="ladder-desc">${escapeXml(desc)}</desc>`);
  const family = fontAttr(lang);
  out.push(`<style>text{font-family:${family};}.b{font-weight:700}.m{font-weight:500}</style>`);
  out.push(`<defs><marker id="ladder-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="${n(fs * 0.5)}" markerHeight="${n(fs * 0.5)}" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10z" fill="${C.arrow}"/></marker></defs>`);
  out.push(`<rect width="${width}" height="${height}" fill="${C.background}"/>`);
  out.push(`<g font-family="${family}">`);
  if (layout.title) out.push(textEl(layout.title, `class="b" fill="${C.ink}"`));
  if (layout.subtitle) out.push(textEl(layout.subtitle, `fill="${C.muted}"`));
  out.push(textEl(layout.headers.old, `class="b" fill="${C.oldStroke}"`));
  out.push(textEl(layout.headers.new, `class="b" fill="${C.newStroke}"`));
  out.push(textEl(layout.headers.mid, `fill="${C.muted}"`));

  // Connectors under the rows and cards.
  if (side) {
    for (const l of side.links) {
      out.push(`<path d="${l.d}" fill="none" stroke="${edgeKindColor(graph, l.edge)}" stroke-width="${n(l.depth === 1 ? fs * 0.12 : fs * 0.09)}" stroke-opacity="0.85"/>`);
    }
  }
  layout.rows.forEach((row, i) => {
    const r = rows[i]!;
    const dim = active !== null && !lit.has(i);
    /** Stroke of a pole box: its side's colour, or the selection's. */
    const stroke = (key: string, color: string) =>
      key === options.selected ? `stroke="${C.selected}" stroke-width="${n(fs * 0.18)}"` : `stroke="${color}" stroke-width="${n(fs * 0.1)}"`;
    out.push(`<g id="row-${escapeXml(r.key)}"${dim ? ' opacity="0.3"' : ''}>`);
    if (active === i) out.push(`<rect x="${n(layout.columns.ladder.x - fs * 0.3)}" y="${n(row.y0)}" width="${n(layout.columns.ladder.w + fs * 0.6)}" height="${n(row.y1 - row.y0)}" rx="${n(fs * 0.5)}" fill="#f6f5fb"/>`);
    out.push(`<circle cx="${n(row.number.cx)}" cy="${n(row.number.cy)}" r="${n(row.number.r)}" fill="${C.newStroke}"/>`);
    out.push(`<text x="${n(row.number.cx)}" y="${n(row.number.cy + fs * 0.3)}" font-size="${n(fs * 0.85)}" text-anchor="middle" class="b" fill="#ffffff">${row.number.text}</text>`);
    out.push(`<line x1="${n(row.arrow.x1)}" y1="${n(row.arrow.y)}" x2="${n(row.arrow.x2)}" y2="${n(row.arrow.y)}" stroke="${C.arrow}" stroke-width="${n(fs * 0.14)}" marker-end="url(#ladder-arrow)"/>`);
    out.push(`<rect x="${n(row.from.x)}" y="${n(row.from.y)}" width="${n(row.from.w)}" height="${n(row.from.h)}" rx="${n(fs * 0.4)}" fill="${C.oldFill}" ${stroke(r.from, C.oldStroke)}/>`);
    out.push(textEl(row.from.text, `class="m" fill="${C.ink}"`));
    out.push(`<rect x="${n(row.to.x)}" y="${n(row.to.y)}" width="${n(row.to.w)}" height="${n(row.to.h)}" rx="${n(fs * 0.4)}" fill="${C.newFill}" ${stroke(r.to, C.newStroke)}/>`);
    out.push(textEl(row.to.text, `class="m" fill="${C.ink}"`));
    out.push(textEl(row.dimension.text, `class="m" fill="${C.dimension}"`));
    out.push(textEl(row.label.text, `fill="${C.ink}"${options.selected === r.key ? ' class="b"' : ''}`));
    out.push(textEl(row.cite, `fill="${C.muted}"`));
    out.push('</g>');
  });

  if (side) {
    for (const h of [side.headings.old, side.headings.new]) out.push(textEl(h, `class="b" fill="${C.muted}"`));
    for (const c of side.cards) {
      const selected = c.key === options.selected;
      out.push(`<g id="item-${escapeXml(c.key)}">`);
      out.push(`<rect x="${n(c.x)}" y="${n(c.y)}" width="${n(c.w)}" height="${n(c.h)}" rx="${n(fs * 0.3)}" fill="${C.cardFill}" stroke="${selected ? C.selected : C.line}" stroke-width="${n(selected ? fs * 0.14 : fs * 0.06)}"/>`);
      out.push(`<circle cx="${n(c.chip.cx)}" cy="${n(c.chip.cy)}" r="${n(c.chip.r)}" fill="${nodeKindColor(graph, c.key)}" stroke="#000000" stroke-opacity="0.35" stroke-width="1"/>`);
      out.push(textEl(c.label, `fill="${C.ink}"`));
      out.push(textEl(c.meta, `fill="${C.muted}"`));
      out.push('</g>');
    }
    for (const m of side.more) out.push(textEl(m, `fill="${C.muted}"`));
  }

  if (legend) {
    out.push(`<text x="${n(fs * 1.1)}" y="${n(legendTop + legendTitleSize)}" font-size="${n(legendTitleSize)}" class="b" fill="${C.muted}">${escapeXml(vt(lang, 'legend'))}</text>`);
    for (const it of legend.items) {
      const s = it.swatch;
      if (it.shape === 'old' || it.shape === 'new') {
        out.push(`<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" rx="${n(s.h * 0.3)}" fill="${it.shape === 'old' ? C.oldFill : C.newFill}" stroke="${it.color}" stroke-width="${n(fs * 0.1)}"/>`);
      } else if (it.shape === 'arrow') {
        out.push(`<line x1="${n(s.x)}" y1="${n(s.y + s.h / 2)}" x2="${n(s.x + s.w)}" y2="${n(s.y + s.h / 2)}" stroke="${it.color}" stroke-width="${n(fs * 0.14)}" marker-end="url(#ladder-arrow)"/>`);
      } else if (it.shape === 'text') {
        out.push(`<text x="${n(s.x + s.w / 2)}" y="${n(s.y + s.h * 0.85)}" font-size="${n(s.h)}" text-anchor="middle" class="b" fill="${it.color}">Aa</text>`);
      } else {
        out.push(`<circle cx="${n(s.x + s.w / 2)}" cy="${n(s.y + s.h / 2)}" r="${n(s.h * 0.42)}" fill="${it.color}" stroke="#000000" stroke-opacity="0.35" stroke-width="1"/>`);
      }
      out.push(`<text x="${n(it.text.x)}" y="${n(it.text.y)}" font-size="${n(fs * 0.78)}" fill="${C.ink}">${escapeXml(it.text.text)}</text>`);
    }
  }
  out.push('</g></svg>');
  return out.join('\n');
}

/** The pixel size of an SVG document made by {@link transformationsSvg}. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('linkage/transformations-svg: the SVG has no width and height.');
  return { width: Number(m[1]), height: Number(m[2]) };
}

/**
 * Rasterises an SVG document to a PNG blob at `scale` × its size (browser only). Fonts resolve
 * from the fonts installed locally, like the page's.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('linkage/transformations-svg: the SVG could not be drawn as an image.'));
    });
    img.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('linkage/transformations-svg: no 2D canvas.');
    ctx.fillStyle = LADDER_COLORS.background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('linkage/transformations-svg: the PNG could not be encoded.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

