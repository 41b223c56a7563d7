/**
 * The import pipeline: format detection, the stated limits (size checked before reading), our
 * YAML authoring format, progress and cancellation, the layout of graphs without positions, and
 * the app's entry point `importGraphFile` (here on the test's thread: Node has no Worker).
 */
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { describe, expect, it, vi } from 'vitest';
import { detectFormat, importGraphText, slugOf, stemOf, utf8Length, type ImportProgress } from '../../src/io/import';
import { importGraphFile } from '../../src/io/import-file';
import { defaultIterations, layoutForeignGraph } from '../../src/io/layout';
import { checkFileSize, formatBytes, LIMITS, MAX_FILE_BYTES } from '../../src/io/limits';
import { formatProblem, GraphImportError } from '../../src/io/problems';

async function refusal(p: Promise<unknown>): Promise<GraphImportError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(GraphImportError);
    return err as GraphImportError;
  }
  throw new Error('accepted');
}

const ring = (n: number, positions = false) =>
  JSON.stringify({
    nodes: Array.from({ length: n }, (_, i) => ({ key: `n${i}`, attributes: positions ? { x: i, y: i % 7 } : {} })),
    edges: Array.from({ length: n }, (_, i) => ({ source: `n${i}`, target: `n${(i + 1) % n}` })),
  });

describe('formats', () => {
  it('are told by content first, then by the file name', () => {
    expect(detectFormat('a.xml', '<?xml version="1.0"?>\n<!-- c -->\n<gexf version="1.3">')).toBe('gexf');
    expect(detectFormat('a.gexf', '\uFEFF  <graphml>')).toBe('graphml');
    expect(detectFormat('a.txt', '<ns:graphml xmlns:ns="x">')).toBe('graphml');
    expect(detectFormat('a', ' {"nodes": []}')).toBe('json');
    expect(detectFormat('a.yml', 'chapter:')).toBe('yaml');
    expect(detectFormat('a.YAML', 'chapter:')).toBe('yaml');
  });

  it('anything else is refused with what is supported', async () => {
    expect(formatProblem((await refusal(importGraphText({ name: 'p.svg', text: '<svg/>' }))).problems[0]!)).toBe(
      'p.svg:1: this XML file is neither GEXF nor GraphML (its root element is <svg>); open a GEXF or GraphML file',
    );
    expect((await refusal(importGraphText({ name: 'a.csv', text: 'a,b' }))).problems[0]!.message).toMatch(/cannot tell the format of a ".csv" file; open a GEXF/);
    expect((await refusal(importGraphText({ name: 'a.png', text: '\u0089PNG\u0000\u0000' }))).problems[0]!.message).toMatch(/not a text file/);
  });

  it('an undeclared namespace prefix is refused where it is used', async () => {
    const err = await refusal(importGraphText({ name: 'p.gexf', text: '<gexf version="1.3">\n<graph>\n<nodes><node id="a"><viz:color r="1" g="2" b="3"/></node></nodes>\n</graph>\n</gexf>' }));
    expect(err.code).toBe('syntax');
    expect(formatProblem(err.problems[0]!)).toMatch(/^p\.gexf:3:\d+: a namespace prefix \(like viz: in <viz:color>\) is used but never declared/);
  });

  it('an empty graph is refused', async () => {
    expect((await refusal(importGraphText({ name: 'e.json', text: '{"nodes": []}' }))).problems[0]!.message).toBe('the graph has no nodes: there is nothing to show');
  });

  it('names: stem, slug', () => {
    expect([stemOf('dir/Les Misérables.gexf'), slugOf('dir/Les Misérables.gexf'), slugOf('電子.gexf'), slugOf('.hidden')]).toEqual(['Les Misérables', 'les-miserables', 'imported', 'hidden']);
  });
});

