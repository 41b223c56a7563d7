/**
 * The presenter view: a second window on the same page (`?presenter=1`) with the speaker notes —
 * this slide's transcript and its propositions read as sentences — a preview of the next slide
 * and a timer, kept on the same slide as the projected window through a BroadcastChannel.
 */
import { el, replaceChildren } from '../../dom';
import { slideLabel } from '../../i18n/strings';
import { tm } from '../../i18n/modes';
import { edgeSentence } from '../../model/sentence';
import { select, setSlide, stepSlide } from '../../state/actions';
import { graphKeyOf } from '../../state/progress';
import type { AppState } from '../../state/types';
import { toHash } from '../../state/url';
import { sentenceElement } from '../common';
import type { AppContext } from '../registry';
import { bindSlideKeys, framingNodes, slideCount, slideHeading, slideTextElement, syncSlides } from './slides';
import './lecture.css';

/** The address of the presenter view for `state`: this page with `?presenter=1`, same hash. */
export function presenterUrl(state: AppState): string {
  const url = new URL(location.href);
  url.searchParams.set('presenter', '1');
  url.hash = toHash({ ...state, camera: null });
  return url.toString();
}

function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(s / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.slice(-2)}:${ss}` : `${mm}:${ss}`;
}

/** Mounts the presenter view in `pane`; returns the cleanup. */
export function mountPresenter(pane: HTMLElement, ctx: AppContext): () => void {
  const { session } = ctx;
  const { graph } = session;
  const count = slideCount(graph);
  const disposers: Array<() => void> = [];
  const app = pane.closest('.app');
  app?.classList.add('presenter');

  const title = el('h2', { class: 'presenter-title' });
  const sync = el('span', { class: 'presenter-sync' });
  const counter = el('span', { class: 'presenter-count', id: 'presenter-count', 'aria-live': 'polite' });
  const timer = el('span', { class: 'presenter-timer', role: 'timer' });
  let started = Date.now();
  const restart = el('button', { type: 'button', class: 'presenter-restart', onclick: () => (started = Date.now()) });
  const prev = el('button', { type: 'button', onclick: () => session.update((s) => stepSlide(s, -1, count)) }, '◀');
  const next = el('button', { type: 'button', onclick: () => session.update((s) => stepSlide(s, 1, count)) }, '▶');
  const notes = el('div', { class: 'presenter-notes', id: 'presenter-notes' });
  const upNext = el('aside', { class: 'presenter-next', id: 'presenter-next' });
  const root = el(
    'section',
    { class: 'presenter-view', id: 'presenter' },
    el('header', { class: 'presenter-head' }, title, sync, counter, el('span', { class: 'presenter-clock' }, timer, restart), el('span', { class: 'presenter-nav' }, prev, next)),
    el('div', { class: 'presenter-body' }, notes, upNext),
  );
  pane.append(root);

  const render = (state: AppState) => {
    const lang = state.lang;
    const n = state.slide;
    root.lang = lang;
    title.textContent = tm(lang, 'presenterTitle');
    sync.textContent = tm(lang, 'presenterSync');
    restart.textContent = tm(lang, 'resetTimer');
    prev.setAttribute('aria-label', tm(lang, 'prevSlide'));
    next.setAttribute('aria-label', tm(lang, 'nextSlide'));
    document.title = `${tm(lang, 'presenterTitle')} · ${n ?? ''}`;
    if (count === 0 || n === null) {
      counter.textContent = '';
      replaceChildren(notes, el('p', {}, tm(lang, 'noSlides')));
      replaceChildren(upNext);
      return;
    }
    counter.textContent = tm(lang, 'slideOf', { n, total: count });
    prev.disabled = n <= 1;
    next.disabled = n >= count;
    // Speaker notes: the transcript, then every proposition of this slide as a sentence.
    const edges = [...(session.derived().slideEdges ?? [])];
    const goTo = (key: string) => session.update((s) => select(s, key));
    const list = el(
      'ol',
      { class: 'presenter-propositions' },
      ...edges.map((e) => {
        const s = edgeSentence(graph, e, lang);
        // Cite only the other slides the link also rests on.
        const others = s.slides.filter((x) => x !== n);
        return el('li', { 'data-edge': e }, sentenceElement(s.parts, others, lang, goTo));
      }),
    );
    replaceChildren(
      notes,
      el('p', { class: 'presenter-section' }, slideHeading(graph, n, lang)),
      el('h3', {}, tm(lang, 'speakerNotes')),
      slideTextElement(graph, n, lang, 'slide-text presenter-text'),
      el('h3', {}, `${tm(lang, 'propositions')} (${edges.length})`),
      edges.length > 0 ? list : el('p', { class: 'muted' }, tm(lang, 'noPropositions')),
    );
    if (n < count) {
      replaceChildren(
        upNext,
        el('h3', {}, `${tm(lang, 'upNext')} · ${slideLabel(lang, [n + 1])}`),
        el('p', { class: 'presenter-section' }, slideHeading(graph, n + 1, lang)),
        slideTextElement(graph, n + 1, lang, 'slide-text presenter-next-text'),
      );
    } else replaceChildren(upNext, el('h3', {}, tm(lang, 'upNext')), el('p', { class: 'muted' }, tm(lang, 'lastSlide')));
  };

  if (count > 0 && session.state().slide === null) session.update((s) => setSlide(s, 1));
  render(session.state());
  disposers.push(
    session.subscribe((s, d, p) => {
      if (s.slide !== p.slide || s.lang !== p.lang) render(s);
      if (s.slide !== p.slide && d.slideNodes && d.slideNodes.size > 0) ctx.net.fit(framingNodes(graph, d.slideNodes));
    }),
  );
  requestAnimationFrame(() => {
    const nodes = session.derived().slideNodes;
    if (nodes && nodes.size > 0) ctx.net.fit(framingNodes(graph, nodes));
  });
  const tick = () => (timer.textContent = `${tm(session.state().lang, 'elapsed')} ${clock(Date.now() - started)}`);
  tick();
  const interval = setInterval(tick, 1000);
  disposers.push(() => clearInterval(interval));
  disposers.push(
    bindSlideKeys(() => count, {
      step: (delta) => session.update((s) => stepSlide(s, delta, count)),
      go: (n) => session.update((s) => setSlide(s, n)),
      typed: () => undefined,
    }),
  );
  // Ask the projected window where it is, then follow it (and lead it).
  disposers.push(syncSlides(session, `linkage-lecture:${graphKeyOf(graph)}`, true));

  return () => {
    for (const d of disposers.reverse()) d();
    app?.classList.remove('presenter');
    root.remove();
  };
}
