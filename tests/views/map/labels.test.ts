import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../../src/views/map/labels';

describe('wrapLabel', () => {
  it('keeps short labels on one line', () => {
    expect(wrapLabel('電子政務')).toEqual(['電子政務']);
    expect(wrapLabel('E-government')).toEqual(['E-government']);
  });

  it('wraps long CJK labels into balanced lines of at most 8 characters', () => {
    const lines = wrapLabel('行政職能由管制職能轉變為服務職能');
    expect(lines.join('')).toBe('行政職能由管制職能轉變為服務職能');
    expect(lines).toEqual(['行政職能由管制職', '能轉變為服務職能']);
    for (const l of wrapLabel('存在過多的中間管理層,上級決策通過中間層的轉換')) expect([...l].length).toBeLessThanOrEqual(9);
  });

  it('never starts a CJK line with closing punctuation', () => {
    for (const l of wrapLabel('人員過多,人浮于事,人員過多,人浮于事')) expect(l[0]).not.toMatch(/[,,。、]/);
  });

  it('wraps English at spaces within 20 characters', () => {
    const lines = wrapLabel('Administrative functions: from regulation to service');
    expect(lines.join(' ')).toBe('Administrative functions: from regulation to service');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(20);
  });

  it('caps a very long label at four lines ending with an ellipsis', () => {
    const lines = wrapLabel('x'.repeat(10_000));
    expect(lines).toHaveLength(4);
    expect(lines[3]!.endsWith('…')).toBe(true);
    const zh = wrapLabel('電'.repeat(200));
    expect(zh).toHaveLength(4);
    for (const l of zh) expect([...l].length).toBeLessThanOrEqual(9);
  });
});
