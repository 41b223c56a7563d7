/**
 * The benchmark's graph files: beyond LEAN_ABOVE nodes they are written lean, and the app's
 * importer still reads every node and link of them, with names in every script.
 */
import { describe, expect, it } from 'vitest';
import { importGraphText } from '../../src/io/import';
import { syntheticGraph } from '../fixtures/tiny-graph';
import { serialize } from './graphs';

describe('bench graph files', () => {
  const graph = syntheticGraph(300, 3, 7);

  it('a lean file keeps what the app draws and searches, and leaves out the rest', async () => {
    const whole = serialize(graph, false);
    const lean = serialize(graph, true);
    expect(lean.length).toBeLessThan(whole.length * 0.75);
    const data = JSON.parse(lean);
    expect(Object.keys(data.nodes[0].attributes).sort()).toEqual(['importance', 'initials', 'kind', 'label', 'labelEn', 'labelHans', 'pinyin', 'section', 'size', 'slides', 'x', 'y']);
    expect(data.edges[0]).toEqual({ source: graph.source('e0'), target: graph.target('e0'), attributes: { kind: graph.getEdgeAttribute('e0', 'kind') } });
    const g = (await importGraphText({ name: 'lean.json', text: lean })).graph;
    expect([g.nodes.length, g.edges.length]).toEqual([graph.order, graph.size]);
    const a = g.nodes.find((n) => n.key === 'n5')!.attributes!;
    const b = graph.getNodeAttributes('n5');
    expect([a.label, a.labelHans, a.labelEn, a.pinyin, a.section]).toEqual([b.label, b.labelHans, b.labelEn, b.pinyin, b.section]);
    expect(a.x).toBeCloseTo(b.x, 3);
    // Nodes are as large as the whole file's, and coloured by kind.
    const w = (await importGraphText({ name: 'whole.json', text: whole })).graph;
    const sizes = (nodes: typeof g.nodes) => nodes.map((n) => [n.attributes!.size, Math.round(n.attributes!.importance! * 1e3)]);
    expect(sizes(g.nodes)).toEqual(sizes(w.nodes));
    const kindColor = new Map(g.attributes!.nodeKinds.map((k) => [k.id, k.color]));
    expect(g.nodes.every((n) => n.attributes!.color === kindColor.get(n.attributes!.kind!))).toBe(true);
  });
});
