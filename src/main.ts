/**
 * Composition root: load the compiled chapter → session (state + derive) → mount the views →
 * bind the URL. Only this file wires views together; views never call each other.
 */
import Graph from 'graphology';
import chapter from 'virtual:chapter';
import { el } from './dom';
import { t } from './i18n/strings';
import type { Lang } from './model/sentence';
import type { EdgeAttrs, GraphAttrs, NodeAttrs } from './model/types';
import { clearPath, langFromLocales, parseLang, select, setQuery } from './state/actions';
import { createSession } from './state/session';
import { DEFAULT_STATE } from './state/types';
import { toHash } from './state/url';
import { bindUrl, readHash, urlContext } from './url-sync';
import { mountMapControls } from './views/map-controls';
import { mountNetwork } from './views/network';
import { mountNotice } from './views/notice';
import { mountPanel } from './views/panel';
import { mountRouter } from './views/router';
import { mountSidebar } from './views/sidebar';
import { mountTopbar } from './views/topbar';

const LANG_KEY = 'linkage.lang';

function storedLang(): Lang | null {
  try {
    return parseLang(localStorage.getItem(LANG_KEY));
  } catch {
    return null;
  }
}

function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

// 1. The graph, read-only from here on.
const graph = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(chapter);

// 2. The first state: the URL, else the remembered language, else the browser's.
const firstLang = storedLang() ?? langFromLocales(navigator.languages ?? [navigator.language]);
const ctx = urlContext({ graph }, firstLang);
const initial = readHash(location.hash, ctx, { ...DEFAULT_STATE, lang: firstLang });
const session = createSession(graph, initial.state);

// 3. Layout of the page, then the views.
const app = document.getElementById('app')!;
const mapEl = el('div', { class: 'network', role: 'application', id: 'map' });
const main = el('main', { class: 'stage' }, mapEl);
app.replaceChildren();
app.classList.toggle('embed', initial.state.embed);
const notice = mountNotice(app);
const flyTo = (key: string) => net.flyTo(key);
mountTopbar(app, session, { flyTo, rememberLang, notify: (text) => notice.show(text) });
if (!initial.state.embed) mountSidebar(app, session);
app.append(main);
const net = mountNetwork(mapEl, session);
mountPanel(main, session);
mountMapControls(main, mapEl, session, net);
mountRouter(main, mapEl, { session, net, notify: (text) => notice.show(text) });

const announce = (r: ReturnType<typeof readHash>) => {
  const lang = session.state().lang;
  if (r.problem === 'bad') notice.show(t(lang, 'badHash'), [], t(lang, 'dismiss'));
  else if (r.problem === 'partial') notice.show(t(lang, 'partialHash'), r.details, t(lang, 'dismiss'));
};
announce(initial);
bindUrl(session, () => urlContext({ graph }, session.state().lang), announce);
// The entry always holds the canonical hash of what is shown.
history.replaceState(null, '', toHash(session.state()));

// 4. Keys for the whole page: / search, Escape clears.
document.addEventListener('keydown', (ev) => {
  const target = ev.target as HTMLElement | null;
  const typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
  if (ev.key === '/' && !typing) {
    ev.preventDefault();
    document.getElementById('search')?.focus();
  } else if (ev.key === 'Escape') {
    session.update((s) => (s.path.from || s.path.to ? clearPath(s) : setQuery(select(s, null), '')));
  }
});

// For tests and the console: the session and the renderer.
Object.assign(window, { linkage: { session, net, graph } });
