/**
 * Revision progress on this device: one Leitner card per question, kept in localStorage under
 * the graph's key. What is read back is validated field by field; a corrupt or foreign value is
 * ignored (the caller tells the reader), never trusted and never a crash.
 */
import { BOXES, isMastered, review, type CardState, type Cards } from '../model/leitner';
import type { Question } from '../model/quiz';
import { hashString } from '../model/random';
import type { LinkageGraph } from '../model/types';

const PROGRESS_VERSION = 1;
const KEY_PREFIX = 'linkage.progress:';
/** Stored values longer than this are not read. */
const MAX_PROGRESS_CHARS = 2_000_000;
/** Most cards kept; beyond it the value is treated as foreign. */
const MAX_CARDS = 50_000;
const MAX_ID = 400;
/** Times beyond this (year 5138) are not real. */
const MAX_TIME = 1e14;

/** Progress on one graph. `cards` has no prototype, so any question id is a safe key. */
export interface Progress {
  readonly version: typeof PROGRESS_VERSION;
  /** The graph it belongs to (see {@link graphKeyOf}). */
  readonly graph: string;
  /** Seed of this device's deck (distractors and order stay the same between visits). */
  readonly seed: number;
  readonly cards: Cards;
}

/**
 * What was wrong with the stored value: `corrupt` unreadable, `foreign` readable but not ours
 * (another app, version or graph), `partial` some cards dropped, `unavailable` storage refused.
 */
export type ProgressProblem = 'corrupt' | 'foreign' | 'partial' | 'unavailable';

export interface ParsedProgress {
  /** The progress read, or null when there was none or it was ignored. */
  progress: Progress | null;
  problem: ProgressProblem | null;
  /** Cards dropped as invalid (for `partial`). */
  dropped: number;
}

/** A stable key for a graph: its `id` attribute, or a hash of its size and node keys. */
export function graphKeyOf(graph: LinkageGraph): string {
  const id: unknown = graph.getAttribute('id');
  if (typeof id === 'string' && id.trim() !== '' && id.length <= 100) return id;
  const keys = graph.nodes().slice().sort().slice(0, 500).join('\u0000');
  return `g${graph.order}-${graph.size}-${hashString(keys).toString(36)}`;
}

/** The localStorage key of a graph's progress. */
export function storageKey(graphKey: string): string {
  return KEY_PREFIX + graphKey;
}

function emptyCards(): Record<string, CardState> {
  return Object.create(null) as Record<string, CardState>;
}

/** Fresh progress on `graphKey` with deck seed `seed`. */
export function emptyProgress(graphKey: string, seed: number): Progress {
  return { version: PROGRESS_VERSION, graph: graphKey, seed: seed >>> 0, cards: emptyCards() };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e7;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_TIME;

/** A stored card, if it is one. */
function parseCard(value: unknown): CardState | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!(typeof v.box === 'number' && Number.isInteger(v.box) && v.box >= 1 && v.box <= BOXES)) return null;
  if (!isTime(v.due) || !isTime(v.last) || !isCount(v.right) || !isCount(v.wrong)) return null;
  return { box: v.box, due: v.due, right: v.right, wrong: v.wrong, last: v.last };
}

/** Reads a stored value for `graphKey`. Never throws. */
export function parseProgress(raw: string | null, graphKey: string): ParsedProgress {
  if (raw === null) return { progress: null, problem: null, dropped: 0 };
  if (typeof raw !== 'string' || raw.length > MAX_PROGRESS_CHARS) return { progress: null, problem: 'corrupt', dropped: 0 };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: null, problem: 'corrupt', dropped: 0 };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { progress: null, problem: 'corrupt', dropped: 0 };
  const d = data as Record<string, unknown>;
  const cardsIn = d.cards;
  const foreign =
    d.version !== PROGRESS_VERSION ||
    d.graph !== graphKey ||
    !(typeof d.seed === 'number' && Number.isInteger(d.seed) && d.seed >= 0 && d.seed <= 0xffffffff) ||
    typeof cardsIn !== 'object' ||
    cardsIn === null ||
    Array.isArray(cardsIn) ||
    Object.keys(cardsIn).length > MAX_CARDS;
  if (foreign) return { progress: null, problem: 'foreign', dropped: 0 };
  const cards = emptyCards();
  let dropped = 0;
  for (const [id, value] of Object.entries(cardsIn as Record<string, unknown>)) {
    const card = id.length > 0 && id.length <= MAX_ID ? parseCard(value) : null;
    if (card) cards[id] = card;
    else dropped++;
  }
  return {
    progress: { version: PROGRESS_VERSION, graph: graphKey, seed: d.seed as number, cards },
    problem: dropped > 0 ? 'partial' : null,
    dropped,
  };
}

