/** Revision from the keyboard: 1–9 choose an option, Enter or → go to the next question. */
import type { Asking } from './deck';

/**
 * Listens for answer keys on the document while a question is asked (`asking` non-null);
 * options are found in `card`. Returns the cleanup.
 */
export function bindAnswerKeys(card: HTMLElement, asking: () => Asking | null, next: () => void): () => void {
  const onKey = (ev: KeyboardEvent) => {
    const t = ev.target as HTMLElement | null;
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    const a = asking();
    if (document.querySelector('dialog[open]') || !a) return;
    if (!a.result && /^[1-9]$/.test(ev.key)) {
      const b = card.querySelector<HTMLButtonElement>(`button.option[data-key="${ev.key}"]`);
      if (!b) return;
      ev.preventDefault();
      b.click();
    } else if (a.result && (ev.key === 'ArrowRight' || (ev.key === 'Enter' && t?.tagName !== 'BUTTON'))) {
      ev.preventDefault();
      next();
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
