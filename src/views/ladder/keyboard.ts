/**
 * The ladder from the keyboard: one roving tab stop among the rows' cells (arrows move it,
 * Home and End jump, Enter or Space selects), arrows between side cards, and the keyboard's
 * cell following the selection when the selection is part of a row.
 */
import { rowOfCore, type Ladder, type LadderRow } from '../../model/ladder';
import type { LadderLayers } from './page';
import { CELLS, nodeOfCell, type Cell, type CellFocus } from './rows';

/**
 * Handles a key pressed inside the ladder's SVG: `setFocus` records the keyboard's new cell
 * before the cell is focused; `goTo` selects a node.
 */
export function onLadderKey(ev: KeyboardEvent, layers: LadderLayers, shown: readonly LadderRow[], goTo: (key: string) => void, setFocus: (focus: CellFocus) => void): void {
  const target = (ev.target as Element).closest('g.cell, g.card') as SVGGElement | null;
  if (!target) return;
  if (target.classList.contains('card')) {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      const cards = [...layers.cards.node()!.querySelectorAll<SVGGElement>('g.card')];
      const i = cards.indexOf(target);
      cards[Math.max(0, Math.min(cards.length - 1, i + (ev.key === 'ArrowDown' ? 1 : -1)))]?.focus();
      ev.preventDefault();
    }
    return;
  }
  const row = Number(target.dataset.row);
  let cell = target.dataset.cell as Cell;
  let next = row;
  if (ev.key === 'Enter' || ev.key === ' ') {
    ev.preventDefault();
    if (target.dataset.node) goTo(target.dataset.node);
    return;
  }
  if (ev.key === 'ArrowDown') next = Math.min(shown.length - 1, row + 1);
  else if (ev.key === 'ArrowUp') next = Math.max(0, row - 1);
  else if (ev.key === 'Home') next = 0;
  else if (ev.key === 'End') next = shown.length - 1;
  else if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') {
    const step = ev.key === 'ArrowRight' ? 1 : -1;
    let i = CELLS.indexOf(cell) + step;
    while (i >= 0 && i < CELLS.length && !nodeOfCell(shown[row]!, CELLS[i]!)) i += step;
    if (i < 0 || i >= CELLS.length) return;
    cell = CELLS[i]!;
  } else return;
  ev.preventDefault();
  if (!nodeOfCell(shown[next]!, cell)) cell = 'label';
  setFocus({ row: next, cell });
  layers.rows.select<SVGGElement>(`g.cell[data-row="${next}"][data-cell="${cell}"]`).node()?.focus();
}

/** The keyboard's cell for a new selection: its cell when it is part of a row shown, else null. */
export function focusOfSelection(ladder: Ladder, shown: readonly LadderRow[], selected: string | null): CellFocus | null {
  const core = rowOfCore(ladder, selected);
  const at = core === null ? -1 : shown.findIndex((r) => r.index === core);
  if (at < 0) return null;
  const row = shown[at]!;
  const cell = CELLS.find((c) => nodeOfCell(row, c) === selected) ?? 'label';
  return { row: at, cell };
}
