/**
 * Text in the ladder's SVG: a layout's TextBlock written as <text> lines, and the same text as
 * one string (for accessible names), both with the spaces a reader expects between lines.
 */
import type { Selection } from 'd3-selection';
import type { TextBlock } from '../../model/ladder';

const CJK_CHAR = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u;

/**
 * The lines of a wrapped text as the DOM should hold them: a space ends a line when the break
 * fell between two words (not inside CJK text), and after the last line when `more` follows,
 * so that the element's text reads as the label does (and matches its accessible name).
 */
function domLines(lines: readonly string[], more = false): string[] {
  return lines.map((line, i) => {
    const next = lines[i + 1];
    if (next === undefined) return more ? `${line} ` : line;
    const a = line[line.length - 1] ?? '';
    const b = next[0] ?? '';
    return CJK_CHAR.test(a) && CJK_CHAR.test(b) ? line : `${line} `;
  });
}

/** Appends a TextBlock's lines as <text> elements, shifted by (-dx, -dy). */
export function drawText<D>(parent: Selection<SVGGElement, D, null | SVGGElement, unknown>, block: TextBlock, cls: string, dx = 0, dy = 0, more = false): void {
  const texts = domLines(block.lines.map((l) => l.text), more);
  block.lines.forEach((line, i) => {
    parent
      .append('text')
      .attr('class', cls)
      .attr('x', line.x - dx)
      .attr('y', line.y - dy)
      .attr('font-size', block.size)
      .attr('text-anchor', block.anchor)
      .text(texts[i]!);
  });
}

/** The text a block shows, as one string (the way {@link drawText} writes it). */
export function shownText(block: TextBlock, more = false): string {
  return domLines(block.lines.map((l) => l.text), more).join('');
}
