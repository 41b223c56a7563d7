/**
 * The compiled chapter: the brief's compiled form, derived attributes, a deterministic layout
 * with no overlapping nodes and the chapter's structure visible, and a faithful model.
 */
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraphFile } from '../../src/cli/compile-file';
import { sectionOf } from '../../src/model/compile';
import { toHans } from '../../src/model/derive/hans';
import { MAP_LABEL } from '../../src/model/layout-labels';
import { pinyinForms } from '../../src/model/derive/pinyin';
import { parseTranscript } from '../../src/model/transcript';
import type { CompiledGraph, EdgeAttrs, GraphAttrs, NodeAttrs } from '../../src/model/types';

const FILE = 'graph/chapter-02/chapter-02.yaml';
let compiled: CompiledGraph;
let graph: Graph<NodeAttrs, EdgeAttrs, GraphAttrs>;

beforeAll(() => {
  compiled = compileGraphFile(FILE);
  graph = Graph.from(compiled);
});

describe('compiled form', () => {
  it('loads with graphology Graph.from and round-trips through export', () => {
    expect(graph.order).toBe(compiled.nodes.length);
    expect(graph.size).toBe(compiled.edges.length);
    expect(JSON.parse(JSON.stringify(Graph.from(JSON.parse(JSON.stringify(compiled))).export()))).toEqual(JSON.parse(JSON.stringify(compiled)));
  });

  it('carries the attributes the brief names on every node and edge, and never `type`', () => {
    graph.forEachNode((key, a) => {
      expect(key).toMatch(/^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/);
      for (const field of ['kind', 'label', 'labelHans', 'labelEn', 'slides', 'section', 'quote', 'x', 'y', 'size', 'color', 'pinyin', 'initials'] as const) {
        expect(a, `${key}.${field}`).toHaveProperty(field);
      }
      expect(a).not.toHaveProperty('type');
      expect(a.slides.length).toBeGreaterThan(0);
      expect(a.slides.every((s) => Number.isInteger(s) && s >= 1 && s <= 20)).toBe(true);
      expect(a.labelEn.trim()).not.toBe('');
    });
    graph.forEachEdge((key, a) => {
      for (const field of ['kind', 'slides', 'labelZh', 'labelEn'] as const) expect(a, `${key}.${field}`).toHaveProperty(field);
      expect(a).not.toHaveProperty('type');
      expect(a.slides.length).toBeGreaterThan(0);
    });
  });

  it('derives zh-Hans with OpenCC, not by hand', () => {
    expect(graph.getNodeAttribute('tr.function', 'labelHans')).toBe('行政职能由管制职能转变为服务职能');
    graph.forEachNode((_, a) => {
      expect(a.labelHans).toBe(toHans(a.label));
      expect(a.quoteHans).toBe(toHans(a.quote));
    });
    graph.forEachEdge((_, a) => expect(a.labelHans).toBe(toHans(a.labelZh)));
  });

  it('derives pinyin and initials for search', () => {
    expect(graph.getNodeAttribute('pd.egov', 'pinyin')).toBe('dian zi zheng wu');
    expect(graph.getNodeAttribute('pd.egov', 'initials')).toBe('dzzw');
    expect(pinyinForms('Abc')).toEqual({ pinyin: '', initials: '' });
  });

  it('derives sections from slide ranges, null across sections', () => {
    expect(graph.getNodeAttribute('m.separate', 'section')).toBe('2-1');
    expect(graph.getNodeAttribute('f.ict', 'section')).toBe('2-2');
    expect(graph.getNodeAttribute('tr.power', 'section')).toBe('2-3');
    expect(graph.getNodeAttribute('asp.blur', 'section')).toBe('2-4');
    expect(graph.getNodeAttribute('pd.egov', 'section')).toBe(null);
    const sections = [{ id: 'a', title: '', en: '', slides: [1, 3] as [number, number] }, { id: 'b', title: '', en: '', slides: [4, 6] as [number, number] }];
    expect(sectionOf([2, 3], sections)).toBe('a');
    expect(sectionOf([3, 4], sections)).toBe(null);
    expect(sectionOf([3, 4], sections, 'b')).toBe('b');
  });
});

