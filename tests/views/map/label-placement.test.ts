import { describe, expect, it } from 'vitest';
import { boxesOverlap, discHitsBox, placeLabels, type LabelCandidate } from '../../../src/views/map/label-placement';

const cand = (key: string, x: number, y: number, extra: Partial<LabelCandidate> = {}): LabelCandidate => ({ key, x, y, r: 4, width: 60, height: 14, force: false, priority: 0, ...extra });
const area = { x0: 0, y0: 0, x1: 400, y1: 300 };

describe('placeLabels', () => {
  it('puts a lone name to the right of its disc', () => {
    const [p] = placeLabels([cand('a', 100, 100)], [{ key: 'a', x: 100, y: 100, r: 4 }], { area, blocked: [], gap: 4 });
    expect(p).toMatchObject({ key: 'a', side: 'right', x0: 108, y0: 93, x1: 168, y1: 107 });
  });

  it('moves a name to another side rather than over a neighbour, and never over a disc', () => {
    const cs = [cand('a', 100, 100), cand('b', 150, 100)];
    const discs = cs.map(({ key, x, y, r }) => ({ key, x, y, r }));
    const placed = placeLabels(cs, discs, { area, blocked: [], gap: 4 });
    expect(placed).toHaveLength(2);
    expect(boxesOverlap(placed[0]!, placed[1]!)).toBe(false);
    for (const p of placed) for (const d of discs) if (d.key !== p.key) expect(discHitsBox(d, p)).toBe(false);
  });

  it('places what is singled out first, keeps names inside the area and out of covered parts', () => {
    // Two nodes on top of each other: only one name fits beside them in a narrow strip.
    const strip = { x0: 0, y0: 80, x1: 400, y1: 120 };
    const cs = [cand('plain', 100, 100, { priority: 9 }), cand('forced', 101, 100, { force: true })];
    const placed = placeLabels(cs, [], { area: strip, blocked: [{ x0: 0, y0: 0, x1: 95, y1: 300 }], gap: 4 });
    expect(placed.map((p) => p.key)).toContain('forced');
    for (const p of placed) {
      expect(p.x0).toBeGreaterThanOrEqual(95);
      expect(p.y0).toBeGreaterThanOrEqual(80);
      expect(p.y1).toBeLessThanOrEqual(120);
    }
  });

  it('leaves out a name that has no free place', () => {
    const cs = [cand('a', 200, 150), cand('b', 200, 150)];
    const placed = placeLabels(cs, [], { area: { x0: 190, y0: 140, x1: 280, y1: 160 }, blocked: [], gap: 4 });
    expect(placed).toHaveLength(1);
  });

  it('moves a name placed earlier to another of its places when that names one more concept', () => {
    // A band 12 px high: each name fits only right or left of its disc. "a" comes first and takes
    // its right; "b"'s only free place (its left, the right is covered) is there.
    const band = { x0: 0, y0: 94, x1: 400, y1: 106 };
    const cs = [cand('a', 100, 100, { height: 12, priority: 2 }), cand('b', 180, 100, { height: 12, priority: 1 })];
    const discs = cs.map(({ key, x, y, r }) => ({ key, x, y, r }));
    const options = { area: band, blocked: [{ x0: 185, y0: 0, x1: 400, y1: 300 }], gap: 4, major: 0 };
    const placed = placeLabels(cs, discs, options);
    expect(placed.map((p) => [p.key, p.side]).sort()).toEqual([['a', 'left'], ['b', 'left']]);
    expect(boxesOverlap(placed[0]!, placed[1]!)).toBe(false);
    // Not while the camera moves (makeRoom off): the first come keep their places.
    expect(placeLabels(cs, discs, { ...options, makeRoom: false }).map((p) => [p.key, p.side])).toEqual([['a', 'right']]);
    // A singled-out name is not moved for another: "b" then goes unnamed.
    const kept = placeLabels([{ ...cs[0]!, force: true }, cs[1]!], discs, options);
    expect(kept.map((p) => [p.key, p.side])).toEqual([['a', 'right']]);
  });

  it('tries a name’s other shapes where its first finds no room', () => {
    // A band 14 px high with a wall 40 px right of the disc: the one-line shape (60 px) fits
    // nowhere; the two-line one does not fit the band either; the narrow one-line alternative does.
    const band = { x0: 90, y0: 93, x1: 150, y1: 107 };
    const c = cand('a', 100, 100, { alts: [{ width: 30, height: 28 }, { width: 36, height: 14 }] });
    const [p] = placeLabels([c], [], { area: band, blocked: [], gap: 4 });
    expect(p).toMatchObject({ key: 'a', side: 'right', shape: 2, x0: 108, x1: 144 });
  });

  it('in a crowded scene, names no two names over each other, none over another disc or outside the area, and names more with room made', () => {
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const wide = { x0: 0, y0: 0, x1: 900, y1: 700 };
    const cs = Array.from({ length: 180 }, (_, i) => {
      const width = 30 + rnd() * 60, height = 15 * (1 + Math.floor(rnd() * 2));
      return cand(`n${i}`, 20 + rnd() * 860, 20 + rnd() * 660, { r: 3 + rnd() * 6, width, height, priority: rnd(), force: i % 40 === 0, alts: [{ width: width * 0.6, height: height * 2 }] });
    });
    const discs = cs.map(({ key, x, y, r }) => ({ key, x, y, r }));
    const blocked = [{ x0: 800, y0: 0, x1: 900, y1: 200 }];
    const options = { area: wide, blocked, gap: 4, major: 0.55 };
    const placed = placeLabels(cs, discs, options);
    for (const [i, p] of placed.entries()) {
      for (const q of placed.slice(i + 1)) expect(boxesOverlap(p, q)).toBe(false);
      for (const d of discs) if (d.key !== p.key) expect(discHitsBox(d, p)).toBe(false);
      for (const b of blocked) expect(boxesOverlap(p, b)).toBe(false);
      expect(p.x0 >= 0 && p.y0 >= 0 && p.x1 <= 900 && p.y1 <= 700).toBe(true);
    }
    // Making room names more than not; the same scene is placed the same way again.
    const quick = placeLabels(cs, discs, { ...options, makeRoom: false });
    expect(placed.length).toBeGreaterThan(quick.length);
    expect(placeLabels(cs, discs, options)).toEqual(placed);
  });
});
