import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, parseCsv, toCsv } from '../../src/io/csv';

describe('csv', () => {
  it('quotes fields holding commas, quotes and newlines, and nothing else', () => {
    expect(csvField('plain 文字')).toBe('plain 文字');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(7)).toBe('7');
  });

  it('ends every row with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd,e']])).toBe('a,b\r\nc,"d,e"\r\n');
  });

  it('round-trips any table of strings', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        // A row of one empty field is indistinguishable from an empty line; give it content.
        const table = rows.map((r) => (r.length === 1 && r[0] === '' ? ['x'] : r));
        expect(parseCsv(toCsv(table))).toEqual(table);
      }),
    );
  });
});
