/**
 * Composition root: the course's chapter a link asks for (`#ch=`), or the course index → session
 * (state + derive) → mount the views → bind the URL. Only this file wires views together; views
 * never call each other. Opening another chapter or graph (import) tears the page down and starts
 * again on the new graph.
 */
import Graph from 'graphology';
import chapter from 'virtual:chapter';
import course, { chapters as chapterLoaders } from 'virtual:course';
import { el } from './dom';
import { FONT_STACK } from './util/fonts';
import { afterFirstFrame } from './util/frames';
import { to } from './i18n/offline';
import { inLang, t } from './i18n/strings';
import type { Lang } from './model/sentence';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from './model/types';
import { clearPath, langFromLocales, parseLang, select, setQuery } from './state/actions';
import type { GraphIndex } from './state/derive';
import { createSession, type Session } from './state/session';
import { DEFAULT_STATE, type AppState } from './state/types';
import { chapterParam, toHash, urlContextOf } from './state/url';
import { bindUrl, readHash, type UrlRead } from './url-sync';
import { mountHelp } from './views/chrome/help';
import { mountFileMenu } from './views/files/file-menu';
import { mountMapControls } from './views/map/controls';
import { trackCover } from './views/map/cover';
import { isLarge, mountNetwork, prepareMap, type NetworkHandle } from './views/map/network';
import { mountNotice, type Notice } from './views/chrome/notice';
import { mountPanel, panelShows } from './views/chrome/panel';
import type { AppContext } from './views/registry';
import { mountRouter } from './views/router';
import { mountSidebar } from './views/chrome/sidebar';
import { mountTopbar } from './views/chrome/topbar';
import { watchMapContext } from './views/map/context-loss';
import { mountUpdatePrompt } from './views/chrome/update-prompt';
import { mountCourseIndex } from './views/course/course-index';
import { registerOffline } from './pwa';
import { pageActivity } from './util/quiet';
import { connectLms } from './lms/connect';

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

/** The reader's language: remembered, else the browser's. */
const readerLang = (): Lang => storedLang() ?? langFromLocales(navigator.languages ?? [navigator.language]);

/**
 * Starts the app on `graph`. `hash` is read for the first state (a new graph starts clean);
 * `chapter`: its id when it is a chapter of the course.
 */
