/**
 * graphology JSON: bad input first (syntax, shape, duplicates, missing endpoints), each located
 * by data path and line; then what a valid file becomes. And the JSON locator on its own.
 */
import { describe, expect, it } from 'vitest';
import { locateJsonPath, walkJson } from '../../src/util/json-locate';
import { formatProblem, GraphImportError } from '../../src/io/problems';
import { readGraphologyJson } from '../../src/io/read-json';

function refuse(text: string): GraphImportError {
  try {
    readGraphologyJson(text, 'g.json');
  } catch (err) {
    expect(err).toBeInstanceOf(GraphImportError);
    return err as GraphImportError;
  }
  throw new Error('accepted');
}

const lines = (o: unknown) => JSON.stringify(o, null, 2);

describe('readGraphologyJson refuses', () => {
  it('text that is not JSON, at the place of the mistake', () => {
    expect(formatProblem(refuse('{\n  "nodes": [\n    {"key": "a"},\n  ]\n}').problems[0]!)).toBe('g.json:4:3: the JSON is not well-formed: "]" where a value was expected (a trailing comma?)');
    expect(formatProblem(refuse('{"nodes": [{"key": "a"}').problems[0]!)).toBe('g.json:1:24: the JSON is not well-formed: the text ends inside a list (missing "]"): it looks truncated');
    expect(refuse("{'nodes': []}").problems[0]!.message).toMatch(/double quotes/);
  });

  it('JSON of another shape, with a hint for node-link files', () => {
    expect(refuse('[1, 2]').problems[0]!.message).toBe('expected a graphology JSON object {"attributes", "options", "nodes", "edges"}, found a list');
    expect(formatProblem(refuse('{"nodes": [{"id": "a"}], "links": []}').problems[0]!)).toBe(
      'g.json:1:12 nodes[0].key: expected the node\'s key (a string or number), found nothing. This looks like node-link JSON (d3, networkx): save the graph as GEXF, GraphML or graphology JSON instead',
    );
    expect(refuse('{"nodes": {}}').problems[0]!.message).toBe('expected a "nodes" list, found an object');
    expect(refuse('{"edges": []}').problems[0]!.message).toBe('expected a "nodes" list, found nothing');
  });

  it('wrong types, each at its path and line', () => {
    const text = lines({
      options: { type: 'sideways' },
      nodes: [{ key: 'a' }, { key: null }, { key: 'c', attributes: [] }, 'd'],
      edges: [{ source: 'a' }, { source: 'a', target: 'c', undirected: 'yes' }, { source: 'a', target: 'c', key: {} }],
    });
    expect(refuse(text).problems.map(formatProblem)).toEqual([
      'g.json:3:13 options.type: expected "directed", "undirected" or "mixed", found the string "sideways"',
      'g.json:10:14 nodes[1].key: expected the node\'s key (a string or number), found null',
      'g.json:14:21 nodes[2].attributes: expected an object of attributes, found a list',
      'g.json:16:5 nodes[3]: expected a node object {"key": …, "attributes": {…}}, found the string "d"',
      'g.json:19:5 edges[0].target: expected the target node\'s key, found nothing',
      'g.json:25:21 edges[1].undirected: expected true or false, found the string "yes"',
      'g.json:30:14 edges[2].key: expected the edge\'s key (a string or number), found an object',
    ]);
  });

  it('duplicate node keys, duplicate edge keys, edges to missing nodes', () => {
    expect(formatProblem(refuse(lines({ nodes: [{ key: 'a' }, { key: 'a' }] })).problems[0]!)).toBe(
      'g.json:7:14 nodes[1].key: node key "a" is used twice (first at nodes[0]); each node needs its own key',
    );
    const dupEdge = refuse(JSON.stringify({ nodes: [{ key: 1 }, { key: 2 }], edges: [{ key: 'e', source: 1, target: 2 }, { key: 'e', source: 2, target: 1 }] }));
    expect(dupEdge.code).toBe('duplicate-edge');
    const missing = refuse(JSON.stringify({ nodes: [{ key: 'a' }], edges: [{ source: 'a', target: 'b' }, { source: 'c', target: 'a' }] }));
    expect(missing.code).toBe('missing-endpoint');
    expect(missing.problems.map((p) => p.where)).toEqual(['edges[0].target', 'edges[1].source']);
  });

  it('more nodes than the limit, before building anything', () => {
    const text = `{"nodes":[${'{"key":0},'.repeat(100_000)}{"key":1}]}`;
    expect(refuse(text).code).toBe('too-many');
  });
});

describe('readGraphologyJson reads', () => {
  it('nodes and edges with their direction: options.type, then each edge\'s own flag', () => {
    const { graph } = readGraphologyJson(
      JSON.stringify({
        attributes: { title: 'T' },
        options: { type: 'undirected', multi: false },
        nodes: [{ key: 1, attributes: { label: 'one' } }, { key: '2' }],
        edges: [{ source: 1, target: 2 }, { source: 2, target: 1, undirected: false, key: 7 }, { source: 1, target: 1 }],
      }),
      'g.json',
    );
    expect(graph.nodes).toEqual([{ key: '1', attributes: { label: 'one' } }, { key: '2', attributes: {} }]);
    expect(graph.attributes).toEqual({ title: 'T' });
    expect(graph.edges.map((e) => `${e.key}:${e.source}${e.undirected ? '-' : '>'}${e.target}`)).toEqual(['null:1-2', '7:2>1', 'null:1-1']);
  });
});

describe('JSON locator', () => {
  it('finds the first syntax error', () => {
    expect(walkJson('{"a": 1}')).toBeNull();
    expect(walkJson('{"a" 1}')).toEqual({ offset: 5, message: 'expected ":" after the key "a", found "1"' });
    expect(walkJson('[1,2]x')?.message).toBe('unexpected "x" after the end of the JSON value');
    expect(walkJson('"a\nb"')?.message).toMatch(/control character/);
    expect(walkJson('   ')?.message).toMatch(/truncated/);
    expect(walkJson('[1, tru]')?.message).toBe('unexpected "t" where a value was expected');
  });

  it('finds values by path, at any depth, without recursion', () => {
    const text = '{"nodes":[{"key":"a"},{"key":"b","attributes":{"x":[1,{"y":2}]}}],"edges":[{"source":"a"}]}';
    expect(text.slice(locateJsonPath(text, ['nodes', 1, 'attributes', 'x', 1, 'y']))).toMatch(/^2\}/);
    expect(text.slice(locateJsonPath(text, ['edges', 0, 'source']))).toMatch(/^"a"/);
    expect(locateJsonPath(text, ['edges', 3])).toBe(-1);
    expect(locateJsonPath(text, [])).toBe(0);
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(walkJson(deep)).toBeNull();
  });
});
