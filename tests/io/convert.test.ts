/**
 * Foreign graph → compiled form, on tiny hand-built graphs: values as files write them, then each
 * decision (kinds, labels, colours, sizes, positions, directions, keys, our own attributes).
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { cleanText, convertGraph, DEFAULT_NODE_KIND, MAX_KINDS, needsChineseDerivation, parseColor, rawFromGraphology, toNumber, toSlides, type RawGraph, type TextDerivers } from '../../src/io/convert';
import { toHans } from '../../src/model/derive/hans';
import { pinyinForms } from '../../src/model/derive/pinyin';
import { SHARED_VOCABULARY } from '../../src/model/vocabulary';

const FALLBACK_COLORS = SHARED_VOCABULARY.fallbackColors;

const CHINESE: TextDerivers = { toHans, pinyinForms };
const OPTS = { fallbackTitle: 'file', graphId: 'file' };

function raw(nodes: Array<[string, Record<string, unknown>]>, edges: Array<[string, string, Record<string, unknown>?, boolean?]> = [], attrs: Record<string, unknown> = {}): RawGraph {
  const g = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });
  for (const [k, a] of nodes) g.addNode(k, a);
  for (const [s, t, a, undirected] of edges) {
    if (undirected) g.addUndirectedEdge(s, t, a ?? {});
    else g.addDirectedEdge(s, t, a ?? {});
  }
  g.replaceAttributes(attrs);
  return rawFromGraphology(g);
}

describe('values as files write them', () => {
  it('texts: <SEP> parts on lines, wrapping quotes stripped, numbers and booleans as text', () => {
    expect(cleanText('"a"<SEP>"b"')).toBe('a\nb');
    expect(cleanText('"慢性阻塞性肺病"')).toBe('慢性阻塞性肺病');
    expect(cleanText('say "hi"')).toBe('say "hi"');
    expect(cleanText(3)).toBe('3');
    expect(cleanText(false)).toBe('false');
    expect(cleanText('  ')).toBeNull();
    expect(cleanText({})).toBeNull();
    expect(cleanText(Number.NaN)).toBeNull();
  });

  it('numbers from numbers or numeric strings', () => {
    expect([toNumber(1.5), toNumber(' -2e3 '), toNumber(''), toNumber('x'), toNumber(Infinity), toNumber(null)]).toEqual([1.5, -2000, null, null, null, null]);
  });

  it('colours in every encoding, to #rrggbb', () => {
    expect([parseColor('#ABC'), parseColor('#a1b2c3'), parseColor('#a1b2c3ff'), parseColor('rgb(245, 91, 91)'), parseColor('rgba(1,2,3,0.5)'), parseColor('red'), parseColor(5)]).toEqual([
      '#aabbcc',
      '#a1b2c3',
      '#a1b2c3',
      '#f55b5b',
      '#010203',
      null,
      null,
    ]);
  });

  it('slides from lists or list strings; anything else is not slides', () => {
    expect([toSlides([3, 1, 3]), toSlides('[1, 2]'), toSlides('4|5'), toSlides('7,6'), toSlides(2), toSlides(''), toSlides('a'), toSlides([0]), toSlides({})]).toEqual([
      [1, 3],
      [1, 2],
      [4, 5],
      [6, 7],
      [2],
      [],
      null,
      null,
      null,
    ]);
  });
});

describe('convertGraph', () => {
  it('labels from label, name, title, else the id without its quotes', () => {
    const { graph } = convertGraph(raw([['a', { label: 'A' }], ['b', { name: 'B' }], ['c', { Title: 'C' }], ['"d"', {}], ['e', { label: '' }]]), OPTS);
    expect(graph.mapNodes((_n, a) => a.label)).toEqual(['A', 'B', 'C', 'd', 'e']);
  });

  it('one default kind when no attribute qualifies; kinds from `kind` first, then conventional names', () => {
    const none = convertGraph(raw([['a', { x: 1 }], ['b', { x: 2 }]]), OPTS);
    expect(none.report.kindAttribute).toBeNull();
    expect(none.graph.getAttribute('nodeKinds')).toEqual([{ ...DEFAULT_NODE_KIND, color: FALLBACK_COLORS[0] }]);
    const typed = convertGraph(raw([['a', { category: 'x', group: 'p' }], ['b', { category: 'y', group: 'q' }]]), OPTS);
    expect(typed.report.kindAttribute).toBe('category');
    expect(typed.graph.getNodeAttribute('a', 'kind')).toBe('x');
    const kindGraph = raw([['a', { kind: 'state', category: 'x' }], ['b', { kind: 'state', category: 'y' }]]);
    expect(needsChineseDerivation(kindGraph)).toBe(true);
    const kind = convertGraph(kindGraph, OPTS, CHINESE);
    expect(kind.report.kindAttribute).toBe('kind');
    // A kind of our vocabulary keeps its names and colour.
    expect(kind.graph.getAttribute('nodeKinds')).toEqual([{ id: 'state', zh: '狀態', zhHans: '状态', en: 'State', color: SHARED_VOCABULARY.nodeKinds['state']!.color, border: 'ring' }]);
  });

  it('a chosen attribute, or none; nodes without a value and values beyond the most frequent go to "other"', () => {
    const nodes: Array<[string, Record<string, unknown>]> = Array.from({ length: 120 }, (_, i) => [`n${i}`, { v: i < 60 ? 'common' : `v${i}` }]);
    nodes.push(['bare', {}]);
    const chosen = convertGraph(raw(nodes), { ...OPTS, kindAttribute: 'v' });
    const kinds = chosen.graph.getAttribute('nodeKinds').map((k) => k.id);
    expect(kinds).toHaveLength(MAX_KINDS);
    expect(kinds[0]).toBe('common');
    expect(kinds.at(-1)).toBe('other');
    expect(chosen.graph.getNodeAttribute('bare', 'kind')).toBe('other');
    expect(convertGraph(raw(nodes), { ...OPTS, kindAttribute: null }).graph.getNodeAttribute('n0', 'kind')).toBe('node');
    // Candidates list the categorical attributes for the reader to choose from.
    expect(convertGraph(raw([['a', { grp: 1, label: 'x' }], ['b', { grp: 2, label: 'y' }]]), OPTS).report.kindCandidates).toEqual([{ name: 'grp', values: 2 }]);
  });

  it('colours: the node\'s own, else its kind\'s; a kind takes its nodes\' most frequent colour, else the palette', () => {
    const { graph } = convertGraph(
      raw([
        ['a', { type: 't', color: '#ff0000' }],
        ['b', { type: 't', r: 255, g: 0, b: 0 }],
        ['c', { type: 't', color: 'rgb(0,0,255)' }],
        ['d', { type: 'u' }],
      ]),
      OPTS,
    );
    expect(graph.mapNodes((_n, a) => a.color)).toEqual(['#ff0000', '#ff0000', '#0000ff', FALLBACK_COLORS[0]]);
    expect(graph.getAttribute('nodeKinds').map((k) => [k.id, k.color])).toEqual([
      ['t', '#ff0000'],
      ['u', FALLBACK_COLORS[0]],
    ]);
  });

  it('positions from the file when every node has them (numbers as strings too), else a layout is asked for', () => {
    const placed = convertGraph(raw([['a', { x: '1.5', y: 2 }], ['b', { x: -1, y: '0' }]]), OPTS);
    expect(placed.needsLayout).toBe(false);
    expect(placed.graph.getNodeAttributes('a')).toMatchObject({ x: 1.5, y: 2 });
    expect(convertGraph(raw([['a', { x: 1, y: 2 }], ['b', {}]]), OPTS).needsLayout).toBe(true);
    expect(convertGraph(raw([['a', { x: 0, y: 0 }], ['b', { x: 0, y: 0 }]]), OPTS).needsLayout).toBe(true);
  });

  it('sizes: the file\'s scaled into the drawing range, else by degree', () => {
    const sized = convertGraph(raw([['a', { size: 10 }], ['b', { size: 100 }], ['c', { size: 55 }]]), OPTS).graph;
    expect(sized.mapNodes((_n, a) => [a.importance, a.size])).toEqual([
      [0, 4],
      [1, 17],
      [0.5, 10.5],
    ]);
    const byDegree = convertGraph(raw([['a', {}], ['b', {}], ['c', {}]], [['a', 'b'], ['a', 'c']]), OPTS).graph;
    expect(byDegree.getNodeAttribute('a', 'importance')).toBe(1);
    expect(byDegree.getNodeAttribute('b', 'importance')).toBeLessThan(1);
  });

  it('a directed multigraph: undirected edges flagged, self-loops and parallel edges kept and counted, generated keys replaced', () => {
    const { graph, report } = convertGraph(raw([['a', {}], ['b', {}]], [['a', 'b', {}, true], ['b', 'a', {}, true], ['a', 'a'], ['a', 'b']]), OPTS);
    expect(graph.type).toBe('directed');
    expect(graph.edges()).toEqual(['e0', 'e1', 'e2', 'e3']);
    expect(graph.mapEdges((_e, a) => a.undirected ?? false)).toEqual([true, true, false, false]);
    expect(report).toMatchObject({ selfLoops: 1, parallelEdges: 2, undirectedEdges: 2 });
    expect(graph.getEdgeAttributes('e0')).toMatchObject({ kind: 'link', labelZh: '與…相連', labelHans: '与…相连', labelEn: 'is linked with' });
    expect(graph.getEdgeAttributes('e2')).toMatchObject({ labelZh: '連向', labelEn: 'links to' });
  });

  it('edge phrases: our own, else a short label, else the kind\'s', () => {
    const { graph } = convertGraph(
      raw([['a', {}], ['b', {}]], [['a', 'b', { label: 'cites' }], ['a', 'b', { kind: 'causes' }], ['a', 'b', { labelZh: '導致', labelEn: 'leads to' }], ['a', 'b', { label: 'x'.repeat(200) }]]),
      { ...OPTS, edgeKindAttribute: null },
    );
    expect(graph.mapEdges((_e, a) => a.labelEn)).toEqual(['cites', 'links to', 'leads to', 'links to']);
    const kinded = convertGraph(raw([['a', {}], ['b', {}]], [['a', 'b', { kind: 'causes' }], ['b', 'a', { kind: 'echoes' }]]), OPTS).graph;
    expect(kinded.mapEdges((_e, a) => [a.kind, a.labelZh])).toEqual([
      ['causes', '導致'],
      ['echoes', '與…相呼應'],
    ]);
  });

  it('Chinese labels get zh-Hans and pinyin; a graph without Chinese needs no converter', () => {
    const g = raw([['a', { label: '電子政務' }], ['b', { label: 'plain' }]]);
    expect(needsChineseDerivation(g)).toBe(true);
    expect(needsChineseDerivation(raw([['a', { label: 'x' }]]))).toBe(false);
    const { graph } = convertGraph(g, OPTS, CHINESE);
    expect(graph.getNodeAttributes('a')).toMatchObject({ label: '電子政務', labelHans: '电子政务', labelEn: '', pinyin: 'dian zi zheng wu', initials: 'dzzw' });
    expect(graph.getNodeAttributes('b')).toMatchObject({ label: 'plain', labelHans: 'plain', labelEn: 'plain', pinyin: '' });
  });

  it('graph title from the file (title, name, short description) or the file name', () => {
    expect(convertGraph(raw([['a', {}]], [], { title: 'T' }), OPTS).graph.getAttribute('title')).toBe('T');
    expect(convertGraph(raw([['a', {}]], [], { description: 'About' }), OPTS).graph.getAttribute('title')).toBe('About');
    expect(convertGraph(raw([['a', {}]]), OPTS).graph.getAttributes()).toMatchObject({ id: 'file', title: 'file', slideCount: 0, sections: [], slideTexts: [] });
  });

  it('takes our own attributes as they are (lower-cased GEXF meta and JSON text too)', () => {
    const kinds = JSON.stringify([{ id: 'k', zh: '甲', zhHans: '甲', en: 'K', color: '#123456' }]);
    const { graph } = convertGraph(
      raw(
        [['a', { kind: 'k', label: '甲', labelHans: '甲', labelEn: 'A', slides: [2], section: 's1', quote: 'q', pinyin: 'jia', initials: 'j', importance: 0.5, size: 9, x: 1, y: 2, color: '#010203' }], ['b', { kind: 'k', x: 3, y: 4 }]],
        [['a', 'b', { kind: 'k2', labelZh: '到', labelHans: '到', labelEn: 'to', slides: '2' }]],
        { titleen: 'English', slidecount: '3', nodekinds: kinds },
      ),
      OPTS,
    );
    expect(graph.getNodeAttributes('a')).toEqual({
      kind: 'k', label: '甲', labelHans: '甲', labelEn: 'A', slides: [2], section: 's1', quote: 'q', quoteHans: 'q', pinyin: 'jia', initials: 'j', importance: 0.5, size: 9, x: 1, y: 2, color: '#010203',
    });
    expect(graph.getAttribute('nodeKinds')).toEqual(JSON.parse(kinds));
    expect(graph.getAttributes()).toMatchObject({ titleEn: 'English', slideCount: 3, sections: [{ id: 's1', zh: 's1', zhHans: 's1', en: 's1', slides: [2, 2] }] });
    expect(graph.getEdgeAttributes(graph.edges()[0]!)).toEqual({ kind: 'k2', slides: [2], labelZh: '到', labelHans: '到', labelEn: 'to' });
  });
});
