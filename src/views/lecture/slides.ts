/**
 * What the projected lecture and the presenter view share: a slide's transcript as DOM (marker
 * lines kept and styled), the section a slide belongs to, the slide keys a clicker sends, and
 * the BroadcastChannel that keeps two windows on the same slide.
 */
import { el } from '../../dom';
import { graphTitle, pick } from '../../i18n/strings';
import { tm } from '../../i18n/modes';
import { nodeLabel, type Lang } from '../../model/sentence';
import type { LinkageGraph, SectionInfo } from '../../model/types';
import { setSlide } from '../../state/actions';
import type { Session } from '../../state/session';

/** Number of slides of the graph (0 when it has none). */
export function slideCount(graph: LinkageGraph): number {
  const n: unknown = graph.getAttribute('slideCount');
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
}

/** The transcript of slide `n` in the reader's script (繁體 for English readers), or null. */
function slideText(graph: LinkageGraph, n: number, lang: Lang): { text: string; lang: Lang } | null {
  const texts = graph.getAttribute('slideTexts');
  const s = Array.isArray(texts) ? texts.find((x) => x && x.n === n) : undefined;
  if (!s) return null;
  if (lang === 'zh-Hans' && typeof s.zhHans === 'string' && s.zhHans !== '') return { text: s.zhHans, lang: 'zh-Hans' };
  return typeof s.zh === 'string' ? { text: s.zh, lang: 'zh-Hant' } : null;
}

/** The section whose slide range holds slide `n`. */
export function sectionOfSlide(graph: LinkageGraph, n: number): SectionInfo | undefined {
  const sections = graph.getAttribute('sections');
  return Array.isArray(sections) ? sections.find((s) => s && Array.isArray(s.slides) && n >= s.slides[0] && n <= s.slides[1]) : undefined;
}

/** "§2-3 電子政務對傳統行政的沖擊", or the chapter's title outside every section. */
export function slideHeading(graph: LinkageGraph, n: number, lang: Lang): string {
  const sec = sectionOfSlide(graph, n);
  if (sec) return `§${sec.id} ${pick(lang, sec.zh, sec.zhHans, sec.en)}`;
  return graphTitle(graph, lang);
}

/** Marker → line class: ★ main point, ◎ ▽ sub-points, ○ sub-heading, ※ definition, § section. */
const MARKERS: Record<string, string> = { '★': 'main', '◎': 'sub', '▽': 'sub', '○': 'heading', '※': 'definition', '§': 'section' };

/** A slide's transcript as block elements, one per line, the marker kept in its own span. */
export function slideTextElement(graph: LinkageGraph, n: number, lang: Lang, className = 'slide-text'): HTMLElement {
  const found = slideText(graph, n, lang);
  const box = el('div', { class: className, lang: found?.lang ?? lang });
  if (!found) {
    box.append(el('p', { class: 'line line-empty' }, tm(lang, 'noSlideText')));
    return box;
  }
  for (const raw of found.text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const marker = line[0] ?? '';
    const kind = MARKERS[marker];
    if (kind === 'section') box.append(el('h3', { class: 'line line-section' }, line));
    else if (kind) {
      // A main point's heading runs to its first full stop or colon, a sub-point's to its colon;
      // the explanation after it is plain text.
      const rest = line.slice(1);
      const stop = rest.search(kind === 'main' || kind === 'heading' ? /[。:：]/ : /[:：]/);
      const whole = kind === 'main' || kind === 'heading';
      const head = stop >= 0 ? rest.slice(0, stop + 1) : whole ? rest : '';
      const tail = stop >= 0 ? rest.slice(stop + 1) : whole ? '' : rest;
      box.append(el('p', { class: `line line-${kind}` }, el('span', { class: 'marker', 'aria-hidden': 'true' }, marker), head ? el('span', { class: 'line-head' }, head) : null, tail));
    }
    else box.append(el('p', { class: 'line line-plain' }, line));
  }
  return box;
}

/** The labels of a slide's concepts in `lang`, most important first (structural kinds left out). */
export function slideConcepts(graph: LinkageGraph, nodes: Iterable<string>, lang: Lang, max = 10): string[] {
  const list = [...nodes].filter((k) => graph.hasNode(k) && !['chapter', 'section'].includes(graph.getNodeAttribute(k, 'kind')));
  list.sort((a, b) => (graph.getNodeAttribute(b, 'importance') ?? 0) - (graph.getNodeAttribute(a, 'importance') ?? 0) || (a < b ? -1 : 1));
  return list.slice(0, max).map((k) => nodeLabel(graph.getNodeAttributes(k), lang) || k);
}

/**
 * The nodes to frame for a slide: its own concepts, leaving out structural nodes and hubs that
 * rest on many slides (they would stretch the frame over the whole map). All of them when that
 * leaves none.
 */
