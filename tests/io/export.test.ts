/**
 * The writers: GEXF 1.3, GraphML, graphology JSON and propositions CSV, each read back by our own
 * importer into the same graph (the chapter, an imported dataset, a mixed graph, hostile texts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledChapter } from '../helpers/chapter';
import { parseCsv } from '../../src/io/csv';
import { exportGraph, rgbOf, toGexf, toGraphml, toPropositionsCsv, type ExportFormat } from '../../src/io/export';
import { xmlSafe } from '../../src/util/xml';
import { importGraphText } from '../../src/io/import';
import type { LinkageGraph } from '../../src/model/types';

let chapter: LinkageGraph;
beforeAll(() => {
  // Through JSON, as the app receives it (a -0 coordinate becomes 0).
  chapter = Graph.from(JSON.parse(JSON.stringify(compiledChapter()))) as unknown as LinkageGraph;
}, 60_000);

async function roundTrip(graph: LinkageGraph, format: Exclude<ExportFormat, 'csv'>): Promise<LinkageGraph> {
  const text = exportGraph(graph, format);
  const back = await importGraphText({ name: `x.${format}`, text });
  return Graph.from(back.graph) as unknown as LinkageGraph;
}

function expectSame(a: LinkageGraph, b: LinkageGraph): void {
  expect(b.order).toBe(a.order);
  expect(b.size).toBe(a.size);
  a.forEachNode((n, attrs) => expect(b.getNodeAttributes(n), n).toEqual(attrs));
  a.forEachEdge((e, attrs, s, t) => {
    expect([b.source(e), b.target(e)], e).toEqual([s, t]);
    expect(b.getEdgeAttributes(e), e).toEqual(attrs);
  });
  expect(b.getAttributes()).toEqual(a.getAttributes());
}

describe('round trips through our own importer', () => {
  for (const format of ['gexf', 'graphml', 'json'] as const) {
    it(`the chapter through ${format}`, async () => {
      expectSame(chapter, await roundTrip(chapter, format));
    });
  }

  it('an imported graph with undirected, parallel and self-loop edges, through each format', async () => {
    const text = readFileSync(join(process.cwd(), 'tests/fixtures/datasets/gexf/minguo-fojiao-letters-zh.gexf'), 'utf8');
    const { graph, report } = await importGraphText({ name: 'minguo.gexf', text });
    const imported = Graph.from(graph) as unknown as LinkageGraph;
    // The dataset has undirected and parallel edges but no self-loop: one is added (as another
    // file could hold), so that all three really go through each format.
    expect(report.undirectedEdges).toBeGreaterThan(0);
    expect(report.parallelEdges).toBeGreaterThan(0);
    expect(report.selfLoops).toBe(0);
    const first = imported.edges()[0]!;
    imported.addEdgeWithKey('self-loop', imported.source(first), imported.source(first), { ...imported.getEdgeAttributes(first) });
    expect(imported.selfLoopCount).toBe(1);
    for (const format of ['gexf', 'graphml', 'json'] as const) expectSame(imported, await roundTrip(imported, format));
  }, 30_000);

  it('texts with markup, quotes, line breaks, bidi marks and XML-illegal characters', async () => {
    const g = Graph.from((await importGraphText({ name: 'h.json', text: JSON.stringify({ nodes: [{ key: 'a<&>"\'', attributes: { label: '<b>"x"\n&\u202Ey\u0001', x: 1, y: 2 } }, { key: 'b', attributes: { x: 3, y: 4 } }], edges: [{ source: 'a<&>"\'', target: 'b', attributes: { label: '→ & <' } }] }) })).graph) as unknown as LinkageGraph;
    for (const format of ['gexf', 'graphml'] as const) {
      const back = await roundTrip(g, format);
      expect(back.getNodeAttribute('a<&>"\'', 'label')).toBe('<b>"x"\n&\u202Ey');
      expect(back.getEdgeAttribute(back.edges()[0]!, 'labelEn')).toBe('→ & <');
    }
  });
});

describe('GEXF', () => {
  it('is GEXF 1.3 with viz colour, size and position, the canonical namespaces, edge kinds and directions', () => {
    const gexf = toGexf(chapter);
    const doc = new DOMParser().parseFromString(gexf, 'application/xml');
    const root = doc.documentElement!;
    expect([root.localName, root.getAttribute('version'), root.namespaceURI]).toEqual(['gexf', '1.3', 'http://gexf.net/1.3']);
    expect(root.getAttribute('xmlns:viz')).toBe('http://gexf.net/1.3/viz');
    expect(doc.getElementsByTagName('graph')[0]!.getAttribute('defaultedgetype')).toBe('directed');
    const node = [...Array.from(doc.getElementsByTagName('node'))].find((n) => n.getAttribute('id') === 'tr.function')!;
    expect(node.getAttribute('label')).toBe(chapter.getNodeAttribute('tr.function', 'label'));
    const [r, g, b] = rgbOf(chapter.getNodeAttribute('tr.function', 'color'));
    const color = node.getElementsByTagNameNS('http://gexf.net/1.3/viz', 'color')[0]!;
    expect([color.getAttribute('r'), color.getAttribute('g'), color.getAttribute('b')]).toEqual([String(r), String(g), String(b)]);
    expect(node.getElementsByTagNameNS('http://gexf.net/1.3/viz', 'position')[0]!.getAttribute('x')).toBe(String(chapter.getNodeAttribute('tr.function', 'x')));
    expect(node.getElementsByTagNameNS('http://gexf.net/1.3/viz', 'size')).toHaveLength(1);
    const edge = doc.getElementsByTagName('edge')[0]!;
    expect(edge.getAttribute('kind')).toBe('contains');
    expect(gexf).toMatch(/<attribute id="slides" title="slides" type="listinteger"\/>/);
  });

  it('writes undirected edges of a mixed graph as such', async () => {
    const g = Graph.from((await importGraphText({ name: 'm.json', text: JSON.stringify({ nodes: [{ key: 'a', attributes: { x: 0, y: 0 } }, { key: 'b', attributes: { x: 1, y: 1 } }], edges: [{ source: 'a', target: 'b', undirected: true }, { source: 'b', target: 'a' }] }) })).graph) as unknown as LinkageGraph;
    const gexf = toGexf(g);
    expect(gexf).toMatch(/<edge id="e0" type="undirected" source="a" target="b"/);
    expect(gexf).toMatch(/<edge id="e1" source="b" target="a"/);
    const graphml = toGraphml(g);
    expect(graphml).toContain('edgedefault="undirected"');
    expect(graphml).toMatch(/<edge id="e1" source="b" target="a" directed="true">/);
  });
});

describe('GraphML', () => {
  it('declares typed keys before the graph and uses Gephi\'s names for looks', () => {
    const graphml = toGraphml(chapter);
    const doc = new DOMParser().parseFromString(graphml, 'application/xml');
    const keys = Array.from(doc.getElementsByTagName('key')).map((k) => `${k.getAttribute('for')}:${k.getAttribute('attr.name')}:${k.getAttribute('attr.type')}`);
    expect(keys).toEqual(expect.arrayContaining(['node:label:string', 'node:x:double', 'node:y:double', 'node:size:double', 'node:r:int', 'node:g:int', 'node:b:int', 'edge:kind:string', 'graph:title:string']));
    expect(graphml.indexOf('<key ')).toBeLessThan(graphml.indexOf('<graph '));
    expect(doc.getElementsByTagName('graph')[0]!.getAttribute('edgedefault')).toBe('directed');
    expect(doc.getElementsByTagName('node')).toHaveLength(chapter.order);
  });
});

describe('CSV of propositions', () => {
  it('one row per edge: source, linking phrase, target, slides, sentence; in each language', () => {
    const rows = parseCsv(toPropositionsCsv(chapter, 'zh-Hant'));
    expect(rows[0]).toEqual(['來源概念', '連結語', '目標概念', '投影片', '句子']);
    expect(rows).toHaveLength(chapter.size + 1);
    const e = chapter.findEdge((_e, a, s, t) => a.kind === 'drawback-of' && s !== t)!;
    const row = rows[chapter.edges().indexOf(e) + 1]!;
    const a = chapter.getEdgeAttributes(e);
    expect(row[1]).toBe(a.labelZh);
    expect(row[3]).toBe(a.slides.join(' '));
    expect(row[4]).toBe(`${row[0]}${a.labelZh.replace('…', row[2]!)}`);
    expect(parseCsv(toPropositionsCsv(chapter, 'en'))[0]).toEqual(['source', 'linking phrase', 'target', 'slides', 'sentence']);
    expect(parseCsv(toPropositionsCsv(chapter, 'zh-Hans'))[1]![0]).toBe(chapter.getNodeAttribute(chapter.source(chapter.edges()[0]!), 'labelHans'));
  });
});

describe('helpers', () => {
  it('xmlSafe drops what XML 1.0 cannot hold and keeps the rest', () => {
    expect(xmlSafe('a\u0000b\u0008c\td\ne\u202Ef\uFFFEg\uD800h😀')).toBe('abc\td\ne\u202Efgh😀');
    expect(rgbOf('#ff8000')).toEqual([255, 128, 0]);
    expect(rgbOf('nope')).toEqual([153, 153, 153]);
  });
});
