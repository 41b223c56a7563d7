/**
 * The pane's tools: export of the deck as Anki flashcards, and reset of the progress (confirmed
 * inline: no browser dialog). Their labels are written with the rest of the pane (pane.ts).
 */
import { download } from '../../io/download';
import { el, replaceChildren } from '../../dom';
import { tm } from '../../i18n/modes';
import { ankiCards, ankiFileName, toAnkiCsv } from '../../io/anki';
import { QUESTION_TYPES } from '../../model/quiz';
import type { AppContext } from '../registry';
import type { Deck } from './deck';

export interface Tools {
  readonly exportButton: HTMLButtonElement;
  readonly resetButton: HTMLButtonElement;
  /** Holds the question and the yes / cancel buttons while a reset awaits confirmation. */
  readonly confirmBox: HTMLElement;
}

/** Builds the tools; `afterReset` runs once the progress is cleared and the reader told. */
export function createTools(ctx: AppContext, deck: Deck, afterReset: () => void): Tools {
  const { session } = ctx;
  const graph = session.graph;
  const lang = () => session.state().lang;
  const exportButton = el('button', { type: 'button', id: 'revision-export', onclick: () => exportAnki() });
  const resetButton = el('button', { type: 'button', id: 'revision-reset', onclick: () => confirmReset(true) });
  const confirmBox = el('span', { class: 'revision-confirm', hidden: true });

  const exportAnki = () => {
    const l = lang();
    const order = new Map(QUESTION_TYPES.map((t, i) => [t, i]));
    const sorted = [...deck.questions].sort((a, b) => order.get(a.type)! - order.get(b.type)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const csv = toAnkiCsv(ankiCards(graph, sorted, l, deck.graphKey));
    download(csv, ankiFileName(deck.graphKey, l), 'text/csv');
    ctx.notify(tm(l, 'exported', { n: sorted.length }));
  };
  function confirmReset(show: boolean): void {
    const l = lang();
    resetButton.hidden = show;
    confirmBox.hidden = !show;
    if (!show) return;
    replaceChildren(
      confirmBox,
      el('span', {}, tm(l, 'confirmReset')),
      ' ',
      el('button', { type: 'button', id: 'revision-reset-yes', class: 'danger', onclick: () => doReset() }, tm(l, 'confirmYes')),
      ' ',
      el('button', { type: 'button', onclick: () => confirmReset(false) }, tm(l, 'cancel')),
    );
  }
  const doReset = () => {
    deck.store.reset();
    confirmReset(false);
    ctx.notify(tm(lang(), 'progressCleared'));
    afterReset();
  };
  return { exportButton, resetButton, confirmBox };
}
