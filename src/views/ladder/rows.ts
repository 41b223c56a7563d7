/**
 * The ladder's rows: the layout sized to fit the pane, the rows and their cells drawn (old
 * pole, dimension, transformation, new pole), and on every render the dimming that brings the
 * active and linked rows forward and marks the selection and the keyboard's cell.
 */
import { easeCubicOut } from 'd3-ease';
import 'd3-transition';
import { rowName, vt } from '../../i18n/views';
import { ladderWrap } from '../../io/transformations-svg';
import { layoutLadder, type LadderLayout, type LadderRow, type LadderText, type RowBox } from '../../model/ladder';
import { nodeLabel, type Lang } from '../../model/sentence';
import type { LinkageGraph } from '../../model/types';
import type { LadderLayers } from './page';
import { drawText, shownText } from './svg-text';

/** Cells of a row, left to right, for arrow keys. */
export const CELLS = ['from', 'dimension', 'label', 'to'] as const;
export type Cell = (typeof CELLS)[number];

/** The keyboard's cell: a row (index among the rows shown) and a cell in it. */
export interface CellFocus {
  row: number;
  cell: Cell;
}

/** The node a cell stands for (null for a row without a dimension). */
export const nodeOfCell = (row: LadderRow, cell: Cell): string | null =>
  cell === 'from' ? row.from : cell === 'to' ? row.to : cell === 'dimension' ? row.dimension : row.key;

/** Type as large as fits the pane, so a projected ladder fills the screen without scrolling. */
export function fitLadder(text: LadderText, width: number, room: number): LadderLayout {
  const at = (fs: number) => layoutLadder(text, { width, fontSize: Math.round(fs * 2) / 2, wrap: ladderWrap });
  // The largest type (14 to 28 px, by halves) at which the ladder fits the pane's height.
  let lo = 14;
  let hi = Math.max(lo, Math.min(28, width / 58));
  let layout = at(hi);
  if (room > 300 && layout.height > room) {
    while (hi - lo > 0.5) {
      const mid = (lo + hi) / 2;
      if (at(mid).height <= room) lo = mid;
      else hi = mid;
    }
    layout = at(lo);
  }
  return layout;
}

/** What the rows report back: the pointer entering a row, a click, a cell taking focus. */
export interface RowHandlers {
  hover(row: number): void;
  goTo(key: string): void;
  focusCell(focus: CellFocus): void;
}