function start(graph: LinkageGraph, hash: string, options: { deferMap?: boolean; graphIndex?: GraphIndex; chapter?: string | null } = {}): Running {
  const lang = readerLang();
  const chapterId = options.chapter ?? null;
  const initial = readHash(hash, urlContextOf(graph, lang, chapterId), { ...DEFAULT_STATE, lang, chapter: chapterId });
  const session = createSession(graph, initial.state, options.graphIndex ? { graphIndex: options.graphIndex } : {});
  const disposers: Array<() => void> = [];
  // The GPU prepares what the map's first frame draws while the page is built.
  prepareMap(session);

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
  disposers.push(
    mountTopbar(root, session, {
      flyTo: (key) => net?.flyTo(key),
      rememberLang,
      notify: ctx.notify,
      ...(chapterId !== null && course.chapters.length > 1 ? { course: { index: course, current: chapterId, href: chapterHref } } : {}),
    }),
  );
  // The sidebar's column is held by a stand-in until the sidebar is built (afterFirstFrame).
  const sidebarSlot = initial.state.embed ? null : el('nav', { class: 'sidebar', 'aria-busy': 'true' });
  root.append(...(sidebarSlot ? [sidebarSlot] : []), main);
  // The map's buttons and count, in the page before the map measures it (one layout for both).
  const controls = mountMapControls(main, mapEl, session);
  // The details panel, at once when the first state opens it (the map keeps clear of it from its
  // first frame), else with the sidebar.
  let panel: ReturnType<typeof mountPanel> | null = null;
  const mountDetails = () => {
    panel = mountPanel(root, session);
    disposers.push(() => panel!.dispose());
    if (net) disposers.push(trackCover(net, mapEl, panel.element));
  };
  if (panelShows(graph, initial.state)) mountDetails();
  // The rest of the page's frame (views and modes, the file menu, help) before the map measures
  // its container, so that the page is laid out once. (Disposed before the map, below: a mode
  // leaving gives the map back its looks.)
  const pageParts = [mountRouter(main, mapEl, ctx), mountFileMenu(main, ctx), mountHelp(root, session)];
  // The map: at once, or (a large opened graph) in a task of its own, so that sigma's first
  // indexation is not added to the session's and the views' in one long task.
  let mapTimer: ReturnType<typeof setTimeout> | undefined;
  // For tests and the console: the session and the renderer, once both are there; `ready` once
  // the rest of the page is built too.
  const published: { session: Session; net: NetworkHandle | null; graph: LinkageGraph; ctx: AppContext; ready: boolean } = { session, net, graph, ctx, ready: false };
  let cancelRest = () => {};
  const publish = () => {
    published.net = net;
    Object.assign(window, { linkage: published });
    // The first frame shows the top bar and the map; the rest of the page is built right after it.
    cancelRest = afterFirstFrame(() => {
      if (sidebarSlot) disposers.push(mountSidebar(sidebarSlot, session));
      if (!panel) mountDetails();
      published.ready = true;
    });
  };
  disposers.push(() => cancelRest());
  const mountMap = () => {
    net = mountNetwork(mapEl, session);
    controls.attach(net);
    if (panel) disposers.push(trackCover(net, mapEl, panel.element));
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
  // (Disposed before the map: disposers run last first.)
  disposers.push(() => controls.dispose(), ...pageParts);
  if (options.deferMap) {
    mapTimer = setTimeout(() => {
      mountMap();
      publish();
    }, 0);
  } else mountMap();

  const announce = (r: UrlRead) => {
    const l = session.state().lang;
    if (r.problem === 'bad') notice.show(t(l, 'badHash'), [], t(l, 'dismiss'));
    else if (r.problem === 'partial') notice.show(t(l, 'partialHash'), r.details, t(l, 'dismiss'));
  };
  announce(initial);
  disposers.push(bindUrl(session, () => urlContextOf(graph, session.state().lang, chapterId), announce));
  // The entry always holds the canonical hash of what is shown.
  history.replaceState(null, '', toHash(session.state()));

  // What is shown changed: background work waits for a quiet page (util/quiet.ts).
  disposers.push(session.subscribe(pageActivity));

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

// ---------------------------------------------------------------------------------------------
// The course: which chapter (or the index) the page shows, and moving between them.

/** The hash of the course index. */
const INDEX_HASH = '#course';
/** The link that opens chapter `id` in the reader's language, view and mode (and selects `selected` there). */
function chapterHref(id: string, state: Pick<AppState, 'lang' | 'view' | 'mode'>, selected?: string): string {
  return toHash({ ...DEFAULT_STATE, lang: state.lang, view: state.view, mode: state.mode, chapter: id, selected: selected ?? null });
}

/** What the page shows: the course index, a chapter of the course, or a graph opened from a file. */
type Shown = { kind: 'index' } | { kind: 'chapter'; id: string } | { kind: 'file' };
type Target = { kind: 'index' } | { kind: 'chapter'; id: string; asked?: string };

/**
 * What `hash` asks to be shown, given what is: the index (a bare address or `#course`, when the
 * course has more than one chapter), a chapter (`#ch=`; an unknown one opens the default, noting
 * what was asked), or null: stay on what is shown (a hash without `#ch=` on a chapter or a file).
 * From the index, a link without `#ch=` (made before the course had chapters) opens the default.
 */
function targetOf(hash: string, shown: Shown | null): Target | null {
  const bare = hash === '' || hash === '#';
  if (course.chapters.length > 1 && (hash === INDEX_HASH || (bare && shown === null))) return { kind: 'index' };
  const ch = chapterParam(hash);
  if (ch === null) return shown === null || shown.kind === 'index' ? { kind: 'chapter', id: course.defaultChapter } : null;
  return course.chapters.some((c) => c.id === ch) ? { kind: 'chapter', id: ch } : { kind: 'chapter', id: course.defaultChapter, asked: ch };
}

let shown: Shown | null = null;
let running: Running | null = null;
let closeIndex: (() => void) | null = null;
/** Bumped by every move; a chapter that finishes loading after a later move is dropped. */
let moves = 0;

function leave(): void {
  running?.dispose();
  running = null;
  closeIndex?.();
  closeIndex = null;
}

/** Shows `target`, reading `hash` for the chapter's first state. */
async function show(target: Target, hash: string): Promise<void> {
  const move = ++moves;
  if (target.kind === 'index') {
    leave();
    shown = target;
    closeIndex = mountCourseIndex(root, course, readerLang(), { chapterHref: (id, lang) => chapterHref(id, { ...DEFAULT_STATE, lang }), rememberLang });
    return;
  }
  let compiled = chapter;
  if (target.id !== course.defaultChapter) {
    try {
      compiled = (await chapterLoaders[target.id]!()).default;
    } catch (err) {
      if (move !== moves) return;
      const l = running?.session.state().lang ?? readerLang();
      notice.show(`${t(l, 'chapterLoadFailed')} ${target.id}`, [err instanceof Error ? err.message : String(err)], t(l, 'dismiss'));
      return;
    }
  }
  if (move !== moves) return;
  leave();
  shown = { kind: 'chapter', id: target.id };
  running = start(Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compiled), hash, { chapter: target.id });
  if (target.asked !== undefined) {
    const l = running.session.state().lang;
    const entry = course.chapters.find((c) => c.id === target.id)!;
    notice.show(`${t(l, 'noSuchChapter')} ${inLang(l, [entry.title, entry.titleHans, entry.titleEn])}`, [JSON.stringify(target.asked)], t(l, 'dismiss'));
  }
}

// Back, forward, a chapter picked or a link followed: another chapter (or the index) is opened
// here, before the URL binding of the chapter shown reads a hash that is not its own.
const onNavigate = (ev: Event) => {
  const target = targetOf(location.hash, shown);
  if (target === null) return;
  if (target.kind === 'index' ? shown?.kind === 'index' : shown?.kind === 'chapter' && shown.id === target.id) return;
  ev.stopImmediatePropagation();
  // Back fires both popstate and hashchange: one move.
  if (ev.type === 'hashchange' && pendingHash === location.hash) return;
  pendingHash = location.hash;
  void show(target, location.hash).finally(() => {
    pendingHash = null;
  });
};
let pendingHash: string | null = null;
window.addEventListener('popstate', onNavigate);
window.addEventListener('hashchange', onNavigate);

/**
 * Opens the page. Inside a course's LMS (a SCORM package) the bridge first reads the learner's
 * work back from the LMS, before the first view opens it; without an LMS this loads nothing and
 * goes on at once. Not a top-level await: the lazy chunks import from the first load's chunk,
 * and a module still awaiting would keep them (the LMS bridge among them) from loading.
 */
async function open(): Promise<void> {
  const inLms = await connectLms(window, { show: (text, details, dismiss) => notice.show(text, details, dismiss), lang: () => running?.session.state().lang ?? readerLang() });

  // The first chapter is in the bundle: a link to it starts without waiting for another file.
  const first = targetOf(location.hash, null)!;
  if (first.kind === 'chapter' && first.id === course.defaultChapter && first.asked === undefined) {
    shown = { kind: 'chapter', id: first.id };
    running = start(Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(chapter), location.hash, { chapter: first.id });
  } else void show(first, location.hash);

  // The offline copy: a new build waiting to take over is offered with a Reload button.
  const updatePrompt = mountUpdatePrompt(document.body, () => running?.session.state().lang ?? readerLang());
  // Not inside an LMS: the LMS serves the package, and a service worker would cache it past its updates.
  if (!inLms) registerOffline((apply) => updatePrompt.show(apply));
}
void open();

/** Replaces the graph shown (after an import); the previous one is dropped. */
function restart(graph: LinkageGraph, name: string, graphIndex?: GraphIndex): void {
  // The new graph starts clean, in the language the reader is using.
  const lang = running?.session.state().lang ?? readerLang();
  moves++;
  leave();
  shown = { kind: 'file' };
  running = start(graph, `#lang=${lang}`, { deferMap: isLarge(graph), ...(graphIndex ? { graphIndex } : {}) });
  notice.show(name);
}
