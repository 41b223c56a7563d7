/**
 * The ladder's page: the heading and its buttons, the figure (an SVG with one layer per part of
 * the drawing), the caption, the plain message when there is nothing to draw, and full screen.
 */
import { select, type Selection } from 'd3-selection';
import { el, replaceChildren } from '../../dom';
import { t } from '../../i18n/strings';
import { vt } from '../../i18n/views';
import { ladderHeading, NEW_FILL_SHARE } from '../../io/transformations-svg';
import type { Ladder, LadderRow } from '../../model/ladder';
import { nodeLabel, type Lang } from '../../model/sentence';
import type { LinkageGraph } from '../../model/types';
import { resetFilters, setView } from '../../state/actions';
import type { Session } from '../../state/session';

const SVG_NS = 'http://www.w3.org/2000/svg';

type Layer = Selection<SVGGElement, unknown, null, undefined>;

/** The SVG and its layers, bottom to top. */
export interface LadderLayers {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  readonly headers: Layer;
  readonly links: Layer;
  readonly rows: Layer;
  readonly sideHeadings: Layer;
  readonly cards: Layer;
}

export interface LadderPage {
  readonly root: HTMLElement;
  readonly heading: HTMLElement;
  readonly hint: HTMLElement;
  readonly actions: HTMLElement;
  readonly fullButton: HTMLButtonElement;
  readonly svgButton: HTMLButtonElement;
  readonly pngButton: HTMLButtonElement;
  readonly empty: HTMLElement;
  readonly figure: HTMLElement;
  readonly caption: HTMLElement;
  readonly svgEl: SVGSVGElement;
  readonly layers: LadderLayers;
}

/**
 * Builds the page in `container`; the export buttons call `exportAs`. `newColor`: the new pole's
 * and the arrows' colour (the transformation kind's), which the stylesheet reads as --ladder-new.
 */
export function buildPage(container: HTMLElement, exportAs: (kind: 'svg' | 'png') => Promise<void>, newColor: string): LadderPage {
  const heading = el('h2', { id: 'ladder-heading' });
  const hint = el('p', { class: 'ladder-hint' });
  const svgButton = el('button', { type: 'button', id: 'export-svg', onclick: () => void exportAs('svg') });
  const pngButton = el('button', { type: 'button', id: 'export-png', onclick: () => void exportAs('png') });
  const fullButton = el('button', { type: 'button', id: 'ladder-fullscreen', onclick: () => void toggleFullscreen(root) });
  const actions = el('div', { class: 'ladder-actions' }, fullButton, svgButton, pngButton);
  const empty = el('div', { class: 'ladder-empty', hidden: true });
  const figure = el('div', { class: 'ladder-figure' });
  const caption = el('section', { class: 'ladder-caption', 'aria-labelledby': 'ladder-caption-title' });
  const root = el('div', { class: 'ladder-view' }, el('header', { class: 'ladder-head' }, el('div', {}, heading, hint), actions), empty, figure, caption);
  root.style.setProperty('--ladder-new', newColor);
  root.style.setProperty('--ladder-new-share', `${NEW_FILL_SHARE * 100}%`);
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
    .attr('fill', newColor);
  const layers: LadderLayers = {
    svg,
    headers: svg.append('g').attr('class', 'headers').attr('aria-hidden', 'true'),
    links: svg.append('g').attr('class', 'links').attr('aria-hidden', 'true'),
    rows: svg.append('g').attr('class', 'rows'),
    sideHeadings: svg.append('g').attr('class', 'side-headings').attr('aria-hidden', 'true'),
    cards: svg.append('g').attr('class', 'cards'),
  };
  return { root, heading, hint, actions, fullButton, svgButton, pngButton, empty, figure, caption, svgEl, layers };
}

/**
 * Writes the heading, hint and button labels for `lang`, and shows the figure, or instead says
 * plainly why there is nothing to draw (with the way out). Returns whether there are rows to draw.
 */
export function renderPage(page: LadderPage, graph: LinkageGraph, ladder: Ladder, shown: readonly LadderRow[], lang: Lang, session: Session): boolean {
  const { root, heading, hint, actions, fullButton, svgButton, pngButton, empty, figure, caption } = page;
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
    return false;
  }
  figure.hidden = false;
  caption.hidden = false;
  empty.hidden = true;
  if (ladder.skipped.length > 0) {
    empty.hidden = false;
    replaceChildren(empty, el('p', { class: 'muted' }, `${ladder.skipped.length} ${vt(lang, 'skipped')} ${ladder.skipped.map((s) => nodeLabel(graph.getNodeAttributes(s.key), lang) || s.key).join(lang === 'en' ? ', ' : '、')}`));
  }
  return true;
}

/** Full screen for projection: the ladder alone, its type as large as the screen allows. */
async function toggleFullscreen(root: HTMLElement): Promise<void> {
  try {
    if (document.fullscreenElement === root) await document.exitFullscreen();
    else await root.requestFullscreen();
  } catch {
    // Refused (e.g. inside an iframe without permission): the view stays as it is.
  }
}
