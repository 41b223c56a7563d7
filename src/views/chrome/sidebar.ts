/**
 * The sidebar: legend and filters (node kinds, link kinds, sections, slide range) with counts,
 * focus (hops and direction) and the path finder's two ends. Every control is a state action.
 */
import { el, replaceChildren } from '../../dom';
import { pick, t } from '../../i18n/strings';
import { nodeLabel } from '../../model/sentence';
import {
  clearPath,
  resetFilters,
  setFocus,
  setPathEnd,
  setSlideRange,
  swapPath,
  toggleEdgeKind,
  toggleNodeKind,
  toggleSection,
} from '../../state/actions';
import type { Session } from '../../state/session';
import { FOCUS_DEPTHS, FOCUS_DIRECTIONS, NO_SECTION, type AppState, type FocusDepth, type FocusDirection } from '../../state/types';
import { chip, kindName } from '../common';
import { createSearchBox } from './search-box';

export function mountSidebar(container: HTMLElement, session: Session): () => void {
  const { graph } = session;
  const nodeKinds = graph.getAttribute('nodeKinds') ?? [];
  const edgeKinds = graph.getAttribute('edgeKinds') ?? [];
  const sections = graph.getAttribute('sections') ?? [];
  const slideCount = graph.getAttribute('slideCount') ?? 0;
  const root = el('nav', { class: 'sidebar', 'aria-label': 'Filters' });
  container.append(root);

  // Path-finder ends are picked through their own search boxes (kept across renders).
  const pathBoxes = {
    from: createSearchBox(session, { id: 'path-from', onPick: (key) => session.update((s) => setPathEnd(s, 'from', key)) }),
    to: createSearchBox(session, { id: 'path-to', onPick: (key) => session.update((s) => setPathEnd(s, 'to', key)) }),
  };

  function checkbox(id: string, checked: boolean, label: Node[], count: string, onChange: () => void): HTMLLIElement {
    return el(
      'li',
      {},
      el('label', { for: id }, el('input', { type: 'checkbox', id, checked, onchange: onChange }), ...label, el('span', { class: 'count' }, count)),
    );
  }

  function render(state: AppState): void {
    const lang = state.lang;
    const d = session.derived();
    const f = state.filters;
    const count = (visible: number | undefined, total: number | undefined) => `${visible ?? 0}/${total ?? 0}`;

    const kindsList = el(
      'ul',
      { class: 'filter-list' },
      ...nodeKinds.map((k) =>
        checkbox(`nk-${k.id}`, !f.hiddenNodeKinds.includes(k.id), [chip(k.color, 'dot', k.border), el('span', {}, kindName(k, lang, k.id))], count(d.counts.nodeKinds[k.id], d.totals.nodeKinds[k.id]), () =>
          session.update((s) => toggleNodeKind(s, k.id)),
        ),
      ),
    );
    const edgeList = el(
      'ul',
      { class: 'filter-list' },
      ...edgeKinds.map((k) =>
        checkbox(`ek-${k.id}`, !f.hiddenEdgeKinds.includes(k.id), [chip(k.color, 'line'), el('span', {}, kindName(k, lang, k.id))], count(d.counts.edgeKinds[k.id], d.totals.edgeKinds[k.id]), () =>
          session.update((s) => toggleEdgeKind(s, k.id)),
        ),
      ),
    );
    const sectionIds = [...sections.map((s) => s.id), ...(d.totals.sections[NO_SECTION] ? [NO_SECTION] : [])];
    const sectionList = el(
      'ul',
      { class: 'filter-list' },
      ...sectionIds.map((id) => {
        const s = sections.find((x) => x.id === id);
        const name = s ? `§${s.id} ${pick(lang, s.zh, s.zhHans, s.en)}` : t(lang, 'noSection');
        return checkbox(`sec-${id}`, !f.hiddenSections.includes(id), [el('span', {}, name)], count(d.counts.sections[id], d.totals.sections[id]), () =>
          session.update((st) => toggleSection(st, id)),
        );
      }),
    );

    const range = f.slideRange ?? [1, Math.max(1, slideCount)];
    const slideInput = (which: 0 | 1) =>
      el('input', {
        type: 'number',
        id: which === 0 ? 'slide-from' : 'slide-to',
        min: 1,
        max: slideCount,
        value: range[which],
        onchange: (ev: Event) => {
          const v = Number((ev.target as HTMLInputElement).value);
          if (!Number.isInteger(v)) return;
          const next: [number, number] = which === 0 ? [v, Math.max(v, range[1])] : [Math.min(range[0], v), v];
          const full = next[0] <= 1 && next[1] >= slideCount;
          session.update((s) => setSlideRange(s, full ? null : [Math.max(1, next[0]), Math.min(slideCount, next[1])]));
        },
      });

    const focusSelect = el(
      'select',
      { id: 'focus-depth', onchange: (ev: Event) => session.update((s) => setFocus(s, { depth: Number((ev.target as HTMLSelectElement).value) as FocusDepth })) },
      ...FOCUS_DEPTHS.map((n) => el('option', { value: n, selected: n === state.focus.depth }, n === 0 ? t(lang, 'focusOff') : `${n} ${t(lang, 'hops')}`)),
    );
    const dirNames: Record<FocusDirection, string> = { in: t(lang, 'dirIn'), out: t(lang, 'dirOut'), both: t(lang, 'dirBoth') };
    const dirSelect = el(
      'select',
      { id: 'focus-dir', onchange: (ev: Event) => session.update((s) => setFocus(s, { direction: (ev.target as HTMLSelectElement).value as FocusDirection })) },
      ...FOCUS_DIRECTIONS.map((dir) => el('option', { value: dir, selected: dir === state.focus.direction }, dirNames[dir])),
    );

    const endName = (key: string | null) => (key && graph.hasNode(key) ? nodeLabel(graph.getNodeAttributes(key), lang) : '');
    pathBoxes.from.setLang(lang, t(lang, 'pathFrom'));
    pathBoxes.to.setLang(lang, t(lang, 'pathTo'));
    pathBoxes.from.setValue(endName(state.path.from));
    pathBoxes.to.setValue(endName(state.path.to));

    replaceChildren(
      root,
      el(
        'details',
        { open: true, class: 'group' },
        el('summary', {}, t(lang, 'nodeKinds'), ' · ', t(lang, 'legend')),
        kindsList,
      ),
      el('details', { class: 'group', open: f.hiddenEdgeKinds.length > 0 }, el('summary', {}, t(lang, 'edgeKinds')), edgeList),
      sectionIds.length > 0 ? el('details', { class: 'group', open: true }, el('summary', {}, t(lang, 'sections')), sectionList) : null,
      slideCount > 0
        ? el(
            'fieldset',
            { class: 'group slides' },
            el('legend', {}, t(lang, 'slideRange')),
            el('label', { for: 'slide-from' }, t(lang, 'from')),
            slideInput(0),
            el('label', { for: 'slide-to' }, t(lang, 'to')),
            slideInput(1),
          )
        : null,
      el('button', { type: 'button', class: 'link-button', id: 'reset-filters', onclick: () => session.update(resetFilters) }, t(lang, 'resetFilters')),
      el(
        'fieldset',
        { class: 'group focus' },
        el('legend', {}, t(lang, 'focus')),
        el('label', { for: 'focus-depth' }, t(lang, 'focus')),
        focusSelect,
        el('label', { for: 'focus-dir' }, t(lang, 'direction')),
        dirSelect,
        state.focus.depth > 0 && !d.focusActive ? el('p', { class: 'muted' }, t(lang, 'focusNeedsSelection')) : null,
      ),
      el(
        'fieldset',
        { class: 'group path' },
        el('legend', {}, t(lang, 'pathFinder')),
        pathBoxes.from.element,
        pathBoxes.to.element,
        el(
          'div',
          { class: 'row' },
          el('button', { type: 'button', id: 'path-swap', onclick: () => session.update(swapPath) }, t(lang, 'swap')),
          el('button', { type: 'button', id: 'path-clear', onclick: () => session.update(clearPath) }, t(lang, 'clear')),
        ),
      ),
    );
  }

  render(session.state());
  const unsubscribe = session.subscribe((state, _d, prev) => {
    if (state.filters === prev.filters && state.lang === prev.lang && state.focus === prev.focus && state.path === prev.path && state.selected === prev.selected) return;
    // Keep keyboard focus on the control the reader just used.
    const active = document.activeElement?.id;
    render(state);
    if (active) document.getElementById(active)?.focus();
  });
  return () => {
    unsubscribe();
    root.remove();
  };
}
