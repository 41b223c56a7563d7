/**
 * The revision pane around the card: the head (title, progress line, Leitner boxes), the note
 * shown when every question is a path, and the footer (the map's legend, the tools, the keys).
 */
import { el, replaceChildren } from '../../dom';
import { tm } from '../../i18n/modes';
import { boxCounts, isMastered } from '../../model/leitner';
import type { Lang } from '../../model/sentence';
import { OVERLAY_COLORS } from '../map/network';
import type { Deck } from './deck';
import type { Tools } from './tools';

export interface Pane {
  readonly root: HTMLElement;
  readonly title: HTMLElement;
  readonly progressLine: HTMLElement;
  readonly boxes: HTMLElement;
  readonly note: HTMLElement;
  /** The question card (card.ts fills it). */
  readonly card: HTMLElement;
  readonly legend: HTMLElement;
  readonly keys: HTMLElement;
  readonly tools: Tools;
}

/** Builds the pane in `host`, with the tools in its footer. */
export function buildPane(host: HTMLElement, tools: Tools): Pane {
  const title = el('h2', {});
  const progressLine = el('p', { class: 'revision-progress', id: 'revision-progress' });
  const boxes = el('div', { class: 'revision-boxes', id: 'revision-boxes' });
  const note = el('p', { class: 'revision-note', hidden: true });
  const card = el('div', { class: 'revision-card', id: 'revision-card' });
  const legend = el('p', { class: 'revision-legend' });
  const keys = el('p', { class: 'revision-keys' });
  const root = el(
    'section',
    { class: 'revision', id: 'revision' },
    el('header', { class: 'revision-head' }, title, progressLine, boxes),
    note,
    card,
    el('footer', { class: 'revision-tools' }, legend, el('p', { class: 'revision-actions' }, tools.exportButton, tools.resetButton, tools.confirmBox), keys),
  );
  host.append(root);
  return { root, title, progressLine, boxes, note, card, legend, keys, tools };
}

/** Everything but the card, in `l`: the head with the progress and boxes, the note, the footer. */
export function renderHead(p: Pane, deck: Deck, l: Lang): void {
  const { ids } = deck;
  const cards = deck.store.get().cards;
  const seen = ids.filter((id) => cards[id] !== undefined).length;
  const mastered = ids.filter((id) => isMastered(cards[id])).length;
  const empty = deck.questions.length === 0;
  p.title.textContent = tm(l, 'revision');
  p.progressLine.textContent = tm(l, 'progressLine', { seen, total: deck.questions.length, mastered });
  renderBoxes(p.boxes, boxCounts(ids, cards), l);
  p.boxes.hidden = empty;
  p.progressLine.hidden = empty;
  p.note.hidden = !deck.onlyPaths;
  p.note.textContent = deck.onlyPaths ? tm(l, 'onlyPaths') : '';
  const ring = (color: string, text: string) => {
    const r = el('span', { class: 'ring', 'aria-hidden': 'true' });
    r.style.setProperty('--ring', color);
    return el('span', { class: 'legend-item' }, r, text);
  };
  replaceChildren(p.legend, ring(OVERLAY_COLORS.visited, tm(l, 'legendVisited')), ring(OVERLAY_COLORS.mastered, tm(l, 'legendMastered')), ring(OVERLAY_COLORS.linked, tm(l, 'legendLinked')));
  p.legend.hidden = empty;
  p.tools.exportButton.textContent = tm(l, 'exportAnki');
  p.tools.exportButton.disabled = empty;
  p.tools.resetButton.textContent = tm(l, 'resetProgress');
  p.keys.textContent = tm(l, 'revisionKeys');
  p.keys.hidden = empty;
}

/** The Leitner boxes as bars (box 0 holds the questions not yet seen), with a spoken summary. */
function renderBoxes(boxes: HTMLElement, counts: readonly number[], l: Lang): void {
  const max = Math.max(1, ...counts);
  replaceChildren(
    boxes,
    el('span', { class: 'boxes-label' }, tm(l, 'boxes')),
    ...counts.map((c, b) => {
      const bar = el('span', { class: 'box-bar' });
      bar.style.height = `${Math.round((100 * c) / max)}%`;
      return el('span', { class: `box box-${b}`, title: `${b === 0 ? tm(l, 'boxNew') : b}: ${c}`, 'data-box': b, 'data-count': c }, el('span', { class: 'box-track' }, bar), el('span', { class: 'box-name' }, b === 0 ? tm(l, 'boxNew') : String(b)), el('span', { class: 'box-count' }, String(c)));
    }),
  );
  boxes.setAttribute('aria-label', `${tm(l, 'boxes')}: ${counts.map((c, b) => `${b === 0 ? tm(l, 'boxNew') : b} ${c}`).join(', ')}`);
}
