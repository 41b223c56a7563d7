/**
 * The top bar: title, the main search (typing highlights matches on the map; picking flies to
 * and selects the concept), the language switch and the copy-link button.
 */
import { el } from '../../dom';
import { graphTitle, t } from '../../i18n/strings';
import { LANGS, type Lang } from '../../model/sentence';
import { select, setLang, setMode, setQuery, setView } from '../../state/actions';
import type { Mode, View } from '../../state/types';
import { MODE_LOADERS, VIEW_LOADERS } from '../registry';
import type { Session } from '../../state/session';
import { createSearchBox } from './search-box';

export interface TopbarDeps {
  /** Flies the map to a node. */
  flyTo(key: string): void;
  /** Remembers the reader's language choice. */
  rememberLang(lang: Lang): void;
  /** Shows a short message. */
  notify(text: string): void;
}

/** The switch shows a script's short name (the top bar keeps to one row, leaving the map its height); its full name is the button's accessible name. */
const LANG_SHORT: Record<Lang, string> = { 'zh-Hant': '繁', 'zh-Hans': '简', en: 'EN' };
const LANG_NAMES: Record<Lang, string> = { 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文', en: 'EN: English' };

export function mountTopbar(container: HTMLElement, session: Session, deps: TopbarDeps): () => void {
  const { graph } = session;
  const searchBox = createSearchBox(session, {
    id: 'search',
    limit: 10,
    onPick: (key) => {
      session.update((s) => setQuery(select(s, key), ''));
      deps.flyTo(key);
    },
    onInput: (text) => session.update((s) => setQuery(s, text)),
  });
  const title = el('span', { class: 'chapter-title' });
  const brand = el('span', { class: 'brand' });
  const langButtons = LANGS.map((lang) =>
    el(
      'button',
      {
        type: 'button',
        lang,
        'data-lang': lang,
        'aria-label': LANG_NAMES[lang],
        title: LANG_NAMES[lang],
        onclick: () => {
          deps.rememberLang(lang);
          session.update((s) => setLang(s, lang));
        },
      },
      LANG_SHORT[lang],
    ),
  );
  const langGroup = el('div', { class: 'lang-switch', role: 'group' }, ...langButtons);
  // Copy link: an icon (two chain links) with the words as its accessible name and tooltip.
  const share = el('button', {
    type: 'button',
    id: 'share',
    onclick: async () => {
      const lang = session.state().lang;
      try {
        await navigator.clipboard.writeText(location.href);
        deps.notify(t(lang, 'copied'));
      } catch {
        deps.notify(location.href);
      }
    },
  });
  share.append(linkIcon());
  // View and mode switches list only what is available.
  const views: View[] = ['network', ...(Object.keys(VIEW_LOADERS) as View[])];
  const modes: Mode[] = ['explore', ...(Object.keys(MODE_LOADERS) as Mode[])];
  const viewButtons = views.map((v) =>
    el('button', { type: 'button', 'data-view': v, onclick: () => session.update((s) => setView(s, v)) }),
  );
  const modeButtons = modes.map((m) =>
    el('button', { type: 'button', 'data-mode': m, onclick: () => session.update((s) => setMode(s, m)) }),
  );
  const viewGroup = el('div', { class: 'switch view-switch', role: 'group', hidden: views.length < 2 }, ...viewButtons);
  const modeGroup = el('div', { class: 'switch mode-switch', role: 'group', hidden: modes.length < 2 }, ...modeButtons);
  const bar = el('header', { class: 'topbar' }, el('h1', {}, brand, title), searchBox.element, viewGroup, modeGroup, langGroup, share);
  container.append(bar);

  const render = () => {
    const lang = session.state().lang;
    brand.textContent = t(lang, 'appName');
    title.textContent = graphTitle(graph, lang);
    // Wrapped, or cut short where the bar is very narrow: the whole title shows on hover.
    title.title = title.textContent;
    searchBox.setLang(lang, t(lang, 'searchPlaceholder'));
    langGroup.setAttribute('aria-label', t(lang, 'language'));
    for (const b of langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    share.setAttribute('aria-label', t(lang, 'share'));
    share.title = t(lang, 'share');
    const s = session.state();
    for (const b of viewButtons) {
      b.textContent = t(lang, `view-${b.dataset.view as View}`);
      b.setAttribute('aria-pressed', String(b.dataset.view === s.view));
    }
    for (const b of modeButtons) {
      b.textContent = t(lang, `mode-${b.dataset.mode as Mode}`);
      b.setAttribute('aria-pressed', String(b.dataset.mode === s.mode));
    }
    viewGroup.setAttribute('aria-label', t(lang, 'views'));
    modeGroup.setAttribute('aria-label', t(lang, 'modes'));
    document.documentElement.lang = lang;
    document.title = `${t(lang, 'appName')} · ${title.textContent}`;
  };
  render();
  const unsubscribe = session.subscribe((s, _d, prev) => {
    if (s.lang !== prev.lang || s.view !== prev.view || s.mode !== prev.mode) render();
    if (s.query === '' && prev.query !== '' && document.activeElement !== searchBox.input) searchBox.input.value = '';
  });
  return () => {
    unsubscribe();
    bar.remove();
  };
}

/** Two chain links, drawn in the text colour (an inline SVG: no icon font, no emoji font needed). */
function linkIcon(): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 24 24', width: '18', height: '18', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v);
  for (const d of ['M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7', 'M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7']) {
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
