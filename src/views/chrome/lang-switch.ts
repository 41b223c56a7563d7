/**
 * The language switch: 繁 / 简 / EN buttons, each named in full for screen readers and on hover.
 * Shared by the top bar and the course index.
 */
import { el } from '../../dom';
import { t } from '../../i18n/strings';
import { LANGS, type Lang } from '../../model/sentence';

/** A script's short name (the bar keeps to one row); its full name is the button's accessible name. */
const LANG_SHORT: Record<Lang, string> = { 'zh-Hant': '繁', 'zh-Hans': '简', en: 'EN' };
const LANG_NAMES: Record<Lang, string> = { 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文', en: 'EN: English' };

export interface LangSwitch {
  element: HTMLElement;
  /** Marks `lang` as the one in use and names the group in it. */
  show(lang: Lang): void;
}

/** The switch; `onPick` hears the reader's choice. */
export function createLangSwitch(onPick: (lang: Lang) => void): LangSwitch {
  const buttons = LANGS.map((lang) =>
    el('button', { type: 'button', lang, 'data-lang': lang, 'aria-label': LANG_NAMES[lang], title: LANG_NAMES[lang], onclick: () => onPick(lang) }, LANG_SHORT[lang]),
  );
  const element = el('div', { class: 'lang-switch', role: 'group' }, ...buttons);
  return {
    element,
    show(lang) {
      element.setAttribute('aria-label', t(lang, 'language'));
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    },
  };
}
