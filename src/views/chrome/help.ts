/**
 * The keyboard help: a "?" button in the top bar and a modal dialog listing the shortcuts of
 * every view (open with `?`, close with Escape). Also binds `[` and `]` to the previous and
 * next view.
 */
import { el, replaceChildren } from '../../dom';
import { t } from '../../i18n/strings';
import { vt, type ViewStringKey } from '../../i18n/views';
import type { Lang } from '../../model/sentence';
import { setView } from '../../state/actions';
import type { Session } from '../../state/session';
import type { View } from '../../state/types';
import { MODE_LOADERS, VIEW_LOADERS } from '../registry';
import './help.css';

type Shortcut = [keys: string[], what: ViewStringKey | 'fit'];

function typing(target: EventTarget | null): boolean {
  const t = target as HTMLElement | null;
  return Boolean(t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable));
}

/** Mounts the help button (into the page's `.topbar`, else `container`) and dialog. */
export function mountHelp(container: HTMLElement, session: Session): () => void {
  const views: View[] = ['network', ...(Object.keys(VIEW_LOADERS) as View[])];
  const button = el('button', { type: 'button', class: 'help-button', id: 'help-button', 'aria-haspopup': 'dialog', onclick: () => open() }, '?');
  const titleEl = el('h2', { id: 'help-title' });
  const closeButton = el('button', { type: 'button', class: 'help-close', onclick: () => dialog.close() }, '×');
  const content = el('div', { class: 'help-content' });
  const dialog = el('dialog', { class: 'help-dialog', id: 'help', 'aria-labelledby': 'help-title' }, el('div', { class: 'help-top' }, titleEl, closeButton), content);
  (container.querySelector('.topbar') ?? container).append(button);
  document.body.append(dialog);
  let returnFocus: HTMLElement | null = null;

  function group(lang: Lang, heading: ViewStringKey, rows: Shortcut[]): HTMLElement {
    return el(
      'section',
      { class: 'help-group' },
      el('h3', {}, vt(lang, heading)),
      el(
        'table',
        {},
        el(
          'tbody',
          {},
          ...rows.map(([keys, what]) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, ...keys.flatMap((k, i) => [i ? ' ' : '', el('kbd', {}, k)])),
              el('td', {}, what === 'fit' ? t(lang, 'fit') : vt(lang, what)),
            ),
          ),
        ),
      ),
    );
  }

  function render(): void {
    const lang = session.state().lang;
    titleEl.textContent = vt(lang, 'helpTitle');
    button.setAttribute('aria-label', vt(lang, 'helpButton'));
    button.title = vt(lang, 'helpButton');
    closeButton.setAttribute('aria-label', vt(lang, 'close'));
    replaceChildren(
      content,
      group(lang, 'helpEverywhere', [
        [['?'], 'keyHelp'],
        [['/'], 'keySearch'],
        [['Esc'], 'keyEscape'],
        ...(views.length > 1 ? ([[['[', ']'], 'keyViews']] as Shortcut[]) : []),
      ]),
      group(lang, 'helpNetwork', [
        [['+', '−'], 'keyZoom'],
        [['0'], 'fit'],
        [['←', '↑', '→', '↓'], 'keyPan'],
      ]),
      VIEW_LOADERS.transformations
        ? group(lang, 'helpLadder', [
            [['↑', '↓'], 'keyRows'],
            [['←', '→'], 'keyCells'],
            [['Home', 'End'], 'keyFirstLast'],
            [['Enter', 'Space'], 'keySelect'],
          ])
        : null,
      VIEW_LOADERS.outline
        ? group(lang, 'helpOutline', [
            [['↑', '↓'], 'keyConcepts'],
            [['PageUp', 'PageDown'], 'keySlides'],
            [['Home', 'End'], 'keyFirstLast'],
            [['Enter'], 'keySelect'],
            [['→', 'Tab'], 'keyLinks'],
          ])
        : null,
      MODE_LOADERS.lecture ? group(lang, 'helpLecture', [[['←', '→', 'PageUp', 'PageDown'], 'keyLectureStep']]) : null,
      MODE_LOADERS.build
        ? group(lang, 'helpBuild', [
            [['Enter'], 'keyBuildLink'],
            [['←', '↑', '→', '↓'], 'keyBuildMove'],
            [['Delete'], 'keyBuildRemove'],
            [['R'], 'keyBuildReverse'],
            [['Ctrl+Z', 'Ctrl+Y'], 'keyBuildUndo'],
          ])
        : null,
    );
  }

  function open(): void {
    if (dialog.open) return;
    returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    render();
    dialog.showModal();
    closeButton.focus();
  }

  dialog.addEventListener('close', () => {
    returnFocus?.focus();
    returnFocus = null;
  });
  // Escape closes the dialog only; it must not also clear the selection behind it.
  dialog.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' || ev.key === '?') ev.stopPropagation();
    if (ev.key === '?') {
      ev.preventDefault();
      dialog.close();
    }
  });
  // A click on the backdrop closes it.
  dialog.addEventListener('click', (ev) => {
    if (ev.target === dialog) dialog.close();
  });

  const onKey = (ev: KeyboardEvent) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    if (ev.key === '?') {
      ev.preventDefault();
      open();
    } else if ((ev.key === '[' || ev.key === ']') && views.length > 1) {
      ev.preventDefault();
      const i = views.indexOf(session.state().view);
      const next = views[(i + (ev.key === ']' ? 1 : views.length - 1)) % views.length]!;
      session.update((s) => setView(s, next));
    }
  };
  document.addEventListener('keydown', onKey);

  render();
  const unsubscribe = session.subscribe((s, _d, prev) => {
    if (s.lang !== prev.lang) render();
  });
  return () => {
    unsubscribe();
    document.removeEventListener('keydown', onKey);
    if (dialog.open) dialog.close();
    dialog.remove();
    button.remove();
  };
}
