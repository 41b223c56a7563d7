/**
 * The sidebar: legend and filters (node kinds, link kinds, sections, slide range) with counts,
 * focus (hops and direction) and the path finder's two ends. Every control is a state action.
 */
import { el, replaceChildren, setText } from '../../dom';
import { pick, t } from '../../i18n/strings';
import { nodeLabel, type Lang } from '../../model/sentence';
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
import type { Counts } from '../../state/derive';
import { FOCUS_DEPTHS, FOCUS_DIRECTIONS, NO_SECTION, type AppState, type Filters, type FocusDepth, type FocusDirection } from '../../state/types';
import { chip, kindName } from '../common';
import { createSearchBox } from './search-box';

/** The three lists of filter boxes: the filter that hides an id, the action that toggles it, the boxes' id prefix. */
const FILTER_GROUPS = {
  nodeKinds: { hidden: 'hiddenNodeKinds', toggle: toggleNodeKind, prefix: 'nk' },
  edgeKinds: { hidden: 'hiddenEdgeKinds', toggle: toggleEdgeKind, prefix: 'ek' },
  sections: { hidden: 'hiddenSections', toggle: toggleSection, prefix: 'sec' },
} as const satisfies Record<keyof Counts, { hidden: keyof Filters; toggle: (s: AppState, id: string) => AppState; prefix: string }>;
type FilterGroup = keyof typeof FILTER_GROUPS;

/** A filter's box and its count, updated in place. */
interface Toggle {
  group: FilterGroup;
  id: string;
  input: HTMLInputElement;
  count: HTMLElement;
}

/** The controls a build makes whose values follow the state. */
interface Built {
  toggles: Toggle[];
  slideFrom: HTMLInputElement | null;
  slideTo: HTMLInputElement | null;
  focusSelect: HTMLSelectElement;
  dirSelect: HTMLSelectElement;
  focusNote: HTMLElement;
}

