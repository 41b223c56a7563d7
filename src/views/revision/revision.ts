/**
 * Revision mode: rounds of questions generated from the loaded graph's typed links, scheduled
 * by Leitner boxes kept on this device. Feedback shows the answer on the map (as a path) and
 * cites the slide; the map rings what has been visited and mastered. Flashcards export to Anki.
 *
 * This file mounts the mode and runs the round (start, answer, next). The parts: deck.ts (the
 * progress, the deck, the round's shape), pane.ts (head, Leitner boxes, footer), card.ts (the
 * question card and its feedback), map.ts (the answer and the rings on the map), tools.ts
 * (Anki export, reset), keys.ts (answer keys).
 */
import type { Lang } from '../../model/sentence';
import { clearPath, select, setView } from '../../state/actions';
import { storageKey } from '../../state/progress';
import type { AppContext } from '../registry';
import { renderCard, type CardActions } from './card';
import { drawRound, openDeck, type Round } from './deck';
import { bindAnswerKeys } from './keys';
import { paintOverlay, showOnMap } from './map';
import { buildPane, renderHead } from './pane';
import { createTools } from './tools';
import './revision.css';

/** Mounts revision mode in `pane`; returns the cleanup. */
export function mount(pane: HTMLElement, ctx: AppContext): () => void {
  const { session } = ctx;
  const { graph } = session;
  const disposers: Array<() => void> = [];
  if (session.state().view !== 'network') session.update((s) => setView(s, 'network'));

  // 1. Progress, then the deck (its seed is this device's, so options stay put between visits).
  const deck = openDeck(graph, ctx);
  const { store, byId } = deck;

  // 2. The pane; its tools: Anki export and reset (a reset starts a new round).
  const p = buildPane(pane, createTools(ctx, deck, () => startRound(false)));
  const { card } = p;

  // 3. The round.
  const round: Round = { ids: [], index: 0, score: { right: 0, wrong: 0 }, asking: null };
  const lang = (): Lang => session.state().lang;

  const startRound = (practice: boolean) => {
    round.ids = drawRound(deck, practice);
    round.index = 0;
    round.score = { right: 0, wrong: 0 };
    round.asking = round.ids.length > 0 ? { q: byId.get(round.ids[0]!)!, step: 0, result: null } : null;
    showOnMap(ctx, null);
    render();
  };

  const choose = (option: string) => {
    const { asking } = round;
    if (!asking || asking.result) return;
    const { q } = asking;
    if (q.type === 'path') {
      const choice = q.steps[asking.step]!;
      if (option === choice.answer && asking.step + 1 < q.steps.length) {
        asking.step += 1;
        render();
        return;
      }
      finish(option === choice.answer, option);
      return;
    }
    finish(option === q.answer, option);
  };

  const finish = (correct: boolean, chosen: string) => {
    const { asking } = round;
    if (!asking) return;
    asking.result = { correct, chosen };
    if (correct) round.score.right++;
    else round.score.wrong++;
    store.record(asking.q.id, correct);
    showOnMap(ctx, asking.q);
    render();
    (card.querySelector('.revision-next') as HTMLButtonElement | null)?.focus();
  };

  const next = () => {
    if (!round.asking?.result) return;
    round.index++;
    round.asking = round.index < round.ids.length ? { q: byId.get(round.ids[round.index]!)!, step: 0, result: null } : null;
    showOnMap(ctx, null);
    render();
    (card.querySelector('.option') as HTMLButtonElement | null)?.focus();
  };

  // 4. Rendering.
  const actions: CardActions = { choose, next, startRound, goTo: (key) => session.update((s) => select(s, key)) };
  const render = () => {
    p.root.lang = lang();
    renderHead(p, deck, lang());
    renderCard(card, graph, deck, round, lang(), actions);
  };

  // 5. Progress → the head and the map overlay; storage written by another tab → reload.
  paintOverlay(ctx.net, deck, graph);
  disposers.push(store.subscribe(() => {
    paintOverlay(ctx.net, deck, graph);
    renderHead(p, deck, lang());
  }));
  disposers.push(() => ctx.net.setOverlay(null));
  const onStorage = (ev: StorageEvent) => {
    if (ev.key === storageKey(deck.graphKey)) store.reload();
  };
  window.addEventListener('storage', onStorage);
  disposers.push(() => window.removeEventListener('storage', onStorage));
  disposers.push(session.subscribe((s, _d, prev) => {
    if (s.lang !== prev.lang) render();
  }));

  // 6. Keys: 1–9 choose, Enter or → for the next question.
  disposers.push(bindAnswerKeys(card, () => round.asking, next));

  startRound(false);
  return () => {
    for (const d of disposers.reverse()) d();
    p.root.remove();
    // Leave the map as it was before the last answer was shown.
    const path = session.state().path;
    if (round.asking?.result && path.from !== null) session.update((s) => clearPath(s));
  };
}
