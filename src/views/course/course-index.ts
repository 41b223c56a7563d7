/**
 * The course index: what the site shows first when the course has more than one chapter (and at
 * `#course`): the course title, then each chapter with its slide count, its sections and how much
 * it maps, each a link that opens the chapter.
 */
import { el } from '../../dom';
import { chapterTitle, counted, courseTitle, inLang, NOUNS, t } from '../../i18n/strings';
import type { CourseIndex } from '../../model/course';
import type { Lang } from '../../model/sentence';
import { createLangSwitch } from '../chrome/lang-switch';
import './course-index.css';

export interface CourseIndexDeps {
  /** The link that opens a chapter in `lang`. */
  chapterHref(id: string, lang: Lang): string;
  /** Remembers the reader's language choice. */
  rememberLang(lang: Lang): void;
}

/** Mounts the index in `root` (replacing what was there); returns its disposer. */
export function mountCourseIndex(root: HTMLElement, course: CourseIndex, lang: Lang, deps: CourseIndexDeps): () => void {
  const title = el('span', { class: 'chapter-title' });
  const brand = el('span', { class: 'brand' });
  const langSwitch = createLangSwitch((next) => {
    deps.rememberLang(next);
    lang = next;
    render();
  });
  const heading = el('h2', { id: 'course-contents' });
  const list = el('ol', { class: 'course-chapters', 'aria-labelledby': 'course-contents' });
  const page = el('main', { class: 'course-index' }, heading, list);
  root.replaceChildren(el('header', { class: 'topbar' }, el('h1', {}, brand, title), langSwitch.element), page);
  root.classList.add('course-page');

  function render(): void {
    brand.textContent = t(lang, 'appName');
    title.textContent = courseTitle(course, lang);
    heading.textContent = t(lang, 'courseIndex');
    langSwitch.show(lang);
    document.documentElement.lang = lang;
    document.title = `${t(lang, 'appName')} · ${title.textContent}`;
    list.replaceChildren(
      ...course.chapters.map((c) =>
        el(
          'li',
          { class: 'course-chapter', 'data-chapter': c.id },
          el('h3', {}, el('a', { href: deps.chapterHref(c.id, lang) }, chapterTitle(c, lang))),
          el(
            'p',
            { class: 'meta' },
            [
              counted(lang, c.slides, NOUNS.slides),
              counted(lang, c.sections.length, NOUNS.sections),
              counted(lang, c.concepts, NOUNS.concepts),
              counted(lang, c.links, NOUNS.links),
            ].join(' · '),
          ),
          el('ol', { class: 'course-sections' }, ...c.sections.map((s) => el('li', {}, `§${s.id} ${inLang(lang, [s.zh, s.zhHans, s.en])}`))),
        ),
      ),
    );
  }
  render();
  return () => {
    root.classList.remove('course-page');
    root.replaceChildren();
  };
}
