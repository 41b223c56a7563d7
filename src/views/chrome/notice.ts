/** A dismissible notice line (role=status) for things the reader should know, e.g. a bad link. */
import { el, replaceChildren } from '../../dom';

export interface Notice {
  /** With an `action`, the notice offers its button and stays until dismissed or hidden. */
  show(text: string, details?: string[], dismissLabel?: string, action?: { label: string; run: () => void }): void;
  hide(): void;
}

export function mountNotice(container: HTMLElement): Notice {
  const box = el('div', { class: 'notice', role: 'status', hidden: true, id: 'notice' });
  container.append(box);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    box.hidden = true;
  };
  return {
    show(text, details = [], dismissLabel = '×', action) {
      clearTimeout(timer);
      replaceChildren(
        box,
        el('span', {}, text),
        details.length ? el('ul', {}, ...details.slice(0, 6).map((d) => el('li', {}, d))) : null,
        action ? el('button', { type: 'button', class: 'notice-action', onclick: action.run }, action.label) : null,
        el('button', { type: 'button', class: 'dismiss', onclick: hide }, dismissLabel),
      );
      box.hidden = false;
      if (details.length === 0 && !action) timer = setTimeout(hide, 6000);
    },
    hide,
  };
}
