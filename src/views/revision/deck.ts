/**
 * The deck and the round drawn from it: this device's progress on the graph (opened from local
 * storage), the questions generated from the graph's typed links (seeded by that progress, so
 * options stay put between visits), and what the reader is being asked.
 */
import { tm, type ModeStringKey } from '../../i18n/modes';
import { pickRound, practiceRound } from '../../model/leitner';
import { generateQuestions, type Question } from '../../model/quiz';
import type { LinkageGraph } from '../../model/types';
import { deviceStorage, type DeviceStore } from '../../state/device-storage';
import { graphKeyOf, openProgress, type ProgressProblem, type ProgressStore } from '../../state/progress';
import type { AppContext } from '../registry';

const ROUND_SIZE = 10;
const PROBLEM_TEXT: Record<ProgressProblem, ModeStringKey> = {
  corrupt: 'progressCorrupt',
  foreign: 'progressForeign',
  partial: 'progressPartial',
  unavailable: 'progressUnavailable',
};

/** The questions on a graph and the reader's progress on them. */
export interface Deck {
  readonly graphKey: string;
  readonly store: ProgressStore;
  readonly questions: readonly Question[];
  readonly byId: ReadonlyMap<string, Question>;
  readonly ids: readonly string[];
  /** True when every question is a path question (the pane says why). */
  readonly onlyPaths: boolean;
}

/** Where the reader is in the current question. */
export interface Asking {
  q: Question;
  /** For a path question: how many steps are already built. */
  step: number;
  /** Set once answered. */
  result: { correct: boolean; chosen: string } | null;
}

/** The round under way. */
export interface Round {
  /** The round's question ids, in order. */
  ids: string[];
  /** Which of them is asked. */
  index: number;
  score: { right: number; wrong: number };
  /** Null between rounds. */
  asking: Asking | null;
}

/** The device's storage (src/state/device-storage: localStorage, watched by the LMS bridge when there is one). */
function localStore(): DeviceStore | null {
  return deviceStorage();
}

/** Opens the progress (telling the reader if what storage held was not usable), then the deck. */
export function openDeck(graph: LinkageGraph, ctx: AppContext): Deck {
  const graphKey = graphKeyOf(graph);
  const store = openProgress(localStore(), graphKey);
  if (store.problem) ctx.notify(tm(ctx.session.state().lang, PROBLEM_TEXT[store.problem]));
  const questions = generateQuestions(graph, { seed: store.get().seed });
  return {
    graphKey,
    store,
    questions,
    byId: new Map(questions.map((q) => [q.id, q])),
    ids: questions.map((q) => q.id),
    onlyPaths: questions.length > 0 && questions.every((q) => q.type === 'path'),
  };
}

/** The ids of a new round: the questions due, or (`practice`) any already seen. */
export function drawRound(deck: Deck, practice: boolean): string[] {
  const cards = deck.store.get().cards;
  return practice ? practiceRound(deck.ids, cards, ROUND_SIZE) : pickRound(deck.ids, cards, Date.now(), { size: ROUND_SIZE });
}
