import { describe, expect, it } from 'vitest';
import { BOXES, boxCounts, DAY_MS, intervalDays, isDue, isMastered, MASTERED_BOX, nextDue, pickRound, practiceRound, review, type CardState } from '../../src/model/leitner';

const T0 = Date.UTC(2025, 2, 1, 9);

describe('model/leitner', () => {
  it('clamps out-of-range boxes when asked for an interval', () => {
    expect(intervalDays(0)).toBe(intervalDays(1));
    expect(intervalDays(99)).toBe(intervalDays(BOXES));
    expect(intervalDays(Number.NaN)).toBe(intervalDays(1));
  });

  it('moves a new card to box 2 on a right answer, to box 1 (due now) on a wrong one', () => {
    expect(review(undefined, true, T0)).toEqual({ box: 2, due: T0 + DAY_MS, right: 1, wrong: 0, last: T0 });
    expect(review(undefined, false, T0)).toEqual({ box: 1, due: T0, right: 0, wrong: 1, last: T0 });
  });

  it('climbs one box per right answer with growing intervals, capped at the last box', () => {
    let card: CardState | undefined;
    const boxes: number[] = [];
    const waits: number[] = [];
    let now = T0;
    for (let i = 0; i < 7; i++) {
      card = review(card, true, now);
      boxes.push(card.box);
      waits.push((card.due - now) / DAY_MS);
      now = card.due;
    }
    expect(boxes).toEqual([2, 3, 4, 5, 5, 5, 5]);
    expect(waits).toEqual([1, 3, 7, 14, 14, 14, 14]);
    expect(card!.right).toBe(7);
  });

  it('sends a card from any box back to box 1 on a wrong answer', () => {
    const high: CardState = { box: 5, due: T0, right: 4, wrong: 0, last: T0 - DAY_MS };
    expect(review(high, false, T0)).toEqual({ box: 1, due: T0, right: 4, wrong: 1, last: T0 });
  });

  it('tells due, mastered', () => {
    const c = review(undefined, true, T0);
    expect(isDue(undefined, T0)).toBe(false);
    expect(isDue(c, T0)).toBe(false);
    expect(isDue(c, T0 + DAY_MS)).toBe(true);
    expect(isMastered(c)).toBe(false);
    expect(isMastered({ ...c, box: MASTERED_BOX })).toBe(true);
  });

  it('picks a round: due cards (lowest box, longest overdue first), then new cards in deck order', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const cards = {
      a: { box: 3, due: T0 - 10, right: 2, wrong: 0, last: 0 },
      b: { box: 1, due: T0 - 5, right: 0, wrong: 1, last: 0 },
      c: { box: 1, due: T0 - 50, right: 0, wrong: 1, last: 0 },
      d: { box: 2, due: T0 + DAY_MS, right: 1, wrong: 0, last: 0 }, // not due
    };
    expect(pickRound(ids, cards, T0)).toEqual(['c', 'b', 'a', 'e', 'f']);
    expect(pickRound(ids, cards, T0, { size: 2 })).toEqual(['c', 'b']);
    expect(pickRound(ids, cards, T0, { newCards: 1 })).toEqual(['c', 'b', 'a', 'e']);
    expect(pickRound(['d'], cards, T0)).toEqual([]);
    expect(practiceRound(ids, cards, 3)).toEqual(['c', 'b', 'd']);
    expect(nextDue(ids, cards, T0)).toBe(T0 + DAY_MS);
    expect(nextDue(['e'], cards, T0)).toBeNull();
    expect(boxCounts(ids, cards)).toEqual([2, 2, 1, 1, 0, 0]);
  });
});