describe('GraphML', () => {
  it('with edges of both directions, parallel edges and a self-loop: each kept as the file has it, the graph never copied per edge', async () => {
    const n = 60;
    const edges = Array.from({ length: 3 * n }, (_, i) => {
      const directed = i % 2 === 0 ? '' : ' directed="true"';
      return `<edge source="n${i % n}" target="n${(i * 7 + 1) % n}"${directed}/>`;
    });
    edges.push('<edge source="n0" target="n0"/>', '<edge source="n1" target="n2"/>', '<edge source="n1" target="n2"/>');
    const text = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">${Array.from({ length: n }, (_, i) => `<node id="n${i}"/>`).join('')}${edges.join('')}</graph></graphml>`;
    const copies = vi.spyOn(Graph.prototype, 'copy');
    try {
      const { graph, report } = await importGraphText({ name: 'mixed.graphml', text });
      expect(copies).not.toHaveBeenCalled();
      const g = Graph.from(graph as never);
      expect(g.size).toBe(edges.length);
      // Every other generated edge is directed; the self-loop and the parallel pair are not.
      expect(report.undirectedEdges).toBe(1.5 * n + 3);
      expect(report.selfLoops).toBe(1);
      expect(report.parallelEdges).toBeGreaterThan(0);
    } finally {
      copies.mockRestore();
    }
  });
});

describe('limits', () => {
  it('are stated', () => {
    expect(LIMITS).toEqual({ fileBytes: 45 * 1024 * 1024, nodes: 100_000, edges: 300_000, yamlNodes: 2_000, xmlDepth: 64 });
    expect([formatBytes(MAX_FILE_BYTES), formatBytes(52_428_800), formatBytes(1536), formatBytes(12)]).toEqual(['45 MB', '50 MB', '2 KB', '12 bytes']);
  });

  it('refuse a file over 45 MB by its size, before reading it', async () => {
    expect(() => checkFileSize(MAX_FILE_BYTES, 'f')).not.toThrow();
    expect(() => checkFileSize(MAX_FILE_BYTES + 1, 'f')).toThrow(GraphImportError);
    let read = false;
    const huge = { name: 'huge.gexf', size: 50 * 1024 * 1024, text: undefined, async arrayBuffer() { read = true; return new ArrayBuffer(0); } } as unknown as File;
    const err = await refusal(importGraphFile(huge));
    expect(err.code).toBe('too-large');
    expect(formatProblem(err.problems[0]!)).toBe('huge.gexf: the file is 50 MB; files up to 45 MB can be opened. Open a smaller extract of the graph (e.g. filtered in Gephi)');
    expect(read).toBe(false);
  });

  it('measure text in UTF-8 bytes', async () => {
    expect([utf8Length('a'), utf8Length('é'), utf8Length('電'), utf8Length('😀')]).toEqual([1, 2, 3, 4]);
    const err = await refusal(importGraphText({ name: 'big.json', text: '電'.repeat(Math.ceil(MAX_FILE_BYTES / 3) + 1) }));
    expect(err.code).toBe('too-large');
  });

  it('refuse an authoring file of more than 2 000 nodes', async () => {
    const nodes = Array.from({ length: 2_001 }, (_, i) => `  - { id: n${i}, kind: concept, label: 甲, en: a, slides: [1], quote: 甲 }`).join('\n');
    const yaml = `chapter: { id: c, title: 甲, en: A, transcript: t.md, slides: 1, sections: [] }\nnodes:\n${nodes}\nedges: []\n`;
    const err = await refusal(importGraphText({ name: 'big.yaml', text: yaml }));
    expect(err.code).toBe('too-many');
    expect(formatProblem(err.problems[0]!)).toMatch(/^big\.yaml:2:1: the graph has more than 2,000 nodes/);
  });
});

describe('authoring YAML', () => {
  it('compiles without its transcript (quotes unchecked)', async () => {
    const { graph, report } = await importGraphText({ name: 'chapter-02.yaml', text: readFileSync('graph/chapter-02/chapter-02.yaml', 'utf8') });
    expect(graph.nodes.length).toBeGreaterThan(100);
    expect(graph.attributes?.title).toBe('電子政務與傳統管理');
    expect(report).toMatchObject({ format: 'yaml', kindAttribute: 'kind', positions: 'layout' });
    expect(report.notes[0]).toMatch(/without its transcript/);
  }, 60_000);

  it('reports authoring errors as the checker words them, located', async () => {
    const yaml = `chapter: { id: c, title: 甲, en: A, transcript: t.md, slides: 1, sections: [] }\nnodes:\n  - { id: a, kind: concpt, label: 甲, en: a, slides: [1], quote: 甲 }\nedges: []\n`;
    const err = await refusal(importGraphText({ name: 'x.yaml', text: yaml }));
    expect(err.code).toBe('authoring');
    expect(formatProblem(err.problems[0]!)).toMatch(/^x\.yaml:3:\d+ nodes\[0\]\.kind: .*concpt.*did you mean "concept"/);
    const syntax = await refusal(importGraphText({ name: 'y.yaml', text: 'nodes: [a\n' }));
    expect(syntax.code).toBe('syntax');
    expect(syntax.problems[0]).toMatchObject({ line: expect.any(Number) });
  });
});

