import { describe, expect, it } from 'vitest';
import { createRandom, hashString } from '../../src/model/random';

describe('model/random', () => {
  it('treats a non-finite seed as 0 instead of failing', () => {
    expect(createRandom(Number.NaN).next()).toBe(createRandom(0).next());
    expect(createRandom(Number.POSITIVE_INFINITY).next()).toBe(createRandom(0).next());
  });

  it('gives the same stream for the same seed, another for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => createRandom(43).next())).not.toEqual(xs);
    expect(createRandom('chapter-02').next()).toBe(createRandom(hashString('chapter-02')).next());
  });

  it('stays in [0, 1) and spreads evenly enough', () => {
    const r = createRandom(1);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]++;
    }
    for (const b of buckets) expect(b).toBeGreaterThan(850);
  });

  it('int, shuffle and sample', () => {
    const r = createRandom(5);
    for (let i = 0; i < 100; i++) expect(r.int(3)).toBeLessThan(3);
    expect(r.int(0)).toBe(0);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const s = r.shuffle(items);
    expect([...s].sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(createRandom(9).shuffle(items)).toEqual(createRandom(9).shuffle(items));
    const picked = r.sample(items, 3);
    expect(new Set(picked).size).toBe(3);
    expect(r.sample(items, 9)).toHaveLength(5);
    expect(r.sample(items, -1)).toEqual([]);
  });

  it('hashes strings to 32-bit unsigned integers (FNV-1a)', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});
