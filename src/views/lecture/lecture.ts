/**
 * Lecture mode: the chapter slide by slide beside the map, in a projector theme (large type,
 * high contrast, nothing else on screen). Each step shows the slide's transcript, brings its
 * concepts and links forward on the map (earlier slides' stay, quieter) and fits the camera to
 * them. Clicker keys, number + Enter, full screen, and a presenter view in a second window kept
 * in step. In a window opened as the presenter view, mounts that instead.
 */
import { el, replaceChildren } from '../../dom';
import { tm } from '../../i18n/modes';
import { LANGS, type Lang } from '../../model/sentence';
import { setLang, setMode, setSlide, setView, stepSlide } from '../../state/actions';
import { graphKeyOf } from '../../state/progress';
import type { AppState } from '../../state/types';
import { mountPresenter, presenterUrl } from './presenter';
import type { AppContext } from '../registry';
import { graphTitle } from '../../i18n/strings';
import { bindSlideKeys, isPresenterWindow, slideConcepts, slideCount, slideHeading, slideTextElement, syncSlides } from './slides';
import './lecture.css';

const LANG_NAMES: Record<Lang, string> = { 'zh-Hant': '繁', 'zh-Hans': '简', en: 'EN' };
/** Map labels on a 1080p projector: larger than on a desk; they grow with the screen beyond (projectorScale). */
const PROJECTOR_LABEL_SIZE = 16;
const PROJECTOR_EDGE_LABEL_SIZE = 16;

/**
 * How much larger than at 1080p lecture type is drawn: 1 up to a 1080-pixel-high screen, its
 * height over 1080 beyond (2 on a 4K projector). The stylesheet scales the pane's chrome by the
 * same rule (`--lu` in lecture.css).
 */
function projectorScale(height = window.innerHeight): number {
  return Math.max(1, height / 1080);
}

/** Mounts lecture mode in `pane`; returns the cleanup. */
export function mount(pane: HTMLElement, ctx: AppContext): () => void {
  // The lecture is taught from the map.
  if (ctx.session.state().view !== 'network') ctx.session.update((s) => setView(s, 'network'));
  return isPresenterWindow() ? mountPresenter(pane, ctx) : mountProjector(pane, ctx);
}

/** The slide text's largest size: 40 px up to a 1080p screen, growing with the screen beyond (80 px on 4K). */
function slideFontMax(height = window.innerHeight): number {
  return Math.round(40 * projectorScale(height));
}

/** Shrinks the font of `box` until its content fits its height (projector text never scrolls). */
export function fitText(box: HTMLElement, max: number, min: number): void {
  let size = max;
  box.style.setProperty('--slide-font', `${size}px`);
  while (size > min && box.scrollHeight > box.clientHeight + 1) {
    size -= 2;
    box.style.setProperty('--slide-font', `${size}px`);
  }
}

