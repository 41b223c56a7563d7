/**
 * Concept names as boxes, without a canvas: how a label wraps on the map and how wide it is
 * drawn (a width table measured from Noto Sans CJK in Chromium), so that the compile-time layout
 * can leave room for every name and the map can frame names, not only nodes.
 */

/**
 * How a chapter-sized map draws names: font size of Chinese names and of Latin ones (CSS px at
 * the default view), wrap widths, line height, gap between disc and name, and the share of a
 * node's `size` its disc is drawn at (small discs leave the room to the names).
 */
export const MAP_LABEL = { font: 12, latinFont: 12, cjk: 6, latin: 18, lineHeight: 1.2, gap: 4, disc: 0.5 } as const;

/** True when a label is set in Chinese (wrapped by characters, drawn at the Chinese size). */
function isCjkLabel(label: string): boolean {
  for (const c of label) if (c.charCodeAt(0) >= 0x2e80 && CJK.test(c)) return true;
  return false;
}

/** The font size a label is drawn at when Chinese names are drawn at `font`. */
export function labelFontSize(label: string, font: number = MAP_LABEL.font): number {
  return isCjkLabel(label) ? font : (font * MAP_LABEL.latinFont) / MAP_LABEL.font;
}

const CJK = /[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201f\u2026]/;
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
  if (isCjkLabel(label)) {
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

/**
 * Advance widths of printable ASCII (space to ~) in Noto Sans CJK at weight 500, in hundredths
 * of an em, as Chromium measures them; the CJK fonts' Latin is the same in TC and SC.
 */
const ASCII_WIDTHS = [
  22, 32, 47, 55, 55, 92, 68, 28, 34, 34, 47, 55, 28, 35, 28, 39, 55, 55, 55, 55, 55, 55, 55, 55, 55, 55, 28, 28, 55, 55, 55, 47,
  95, 61, 66, 64, 69, 59, 55, 69, 73, 29, 53, 65, 54, 81, 72, 74, 63, 74, 63, 60, 60, 72, 57, 88, 57, 53, 60, 34, 39, 34, 55, 56,
  61, 56, 62, 51, 62, 55, 32, 56, 61, 27, 27, 55, 28, 93, 61, 61, 62, 62, 39, 47, 38, 61, 52, 80, 50, 52, 47, 34, 27, 34, 55,
];

/** Symbols Noto Sans CJK draws a full em wide beside Latin text: arrows (`A → B`), the middle dot, ×, maths operators, shapes. */
const FULL_WIDTH = /[\u00b7\u00d7\u2190-\u21ff\u2200-\u22ff\u25a0-\u25ff]/;
/** A few more of its widths, in ems: the en and em dash. */
const OTHER_WIDTHS: Readonly<Record<string, number>> = { '\u2013': 0.536, '\u2014': 0.894 };

/** Characters every CJK face draws a full em wide, whichever the reader has: Han, CJK punctuation, full-width forms. */
const FULL_EM_IN_ANY_FACE = /^[\u2e80-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]+$/;

/**
 * The width in ems of a line set wholly in characters every CJK face draws a full em wide, or
 * null when it has any other (the map then measures it with the reader's font).
 */
export function fullWidthEms(line: string): number | null {
  return FULL_EM_IN_ANY_FACE.test(line) ? line.length : null;
}

/** Width of one line in ems: full-width for CJK (and CJK punctuation) and the symbols above, the table for ASCII, 0.6 em otherwise. */
export function lineEms(line: string): number {
  let w = 0;
  for (const c of line) {
    const code = c.charCodeAt(0);
    if (code >= 32 && code < 127) w += ASCII_WIDTHS[code - 32]! / 100;
    else if (CJK.test(c) || FULL_WIDTH.test(c)) w += 1;
    else w += OTHER_WIDTHS[c] ?? 0.6;
  }
  return w;
}

/** A label's drawn box in CSS px at `font` px: its wrapped lines, width and height. */
export interface LabelBox {
  lines: string[];
  width: number;
  height: number;
}

/** Wraps a label as the map does and estimates its box when Chinese names are drawn at `font` px. */
export function labelBox(label: string, font: number = MAP_LABEL.font): LabelBox {
  const lines = label ? wrapLabel(label, MAP_LABEL.cjk, MAP_LABEL.latin) : [];
  const size = labelFontSize(label, font);
  let ems = 0;
  for (const l of lines) ems = Math.max(ems, lineEms(l));
  return { lines, width: ems * size, height: lines.length * size * MAP_LABEL.lineHeight };
}

/** The names the map may draw for a node: 繁體, 简体 and (scripts `all`) English, the short map name when there is one. */
export function mapNames(a: { label?: unknown; labelHans?: unknown; labelEn?: unknown; mapEn?: unknown }, scripts: 'all' | 'chinese' = 'all'): Array<string | undefined> {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const names = [text(a.label), text(a.labelHans)];
  if (scripts === 'all') names.push(text(a.mapEn) ?? text(a.labelEn));
  return names;
}

/** The widest and tallest of a node's names in its three scripts: the room the layout keeps for it. */
export function nameRoom(labels: Iterable<string | undefined | null>, font: number = MAP_LABEL.font): { width: number; height: number } {
  let width = 0, height = 0;
  for (const l of labels) {
    if (!l) continue;
    const b = labelBox(l, font);
    width = Math.max(width, b.width);
    height = Math.max(height, b.height);
  }
  return { width, height };
}
