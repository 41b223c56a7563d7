/**
 * The slots a partial upload sends (views/map/slot-runs.ts, used by uploads.ts): written slots gathered into runs of
 * adjacent slots, each sent once, in order.
 */
import { describe, expect, it } from 'vitest';
import { slotRuns } from '../../../src/views/map/slot-runs';

describe('views/map/slot-runs', () => {
  it('gathers adjacent slots into one run and keeps the others apart', () => {
    expect(slotRuns([7, 3, 4, 5, 12])).toEqual([
      [3, 6],
      [7, 8],
      [12, 13],
    ]);
  });

  it('sends a slot written twice once', () => {
    expect(slotRuns([9, 2, 9, 3, 2])).toEqual([
      [2, 4],
      [9, 10],
    ]);
  });

  it('orders slots by number, not as text', () => {
    expect(slotRuns([100, 20, 3])).toEqual([
      [3, 4],
      [20, 21],
      [100, 101],
    ]);
  });

  it('sends nothing when nothing was written', () => {
    expect(slotRuns([])).toEqual([]);
  });
});
