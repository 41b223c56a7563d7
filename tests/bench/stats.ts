/**
 * Summaries: median and 95th percentile (nearest rank) of repeated samples, ratios of medians
 * and growth factors between graph sizes.
 */

/** A figure over repeated runs. */
export interface Stat {
  median: number;
  p95: number;
  /** Number of samples. */
  n: number;
}

/** Median and p95 (nearest rank) of `samples`; null when there are none or one is not finite. */
export function summarize(samples: readonly number[]): Stat | null {
  if (samples.length === 0 || !samples.every(Number.isFinite)) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return { median: round(median), p95: round(p95), n: sorted.length };
}

/** Rounds to 3 significant decimals below 10, 2 below 1000, else to integers. */
export function round(value: number): number {
  const abs = Math.abs(value);
  const digits = abs < 10 ? 3 : abs < 1000 ? 2 : 0;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** a / b, or null when it would not be a finite number. */
export function ratio(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined || !(b > 0) || !Number.isFinite(a)) return null;
  return round(a / b);
}