function mountProjector(pane: HTMLElement, ctx: AppContext): () => void {
  const { session } = ctx;
  const { graph } = session;
  const count = slideCount(graph);
  const disposers: Array<() => void> = [];

  // 1. The pane: heading and counter, the slide's text, controls, key hint, progress bar.
  // The chapter's title: the top bar is hidden while lecturing.
  const chapterTitle = el('p', { class: 'lecture-chapter' });
  const heading = el('p', { class: 'lecture-section' });
  const counter = el('p', { class: 'lecture-count', 'aria-live': 'polite', id: 'lecture-count' });
  const body = el('div', { class: 'lecture-body' });
  const jump = el('p', { class: 'lecture-jump', hidden: true, 'aria-live': 'assertive' });
  const prev = el('button', { type: 'button', class: 'lecture-prev', onclick: () => step(-1) }, '◀');
  const next = el('button', { type: 'button', class: 'lecture-next', onclick: () => step(1) }, '▶');
  const goInput = el('input', { type: 'number', min: 1, max: Math.max(1, count), inputmode: 'numeric', class: 'lecture-goto', id: 'lecture-goto' }) as HTMLInputElement;
  goInput.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    const n = Math.round(Number(goInput.value));
    if (n >= 1 && n <= count) go(n);
    goInput.value = '';
    goInput.blur();
  });
  const langButtons = LANGS.map((l) =>
    el('button', { type: 'button', lang: l, 'data-lang': l, onclick: () => session.update((s) => setLang(s, l)) }, LANG_NAMES[l]),
  );
  const full = el('button', { type: 'button', class: 'lecture-fullscreen', id: 'lecture-fullscreen', onclick: () => toggleFullScreen() });
  const presenter = el('button', { type: 'button', class: 'lecture-presenter', id: 'lecture-presenter', onclick: () => openPresenter() });
  const end = el('button', { type: 'button', class: 'lecture-end', id: 'lecture-end', onclick: () => session.update((s) => setSlide(setMode(s, 'explore'), null)) });
  const controls = el(
    'nav',
    { class: 'lecture-controls' },
    prev,
    next,
    goInput,
    el('span', { class: 'lecture-langs', role: 'group' }, ...langButtons),
    full,
    presenter,
    end,
  );
  const keys = el('p', { class: 'lecture-keys' });
  const bar = el('div', { class: 'lecture-progress', 'aria-hidden': 'true' }, el('span'));
  const root = el('section', { class: 'lecture', id: 'lecture' }, el('header', { class: 'lecture-head' }, chapterTitle, heading, counter), body, jump, controls, keys, bar);
  pane.append(root);
  pane.closest('.app')?.classList.add('projector');

  // 2. Projector-sized labels on the map while lecturing; the camera comes back when it ends.
  const renderer = ctx.net.renderer;
  const cameraBefore = { ...renderer.getCamera().getState() };
  disposers.push(() => void renderer.getCamera().animate(cameraBefore, { duration: 0 }));
  const labelSize = renderer.getSetting('labelSize');
  const edgeLabelSize = renderer.getSetting('edgeLabelSize');
  const projectorLabels = () => {
    const k = projectorScale();
    renderer.setSetting('labelSize', Math.round(PROJECTOR_LABEL_SIZE * k));
    renderer.setSetting('edgeLabelSize', Math.round(PROJECTOR_EDGE_LABEL_SIZE * k));
  };
  projectorLabels();
  disposers.push(() => {
    renderer.setSetting('labelSize', labelSize);
    renderer.setSetting('edgeLabelSize', edgeLabelSize);
  });

  // 3. Moving between slides: state actions only; rendering follows the state.
  const step = (delta: number) => session.update((s) => stepSlide(s, delta, count));
  const go = (n: number) => session.update((s) => setSlide(s, Math.min(count, Math.max(1, n))));

  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen?.();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  const openPresenter = () => {
    const win = window.open(presenterUrl(session.state()), 'linkage-presenter', 'popup=yes,width=1280,height=800');
    if (!win) ctx.notify(tm(session.state().lang, 'popupBlocked'));
  };

  const render = (state: AppState) => {
    const lang = state.lang;
    const n = state.slide;
    root.lang = lang;
    chapterTitle.textContent = graphTitle(graph, lang);
    prev.title = tm(lang, 'prevSlide');
    prev.setAttribute('aria-label', tm(lang, 'prevSlide'));
    next.title = tm(lang, 'nextSlide');
    next.setAttribute('aria-label', tm(lang, 'nextSlide'));
    goInput.placeholder = '#';
    goInput.title = tm(lang, 'goToSlide');
    goInput.setAttribute('aria-label', tm(lang, 'goToSlide'));
    full.textContent = document.fullscreenElement ? tm(lang, 'exitFullScreen') : tm(lang, 'fullScreen');
    presenter.textContent = tm(lang, 'openPresenter');
    end.textContent = tm(lang, 'endLecture');
    keys.textContent = tm(lang, 'lectureKeys');
    for (const b of langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    if (count === 0 || n === null) {
      heading.textContent = '';
      counter.textContent = '';
      replaceChildren(body, el('p', { class: 'lecture-empty' }, tm(lang, 'noSlides')));
      return;
    }
    heading.textContent = slideHeading(graph, n, lang);
    counter.textContent = tm(lang, 'slideOf', { n, total: count });
    prev.disabled = n <= 1;
    next.disabled = n >= count;
    (bar.firstChild as HTMLElement).style.width = `${(100 * n) / count}%`;
    const text = slideTextElement(graph, n, lang);
    text.dataset.slide = String(n);
    const parts: Node[] = [text];
    if (lang === 'en') {
      // The transcript is Chinese only: English readers get the slide's concepts in English too.
      const concepts = slideConcepts(graph, session.derived().slideNodes ?? [], lang, 8);
      if (concepts.length > 0) {
        parts.push(el('div', { class: 'slide-concepts' }, el('h3', {}, tm(lang, 'onThisSlide')), el('ul', {}, ...concepts.map((c) => el('li', {}, c)))));
      }
    }
    replaceChildren(body, ...parts);
    requestAnimationFrame(() => fitText(body, slideFontMax(), 16));
  };

  // Every concept of the slide is framed with room for its name (the map's names are placed in
  // the open part: not under this pane, the panel or the map's buttons).
  const fitCamera = () => {
    const nodes = session.derived().slideNodes;
    if (nodes && nodes.size > 0) ctx.net.fit(nodes);
  };

  // 4. Start on slide 1 when the link names none; then follow the state.
  if (count > 0 && session.state().slide === null) session.update((s) => setSlide(s, 1));
  render(session.state());
  // The map pane has just been narrowed: fit once sigma has its new size.
  requestAnimationFrame(() => fitCamera());
  disposers.push(
    session.subscribe((s, _d, p) => {
      if (s.slide !== p.slide || s.lang !== p.lang) render(s);
      if (s.slide !== p.slide) fitCamera();
    }),
  );
  disposers.push(
    bindSlideKeys(() => count, {
      step,
      go,
      typed: (digits) => {
        jump.hidden = digits === '';
        jump.textContent = digits === '' ? '' : tm(session.state().lang, 'typedSlide', { n: digits });
      },
      other: (ev) => {
        if (ev.key !== 'f' && ev.key !== 'F') return false;
        toggleFullScreen();
        return true;
      },
    }),
  );
  const onFullScreen = () => render(session.state());
  document.addEventListener('fullscreenchange', onFullScreen);
  disposers.push(() => document.removeEventListener('fullscreenchange', onFullScreen));
  const resize = new ResizeObserver(() => fitText(body, slideFontMax(), 16));
  // A window moved to the projector, or put in full screen: the map's names follow its size.
  const onWindowResize = () => {
    const before = renderer.getSetting('labelSize');
    projectorLabels();
    if (renderer.getSetting('labelSize') !== before) fitCamera();
  };
  window.addEventListener('resize', onWindowResize);
  disposers.push(() => window.removeEventListener('resize', onWindowResize));
  resize.observe(body);
  // Local fonts can still arrive after the first fit (other metrics): fit again once they have.
  void document.fonts?.ready.then(() => fitText(body, slideFontMax(), 16));
  disposers.push(() => resize.disconnect());
  disposers.push(syncSlides(session, `linkage-lecture:${graphKeyOf(graph)}`, false));

  return () => {
    for (const d of disposers.reverse()) d();
    pane.closest('.app')?.classList.remove('projector');
    root.remove();
    if (document.fullscreenElement) void document.exitFullscreen?.();
    // Leaving the lecture (by any way) leaves no slide highlighted behind.
    if (session.state().mode !== 'lecture' && session.state().slide !== null) session.update((s) => setSlide(s, null));
  };
}
