import { describe, expect, it } from 'vitest';
import { GraphCheckError, baseName, damerauLevenshtein, didYouMean, formatError, formatPath } from '../../src/model/errors';
import { nodeKindIds, SHARED_VOCABULARY } from '../../src/model/vocabulary';

const NODE_KINDS = nodeKindIds(SHARED_VOCABULARY);

describe('formatError', () => {
  it('prints base name, line, path and message', () => {
    expect(
      formatError({ file: 'graph/chapter-02/chapter-02.yaml', line: 214, col: 41, path: 'edges[57].target', message: 'no node "tr.functon" (did you mean "tr.function"?)' }),
    ).toBe('chapter-02.yaml:214 edges[57].target: no node "tr.functon" (did you mean "tr.function"?)');
  });

  it('prints an error about the whole file without a path', () => {
    expect(formatError({ file: 'C:\\graphs\\x.yaml', line: 3, path: '', message: 'malformed YAML: …' })).toBe('x.yaml:3: malformed YAML: …');
    expect(baseName('a/b/c.md')).toBe('c.md');
  });
});

describe('formatPath', () => {
  it('joins keys with dots and indices in brackets', () => {
    expect(formatPath(['edges', 57, 'target'])).toBe('edges[57].target');
    expect(formatPath(['chapter', 'sections', 0, 'slides', 1])).toBe('chapter.sections[0].slides[1]');
    expect(formatPath([])).toBe('');
  });
});

describe('GraphCheckError', () => {
  it('carries every error and names the first in its message', () => {
    const errors = [
      { file: 'g.yaml', line: 2, path: 'nodes', message: 'bad' },
      { file: 'g.yaml', line: 5, path: 'edges', message: 'worse' },
    ];
    const err = new GraphCheckError(errors);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('GraphCheckError');
    expect(err.errors).toBe(errors);
    expect(err.message).toBe('g.yaml:2 nodes: bad (and 1 more)');
  });
});

describe('damerauLevenshtein', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(damerauLevenshtein('', '')).toBe(0);
    expect(damerauLevenshtein('abc', '')).toBe(3);
    expect(damerauLevenshtein('tr.functon', 'tr.function')).toBe(1);
    expect(damerauLevenshtein('from', 'form')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    // Unrestricted Damerau–Levenshtein: CA → ABC is 2 (optimal string alignment says 3).
    expect(damerauLevenshtein('CA', 'ABC')).toBe(2);
    expect(damerauLevenshtein('管制職能', '服務職能')).toBe(2);
  });

  it('is symmetric and zero only for equal strings', () => {
    for (const [a, b] of [['echoes', 'echos'], ['state', 'trait'], ['', 'x'], ['ab', 'ba']] as const) {
      expect(damerauLevenshtein(a, b)).toBe(damerauLevenshtein(b, a));
      expect(damerauLevenshtein(a, b)).toBeGreaterThan(0);
      expect(damerauLevenshtein(a, a)).toBe(0);
    }
  });
});

describe('didYouMean', () => {
  it('suggests the closest candidate within a typo distance', () => {
    expect(didYouMean('transformaton', NODE_KINDS)).toBe('transformation');
    expect(didYouMean('Concept', NODE_KINDS)).toBe('concept');
    expect(didYouMean('decision_mode', NODE_KINDS)).toBe('decision-mode');
    expect(didYouMean('tr.functon', ['tr.form', 'tr.function', 'st.function'])).toBe('tr.function');
  });

  it('breaks ties by the longest shared prefix', () => {
    expect(didYouMean('trate', NODE_KINDS)).toBe('trait');
  });

  it('returns null when nothing is close', () => {
    expect(didYouMean('explains', NODE_KINDS)).toBeNull();
    expect(didYouMean('x', ['abc'])).toBeNull();
    expect(didYouMean('ab', ['xy'])).toBeNull();
    expect(didYouMean('anything', [])).toBeNull();
  });
});
