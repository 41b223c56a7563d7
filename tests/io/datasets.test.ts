/**
 * Every real-world file in tests/fixtures/datasets (copies of the shared datasets): the valid ones
 * import with the counts their SOURCES notes give and the decisions the rules state; the broken
 * ones are refused with the problem named and located.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { importGraphText, type ImportedGraph } from '../../src/io/import';
import { formatProblem, GraphImportError } from '../../src/io/problems';
import type { LinkageGraph } from '../../src/model/types';

const DATA = join(process.cwd(), 'tests/fixtures/datasets');
export const readFixture = (path: string): string => readFileSync(join(DATA, path), 'utf8');

async function load(path: string): Promise<{ result: ImportedGraph; graph: LinkageGraph }> {
  const result = await importGraphText({ name: path.split('/').pop()!, text: readFixture(path) });
  return { result, graph: Graph.from(result.graph) as unknown as LinkageGraph };
}

async function refusal(path: string): Promise<GraphImportError> {
  try {
    await importGraphText({ name: path.split('/').pop()!, text: readFixture(path) });
  } catch (err) {
    expect(err).toBeInstanceOf(GraphImportError);
    return err as GraphImportError;
  }
  throw new Error(`${path} was imported`);
}

/** Every node has what the views read, of the right type. */
function expectCompiled(graph: LinkageGraph): void {
  const kinds = new Set(graph.getAttribute('nodeKinds').map((k) => k.id));
  const edgeKinds = new Set(graph.getAttribute('edgeKinds').map((k) => k.id));
  graph.forEachNode((n, a) => {
    expect(typeof a.label, n).toBe('string');
    expect(a.label.length, n).toBeGreaterThan(0);
    expect(kinds.has(a.kind), `${n} kind ${a.kind}`).toBe(true);
    expect(a.color, n).toMatch(/^#[0-9a-f]{6}$/);
    expect(Number.isFinite(a.x) && Number.isFinite(a.y), n).toBe(true);
    expect(a.size, n).toBeGreaterThan(0);
    expect(a.importance).toBeGreaterThanOrEqual(0);
    expect(a.importance).toBeLessThanOrEqual(1);
    expect(Array.isArray(a.slides)).toBe(true);
  });
  graph.forEachEdge((e, a) => {
    expect(edgeKinds.has(a.kind), e).toBe(true);
    expect(a.labelZh && a.labelHans && a.labelEn, e).toBeTruthy();
  });
  for (const k of [...graph.getAttribute('nodeKinds'), ...graph.getAttribute('edgeKinds')]) expect(k.color).toMatch(/^#[0-9a-f]{6}$/);
  expect(graph.type).toBe('directed');
  expect(graph.multi).toBe(true);
}

describe('valid datasets import', () => {
  const cases: Array<[path: string, nodes: number, edges: number, check: (g: LinkageGraph, r: ImportedGraph['report']) => void]> = [
    [
      'gexf/minguo-fojiao-letters-zh.gexf',
      1102,
      2969,
      (g, r) => {
        // No labels: the name attribute; mixed edge types; parallel letters kept; CJK derived.
        expect(g.getNodeAttributes('A000236')).toMatchObject({ label: '弘一', labelHans: '弘一', pinyin: 'hong yi', initials: 'hy', color: '#bdfff7' });
        expect(r).toMatchObject({ undirectedEdges: 171, positions: 'file' });
        expect(r.parallelEdges).toBeGreaterThan(1000);
        expect(g.filterEdges((_e, a) => a.undirected === true)).toHaveLength(171);
      },
    ],
    [
      'gexf/power-grid.gexf',
      4941,
      6594,
      (g, r) => {
        // No colours: one default kind and its palette colour; sizes scaled for a large graph.
        expect(r.kindAttribute).toBeNull();
        expect(g.getAttribute('nodeKinds')).toEqual([{ id: 'node', zh: '節點', zhHans: '节点', en: 'Node', color: '#4477aa' }]);
        expect(g.everyNode((_n, a) => a.color === '#4477aa' && a.size <= 10)).toBe(true);
      },
    ],
    [
      'gexf/ricardo-trade-1898.gexf',
      328,
      2189,
      (g, r) => {
        // Kinds from `type`; a node attribute named `type` never reaches sigma.
        expect(r.kindAttribute).toBe('type');
        expect(g.getNodeAttribute('Algeria', 'kind')).toBe('country');
        expect(g.getNodeAttribute('Lübeck', 'label')).toBe('Lübeck');
        expect('type' in g.getNodeAttributes('Algeria')).toBe(false);
      },
    ],
    [
      'gexf/rio-weblinks.gexf',
      366,
      1107,
      (g, r) => {
        // Edges without ids get stable keys; self-loops kept.
        expect(r.selfLoops).toBe(11);
        expect(g.hasEdge('e0')).toBe(true);
        expect(g.edges().every((e) => !e.startsWith('geid_'))).toBe(true);
        expect(r.kindAttribute).toBe('Category');
      },
    ],
    [
      'gexf/les-miserables.gexf',
      77,
      254,
      (g) => {
        // The broken viz namespace still gives colours, sizes and positions.
        expect(g.getNodeAttributes('11')).toMatchObject({ label: 'Valjean', color: '#f55b5b', x: -87.93029, y: 6.8120565, size: 17 });
        expect(g.getAttribute('title')).toBe('Les Miserables.gexf');
      },
    ],
    [
      'graphml/airlines.graphml',
      235,
      2101,
      (g, r) => {
        // Positions from plain x/y keys; 804 reciprocal pairs kept as parallel edges.
        expect(r).toMatchObject({ positions: 'file', parallelEdges: 804, undirectedEdges: 2101 });
        expect(g.getNodeAttributes('0')).toMatchObject({ x: -922.24444, y: -347.29444 });
      },
    ],
    [
      'graphml/anesthesia-kg-zh.graphml',
      559,
      371,
      (g, r) => {
        // Quoted ids give unquoted labels; <SEP> descriptions become lines of the quote; a layout.
        expect(r).toMatchObject({ positions: 'layout', kindAttribute: 'entity_type' });
        const a = g.getNodeAttributes('"慢性阻塞性肺病"');
        expect(a).toMatchObject({ label: '慢性阻塞性肺病', kind: 'DISEASE', initials: 'mxzsxfb' });
        expect(a.quote.split('\n')).toHaveLength(3);
        expect(a.quote).not.toContain('<SEP>');
      },
    ],
    [
      'graphml/les-miserables.graphml',
      77,
      254,
      (g) => {
        // r/g/b keys combined into a colour.
        expect(g.getNodeAttribute('11', 'color')).toBe('#f55b5b');
        expect(g.getNodeAttribute('11', 'kind')).toBe('1');
      },
    ],
    [
      'graphology-json/eurosis.json',
      1285,
      7524,
      (_g, r) => {
        expect(r).toMatchObject({ kindAttribute: 'actor_type', parallelEdges: 1062, undirectedEdges: 7524 });
      },
    ],
    [
      'graphology-json/les-miserables.json',
      77,
      254,
      (g) => {
        // rgb() colours, float-looking keys, a graph title.
        expect(g.getNodeAttributes('0.0')).toMatchObject({ label: 'Myriel', color: '#d8482d' });
        expect(g.getAttribute('title')).toBe('Les Misérables, the characters coappearance weighted graph');
      },
    ],
  ];
  for (const [path, nodes, edges, check] of cases) {
    it(`${path}: ${nodes} nodes, ${edges} edges`, async () => {
      const { result, graph } = await load(path);
      expect([graph.order, graph.size]).toEqual([nodes, edges]);
      expect(result.report).toMatchObject({ nodes, edges });
      expectCompiled(graph);
      check(graph, result.report);
    }, 30_000);
  }
});

describe('malformed datasets are refused with the problem named and located', () => {
  const cases: Array<[path: string, code: string, first: string, total: number]> = [
    [
      'malformed/photoviz-dynamic-duplicate-node-id.gexf',
      'duplicate-node',
      'photoviz-dynamic-duplicate-node-id.gexf:1387:13 <node id="120">: node id "120" is used twice (first at line 1043); each node needs its own id: rename or merge the two nodes',
      1,
    ],
    [
      'malformed/citations-edges-to-undeclared-nodes.graphml',
      'missing-endpoint',
      'citations-edges-to-undeclared-nodes.graphml:20:2 <edge> #1: node "9306289" is not declared; Linkage does not create missing nodes: add <node id="9306289"> or remove the edge',
      37,
    ],
    [
      'malformed/rio-truncated-mid-edge.gexf',
      'syntax',
      'rio-truncated-mid-edge.gexf:8882:23: the file ends before the XML is complete (<edges> opened at line 5886 is never closed): it looks truncated, e.g. by an interrupted download or save',
      1,
    ],
    [
      'malformed/les-miserables-unescaped-ampersand.gexf',
      'syntax',
      'les-miserables-unescaped-ampersand.gexf:47:39: the GEXF is not well-formed XML: a bare "&" in "="25" label="Thenardier & Mme Thenardier"; write it as &amp;',
      1,
    ],
    [
      'malformed/les-miserables-dangling-edge.json',
      'missing-endpoint',
      'les-miserables-dangling-edge.json:3294:17 edges[254].target: no node has the key "77.0"; Linkage does not create missing nodes: add the node or remove the edge',
      1,
    ],
  ];
  for (const [path, code, first, total] of cases) {
    it(path, async () => {
      const err = await refusal(path);
      expect(err.code).toBe(code);
      expect(formatProblem(err.problems[0]!)).toBe(first);
      expect(err.total).toBe(total);
      expect(err.problems.every((p) => p.line !== undefined)).toBe(true);
    });
  }

  it('lists up to 20 located problems and counts the rest', async () => {
    const err = await refusal('malformed/citations-edges-to-undeclared-nodes.graphml');
    expect(err.problems).toHaveLength(20);
    expect(err.message).toMatch(/\(and 36 more\)$/);
    expect(new Set(err.problems.map((p) => p.line)).size).toBe(20);
  });
});
