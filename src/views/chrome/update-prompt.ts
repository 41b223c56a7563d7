/**
 * The update prompt: when a new build of the site is installed and waiting, a small notice
 * offers to reload into it (Reload) or to keep the page as it is for now (Later).
 */
import { el } from '../../dom';
import { to } from '../../i18n/offline';
import type { Lang } from '../../model/sentence';
import './notices.css';

export interface UpdatePrompt {
  /** Shows the prompt in the reader's language; Reload calls `apply`. */
  show(apply: () => void): void;
  dispose(): void;
}

/** Mounts the (hidden) prompt in `container`; `lang` reads the reader's language when it shows. */
export function mountUpdatePrompt(container: HTMLElement, lang: () => Lang): UpdatePrompt {
  const text = el('span', { class: 'update-text' });
  const reload = el('button', { type: 'button', class: 'update-reload', id: 'update-reload' });
  const later = el('button', { type: 'button', class: 'update-later' });
  const box = el('div', { class: 'update-prompt', role: 'status', id: 'update-prompt', hidden: true }, text, reload, later);
  container.append(box);
  let apply: (() => void) | null = null;
  reload.addEventListener('click', () => {
    reload.disabled = true;
    apply?.();
  });
  later.addEventListener('click', () => (box.hidden = true));
  return {
    show(next) {
      apply = next;
      const l = lang();
      box.lang = l;
      text.textContent = to(l, 'updateReady');
      reload.textContent = to(l, 'reload');
      later.textContent = to(l, 'later');
      reload.disabled = false;
      box.hidden = false;
    },
    dispose: () => box.remove(),
  };
}
