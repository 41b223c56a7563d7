/**
 * A search box with suggestions (ARIA combobox): matches labels in 繁/简/English, pinyin and
 * initials as you type; arrow keys move, Enter or a click picks.
 */
import { el, replaceChildren } from '../../dom';
import { pick, t } from '../../i18n/strings';
import { search } from '../../model/search';
import { nodeLabel, type Lang } from '../../model/sentence';
import type { Session } from '../../state/session';
import { chip } from '../common';

export interface SearchBoxOptions {
  id: string;
  onPick(key: string): void;
  /** Called on every edit with the text. */
  onInput?(text: string): void;
  limit?: number;
}

export interface SearchBox {
  element: HTMLElement;
  input: HTMLInputElement;
  setLang(lang: Lang, placeholder: string): void;
  setValue(text: string): void;
}

export function createSearchBox(session: Session, options: SearchBoxOptions): SearchBox {
  const { graph } = session;
  const listId = `${options.id}-list`;
  let lang: Lang = session.state().lang;
  let hits: string[] = [];
  let active = -1;
  const input = el('input', {
    id: options.id,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
  });
  const list = el('ul', { id: listId, role: 'listbox', class: 'suggestions', hidden: true });
  const label = el('label', { for: options.id, class: 'visually-hidden' });
  const element = el('div', { class: 'search-box' }, label, input, list);

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${listId}-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const choose = (i: number) => {
    const key = hits[i];
    if (key === undefined) return;
    input.value = nodeLabel(graph.getNodeAttributes(key), lang);
    close();
    options.onPick(key);
  };
  const update = () => {
    const q = input.value.trim();
    options.onInput?.(input.value);
    if (!q) {
      hits = [];
      close();
      return;
    }
    const found = search(session.searchIndex, q, { limit: options.limit ?? 8, visible: session.derived().filteredNodes });
    hits = found.map((h) => h.key);
    const items = found.map((h, i) => {
      const a = graph.getNodeAttributes(h.key);
      const secondary = [pick(lang, a.labelEn, a.labelEn, a.label), h.field === 'pinyin' || h.field === 'initials' ? a.pinyin : '']
        .filter(Boolean)
        .join(' · ');
      return el(
        'li',
        { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-node': h.key, onmousedown: (ev: Event) => ev.preventDefault(), onclick: () => choose(i) },
        chip(a.color),
        el('span', { class: 'primary' }, nodeLabel(a, lang)),
        el('span', { class: 'secondary' }, secondary),
      );
    });
    if (items.length === 0) items.push(el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, t(lang, 'noMatches')));
    replaceChildren(list, ...items);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(hits.length ? 0 : -1);
  };
  input.addEventListener('input', update);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && hits.length) {
      ev.preventDefault();
      if (list.hidden) update();
      highlight((active + 1) % hits.length);
    } else if (ev.key === 'ArrowUp' && hits.length) {
      ev.preventDefault();
      highlight((active - 1 + hits.length) % hits.length);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!list.hidden && hits.length) choose(Math.max(0, active));
    } else if (ev.key === 'Escape') {
      if (!list.hidden) {
        ev.stopPropagation();
        close();
      }
    }
  });

  return {
    element,
    input,
    setLang(next, placeholder) {
      lang = next;
      input.placeholder = placeholder;
      label.textContent = placeholder;
    },
    setValue(text) {
      if (document.activeElement !== input) input.value = text;
    },
  };
}