/** Builds the sidebar in the place of `slot` (the page's stand-in that holds its column until then). */
export function mountSidebar(slot: HTMLElement, session: Session): () => void {
  const { graph } = session;
  const nodeKinds = graph.getAttribute('nodeKinds') ?? [];
  const edgeKinds = graph.getAttribute('edgeKinds') ?? [];
  const sections = graph.getAttribute('sections') ?? [];
  const slideCount = graph.getAttribute('slideCount') ?? 0;
  const root = el('nav', { class: 'sidebar', 'aria-label': 'Filters' });
  slot.replaceWith(root);

  // Path-finder ends are picked through their own search boxes (kept across renders).
  const pathBoxes = {
    from: createSearchBox(session, { id: 'path-from', onPick: (key) => session.update((s) => setPathEnd(s, 'from', key)) }),
    to: createSearchBox(session, { id: 'path-to', onPick: (key) => session.update((s) => setPathEnd(s, 'to', key)) }),
  };

  function checkbox(toggles: Toggle[], group: FilterGroup, id: string, label: Node[]): HTMLLIElement {
    const { prefix, toggle } = FILTER_GROUPS[group];
    const input = el('input', { type: 'checkbox', id: `${prefix}-${id}`, onchange: () => session.update((s) => toggle(s, id)) });
    const count = el('span', { class: 'count' });
    toggles.push({ group, id, input, count });
    return el('li', {}, el('label', { for: `${prefix}-${id}` }, input, ...label, count));
  }

  /** Builds the sidebar in `lang`; returns the controls `update` sets the values of. */
  function build(lang: Lang): Built {
    const toggles: Toggle[] = [];
    const f = session.state().filters;
    const d = session.derived();

    const kindsList = el(
      'ul',
      { class: 'filter-list' },
      ...nodeKinds.map((k) => checkbox(toggles, 'nodeKinds', k.id, [chip(k.color, 'dot', k.border), el('span', {}, kindName(k, lang, k.id))])),
    );
    const edgeList = el(
      'ul',
      { class: 'filter-list' },
      ...edgeKinds.map((k) => checkbox(toggles, 'edgeKinds', k.id, [chip(k.color, 'line'), el('span', {}, kindName(k, lang, k.id))])),
    );
    const sectionIds = [...sections.map((s) => s.id), ...(d.totals.sections[NO_SECTION] ? [NO_SECTION] : [])];
    const sectionList = el(
      'ul',
      { class: 'filter-list' },
      ...sectionIds.map((id) => {
        const s = sections.find((x) => x.id === id);
        const name = s ? `§${s.id} ${pick(lang, s.zh, s.zhHans, s.en)}` : t(lang, 'noSection');
        return checkbox(toggles, 'sections', id, [el('span', {}, name)]);
      }),
    );

    const slideInput = (which: 0 | 1) =>
      el('input', {
        type: 'number',
        id: which === 0 ? 'slide-from' : 'slide-to',
        min: 1,
        max: slideCount,
        onchange: (ev: Event) => {
          const v = Number((ev.target as HTMLInputElement).value);
          if (!Number.isInteger(v)) return;
          const range = slideRange(session.state());
          const next: [number, number] = which === 0 ? [v, Math.max(v, range[1])] : [Math.min(range[0], v), v];
          const full = next[0] <= 1 && next[1] >= slideCount;
          session.update((s) => setSlideRange(s, full ? null : [Math.max(1, next[0]), Math.min(slideCount, next[1])]));
        },
      });
    const slideFrom = slideCount > 0 ? slideInput(0) : null;
    const slideTo = slideCount > 0 ? slideInput(1) : null;

    const focusSelect = el(
      'select',
      { id: 'focus-depth', onchange: (ev: Event) => session.update((s) => setFocus(s, { depth: Number((ev.target as HTMLSelectElement).value) as FocusDepth })) },
      ...FOCUS_DEPTHS.map((n) => el('option', { value: n }, n === 0 ? t(lang, 'focusOff') : `${n} ${t(lang, 'hops')}`)),
    );
    const dirNames: Record<FocusDirection, string> = { in: t(lang, 'dirIn'), out: t(lang, 'dirOut'), both: t(lang, 'dirBoth') };
    const dirSelect = el(
      'select',
      { id: 'focus-dir', onchange: (ev: Event) => session.update((s) => setFocus(s, { direction: (ev.target as HTMLSelectElement).value as FocusDirection })) },
      ...FOCUS_DIRECTIONS.map((dir) => el('option', { value: dir }, dirNames[dir])),
    );
    const focusNote = el('p', { class: 'muted' }, t(lang, 'focusNeedsSelection'));

    pathBoxes.from.setLang(lang, t(lang, 'pathFrom'));
    pathBoxes.to.setLang(lang, t(lang, 'pathTo'));

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
      slideFrom && slideTo
        ? el(
            'fieldset',
            { class: 'group slides' },
            el('legend', {}, t(lang, 'slideRange')),
            el('label', { for: 'slide-from' }, t(lang, 'from')),
            slideFrom,
            el('label', { for: 'slide-to' }, t(lang, 'to')),
            slideTo,
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
        focusNote,
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
    return { toggles, slideFrom, slideTo, focusSelect, dirSelect, focusNote };
  }

  /** Sets every control's value from `state`: checkboxes, counts, slide range, focus, path ends. */
  function update(state: AppState): void {
    const d = session.derived();
    const lang = state.lang;
    const { toggles, slideFrom, slideTo, focusSelect, dirSelect, focusNote } = built;
    for (const { group, id, input, count } of toggles) {
      input.checked = !state.filters[FILTER_GROUPS[group].hidden].includes(id);
      setText(count, `${d.counts[group][id] ?? 0}/${d.totals[group][id] ?? 0}`);
    }
    const range = slideRange(state);
    if (slideFrom && slideTo) {
      slideFrom.value = String(range[0]);
      slideTo.value = String(range[1]);
    }
    focusSelect.value = String(state.focus.depth);
    dirSelect.value = state.focus.direction;
    focusNote.hidden = !(state.focus.depth > 0 && !d.focusActive);
    const endName = (key: string | null) => (key && graph.hasNode(key) ? nodeLabel(graph.getNodeAttributes(key), lang) : '');
    pathBoxes.from.setValue(endName(state.path.from));
    pathBoxes.to.setValue(endName(state.path.to));
  }

  /** The slide range shown: the filter's, or every slide. */
  const slideRange = (state: AppState): readonly [number, number] => state.filters.slideRange ?? [1, Math.max(1, slideCount)];

  let built = build(session.state().lang);
  update(session.state());
  const unsubscribe = session.subscribe((state, _d, prev) => {
    if (state.lang !== prev.lang) {
      // Keep keyboard focus on the control the reader just used.
      const active = document.activeElement?.id;
      built = build(state.lang);
      update(state);
      if (active) document.getElementById(active)?.focus();
    } else if (state.filters !== prev.filters || state.focus !== prev.focus || state.path !== prev.path || state.selected !== prev.selected) update(state);
  });
  return () => {
    unsubscribe();
    root.remove();
  };
}