describe('layout', () => {
  it('is deterministic: the same input gives the same coordinates', { timeout: 30_000 }, () => {
    const again = compileGraphFile(FILE);
    expect(again.nodes.map((n) => [n.key, n.attributes?.x, n.attributes?.y])).toEqual(compiled.nodes.map((n) => [n.key, n.attributes?.x, n.attributes?.y]));
  });

  it('has no overlapping nodes (the map draws a disc of radius size × MAP_LABEL.disc)', () => {
    const nodes = graph.mapNodes((key, a) => ({ key, ...a, size: a.size * MAP_LABEL.disc }));
    const overlaps: string[] = [];
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        if (Math.hypot(a.x - b.x, a.y - b.y) < a.size + b.size) overlaps.push(`${a.key} / ${b.key}`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('shows the structure: old poles left, new poles right, rows in chapter order, sections as regions', () => {
    const x = (k: string) => graph.getNodeAttribute(k, 'x');
    const y = (k: string) => graph.getNodeAttribute(k, 'y');
    const transformations = graph.filterNodes((_, a) => a.kind === 'transformation').sort((a, b) => graph.getNodeAttribute(a, 'slides')[0]! - graph.getNodeAttribute(b, 'slides')[0]!);
    expect(transformations).toHaveLength(8);
    let previousY = Infinity;
    for (const tr of transformations) {
      const from = graph.outNeighbors(tr).find((n) => graph.edges(tr, n).some((e) => graph.getEdgeAttribute(e, 'kind') === 'from'))!;
      const to = graph.outNeighbors(tr).find((n) => graph.edges(tr, n).some((e) => graph.getEdgeAttribute(e, 'kind') === 'to'))!;
      expect(x(from)).toBeLessThan(x(tr));
      expect(x(to)).toBeGreaterThan(x(tr));
      expect(y(from)).toBe(y(tr));
      expect(y(to)).toBe(y(tr));
      expect(y(tr)).toBeLessThan(previousY); // sigma's y points up: the first row is on top
      previousY = y(tr);
    }
    expect(x('pd.trad')).toBeLessThan(Math.min(...graph.filterNodes((_, a) => a.kind === 'state').map(x)));
    expect(x('pd.egov')).toBeGreaterThan(Math.max(...graph.filterNodes((_, a) => a.kind === 'state').map(x)));
    const top = Math.max(...transformations.map(y));
    const bottom = Math.min(...transformations.map(y));
    for (const r of graph.filterNodes((_, a) => a.kind === 'reform')) expect(y(r)).toBeGreaterThan(top);
    for (const m of graph.filterNodes((_, a) => a.kind === 'decision-mode')) expect(y(m)).toBeLessThan(bottom);
    for (const f of graph.filterNodes((_, a) => a.kind === 'feature')) expect(x(f)).toBeGreaterThan(x('pd.egov'));
  });
});

describe('the model', () => {
  const transcript = parseTranscript(readFileSync('graph/chapter-02/chapter-02.md', 'utf8'));

  it('quotes the transcript verbatim, on one of each node’s slides', () => {
    graph.forEachNode((key, a) => {
      const on = a.slides.filter((s) => transcript.slides.get(s)?.includes(a.quote));
      expect(on.length, `${key}: "${a.quote}"`).toBeGreaterThan(0);
    });
  });

  it('represents every marked item of the transcript (computed from the transcript)', () => {
    expect(transcript.items.length).toBeGreaterThanOrEqual(47);
    const nodes = graph.mapNodes((_, a) => a);
    for (const item of transcript.items) {
      const covered = nodes.some(
        (a) => a.slides.includes(item.slide) && ((item.text.includes(a.quote) && a.quote.includes(item.head)) || (a.label === item.head && transcript.slides.get(item.slide)!.includes(a.quote))),
      );
      expect(covered, `slide ${item.slide} ${item.marker} ${item.head}`).toBe(true);
    }
  });

  it('is one connected component', () => {
    expect(connectedComponents(graph)).toHaveLength(1);
  });

  it('gives each transformation exactly one old and one new pole, each tied to its paradigm', () => {
    graph.forEachNode((tr, a) => {
      if (a.kind !== 'transformation') return;
      const out = graph.outEdges(tr).map((e) => ({ kind: graph.getEdgeAttribute(e, 'kind'), target: graph.target(e) }));
      const from = out.filter((e) => e.kind === 'from');
      const to = out.filter((e) => e.kind === 'to');
      expect(from, tr).toHaveLength(1);
      expect(to, tr).toHaveLength(1);
      const paradigmOf = (pole: string) => graph.outNeighbors(pole).filter((n) => graph.getNodeAttribute(n, 'kind') === 'paradigm');
      expect(paradigmOf(from[0]!.target)).toEqual(['pd.trad']);
      expect(paradigmOf(to[0]!.target)).toEqual(['pd.egov']);
      expect(graph.inNeighbors(tr).some((n) => graph.getNodeAttribute(n, 'kind') === 'dimension')).toBe(true);
    });
  });

  it('links the sections the way the brief reads them', () => {
    const has = (s: string, kind: string, t: string) => graph.hasEdge(`${s}>${kind}>${t}`);
    expect(has('m.decentralise', 'echoes', 'tr.power')).toBe(true);
    expect(has('m.separate', 'contrasts', 'asp.blur')).toBe(true);
    const crossSection = graph.filterEdges((_e, a, s, t) => {
      const ss = graph.getNodeAttribute(s, 'section');
      const ts = graph.getNodeAttribute(t, 'section');
      return ss !== null && ts !== null && ss !== ts && (a.kind === 'echoes' || a.kind === 'contrasts');
    });
    expect(crossSection.length).toBeGreaterThanOrEqual(10);
  });
});
