import { describe, expect, it } from 'vitest';
import { GraphCheckError, formatError } from '../../src/model/errors';
import { parseGraphYaml } from '../../src/model/parse';

/** The errors a parse throws, formatted; fails the test when it does not throw. */
function thrown(text: string): string[] {
  try {
    parseGraphYaml(text, 'graph/test.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(GraphCheckError);
    return (err as GraphCheckError).errors.map(formatError);
  }
  throw new Error('expected parseGraphYaml to throw');
}

const YAML_TEXT = `# a comment
chapter:
  id: chapter-01
  slides: 3
nodes:
  - id: a
    kind: concept
    quote: 甲
  - id: b
    slides: [2, 3]
    section:
edges:
  - { source: a, kind: echoes, target: b, slides: [2] }
`;

describe('parseGraphYaml', () => {
  it('returns the data as written, with the file name', () => {
    const parsed = parseGraphYaml(YAML_TEXT, 'graph/test.yaml');
    expect(parsed.file).toBe('graph/test.yaml');
    expect(parsed.graph.chapter).toEqual({ id: 'chapter-01', slides: 3 });
    expect(parsed.graph.nodes).toEqual([
      { id: 'a', kind: 'concept', quote: '甲' },
      { id: 'b', slides: [2, 3], section: null },
    ]);
    expect(parsed.graph.edges[0]).toEqual({ source: 'a', kind: 'echoes', target: 'b', slides: [2] });
  });

  it('locates values by data path (1-based line and column)', () => {
    const { locate } = parseGraphYaml(YAML_TEXT, 'graph/test.yaml');
    expect(locate([])).toEqual({ line: 2, col: 1 });
    expect(locate(['chapter', 'slides'])).toEqual({ line: 4, col: 11 });
    expect(locate(['nodes', 0])).toEqual({ line: 6, col: 5 });
    expect(locate(['nodes', 0, 'quote'])).toEqual({ line: 8, col: 12 });
    expect(locate(['nodes', 1, 'slides', 1])).toEqual({ line: 10, col: 17 });
    expect(locate(['edges', 0, 'target'])).toEqual({ line: 13, col: 40 });
  });

  it('locates an empty value at its key, and a missing path at its nearest parent', () => {
    const { locate } = parseGraphYaml(YAML_TEXT, 'graph/test.yaml');
    expect(locate(['nodes', 1, 'section'])).toEqual({ line: 11, col: 5 });
    expect(locate(['nodes', 0, 'label'])).toEqual({ line: 6, col: 5 });
    expect(locate(['nodes', 7, 'id'])).toEqual({ line: 5, col: 1 });
    expect(locate(['nodes', 'x'])).toEqual({ line: 5, col: 1 });
  });

  it('follows aliases when locating', () => {
    const { graph, locate } = parseGraphYaml('base: &s [1, 2]\nnodes:\n  - slides: *s\n', 'x.yaml');
    expect((graph as unknown as { nodes: unknown[] }).nodes).toEqual([{ slides: [1, 2] }]);
    expect(locate(['nodes', 0, 'slides', 1])).toEqual({ line: 1, col: 14 });
  });

  it('does not check shapes or types: wrong values come back as written', () => {
    const parsed = parseGraphYaml('chapter: 7\nnodes: {a: 1}\nedges: "none"\n', 'x.yaml');
    expect(parsed.graph as unknown).toEqual({ chapter: 7, nodes: { a: 1 }, edges: 'none' });
    expect(parseGraphYaml('', 'x.yaml').graph as unknown).toBeNull();
    expect(parseGraphYaml('- 1\n- 2\n', 'x.yaml').graph as unknown).toEqual([1, 2]);
  });

  it('reports malformed YAML at the line and data path of the error', () => {
    expect(thrown('nodes:\n  - id: a\n    label: [unclosed\n  - id: b\n')).toEqual([
      'test.yaml:4 nodes[0].label[0]: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(thrown('chapter:\n  title: "unclosed\n')).toEqual(['test.yaml:3 chapter.title: malformed YAML: Missing closing "quote']);
  });

  it('gives the column of a syntax error', () => {
    try {
      parseGraphYaml('a: 1\nb: "x\n', 'x.yaml');
      expect.unreachable();
    } catch (err) {
      expect((err as GraphCheckError).errors[0]).toMatchObject({ file: 'x.yaml', line: 3, col: 1 });
    }
  });

  it('rejects duplicate keys, naming the line of the first', () => {
    expect(thrown('nodes:\n  - id: a\n    label: 甲\n    label: 乙\n')).toEqual([
      'test.yaml:4 nodes[0].label: duplicate key "label" (first at line 3); each key may appear once in a mapping: remove or rename one',
    ]);
    expect(thrown('chapter: {id: a}\nnodes: []\nchapter: {id: b}\n')).toEqual([
      'test.yaml:3 chapter: duplicate key "chapter" (first at line 1); each key may appear once in a mapping: remove or rename one',
    ]);
  });

  it('rejects a second document, list keys and aliases to no anchor', () => {
    expect(thrown('nodes: []\n---\nedges: []\n')).toEqual([
      'test.yaml:2: the file holds more than one YAML document (a second `---`); keep one document',
    ]);
    expect(thrown('? [a, b]\n: 1\n')).toEqual([
      'test.yaml:1: a key must be a plain name, found a list or mapping used as a key; write `name: value`',
    ]);
    expect(thrown('nodes:\n  - slides: *nowhere\n')).toEqual([
      'test.yaml:2 nodes[0].slides: alias *nowhere refers to no anchor: define `&nowhere` before it, or write the value out',
    ]);
  });

  it('refuses alias bombs with a located message instead of hanging', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) rows.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const errors = thrown(rows.join('\n'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^test\.yaml:1: cannot read the YAML: /);
  });
});