describe('progress, cancellation and layout', () => {
  it('report the stages and the layout\'s progress', async () => {
    const seen: ImportProgress[] = [];
    const { report, graph } = await importGraphText({ name: 'r.json', text: ring(300) }, { layoutIterations: 40 }, { onProgress: (p) => seen.push(p) });
    expect(report.positions).toBe('layout');
    expect(seen.map((p) => p.stage).filter((s, i, a) => a.indexOf(s) === i)).toEqual(['parse', 'convert', 'layout']);
    expect(seen.at(-1)).toEqual({ stage: 'layout', fraction: 1 });
    expect(graph.nodes.every((n) => Number.isFinite(n.attributes!.x) && Number.isFinite(n.attributes!.y))).toBe(true);
  });

  it('stop at the next step when cancelled, with a `cancelled` error', async () => {
    const controller = new AbortController();
    const p = importGraphText({ name: 'r.json', text: ring(2_000) }, { layoutIterations: 1_000 }, {
      signal: controller.signal,
      onProgress: (pr) => pr.stage === 'layout' && pr.fraction > 0.05 && controller.abort(),
      pause: () => new Promise((r) => setTimeout(r, 0)),
    });
    const err = await refusal(p);
    expect(err.code).toBe('cancelled');
    const early = new AbortController();
    early.abort();
    expect((await refusal(importGraphFile({ name: 'r.json', text: ring(3) }, { signal: early.signal }))).code).toBe('cancelled');
  });

  it('the layout is deterministic, spreads the nodes and keeps positions a file gives', async () => {
    const a = Graph.from((await importGraphText({ name: 'r.json', text: ring(200) })).graph);
    const b = Graph.from((await importGraphText({ name: 'r.json', text: ring(200) })).graph);
    expect(a.mapNodes((_n, x) => [x.x, x.y])).toEqual(b.mapNodes((_n, x) => [x.x, x.y]));
    expect(new Set(a.mapNodes((_n, x) => `${x.x},${x.y}`)).size).toBe(200);
    const placed = Graph.from((await importGraphText({ name: 'p.json', text: ring(5, true) })).graph);
    expect(placed.mapNodes((_n, x) => [x.x, x.y])).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]);
    expect([defaultIterations(100), defaultIterations(1_500), defaultIterations(5_000), defaultIterations(50_000)]).toEqual([500, 300, 150, 80]);
  });

  it('layoutForeignGraph stops without writing when asked', async () => {
    const g = new Graph();
    g.addNode('a', { x: 0, y: 0 });
    g.addNode('b', { x: 0, y: 0 });
    g.addEdge('a', 'b');
    let asked = 0;
    expect(await layoutForeignGraph(g, { iterations: 10, chunk: 1 }, () => {}, () => ++asked > 3)).toBe(false);
    expect(await layoutForeignGraph(g, { iterations: 10 })).toBe(true);
  });
});

describe('importGraphFile (the app\'s entry point)', () => {
  it('takes a File or a name and text, and returns a graph for the app with its report', async () => {
    const file = new File([readFileSync('tests/fixtures/datasets/graphml/les-miserables.graphml')], 'les-miserables.graphml');
    const { graph, report } = await importGraphFile(file, { kindAttribute: null });
    expect([graph.order, graph.size, report.kindAttribute]).toEqual([77, 254, null]);
    const named = await importGraphFile({ name: 'r.json', text: ring(4, true) });
    expect(named.graph.hasNode('n3')).toBe(true);
    expect((await refusal(importGraphFile({ name: 'bad.json', text: '{' }))).code).toBe('syntax');
  });
});