export function framingNodes(graph: LinkageGraph, nodes: Iterable<string>): string[] {
  const all = [...nodes].filter((k) => graph.hasNode(k));
  const own = all.filter((k) => {
    const a = graph.getNodeAttributes(k);
    return !['chapter', 'section'].includes(a.kind) && Array.isArray(a.slides) && a.slides.length <= 3;
  });
  return own.length > 0 ? own : all;
}

/** True when this window is a presenter view (`?presenter=1` in its address). */
export function isPresenterWindow(): boolean {
  return new URLSearchParams(location.search).get('presenter') === '1';
}

/** True when a key event comes from a text field (where keys type rather than command). */
function fromTextField(ev: KeyboardEvent): boolean {
  const t = ev.target as HTMLElement | null;
  return Boolean(t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable));
}

export interface SlideKeyHandlers {
  /** Steps by +1 / -1. */
  step(delta: number): void;
  /** Goes to slide n (clamped by the caller). */
  go(n: number): void;
  /** The digits typed so far ('' when none), for a "go to slide n" hint. */
  typed(digits: string): void;
  /** Extra keys (e.g. `f` for full screen); return true when handled. */
  other?(ev: KeyboardEvent): boolean;
}

/**
 * Binds the keys presentation clickers send — → Space PageDown forward, ← PageUp Shift+Space
 * back, Home End — and number + Enter to jump, on the whole page (capture phase, so that a
 * focused map does not pan with the same arrows). Returns the unbinding function.
 */
export function bindSlideKeys(last: () => number, handlers: SlideKeyHandlers): () => void {
  let digits = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const setDigits = (d: string) => {
    digits = d;
    clearTimeout(timer);
    if (d !== '') timer = setTimeout(() => setDigits(''), 4000);
    handlers.typed(d);
  };
  const onKey = (ev: KeyboardEvent) => {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || fromTextField(ev)) return;
    if (document.querySelector('dialog[open]')) return;
    const onButton = (ev.target as HTMLElement | null)?.tagName === 'BUTTON';
    let handled = true;
    if (/^[0-9]$/.test(ev.key)) setDigits((digits + ev.key).slice(-4));
    else if (ev.key === 'Backspace' && digits !== '') setDigits(digits.slice(0, -1));
    else if (ev.key === 'Enter' && digits !== '') {
      const n = Number(digits);
      setDigits('');
      if (n >= 1) handlers.go(Math.min(n, last()));
    } else if (ev.key === 'Escape' && digits !== '') setDigits('');
    else if (ev.key === 'ArrowRight' || ev.key === 'PageDown' || (ev.key === ' ' && !ev.shiftKey && !onButton)) handlers.step(1);
    else if (ev.key === 'ArrowLeft' || ev.key === 'PageUp' || (ev.key === ' ' && ev.shiftKey && !onButton)) handlers.step(-1);
    else if (ev.key === 'Home') handlers.go(1);
    else if (ev.key === 'End') handlers.go(last());
    else handled = handlers.other?.(ev) ?? false;
    if (handled) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  };
  document.addEventListener('keydown', onKey, true);
  return () => {
    clearTimeout(timer);
    document.removeEventListener('keydown', onKey, true);
  };
}

/** A message between lecture windows. */
type LectureMessage = { type: 'slide'; slide: number } | { type: 'hello' };

function parseMessage(data: unknown, count: number): LectureMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.type === 'hello') return { type: 'hello' };
  if (d.type === 'slide' && typeof d.slide === 'number' && Number.isInteger(d.slide) && d.slide >= 1 && d.slide <= count) {
    return { type: 'slide', slide: d.slide };
  }
  return null;
}

/**
 * Keeps this window's lecture slide in step with every other window of the same graph through a
 * BroadcastChannel: a change made here is sent, a change received is applied (and not sent
 * back, so fast clicks never bounce). `askFirst` asks the others for their slide (a presenter
 * view opening beside a projected lecture). Returns the closing function; a no-op where
 * BroadcastChannel does not exist.
 */
export function syncSlides(session: Session, channelName: string, askFirst: boolean): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const count = slideCount(session.graph);
  const channel = new BroadcastChannel(channelName);
  let applying = false;
  channel.onmessage = (ev: MessageEvent) => {
    const msg = parseMessage(ev.data, count);
    if (!msg) return;
    if (msg.type === 'hello') {
      const slide = session.state().slide;
      if (slide !== null) channel.postMessage({ type: 'slide', slide });
      return;
    }
    applying = true;
    try {
      session.update((s) => setSlide(s, msg.slide));
    } finally {
      applying = false;
    }
  };
  const unsubscribe = session.subscribe((s, _d, prev) => {
    if (!applying && s.slide !== prev.slide && s.slide !== null) channel.postMessage({ type: 'slide', slide: s.slide });
  });
  if (askFirst) channel.postMessage({ type: 'hello' });
  return () => {
    unsubscribe();
    channel.close();
  };
}
