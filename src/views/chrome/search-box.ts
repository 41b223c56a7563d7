/**
 * A search box with suggestions (ARIA combobox): matches labels in 繁/简/English, pinyin and
 * initials as you type; arrow keys move, Enter or a click picks. With `elsewhere`, matches in the
 * course's other chapters follow under their own heading.
 */
import { el, replaceChildren } from '../../dom';
import { pick, t } from '../../i18n/strings';
import { search } from '../../model/search';
import { nodeLabel, type Lang } from '../../model/sentence';
import type { Session } from '../../state/session';
import { chip } from '../common';
import type { ElsewhereHit } from './elsewhere';

export type { ElsewhereHit } from './elsewhere';

export interface SearchBoxOptions {
  id: string;
  onPick(key: string): void;
  /** Called on every edit with the text. */
  onInput?(text: string): void;
  limit?: number;
  /** A line above the suggestions, read after each edit (e.g. that the search matches too much); null for none. */
  note?(): string | null;
  /** Matches in other chapters, offered after this graph's; picking one opens it there. */
  elsewhere?: { search(query: string, lang: Lang): ElsewhereHit[]; pick(hit: ElsewhereHit): void };
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
  /** What each option picks: a concept here (its key) or one in another chapter. */
  let hits: Array<string | ElsewhereHit> = [];
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
    list.querySelectorAll('[role="option"]').forEach((li) => li.setAttribute('aria-selected', String(li.id === `${listId}-${i}`)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${listId}-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const choose = (i: number) => {
    const hit = hits[i];
    if (hit === undefined) return;
    close();
    if (typeof hit !== 'string') {
      input.value = hit.label;
      options.elsewhere?.pick(hit);
      return;
    }
    input.value = nodeLabel(graph.getNodeAttributes(hit), lang);
    options.onPick(hit);
  };
  const option = (i: number, attrs: Record<string, string>, ...children: Array<Node | string>) =>
    el('li', { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', ...attrs, onmousedown: (ev: Event) => ev.preventDefault(), onclick: () => choose(i) }, ...children);
  const update = () => {
    const q = input.value.trim();
    options.onInput?.(input.value);
    if (!q) {
      hits = [];
      close();
      return;
    }
    const found = search(session.searchIndex, q, { limit: options.limit ?? 8, visible: session.derived().filteredNodes });
    const away = options.elsewhere?.search(q, lang) ?? [];
    hits = [...found.map((h) => h.key), ...away];
    const items: HTMLElement[] = found.map((h, i) => {
      const a = graph.getNodeAttributes(h.key);
      const secondary = [pick(lang, a.labelEn, a.labelEn, a.label), h.field === 'pinyin' || h.field === 'initials' ? a.pinyin : '']
        .filter(Boolean)
        .join(' · ');
      return option(i, { 'data-node': h.key }, chip(a.color), el('span', { class: 'primary' }, nodeLabel(a, lang)), el('span', { class: 'secondary' }, secondary));
    });
    if (found.length === 0 && away.length === 0) items.push(el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, t(lang, 'noMatches')));
    if (away.length > 0) {
      items.push(el('li', { class: 'group-heading', role: 'presentation' }, t(lang, 'otherChapters')));
      away.forEach((hit, j) => {
        const i = found.length + j;
        items.push(option(i, { 'data-node': hit.key, 'data-chapter': hit.chapter, class: 'elsewhere' }, el('span', { class: 'primary' }, hit.label), el('span', { class: 'secondary' }, hit.chapterTitle)));
      });
    }
    // First, so that a long list does not scroll it out of sight.
    const note = options.note?.() ?? null;
    if (note !== null) items.unshift(el('li', { class: 'note', role: 'presentation' }, note));
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
