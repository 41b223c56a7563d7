/**
 * Text for the ladder's pictures, without DOM: estimating how wide a string is drawn, wrapping
 * and fitting it into a box, and the line and block shapes placed text is given as.
 */

/** Splits `text` into lines of at most `cjkChars` CJK or `latinChars` Latin characters. */
export type WrapFn = (text: string, cjkChars: number, latinChars: number) => string[];

/** A line of text, `x` being where its anchor sits and `y` its baseline. */
export interface TextLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

export interface TextBlock {
  readonly lines: readonly TextLine[];
  /** Font size in px. */
  readonly size: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** Line height, in ems. */
export const LINE = 1.3;
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u;

/**
 * Estimated advance of `text` at `size` px in a CJK sans font (Noto Sans CJK): CJK and
 * full-width characters one em, Latin by class. Good to a few percent, enough to wrap and centre.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) {
    if (CJK.test(c)) em += 1;
    else if (c === ' ') em += 0.26;
    else if (/[iljtfI.,:;'!|]/.test(c)) em += 0.3;
    else if (/[mwMW]/.test(c)) em += 0.86;
    else if (/[A-Z]/.test(c)) em += 0.66;
    else if (/[0-9]/.test(c)) em += 0.56;
    else if (/[-–—()]/.test(c)) em += 0.36;
    else em += 0.54;
  }
  return em * size;
}

/** Wraps `text` to fit `width` px at `size` px (wrapLabel lets a lone CJK line run one over: undone). */
export function wrapTo(wrap: WrapFn, text: string, width: number, size: number): string[] {
  if (text === '') return [];
  const cjk = Math.max(2, Math.floor(width / size));
  const latin = Math.max(6, Math.floor(width / (size * 0.56)));
  const lines = wrap(text, cjk, latin);
  return lines.length === 1 && textWidth(lines[0]!, size) > width && cjk > 2 ? wrap(text, cjk - 1, latin) : lines;
}

/**
 * Wraps `text` into `width` px, shrinking the font (down to 70 %) when a word alone is wider
 * than the box, e.g. "Knowledge-based" in a narrow pole.
 */
export function fitTo(wrap: WrapFn, text: string, width: number, size: number): { lines: string[]; size: number } {
  let s = size;
  for (let i = 0; i < 4; i++) {
    const lines = wrapTo(wrap, text, width, s);
    const widest = Math.max(0, ...lines.map((l) => textWidth(l, s)));
    if (widest <= width || s <= size * 0.7) return { lines, size: s };
    s = Math.max(size * 0.7, s * (width / widest));
  }
  return { lines: wrapTo(wrap, text, width, s), size: s };
}

/** Height of a block of `lines` lines at `size` px, descenders included. */
export function blockHeight(lines: number, size: number): number {
  return lines === 0 ? 0 : size * (1 + (lines - 1) * LINE) + size * 0.28;
}
