/**
 * Composition root: load the compiled chapter → session (state + derive) → mount the views →
 * bind the URL. Only this file wires views together; views never call each other. Opening
 * another graph (import) tears the page down and starts again on the new graph.
 */
import Graph from 'graphology';
import chapter from 'virtual:chapter';
import { el } from './dom';
import { FONT_STACK } from './util/fonts';
import { to } from './i18n/offline';
import { t } from './i18n/strings';
import type { Lang } from './model/sentence';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from './model/types';
import { clearPath, langFromLocales, parseLang, select, setQuery } from './state/actions';
import type { GraphIndex } from './state/derive';
import { createSession, type Session } from './state/session';
import { DEFAULT_STATE } from './state/types';
import { toHash, urlContextOf } from './state/url';
import { bindUrl, readHash, type UrlRead } from './url-sync';
import { mountHelp } from './views/chrome/help';
import { mountFileMenu } from './views/files/file-menu';
import { mountMapControls } from './views/map/controls';
import { trackCover } from './views/map/cover';
import { LARGE_GRAPH, mountNetwork, type NetworkHandle } from './views/map/network';
import { mountNotice, type Notice } from './views/chrome/notice';
import { mountPanel } from './views/chrome/panel';
import type { AppContext } from './views/registry';
import { mountRouter } from './views/router';
import { mountSidebar } from './views/chrome/sidebar';
import { mountTopbar } from './views/chrome/topbar';
import { watchMapContext } from './views/map/context-loss';
import { mountUpdatePrompt } from './views/chrome/update-prompt';
import { registerOffline } from './pwa';

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

interface Running {
  session: Session;
  dispose(): void;
}

// The page's type uses the same font stacks as the map and the exports.
document.documentElement.style.setProperty('--font-hant', FONT_STACK.hant);
document.documentElement.style.setProperty('--font-hans', FONT_STACK.hans);
const root = document.getElementById('app')!;
const notice: Notice = mountNotice(document.body);

/** Starts the app on `graph`. `hash` is read for the first state (a new graph starts clean). */
function start(graph: LinkageGraph, hash: string, options: { deferMap?: boolean; graphIndex?: GraphIndex } = {}): Running {
  const lang = storedLang() ?? langFromLocales(navigator.languages ?? [navigator.language]);
  const initial = readHash(hash, urlContextOf(graph, lang), { ...DEFAULT_STATE, lang });
  const session = createSession(graph, initial.state, options.graphIndex ? { graphIndex: options.graphIndex } : {});
  const disposers: Array<() => void> = [];

  // Page layout, then the views. The map needs its container in the page before sigma starts.
  const mapEl = el('div', { class: 'network', role: 'application', id: 'map' });
  const main = el('main', { class: 'stage' }, mapEl);
  root.replaceChildren();
  root.classList.toggle('embed', initial.state.embed);
  let net: NetworkHandle | null = null;
  const ctx: AppContext = {
    session,
    get net() {
      return net!;
    },
    notify: (text) => notice.show(text),
    openGraph: (next, name, index) => restart(next, name, index),
  };
  disposers.push(mountTopbar(root, session, { flyTo: (key) => net?.flyTo(key), rememberLang, notify: ctx.notify }));
  if (!initial.state.embed) disposers.push(mountSidebar(root, session));
  root.append(main);
  // The map: at once, or (a large opened graph) in a task of its own, so that sigma's first
  // indexation is not added to the session's and the views' in one long task.
  let mapTimer: ReturnType<typeof setTimeout> | undefined;
  // For tests and the console: the session and the renderer, once both are there.
  const publish = () => Object.assign(window, { linkage: { session, net, graph, ctx } });
  const panel = mountPanel(root, session);
  disposers.push(() => panel.dispose());
  const mountMap = () => {
    net = mountNetwork(mapEl, session);
    disposers.push(mountMapControls(main, mapEl, session, net), trackCover(net, mapEl, panel.element));
    // A lost WebGL context: drawn again when the browser gives it back, else a notice offers to.
    let lostShown = false;
    const unwatch = watchMapContext(net.renderer, {
      stuck: (rebuild) => {
        const l = session.state().lang;
        lostShown = true;
        notice.show(to(l, 'mapLost'), [], t(l, 'dismiss'), { label: to(l, 'redrawMap'), run: () => void rebuild() });
      },
      recovered: () => {
        if (lostShown) notice.hide();
        lostShown = false;
      },
    });
    disposers.push(() => {
      unwatch();
      if (lostShown) notice.hide();
    });
  };
  disposers.push(() => {
    clearTimeout(mapTimer);
    net?.dispose();
  });
  if (options.deferMap) {
    mapTimer = setTimeout(() => {
      mountMap();
      publish();
    }, 0);
  } else mountMap();
  disposers.push(mountRouter(main, mapEl, ctx));
  disposers.push(mountFileMenu(main, ctx));
  disposers.push(mountHelp(root, session));

  const announce = (r: UrlRead) => {
    const l = session.state().lang;
    if (r.problem === 'bad') notice.show(t(l, 'badHash'), [], t(l, 'dismiss'));
    else if (r.problem === 'partial') notice.show(t(l, 'partialHash'), r.details, t(l, 'dismiss'));
  };
  announce(initial);
  disposers.push(bindUrl(session, () => urlContextOf(graph, session.state().lang), announce));
  // The entry always holds the canonical hash of what is shown.
  history.replaceState(null, '', toHash(session.state()));

  // Keys for the whole page: / search, Escape clears.
  const onKey = (ev: KeyboardEvent) => {
    const target = ev.target as HTMLElement | null;
    const typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
    if (ev.key === '/' && !typing) {
      ev.preventDefault();
      document.getElementById('search')?.focus();
    } else if (ev.key === 'Escape') {
      session.update((s) => (s.path.from || s.path.to ? clearPath(s) : setQuery(select(s, null), '')));
    }
  };
  document.addEventListener('keydown', onKey);
  disposers.push(() => document.removeEventListener('keydown', onKey));

  if (!options.deferMap) publish();
  return {
    session,
    dispose: () => {
      for (const d of disposers.reverse()) d();
    },
  };
}

let running = start(Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(chapter), location.hash);

// The offline copy: a new build waiting to take over is offered with a Reload button.
const updatePrompt = mountUpdatePrompt(document.body, () => running.session.state().lang);
registerOffline((apply) => updatePrompt.show(apply));

/** Replaces the graph shown (after an import); the previous one is dropped. */
function restart(graph: LinkageGraph, name: string, graphIndex?: GraphIndex): void {
  // The new graph starts clean, in the language the reader is using.
  const lang = running.session.state().lang;
  running.dispose();
  running = start(graph, `#lang=${lang}`, { deferMap: graph.order + graph.size > LARGE_GRAPH, ...(graphIndex ? { graphIndex } : {}) });
  notice.show(name);
}
