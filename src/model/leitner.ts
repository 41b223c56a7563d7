/**
 * The Leitner schedule, pure: five boxes; a right answer moves a card up one box and puts it
 * off for longer, a wrong answer sends it back to box 1, due at once. No clock, no storage:
 * the caller passes `now` (ms since the epoch) and keeps the card states.
 */

/** Number of boxes; cards live in boxes 1..BOXES. */
export const BOXES = 5;

/** Days before a card in box b is due again: INTERVAL_DAYS[b - 1]. */
const INTERVAL_DAYS: readonly number[] = Object.freeze([0, 1, 3, 7, 14]);

/** A card in this box or above counts as mastered. */
export const MASTERED_BOX = 4;

export const DAY_MS = 86_400_000;

/** What the schedule knows of one card (one question). */
export interface CardState {
  /** 1..BOXES. */
  readonly box: number;
  /** When the card is next due (ms since the epoch). */
  readonly due: number;
  /** Times answered, right and wrong. */
  readonly right: number;
  readonly wrong: number;
  /** When it was last answered (ms since the epoch). */
  readonly last: number;
}

export type Cards = Readonly<Record<string, CardState | undefined>>;

/** Days a card in `box` waits before it is due again. */
export function intervalDays(box: number): number {
  const b = Number.isFinite(box) ? Math.min(BOXES, Math.max(1, Math.round(box))) : 1;
  return INTERVAL_DAYS[b - 1]!;
}

/**
 * The card after an answer at `now`. A new card (undefined) starts in box 1, so a first right
 * answer puts it in box 2. Right: one box up (at most {@link BOXES}), due after that box's
 * interval. Wrong: box 1, due at once.
 */
export function review(card: CardState | undefined, correct: boolean, now: number): CardState {
  const box = correct ? Math.min(BOXES, (card?.box ?? 1) + 1) : 1;
  return {
    box,
    due: now + intervalDays(box) * DAY_MS,
    right: (card?.right ?? 0) + (correct ? 1 : 0),
    wrong: (card?.wrong ?? 0) + (correct ? 0 : 1),
    last: now,
  };
}

/** True when a seen card is due at `now` (an unseen card is "new", not due). */
export function isDue(card: CardState | undefined, now: number): boolean {
  return card !== undefined && card.due <= now;
}

/** True when the card has reached {@link MASTERED_BOX}. */
export function isMastered(card: CardState | undefined): boolean {
  return card !== undefined && card.box >= MASTERED_BOX;
}

export interface RoundOptions {
  /** Most cards in a round; default 10. */
  size?: number;
  /** Most new (never seen) cards in a round; default: the size. */
  newCards?: number;
}

const DEFAULT_ROUND = 10;

/**
 * The next round from a deck: first the seen cards that are due (lowest box first, then the
 * longest overdue, then deck order), then new cards in deck order, at most `size` in all.
 * Empty when nothing is due and no card is new.
 */
export function pickRound(ids: readonly string[], cards: Cards, now: number, options: RoundOptions = {}): string[] {
  const size = Math.max(0, options.size ?? DEFAULT_ROUND);
  const due: Array<{ id: string; card: CardState; order: number }> = [];
  const fresh: string[] = [];
  ids.forEach((id, order) => {
    const card = cards[id];
    if (card === undefined) fresh.push(id);
    else if (card.due <= now) due.push({ id, card, order });
  });
  due.sort((a, b) => a.card.box - b.card.box || a.card.due - b.card.due || a.order - b.order);
  const round = due.slice(0, size).map((d) => d.id);
  const room = Math.min(size - round.length, options.newCards ?? size);
  return room > 0 ? round.concat(fresh.slice(0, room)) : round;
}

/**
 * A practice round when nothing is due: the seen cards, lowest box first, then the soonest due,
 * then deck order; at most `size`.
 */
export function practiceRound(ids: readonly string[], cards: Cards, size = DEFAULT_ROUND): string[] {
  const seen: Array<{ id: string; card: CardState; order: number }> = [];
  ids.forEach((id, order) => {
    const card = cards[id];
    if (card !== undefined) seen.push({ id, card, order });
  });
  seen.sort((a, b) => a.card.box - b.card.box || a.card.due - b.card.due || a.order - b.order);
  return seen.slice(0, Math.max(0, size)).map((s) => s.id);
}

/** The earliest due time among the deck's seen cards that are not due at `now`; null if none. */
export function nextDue(ids: readonly string[], cards: Cards, now: number): number | null {
  let soonest: number | null = null;
  for (const id of ids) {
    const card = cards[id];
    if (card !== undefined && card.due > now && (soonest === null || card.due < soonest)) soonest = card.due;
  }
  return soonest;
}

/** How the deck's cards spread over the boxes: index 0 counts new cards, index b box b. */
export function boxCounts(ids: readonly string[], cards: Cards): number[] {
  const counts = new Array<number>(BOXES + 1).fill(0);
  for (const id of ids) {
    const card = cards[id];
    counts[card === undefined ? 0 : Math.min(BOXES, Math.max(1, card.box))]! += 1;
  }
  return counts;
}
