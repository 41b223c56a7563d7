import { describe, expect, it } from 'vitest';
import { openPart } from '../../../src/views/map/cover';

describe('openPart', () => {
  it('is the whole map when nothing covers it', () => {
    expect(openPart(1000, 800, null)).toEqual({ x: 0, y: 0, width: 1000, height: 800 });
    expect(openPart(1000, 800, { x: 600, y: 0, width: 0, height: 800 })).toEqual({ x: 0, y: 0, width: 1000, height: 800 });
  });

  it('is the part left of a panel along the right edge', () => {
    expect(openPart(1000, 800, { x: 620, y: 0, width: 380, height: 800 })).toEqual({ x: 0, y: 0, width: 620, height: 800 });
  });

  it('is the part above a sheet along the bottom edge', () => {
    expect(openPart(400, 700, { x: 0, y: 400, width: 400, height: 300 })).toEqual({ x: 0, y: 0, width: 400, height: 400 });
  });

  it('is the larger side when the cover sits inside the map', () => {
    // 100 px open on the left, 500 px on the right: the right side wins.
    expect(openPart(1000, 800, { x: 100, y: 0, width: 400, height: 800 })).toEqual({ x: 500, y: 0, width: 500, height: 800 });
  });

  it('clips a cover that reaches past the map', () => {
    expect(openPart(1000, 800, { x: 700, y: -20, width: 600, height: 900 })).toEqual({ x: 0, y: 0, width: 700, height: 800 });
  });
});
