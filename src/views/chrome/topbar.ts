/**
 * The top bar: title, the chapter picker (a course of several chapters), the main search (typing
 * highlights matches on the map; picking flies to and selects the concept; concepts of the other
 * chapters are offered below and open their chapter), the language switch and the copy-link button.
 */
import { el } from '../../dom';
import { chapterTitle, courseTitle, graphTitle, t } from '../../i18n/strings';
import type { Lang } from '../../model/sentence';
import { select, setLang, setMode, setQuery, setView } from '../../state/actions';
import type { AppState, Mode, View } from '../../state/types';
import { searchCapNote } from '../common';
import { MODE_LOADERS, VIEW_LOADERS } from '../registry';
import type { Session } from '../../state/session';
import { createLangSwitch } from './lang-switch';
import { createSearchBox, type ElsewhereHit } from './search-box';
import { otherChapters } from './elsewhere';
import type { CourseIndex } from '../../model/course';

export interface TopbarDeps {
  /** Flies the map to a node. */
  flyTo(key: string): void;
  /** Remembers the reader's language choice. */
  rememberLang(lang: Lang): void;
  /** Shows a short message. */
  notify(text: string): void;
  /** The course, when the graph shown is one of its several chapters. */
  course?: {
    index: CourseIndex;
    /** The chapter shown. */
    current: string;
    /** The link that opens a chapter in the reader's language, view and mode (and selects a concept there). */
    href(id: string, state: Pick<AppState, 'lang' | 'view' | 'mode'>, selected?: string): string;
  };
}

/** The value of the picker's entry for the course index. */
const INDEX_OPTION = '';

export function mountTopbar(container: HTMLElement, session: Session, deps: TopbarDeps): () => void {
  const { graph } = session;
  const course = deps.course;
  const searchBox = createSearchBox(session, {
    id: 'search',
    limit: 10,
    onPick: (key) => {
      session.update((s) => setQuery(select(s, key), ''));
      deps.flyTo(key);
    },
    onInput: (text) => session.update((s) => setQuery(s, text)),
    note: () => searchCapNote(session),
    ...(course
      ? {
          elsewhere: {
            search: otherChapters(course.index, course.current),
            pick: (hit: ElsewhereHit) => {
              location.hash = course.href(hit.chapter, session.state(), hit.key);
            },
          },
        }
      : {}),
  });
  // The chapter picker: every chapter of the course, and its index.
  const picker = course
    ? el('select', {
        id: 'chapter-picker',
        class: 'chapter-picker',
        onchange: (ev: Event) => {
          const id = (ev.target as HTMLSelectElement).value;
          location.hash = id === INDEX_OPTION ? '#course' : course.href(id, session.state());
        },
      })
    : null;
  const title = el('span', { class: 'chapter-title' });
  const brand = el('span', { class: 'brand' });
  const langSwitch = createLangSwitch((lang) => {
    deps.rememberLang(lang);
    session.update((s) => setLang(s, lang));
  });
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
  const bar = el('header', { class: 'topbar' }, el('h1', {}, brand, title), ...(picker ? [picker] : []), searchBox.element, viewGroup, modeGroup, langSwitch.element, share);
  container.append(bar);

  const render = () => {
    const lang = session.state().lang;
    brand.textContent = t(lang, 'appName');
    // A course of several chapters: the course's title here, the chapter's in the picker.
    title.textContent = course ? courseTitle(course.index, lang) : graphTitle(graph, lang);
    // Wrapped, or cut short where the bar is very narrow: the whole title shows on hover.
    title.title = title.textContent;
    searchBox.setLang(lang, t(lang, 'searchPlaceholder'));
    langSwitch.show(lang);
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
    if (picker && course) {
      picker.setAttribute('aria-label', t(lang, 'chapterPicker'));
      picker.title = t(lang, 'chapterPicker');
      picker.replaceChildren(
        el('option', { value: INDEX_OPTION }, t(lang, 'courseIndex')),
        ...course.index.chapters.map((c) => el('option', { value: c.id, selected: c.id === course.current }, chapterTitle(c, lang))),
      );
      picker.value = course.current;
    }
    document.documentElement.lang = lang;
    document.title = `${t(lang, 'appName')} · ${graphTitle(graph, lang)}`;
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
