/**
 * The transformation view (d3, SVG): 傳統行政 on the left, 電子政務 on the right, one row per
 * transformation in chapter order. Pointing at, focusing or selecting a row brings forward
 * what the graph links to it in the side columns and dims the rest. Layout comes from
 * model/ladder.ts; this file only joins it to the SVG and wires events to state actions.
 */
import { download } from '../../io/download';
import { prefersReducedMotion } from '../../util/motion';
import { easeCubicOut } from 'd3-ease';
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import { el, replaceChildren } from '../../dom';
import { slideLabel, t } from '../../i18n/strings';
import { moreName, rowName, vt } from '../../i18n/views';
import {
  LADDER_COLORS as C,
  edgeKindColor,
  ladderHeading,
  ladderText,
  ladderWrap,
  nodeKindColor,
  sideHeadings,
  sideItemsText,
  svgToPng,
  transformationsSvg,
} from '../../io/transformations-svg';
import {
  allRowLinks,
  buildLadder,
  layoutLadder,
  layoutSides,
  rowLinks,
  rowOfCore,
  type LadderLayout,
  type LadderLinks,
  type LadderRow,
  type RowBox,
  type SideCard,
  type SideLink,
  type TextBlock,
} from '../../model/ladder';
import { edgeSentence, nodeLabel } from '../../model/sentence';
import { resetFilters, select as selectNode, setView } from '../../state/actions';
import type { AppState } from '../../state/types';
import { sentenceElement } from '../common';
import type { AppContext } from '../registry';
import './transformations.css';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Cells of a row, left to right, for arrow keys. */
const CELLS = ['from', 'dimension', 'label', 'to'] as const;
type Cell = (typeof CELLS)[number];


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
function drawText<D>(parent: Selection<SVGGElement, D, null | SVGGElement, unknown>, block: TextBlock, cls: string, dx = 0, dy = 0, more = false): void {
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
function shownText(block: TextBlock, more = false): string {
  return domLines(block.lines.map((l) => l.text), more).join('');
}


export function mount(container: HTMLElement, ctx: AppContext): () => void {
  const { session } = ctx;
  const { graph } = session;
  const ladder = buildLadder(graph);

  // 1. Page: heading and export buttons, the figure, the caption for the active row.
  const heading = el('h2', { id: 'ladder-heading' });
  const hint = el('p', { class: 'ladder-hint' });
  const svgButton = el('button', { type: 'button', id: 'export-svg', onclick: () => void exportAs('svg') });
  const pngButton = el('button', { type: 'button', id: 'export-png', onclick: () => void exportAs('png') });
  const fullButton = el('button', { type: 'button', id: 'ladder-fullscreen', onclick: () => void toggleFullscreen() });
  const actions = el('div', { class: 'ladder-actions' }, fullButton, svgButton, pngButton);
  const empty = el('div', { class: 'ladder-empty', hidden: true });
  const figure = el('div', { class: 'ladder-figure' });
  const caption = el('section', { class: 'ladder-caption', 'aria-labelledby': 'ladder-caption-title' });
  const root = el('div', { class: 'ladder-view' }, el('header', { class: 'ladder-head' }, el('div', {}, heading, hint), actions), empty, figure, caption);
  container.append(root);

  const svgEl = document.createElementNS(SVG_NS, 'svg');
  figure.append(svgEl);
  // Not itself a tab stop (Chrome makes an SVG whose content overflows it one): its cells are.
  const svg = select(svgEl).attr('class', 'ladder').attr('role', 'group').attr('aria-labelledby', 'ladder-heading').attr('tabindex', -1);
  svg
    .append('defs')
    .append('marker')
    .attr('id', 'ladder-arrowhead')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerUnits', 'userSpaceOnUse')
    .attr('orient', 'auto')
    .append('path')
    .attr('d', 'M0,0L10,5L0,10z')
    .attr('fill', C.arrow);
  const gHeaders = svg.append('g').attr('class', 'headers').attr('aria-hidden', 'true');
  const gLinks = svg.append('g').attr('class', 'links').attr('aria-hidden', 'true');
  const gRows = svg.append('g').attr('class', 'rows');
  const gSideHead = svg.append('g').attr('class', 'side-headings').attr('aria-hidden', 'true');
  const gCards = svg.append('g').attr('class', 'cards');

  // 2. Local state: the width, the row under the pointer, the keyboard's cell.
  let width = 0;
  let hoverRow: number | null = null;
  let focus: { row: number; cell: Cell } = { row: 0, cell: 'label' };
  let focusInside = false;
  let layout: LadderLayout | null = null;
  let layoutKey: unknown[] = [];
  let linksMemo: { nodes: unknown; edges: unknown; value: LadderLinks } | null = null;
  let shown: LadderRow[] = [];

  const linksNow = (): LadderLinks => {
    const d = session.derived();
    if (!linksMemo || linksMemo.nodes !== d.filteredNodes || linksMemo.edges !== d.filteredEdges) {
      linksMemo = { nodes: d.filteredNodes, edges: d.filteredEdges, value: allRowLinks(graph, ladder, { nodes: d.filteredNodes, edges: d.filteredEdges }) };
    }
    return linksMemo.value;
  };

  /** Index (among the rows shown) of the row the selection belongs to, or brings forward. */
  const selectedRow = (state: AppState): number | null => {
    const core = rowOfCore(ladder, state.selected);
    const fromCore = core === null ? -1 : shown.findIndex((r) => r.index === core);
    if (fromCore >= 0) return fromCore;
    if (state.selected === null) return null;
    for (const i of linksNow().rowsOf.get(state.selected) ?? []) {
      const at = shown.findIndex((r) => r.index === i);
      if (at >= 0) return at;
    }
    return null;
  };

  const nodeOfCell = (row: LadderRow, cell: Cell): string | null =>
    cell === 'from' ? row.from : cell === 'to' ? row.to : cell === 'dimension' ? row.dimension : row.key;

  const goTo = (key: string) => session.update((s) => selectNode(s, key));

  // 3. Drawing.
  function render(): void {
    const state = session.state();
    const lang = state.lang;
    const d = session.derived();
    shown = ladder.rows.filter((r) => d.filteredNodes.has(r.key));
    heading.textContent = ladderHeading(graph, ladder, lang, shown.length);
    hint.textContent = `${vt(lang, 'ladderHint')} ${vt(lang, 'ladderKeys')}`;
    fullButton.textContent = vt(lang, document.fullscreenElement === root ? 'exitFullscreen' : 'fullscreen');
    fullButton.hidden = !document.fullscreenEnabled;
    svgButton.textContent = vt(lang, 'exportSvg');
    pngButton.textContent = vt(lang, 'exportPng');
    svgButton.disabled = pngButton.disabled = ladder.rows.length === 0;

    // Nothing to draw: say so plainly.
    hint.hidden = actions.hidden = ladder.rows.length === 0;
    if (ladder.rows.length === 0) heading.textContent = t(lang, 'view-transformations');
    if (shown.length === 0) {
      figure.hidden = true;
      caption.hidden = true;
      empty.hidden = false;
      const message = ladder.rows.length === 0 ? vt(lang, 'noTransformations') : vt(lang, 'allFiltered');
      replaceChildren(
        empty,
        el('p', { role: 'status' }, message),
        ladder.rows.length === 0
          ? el(
              'p',
              { class: 'ladder-empty-actions' },
              el('button', { type: 'button', onclick: () => session.update((s) => setView(s, 'network')) }, t(lang, 'view-network')),
              el('button', { type: 'button', onclick: () => session.update((s) => setView(s, 'outline')) }, t(lang, 'view-outline')),
            )
          : el('p', {}, el('button', { type: 'button', onclick: () => session.update(resetFilters) }, vt(lang, 'resetFilters'))),
      );
      return;
    }
    figure.hidden = false;
    caption.hidden = false;
    empty.hidden = true;
    if (ladder.skipped.length > 0) {
      empty.hidden = false;
      replaceChildren(empty, el('p', { class: 'muted' }, `${ladder.skipped.length} ${vt(lang, 'skipped')} ${ladder.skipped.map((s) => nodeLabel(graph.getNodeAttributes(s.key), lang) || s.key).join(lang === 'en' ? ', ' : '、')}`));
    }

    // Type as large as fits the pane, so a projected ladder fills the screen without scrolling.
    const w = Math.max(720, Math.floor(width || figure.clientWidth || 1100));
    const room = (document.fullscreenElement === root ? root : container).clientHeight - figure.offsetTop - 16;
    const key = [lang, w, room, ...shown.map((r) => r.key)];
    if (!layout || key.length !== layoutKey.length || key.some((v, i) => v !== layoutKey[i])) {
      layoutKey = key;
      const text = ladderText(graph, ladder, lang, shown);
      const at = (fs: number) => layoutLadder(text, { width: w, fontSize: Math.round(fs * 2) / 2, wrap: ladderWrap });
      // The largest type (14 to 28 px, by halves) at which the ladder fits the pane's height.
      let lo = 14;
      let hi = Math.max(lo, Math.min(28, w / 58));
      layout = at(hi);
      if (room > 300 && layout.height > room) {
        while (hi - lo > 0.5) {
          const mid = (lo + hi) / 2;
          if (at(mid).height <= room) lo = mid;
          else hi = mid;
        }
        layout = at(lo);
      }
      drawLadder(layout, state);
    }
    focus = { row: Math.min(focus.row, shown.length - 1), cell: focus.cell };

    // The active row: pointer, then keyboard focus, then the selection.
    const sel = selectedRow(state);
    const active = hoverRow ?? (focusInside ? focus.row : null) ?? sel;
    const links = active === null ? rowLinks(graph, ladder, null, { nodes: d.filteredNodes, edges: d.filteredEdges }) : linksNow().byRow[shown[active]!.index]!;
    const lit = new Set<number>();
    if (active !== null) {
      lit.add(active);
      for (const i of links.rows) {
        const at = shown.findIndex((r) => r.index === i);
        if (at >= 0) lit.add(at);
      }
    }
    if (state.selected !== null && rowOfCore(ladder, state.selected) === null) {
      for (const i of linksNow().rowsOf.get(state.selected) ?? []) {
        const at = shown.findIndex((r) => r.index === i);
        if (at >= 0) lit.add(at);
      }
    }
    const headings = sideHeadings(graph, ladder, lang, active);
    const side = layoutSides(layout, sideItemsText(graph, links.items, lang), active, {
      wrap: ladderWrap,
      oldHeading: headings.old,
      newHeading: headings.new,
      more: (n) => moreName(lang, n),
    });
    const height = Math.ceil(Math.max(layout.height, side.bottom + layout.fontSize));
    svg.attr('width', layout.width).attr('height', height).attr('viewBox', `0 0 ${layout.width} ${height}`);

    const duration = prefersReducedMotion() ? 0 : 260;
    // Rows: dim all but the active and linked ones; mark the selection and the roving focus.
    gRows
      .selectAll<SVGGElement, RowBox>('g.row')
      .classed('active', (r) => r.index === active)
      .classed('lit', (r) => lit.has(r.index))
      .transition()
      .duration(duration)
      .ease(easeCubicOut)
      .attr('opacity', (r) => (active === null && lit.size === 0) || lit.has(r.index) ? 1 : 0.3);
    gRows.selectAll<SVGGElement, unknown>('g.cell').each(function () {
      const g = this as SVGGElement;
      const row = Number(g.dataset.row);
      const cell = g.dataset.cell as Cell;
      g.classList.toggle('selected', g.dataset.node === state.selected);
      // A pole or dimension the filters hide stays in its row (the row needs it), drawn faint.
      g.classList.toggle('filtered', !d.filteredNodes.has(g.dataset.node ?? ''));
      g.setAttribute('tabindex', row === focus.row && cell === focus.cell ? '0' : '-1');
      g.setAttribute('aria-pressed', String(g.dataset.node === state.selected));
    });
    drawSide(side.cards, side.links, side, state, duration);
    renderCaption(active, links.items, state);
  }

  /** The rows: redrawn when the language, width or rows shown change. */
  function drawLadder(L: LadderLayout, state: AppState): void {
    const lang = state.lang;
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
        .on('pointerenter', () => {
          hoverRow = box.index;
          render();
        })
        .on('click', (ev: MouseEvent) => {
          if (!(ev.target as Element).closest('g.cell')) goTo(row.key);
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
          .on('click', () => goTo(node))
          .on('focus', () => {
            focus = { row: box.index, cell };
            focusInside = true;
            render();
          });
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


  /** Side columns: cards and connectors, joined by key so they move rather than blink. */
  function drawSide(cards: readonly SideCard[], links: readonly SideLink[], side: ReturnType<typeof layoutSides>, state: AppState, duration: number): void {
    const lang = state.lang;
    const fs = layout!.fontSize;
    gSideHead.selectAll('*').remove();
    drawText(gSideHead, side.headings.old, 'side-heading');
    drawText(gSideHead, side.headings.new, 'side-heading');
    for (const m of side.more) drawText(gSideHead, m, 'more');

    gLinks
      .selectAll<SVGPathElement, SideLink>('path')
      .data(links, (l) => l.id)
      .join(
        (enter) =>
          enter
            .append('path')
            .attr('d', (l) => l.d)
            .attr('stroke', (l) => edgeKindColor(graph, l.edge))
            .attr('stroke-width', (l) => (l.depth === 1 ? fs * 0.12 : fs * 0.09))
            .attr('opacity', 0)
            .call((s) => s.transition().duration(duration).attr('opacity', 0.85)),
        (update) =>
          update.call((s) =>
            s
              .transition()
              .duration(duration)
              .ease(easeCubicOut)
              .attr('d', (l) => l.d)
              .attr('opacity', 0.85),
          ),
        (exit) => exit.call((s) => s.transition().duration(duration).attr('opacity', 0).remove()),
      );

    gCards
      .selectAll<SVGGElement, SideCard>('g.card')
      .data(cards, (c) => c.key)
      .join(
        (enter) => {
          const g = enter
            .append('g')
            .attr('class', 'card')
            .attr('role', 'button')
            .attr('tabindex', 0)
            .attr('opacity', 0)
            .attr('transform', (c) => `translate(${c.x + (c.side === 'old' ? fs : -fs)},${c.y})`)
            .on('click', (_ev, c) => goTo(c.key))
            .on('keydown', (ev: KeyboardEvent, c) => {
              if (ev.key === 'Enter' || ev.key === ' ') {
                ev.preventDefault();
                goTo(c.key);
              }
            });
          g.transition().duration(duration).ease(easeCubicOut).attr('opacity', 1).attr('transform', (c) => `translate(${c.x},${c.y})`);
          return g;
        },
        (update) =>
          update.call((s) =>
            s
              .transition()
              .duration(duration)
              .ease(easeCubicOut)
              .attr('opacity', 1)
              .attr('transform', (c) => `translate(${c.x},${c.y})`),
          ),
        (exit) => exit.call((s) => s.transition().duration(duration).attr('opacity', 0).remove()),
      )
      .each(function (c) {
        // Content follows the language and position: redrawn in place (cheap: a few cards).
        const g = select<SVGGElement, SideCard>(this);
        g.selectAll('*').remove();
        g.attr('data-node', c.key)
          .attr('data-side', c.side)
          .attr('data-depth', c.depth)
          .classed('selected', c.key === state.selected);
        const sentence = edgeSentence(graph, c.edge, lang).text;
        g.attr('aria-label', `${shownText(c.label, true)}${shownText(c.meta)}${lang === 'en' ? '. ' : '。'}${sentence}`);
        g.append('title').text(sentence);
        // Drawn relative to the card's corner, so a moving card glides with its transform.
        g.append('rect').attr('class', 'card-box').attr('width', c.w).attr('height', c.h).attr('rx', fs * 0.3);
        g.append('circle').attr('class', 'chip').attr('cx', c.chip.cx - c.x).attr('cy', c.chip.cy - c.y).attr('r', c.chip.r).attr('fill', nodeKindColor(graph, c.key));
        drawText(g, c.label, 'card-label', c.x, c.y, true);
        drawText(g, c.meta, 'card-meta', c.x, c.y);
      });
  }

  /** Below the figure: the active row's transformation, its quote, and how each item links. */
  function renderCaption(active: number | null, items: readonly { key: string; edge: string; via: string }[], state: AppState): void {
    const lang = state.lang;
    if (active === null) {
      replaceChildren(caption, el('h3', { id: 'ladder-caption-title', class: 'visually-hidden' }, vt(lang, 'captionLinks')));
      return;
    }
    const row = shown[active]!;
    const a = graph.getNodeAttributes(row.key);
    const quote = lang === 'zh-Hans' && a.quoteHans ? a.quoteHans : a.quote;
    const list = el('ul', { class: 'relations' });
    const seen = new Set<string>();
    for (const e of [...row.edges, ...items.map((it) => it.edge)]) {
      if (seen.has(e) || !graph.hasEdge(e)) continue;
      seen.add(e);
      const s = edgeSentence(graph, e, lang);
      list.append(el('li', { 'data-edge': e }, sentenceElement(s.parts, s.slides, lang, goTo)));
    }
    replaceChildren(
      caption,
      el('h3', { id: 'ladder-caption-title' }, `${active + 1}. ${nodeLabel(a, lang)}`, ' ', el('span', { class: 'cite' }, slideLabel(lang, row.slides))),
      quote ? el('blockquote', { lang: lang === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant' }, `${vt(lang, 'source')}: ${quote}`) : null,
      el('h4', {}, vt(lang, 'captionLinks')),
      list,
    );
  }

  /** Full screen for projection: the ladder alone, its type as large as the screen allows. */
  async function toggleFullscreen(): Promise<void> {
    try {
      if (document.fullscreenElement === root) await document.exitFullscreen();
      else await root.requestFullscreen();
    } catch {
      // Refused (e.g. inside an iframe without permission): the view stays as it is.
    }
  }
  const onFullscreen = () => render();
  document.addEventListener('fullscreenchange', onFullscreen);

  // 4. Export: what is shown (filters, selection) as a standalone SVG or a PNG.
  async function exportAs(kind: 'svg' | 'png'): Promise<void> {
    const state = session.state();
    const d = session.derived();
    const svgText = transformationsSvg(graph, state.lang, {
      active: state.selected,
      selected: state.selected,
      visible: { nodes: d.filteredNodes, edges: d.filteredEdges },
    });
    const base = `linkage-transformations-${state.lang}`;
    try {
      if (kind === 'svg') download(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }), `${base}.svg`);
      else download(await svgToPng(svgText, 2), `${base}.png`);
      ctx.notify(`${vt(state.lang, 'exported')}: ${base}.${kind}`);
    } catch (err) {
      ctx.notify(`${vt(state.lang, 'exportFailed')}: ${(err as Error).message}`);
    }
  }

  // 5. Events: pointer, keyboard, state, size.
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
  svgEl.addEventListener('keydown', (ev) => {
    const target = (ev.target as Element).closest('g.cell, g.card') as SVGGElement | null;
    if (!target) return;
    if (target.classList.contains('card')) {
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        const cards = [...gCards.node()!.querySelectorAll<SVGGElement>('g.card')];
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
    focus = { row: next, cell };
    gRows.select<SVGGElement>(`g.cell[data-row="${next}"][data-cell="${cell}"]`).node()?.focus();
  });

  const unsubscribe = session.subscribe((s, d, prev) => {
    if (s.selected !== prev.selected) {
      // The keyboard's cell follows the selection when it is part of a row.
      const core = rowOfCore(ladder, s.selected);
      const at = core === null ? -1 : shown.findIndex((r) => r.index === core);
      if (at >= 0) {
        const row = shown[at]!;
        const cell = CELLS.find((c) => nodeOfCell(row, c) === s.selected) ?? 'label';
        focus = { row: at, cell };
      }
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
    svg.selectAll('*').interrupt();
    root.remove();
  };
}
