import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/io/limits';

describe('formatCount', () => {
  it('groups thousands as en-US does, for counts and for any other number', () => {
    const en = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
    const values = [0, 1, 7, 12, 999, 1_000, 1_001, 9_999, 12_345, 100_000, 300_000, 1_234_567, 45 * 2 ** 20, -1, -1_000, -987_654, 1.5, 1234.25, -12345.125];
    for (let n = 1; n < 1e12; n = n * 7 + 3) values.push(n);
    for (const n of values) expect(formatCount(n), String(n)).toBe(en.format(n));
  });
});