/** The progress as stored. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify({ version: progress.version, graph: progress.graph, seed: progress.seed, cards: progress.cards });
}

/** Progress after answering question `id` at `now` (pure). */
export function recordAnswer(progress: Progress, id: string, correct: boolean, now: number): Progress {
  const cards = emptyCards();
  for (const [key, card] of Object.entries(progress.cards)) if (card) cards[key] = card;
  cards[id] = review(progress.cards[id], correct, now);
  return { ...progress, cards };
}

/** What the map marks: concepts met in answered questions, and those whose cards are all mastered. */
export interface ProgressOverlay {
  readonly visited: ReadonlySet<string>;
  readonly mastered: ReadonlySet<string>;
}

/**
 * The map overlay of a deck: a concept is visited once a question about it has been answered,
 * and mastered when every answered question about it has reached the mastered box.
 */
export function overlayOf(questions: readonly Question[], cards: Cards): ProgressOverlay {
  const visited = new Set<string>();
  const notYet = new Set<string>();
  for (const q of questions) {
    const card = cards[q.id];
    if (!card) continue;
    for (const n of q.nodes) {
      visited.add(n);
      if (!isMastered(card)) notYet.add(n);
    }
  }
  const mastered = new Set<string>();
  for (const n of visited) if (!notYet.has(n)) mastered.add(n);
  return { visited, mastered };
}

export interface ProgressStore {
  get(): Progress;
  /** What was wrong with what storage held when opened (or a later write failure). */
  readonly problem: ProgressProblem | null;
  /** Records an answer and saves it; returns the card's new state. */
  record(id: string, correct: boolean, now?: number): CardState;
  /** Forgets every card on this graph (the deck seed is kept). */
  reset(): void;
  /** Reads storage again (another tab may have written). */
  reload(): void;
  subscribe(listener: (progress: Progress) => void): () => void;
}

export interface ProgressOptions {
  /** Seed for a first visit; default a random 32-bit integer. */
  seed?: () => number;
  /** The clock; default Date.now. */
  now?: () => number;
}

/**
 * Opens the progress of `graphKey` in `storage` (null: kept in memory only). A stored value
 * that cannot be used is ignored and reported in `problem`; it is replaced at the first save.
 */
export function openProgress(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null, graphKey: string, options: ProgressOptions = {}): ProgressStore {
  const key = storageKey(graphKey);
  const now = options.now ?? (() => Date.now());
  const newSeed = options.seed ?? (() => Math.floor(Math.random() * 0x100000000));
  const listeners = new Set<(p: Progress) => void>();
  let problem: ProgressProblem | null = null;

  /** Reads storage; `stored` is false when it held nothing at all. */
  const read = (): { progress: Progress; stored: boolean } => {
    let raw: string | null = null;
    try {
      raw = storage ? storage.getItem(key) : null;
    } catch {
      problem = 'unavailable';
    }
    const parsed = parseProgress(raw, graphKey);
    if (parsed.problem) problem = parsed.problem;
    return { progress: parsed.progress ?? emptyProgress(graphKey, newSeed()), stored: raw !== null };
  };
  const write = (p: Progress): void => {
    try {
      storage?.setItem(key, serializeProgress(p));
    } catch {
      problem = 'unavailable';
    }
  };
  const emit = () => {
    for (const l of [...listeners]) l(progress);
  };

  const first = read();
  let progress = first.progress;
  // Keep the seed of a first visit, so the deck is the same on the next one. A value that was
  // there but unusable is left alone until the first answer replaces it.
  if (!first.stored && storage) write(progress);
  return {
    get: () => progress,
    get problem() {
      return problem;
    },
    record(id, correct, at) {
      progress = recordAnswer(progress, id, correct, at ?? now());
      write(progress);
      emit();
      return progress.cards[id]!;
    },
    reset() {
      progress = emptyProgress(graphKey, progress.seed);
      write(progress);
      emit();
    },
    reload() {
      const next = read();
      progress = next.stored ? next.progress : emptyProgress(graphKey, progress.seed);
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
