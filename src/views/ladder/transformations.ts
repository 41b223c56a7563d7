/**
 * The transformation view (d3, SVG): 傳統行政 on the left, 電子政務 on the right, one row per
 * transformation in chapter order. Pointing at, focusing or selecting a row brings forward
 * what the graph links to it in the side columns and dims the rest. Layout comes from
 * model/ladder.ts; this folder only joins it to the SVG and wires events to state actions.
 *
 * This file mounts the view: it holds the view's local state (width, pointer, keyboard cell,
 * layout), renders each part and wires the events. The parts: page.ts (heading, buttons,
 * figure, empty message, full screen), rows.ts (the rows: fitted, drawn, dimmed), active.ts
 * (which rows are brought forward), sides.ts (the side columns), caption.ts, keyboard.ts,
 * export.ts (SVG and PNG), svg-text.ts (text in the SVG).
 */
import { prefersReducedMotion } from '../../util/motion';
import 'd3-transition';
import { ladderColors, ladderText } from '../../io/transformations-svg';
import { buildLadder, type LadderLayout, type LadderRow } from '../../model/ladder';
import { select as selectNode } from '../../state/actions';
import type { AppContext } from '../registry';
import { filteredLinks, highlight } from './active';
import { renderCaption } from './caption';
import { exportLadder } from './export';
import { focusOfSelection, onLadderKey } from './keyboard';
import { buildPage, renderPage } from './page';
import { drawRows, fitLadder, markRows, type CellFocus, type RowHandlers } from './rows';
import { drawSides, layoutSideColumns } from './sides';
import './transformations.css';

export function mount(container: HTMLElement, ctx: AppContext): () => void {
  const { session } = ctx;
  const { graph } = session;
  const ladder = buildLadder(graph);

  // 1. Page: heading and export buttons, the figure, the caption for the active row.
  // Export: what is shown (filters, selection) as a standalone SVG or a PNG.
  const page = buildPage(container, (kind) => exportLadder(ctx, kind), ladderColors(graph).newStroke);
  const { root, figure, svgEl, layers } = page;

  // 2. Local state: the width, the row under the pointer, the keyboard's cell.
  let width = 0;
  let hoverRow: number | null = null;
  let focus: CellFocus = { row: 0, cell: 'label' };
  let focusInside = false;
  let layout: LadderLayout | null = null;
  let layoutKey: unknown[] = [];
  let shown: LadderRow[] = [];

  const linksNow = filteredLinks(graph, ladder, session);
  const goTo = (key: string) => session.update((s) => selectNode(s, key));
  const rowHandlers: RowHandlers = {
    hover: (row) => {
      hoverRow = row;
      render();
    },
    goTo,
    focusCell: (cell) => {
      focus = cell;
      focusInside = true;
      render();
    },
  };

  // 3. Drawing.
  function render(): void {
    const state = session.state();
    const lang = state.lang;
    const d = session.derived();
    shown = ladder.rows.filter((r) => d.filteredNodes.has(r.key));
    if (!renderPage(page, graph, ladder, shown, lang, session)) return;

    // The rows are laid out again when the language, the width, the room or the rows change.
    const w = Math.max(720, Math.floor(width || figure.clientWidth || 1100));
    const room = (document.fullscreenElement === root ? root : container).clientHeight - figure.offsetTop - 16;
    const key = [lang, w, room, ...shown.map((r) => r.key)];
    if (!layout || key.length !== layoutKey.length || key.some((v, i) => v !== layoutKey[i])) {
      layoutKey = key;
      layout = fitLadder(ladderText(graph, ladder, lang, shown), w, room);
      drawRows(layers, layout, graph, shown, lang, rowHandlers);
    }
    focus = { row: Math.min(focus.row, shown.length - 1), cell: focus.cell };

    // The active row: pointer, then keyboard focus, then the selection.
    const visible = { nodes: d.filteredNodes, edges: d.filteredEdges };
    const { active, links, lit } = highlight(graph, ladder, shown, visible, state.selected, hoverRow ?? (focusInside ? focus.row : null), linksNow);
    const side = layoutSideColumns(graph, ladder, layout, links.items, lang, active);
    const height = Math.ceil(Math.max(layout.height, side.bottom + layout.fontSize));
    layers.svg.attr('width', layout.width).attr('height', height).attr('viewBox', `0 0 ${layout.width} ${height}`);

    const duration = prefersReducedMotion() ? 0 : 260;
    markRows(layers, { active, lit, selected: state.selected, filtered: d.filteredNodes, focus, duration });
    drawSides(layers, side, graph, { lang, selected: state.selected, fontSize: layout.fontSize, duration, goTo });
    renderCaption(page.caption, graph, shown, active, links.items, lang, goTo);
  }

  const onFullscreen = () => render();
  document.addEventListener('fullscreenchange', onFullscreen);

  // 4. Events: pointer, keyboard, state, size.
  svgEl.addEventListener('pointerleave', () => {
    hoverRow = null;
    render();
  });
  svgEl.addEventListener('focusout', (ev) => {
    if (!svgEl.contains(ev.relatedTarget as Node | null)) {
      focusInside = false;
      render();
    }
  });
  svgEl.addEventListener('keydown', (ev) =>
    onLadderKey(ev, layers, shown, goTo, (cell) => {
      focus = cell;
    }),
  );

  const unsubscribe = session.subscribe((s, d, prev) => {
    if (s.selected !== prev.selected) {
      // The keyboard's cell follows the selection when it is part of a row.
      const cell = focusOfSelection(ladder, shown, s.selected);
      if (cell) focus = cell;
    }
    const filtered = d.filteredNodes !== lastFiltered.nodes || d.filteredEdges !== lastFiltered.edges;
    lastFiltered = { nodes: d.filteredNodes, edges: d.filteredEdges };
    if (s.selected !== prev.selected || s.lang !== prev.lang || filtered) render();
  });
  let lastFiltered = { nodes: session.derived().filteredNodes, edges: session.derived().filteredEdges };

  const observer = new ResizeObserver((entries) => {
    let changed = false;
    for (const entry of entries) {
      if (entry.target === figure) {
        const w = Math.floor(entry.contentRect.width);
        if (w > 0 && Math.abs(w - width) > 2) {
          width = w;
          changed = true;
        }
      } else if (entry.target === container && Math.abs(entry.contentRect.height - paneHeight) > 2) {
        paneHeight = entry.contentRect.height;
        changed = true;
      } else if (entry.target === root && document.fullscreenElement === root) changed = true;
    }
    if (changed) render();
  });
  let paneHeight = container.clientHeight;
  observer.observe(figure);
  observer.observe(container);
  observer.observe(root);
  width = figure.clientWidth;
  render();

  return () => {
    unsubscribe();
    observer.disconnect();
    document.removeEventListener('fullscreenchange', onFullscreen);
    if (document.fullscreenElement === root) void document.exitFullscreen().catch(() => undefined);
    layers.svg.selectAll('*').interrupt();
    root.remove();
  };
}
