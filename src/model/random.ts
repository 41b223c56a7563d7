/**
 * A small seeded random source (mulberry32, seeded through a string hash) so that question
 * generation, distractor choice and round order are reproducible: same seed, same deck.
 */

/** A seeded random source. Every method advances the same stream. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n) (0 when n < 1). */
  int(n: number): number;
  /** A shuffled copy of `items` (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** Up to `count` distinct items of `items`, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/** A 32-bit unsigned hash of a string (FNV-1a), used to turn any seed into a number. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A random source seeded by `seed` (a number or a string). The same seed always gives the
 * same stream; non-finite numbers are treated as 0.
 */
export function createRandom(seed: number | string): Random {
  let state = typeof seed === 'string' ? hashString(seed) : Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => (n >= 1 ? Math.floor(next() * Math.floor(n)) : 0);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => shuffle(items).slice(0, Math.max(0, count));
  return { next, int, shuffle, sample };
}