/** The rows: redrawn when the language, width or rows shown change. */
export function drawRows(layers: LadderLayers, L: LadderLayout, graph: LinkageGraph, shown: readonly LadderRow[], lang: Lang, on: RowHandlers): void {
  const { svg, headers: gHeaders, rows: gRows } = layers;
  svg.select('#ladder-arrowhead').attr('markerWidth', L.fontSize * 0.55).attr('markerHeight', L.fontSize * 0.55);
  gHeaders.selectAll('*').remove();
  drawText(gHeaders, L.headers.old, 'header old');
  drawText(gHeaders, L.headers.new, 'header new');
  drawText(gHeaders, L.headers.mid, 'header mid');
  gRows.selectAll('*').remove();
  L.rows.forEach((box) => {
    const row = shown[box.index]!;
    const text = (key: string | null) => (key ? nodeLabel(graph.getNodeAttributes(key), lang) || key : '');
    const g = gRows
      .append('g')
      .datum(box)
      .attr('class', 'row')
      .attr('data-row', box.index)
      .attr('data-node', row.key)
      .attr('role', 'group')
      .attr('aria-label', `${rowName(lang, box.index + 1)}: ${text(row.key)}`)
      .on('pointerenter', () => on.hover(box.index))
      .on('click', (ev: MouseEvent) => {
        if (!(ev.target as Element).closest('g.cell')) on.goTo(row.key);
      });
    g.append('rect')
      .attr('class', 'band')
      .attr('x', L.columns.ladder.x - L.fontSize * 0.3)
      .attr('y', box.y0)
      .attr('width', L.columns.ladder.w + L.fontSize * 0.6)
      .attr('height', box.y1 - box.y0)
      .attr('rx', L.fontSize * 0.5);
    g.append('circle').attr('class', 'number').attr('cx', box.number.cx).attr('cy', box.number.cy).attr('r', box.number.r).attr('aria-hidden', 'true');
    g.append('text')
      .attr('class', 'number-text')
      .attr('x', box.number.cx)
      .attr('y', box.number.cy + L.fontSize * 0.3)
      .attr('font-size', L.fontSize * 0.85)
      .attr('text-anchor', 'middle')
      .attr('aria-hidden', 'true')
      .text(box.number.text);
    g.append('line')
      .attr('class', 'arrow')
      .attr('x1', box.arrow.x1)
      .attr('x2', box.arrow.x2)
      .attr('y1', box.arrow.y)
      .attr('y2', box.arrow.y)
      .attr('stroke-width', L.fontSize * 0.14)
      .attr('marker-end', 'url(#ladder-arrowhead)');
    const cellNames: Record<Cell, string> = {
      from: vt(lang, 'oldPole'),
      dimension: vt(lang, 'dimension'),
      label: vt(lang, 'transformation'),
      to: vt(lang, 'newPole'),
    };
    for (const cell of CELLS) {
      const node = nodeOfCell(row, cell);
      if (!node) continue;
      const rect = cell === 'from' ? box.from : cell === 'to' ? box.to : cell === 'dimension' ? box.dimension : box.label;
      const c = g
        .append('g')
        .attr('class', `cell cell-${cell}`)
        .attr('role', 'button')
        .attr('tabindex', -1)
        .attr('data-row', box.index)
        .attr('data-cell', cell)
        .attr('data-node', node)
        // The name holds the visible text as drawn (wrapped lines joined), then the cite.
        .attr('aria-label', `${cellNames[cell]}: ${shownText(rect.text, cell === 'label' && box.cite.lines.length > 0)}${cell === 'label' ? shownText(box.cite) : ''}`)
        .on('click', () => on.goTo(node))
        .on('focus', () => on.focusCell({ row: box.index, cell }));
      const padX = cell === 'dimension' || cell === 'label' ? L.fontSize * 0.3 : 0;
      c.append('rect')
        .attr('class', cell === 'from' ? 'pole old' : cell === 'to' ? 'pole new' : 'hit')
        .attr('x', rect.x - padX)
        .attr('y', rect.y - (padX ? L.fontSize * 0.15 : 0))
        .attr('width', rect.w + 2 * padX)
        .attr('height', rect.h + (padX ? L.fontSize * 0.3 : 0))
        .attr('rx', L.fontSize * 0.4);
      drawText(c, rect.text, cell === 'from' || cell === 'to' ? 'pole-text' : cell === 'dimension' ? 'dimension-text' : 'label-text', 0, 0, cell === 'label' && box.cite.lines.length > 0);
      if (cell === 'label') drawText(c, box.cite, 'cite');
    }
  });
}

/** What the rows show on this render. */
export interface RowMarks {
  /** The active row (index among the rows shown), or null. */
  active: number | null;
  /** Rows shown at full strength (the active row and those it links to). */
  lit: ReadonlySet<number>;
  selected: string | null;
  /** Nodes passing the filters. */
  filtered: ReadonlySet<string>;
  focus: CellFocus;
  duration: number;
}

/** Rows: dim all but the active and linked ones; mark the selection and the roving focus. */
export function markRows(layers: LadderLayers, m: RowMarks): void {
  const { active, lit } = m;
  layers.rows
    .selectAll<SVGGElement, RowBox>('g.row')
    .classed('active', (r) => r.index === active)
    .classed('lit', (r) => lit.has(r.index))
    .transition()
    .duration(m.duration)
    .ease(easeCubicOut)
    .attr('opacity', (r) => (active === null && lit.size === 0) || lit.has(r.index) ? 1 : 0.3);
  layers.rows.selectAll<SVGGElement, unknown>('g.cell').each(function () {
    const g = this as SVGGElement;
    const row = Number(g.dataset.row);
    const cell = g.dataset.cell as Cell;
    g.classList.toggle('selected', g.dataset.node === m.selected);
    // A pole or dimension the filters hide stays in its row (the row needs it), drawn faint.
    g.classList.toggle('filtered', !m.filtered.has(g.dataset.node ?? ''));
    g.setAttribute('tabindex', row === m.focus.row && cell === m.focus.cell ? '0' : '-1');
    g.setAttribute('aria-pressed', String(g.dataset.node === m.selected));
  });
}
