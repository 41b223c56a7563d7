/**
 * The details panel: the selected concept in three scripts, its kind, section, slides and
 * verbatim quote, and every visible relation as a sentence, grouped by link kind. When a path
 * is asked for, the panel reads the chains as sentences instead.
 */
import { el, replaceChildren } from '../../dom';
import { pick, slideLabel, t } from '../../i18n/strings';
import { pathSentences } from '../../model/paths';
import { edgeSentence } from '../../model/sentence';
import { clearPath, select, setPathEnd } from '../../state/actions';
import type { Session } from '../../state/session';
import type { AppState } from '../../state/types';
import { chip, kindIndex, kindName, sentenceElement } from '../common';

/** Whether the panel shows for `state`: a path asked for, or a selected concept of `graph`. */
export function panelShows(graph: Session['graph'], state: AppState): boolean {
  const { from, to } = state.path;
  return Boolean(from && to) || Boolean(state.selected && graph.hasNode(state.selected));
}

/** Mounts the panel in `container`; returns its element (the map keeps clear of it) and disposer. */
export function mountPanel(container: HTMLElement, session: Session): { element: HTMLElement; dispose(): void } {
  const { graph } = session;
  const nodeKinds = kindIndex(graph, 'nodeKinds');
  const edgeKinds = kindIndex(graph, 'edgeKinds');
  const sections = new Map((graph.getAttribute('sections') ?? []).map((s) => [s.id, s]));
  const root = el('aside', { class: 'panel', 'aria-live': 'polite' });
  container.append(root);
  const goTo = (key: string) => session.update((s) => select(s, key));

  function renderPath(state: AppState): HTMLElement | null {
    const { from, to } = state.path;
    if (!from || !to) return null;
    const lang = state.lang;
    const d = session.derived();
    const box = el('section', { class: 'path-result', 'aria-label': t(lang, 'path') });
    const label = (k: string) => {
      const a = graph.getNodeAttributes(k);
      return pick(lang, a.label, a.labelHans, a.labelEn);
    };
    box.append(
      el('h2', {}, `${label(from)} → ${label(to)}`),
      el('button', { type: 'button', class: 'link-button', onclick: () => session.update(clearPath) }, t(lang, 'clear')),
    );
    if (d.paths.length === 0) {
      box.append(el('p', { class: 'no-path' }, t(lang, 'noPath')));
      return box;
    }
    box.append(el('p', { class: 'muted' }, `${d.paths.length} ${t(lang, 'pathCount')} · ${d.paths[0]!.steps.length} ${t(lang, 'steps')}`));
    d.paths.forEach((chain, i) => {
      const ol = el('ol', { class: 'chain' });
      for (const s of pathSentences(graph, chain, lang)) ol.append(el('li', {}, sentenceElement(s.parts, s.slides, lang, goTo)));
      box.append(el('h3', {}, `${t(lang, 'chain')} ${i + 1}`), ol);
    });
    return box;
  }

  function renderNode(state: AppState): HTMLElement | null {
    const key = state.selected;
    if (!key || !graph.hasNode(key)) return null;
    const lang = state.lang;
    const a = graph.getNodeAttributes(key);
    const kind = nodeKinds.get(a.kind);
    const section = a.section ? sections.get(a.section) : undefined;
    const names = [
      { lang: 'zh-Hant', text: a.label },
      { lang: 'zh-Hans', text: a.labelHans },
      { lang: 'en', text: a.labelEn },
    ].filter((n) => n.text);
    const main = names.find((n) => n.lang === lang) ?? names[0];
    const box = el('section', { class: 'details', 'aria-label': t(lang, 'details') });
    box.append(
      el('button', { type: 'button', class: 'close', 'aria-label': t(lang, 'close'), title: t(lang, 'close'), onclick: () => session.update((s) => select(s, null)) }, '×'),
      el('h2', { lang: main?.lang ?? 'zh-Hant' }, main?.text ?? key),
      el('p', { class: 'other-names' }, ...names.filter((n) => n !== main).flatMap((n, i) => [i ? ' · ' : '', el('span', { lang: n.lang }, n.text)])),
      el(
        'p',
        { class: 'meta' },
        chip(kind?.color ?? a.color, 'dot', kind?.border),
        el('span', { class: 'kind' }, kindName(kind, lang, a.kind)),
        section ? el('span', {}, ` · §${section.id} ${pick(lang, section.zh, section.zhHans, section.en)}`) : null,
        a.slides?.length ? el('span', {}, ` · ${slideLabel(lang, a.slides)}`) : null,
      ),
    );
    if (a.quote) {
      const quote = lang === 'zh-Hans' && a.quoteHans ? a.quoteHans : a.quote;
      box.append(el('blockquote', { lang: lang === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant', 'aria-label': t(lang, 'quote') }, quote));
    }
    box.append(
      el(
        'p',
        { class: 'path-actions' },
        el('button', { type: 'button', onclick: () => session.update((s) => setPathEnd(s, 'from', key)) }, t(lang, 'setPathFrom')),
        el('button', { type: 'button', onclick: () => session.update((s) => setPathEnd(s, 'to', key)) }, t(lang, 'setPathTo')),
      ),
    );
    // Relations, grouped by link kind in legend order.
    const d = session.derived();
    const groups = new Map<string, HTMLLIElement[]>();
    for (const e of graph.edges(key)) {
      if (!d.visibleEdges.has(e)) continue;
      const s = edgeSentence(graph, e, lang);
      const k = graph.getEdgeAttribute(e, 'kind');
      const li = el('li', { 'data-edge': e }, sentenceElement(s.parts, s.slides, lang, goTo, key));
      const list = groups.get(k);
      if (list) list.push(li);
      else groups.set(k, [li]);
    }
    box.append(el('h3', {}, t(lang, 'relations')));
    if (groups.size === 0) box.append(el('p', { class: 'muted' }, t(lang, 'noRelations')));
    const order = [...edgeKinds.keys()];
    for (const k of [...groups.keys()].sort((x, y) => order.indexOf(x) - order.indexOf(y))) {
      const info = edgeKinds.get(k);
      box.append(
        el('h4', { class: 'relation-kind' }, chip(info?.color ?? '#999', 'line'), kindName(info, lang, k)),
        el('ul', { class: 'relations' }, ...groups.get(k)!),
      );
    }
    return box;
  }

  const render = (state: AppState) => {
    const path = renderPath(state);
    const node = renderNode(state);
    root.hidden = !panelShows(graph, state);
    replaceChildren(root, path, node);
  };
  render(session.state());
  const unsubscribe = session.subscribe((state, derived, prev) => {
    if (state.selected === prev.selected && state.lang === prev.lang && state.path === prev.path && derived.visibleEdges === lastEdges) return;
    lastEdges = derived.visibleEdges;
    render(state);
  });
  let lastEdges = session.derived().visibleEdges;
  return {
    element: root,
    dispose() {
      unsubscribe();
      root.remove();
    },
  };
}
