import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { compiledChapter } from '../helpers/chapter';
import { FIT_SLACK, hashJitter, LAYOUT_STRATEGIES, layoutChapter, layoutFigures, nodeExtents } from '../../src/model/layout';
import { fullWidthEms, labelBox, lineEms, MAP_LABEL, nameRoom } from '../../src/model/layout-labels';
import { countOverlaps, measureLayout } from '../../src/model/layout-metrics';

describe('hashJitter', () => {
  it('is a stable number in [-0.5, 0.5) per key and salt', () => {
    expect(hashJitter('tr.power')).toBe(hashJitter('tr.power'));
    expect(hashJitter('tr.power', 1)).not.toBe(hashJitter('tr.power', 2));
    for (const k of ['a', 'b', 'tr.function', '']) {
      expect(hashJitter(k)).toBeGreaterThanOrEqual(-0.5);
      expect(hashJitter(k)).toBeLessThan(0.5);
    }
  });
});

describe('name boxes', () => {
  it('counts CJK characters as one em and Latin ones from the width table', () => {
    expect(lineEms('電子政務')).toBe(4);
    expect(lineEms('i')).toBeLessThan(lineEms('m'));
    expect(lineEms('mmm')).toBeCloseTo(3 * 0.93, 5);
  });

  it('knows a line set wholly full width in any CJK face without measuring it, and no other', () => {
    expect(fullWidthEms('電子政務、「精幹」')).toBe(9);
    // An arrow, Latin letters or a space are the reader's font's to measure.
    for (const mixed of ['臃腫 → 精幹', 'ICT 應用', '精幹 ']) expect(fullWidthEms(mixed)).toBeNull();
  });

  it('wraps as the map does and sizes the box at the map font', () => {
    const zh = labelBox('行政決策由集中決策向民主決策轉化');
    expect(zh.lines.join('')).toBe('行政決策由集中決策向民主決策轉化');
    for (const l of zh.lines) expect([...l].length).toBeLessThanOrEqual(MAP_LABEL.cjk + 1);
    expect(zh.height).toBeCloseTo(zh.lines.length * MAP_LABEL.font * MAP_LABEL.lineHeight, 5);
    const en = labelBox('Administrative functions: from regulation to service');
    for (const l of en.lines) expect(l.length).toBeLessThanOrEqual(MAP_LABEL.latin);
  });

  it('keeps room for the widest and tallest of several names', () => {
    const room = nameRoom(['電子政務', 'E-government and traditional management', null]);
    expect(room.width).toBe(Math.max(labelBox('電子政務').width, labelBox('E-government and traditional management').width));
    expect(room.height).toBe(labelBox('E-government and traditional management').height);
  });
});

describe('measureLayout', () => {
  const box = (key: string, x: number, y: number) => ({ key, x, y, r: 2, label: { x0: x + 4, y0: y - 5, x1: x + 40, y1: y + 5 } });

  it('counts names over names and over discs, and edge crossings', () => {
    expect(countOverlaps([box('a', 0, 0), box('b', 0, 100)])).toBe(0);
    // b's name runs over a's and over a's disc? No: b sits to the left, its name over a's disc and a's name.
    expect(countOverlaps([box('a', 0, 0), box('b', -20, 0)])).toBe(2);
    const f = measureLayout([box('a', 0, 0), box('b', 100, 100), box('c', 0, 100), box('d', 100, 0)], [['a', 'b'], ['c', 'd']]);
    expect(f.crossings).toBe(1);
    expect(f.edgeSpread).toBe(0);
    expect(f.overlaps).toBe(0);
    expect(f.whitespace).toBeGreaterThan(0.5);
  });
});

describe('layoutChapter', () => {
  type Attrs = { kind: string; size: number; slides: number[]; section: string | null; label: string; labelHans?: string; labelEn?: string; mapEn?: string };
  const tiny = () => {
    const g = new Graph<Attrs>({ multi: true });
    const add = (k: string, kind: string, slide: number) => g.addNode(k, { kind, size: 5, slides: [slide], section: null, label: k, labelEn: `${k} in English` });
    add('old', 'paradigm', 1);
    add('new', 'paradigm', 1);
    add('t1', 'transformation', 2);
    add('t2', 'transformation', 3);
    for (const [t, s] of [['t1', 2], ['t2', 3]] as const) {
      add(`${t}.a`, 'state', s);
      add(`${t}.b`, 'state', s);
      g.addEdge(t, `${t}.a`, { kind: 'from' });
      g.addEdge(t, `${t}.b`, { kind: 'to' });
      g.addEdge(`${t}.a`, 'old', { kind: 'characterizes' });
      g.addEdge(`${t}.b`, 'new', { kind: 'characterizes' });
    }
    add('free', 'concept', 2);
    g.addEdge('free', 't1', { kind: 'involves' });
    return g;
  };

  it('puts rows in slide order, old poles and their paradigm left, new ones right', () => {
    for (const strategy of LAYOUT_STRATEGIES) {
      const p = layoutChapter(tiny(), { strategy });
      expect(p.get('t1')!.y).toBeGreaterThan(p.get('t2')!.y);
      expect(p.get('t1.a')!.x).toBeLessThan(p.get('t1')!.x);
      expect(p.get('t1.b')!.x).toBeGreaterThan(p.get('t1')!.x);
      expect(p.get('old')!.x).toBeLessThan(p.get('t1.a')!.x);
      expect(p.get('new')!.x).toBeGreaterThan(p.get('t1.b')!.x);
      expect(p.size).toBe(tiny().order);
    }
  });

  it('gives the same positions every time', () => {
    expect([...layoutChapter(tiny())]).toEqual([...layoutChapter(tiny())]);
  });

  it('leaves no name over another name or another disc, whatever the finish', { timeout: 60_000 }, () => {
    // A crowd: forty concepts around one transformation.
    const g = tiny();
    for (let i = 0; i < 40; i++) {
      g.addNode(`c${i}`, { kind: 'concept', size: 4 + (i % 5), slides: [2], section: null, label: '概念'.repeat(1 + (i % 6)), labelEn: `concept number ${i}` });
      g.addEdge(`c${i}`, i % 2 ? 't1' : 't2', { kind: 'involves' });
    }
    for (const strategy of LAYOUT_STRATEGIES) expect(layoutFigures(g, layoutChapter(g, { strategy, scripts: 'all' })).overlaps).toBe(0);
  });

  // The chapter itself: the boxes the layout kept room for never overlap, and the figures of each
  // finish are printed for the record (the default finish is the one that draws the most names).
  const chapter = Graph.from(compiledChapter() as never) as unknown as Graph<Attrs>;

  it('lays the chapter out with every name free at its design size', { timeout: 60_000 }, () => {
    const p = layoutChapter(chapter);
    const all = layoutFigures(chapter, p, 'all');
    const chinese = layoutFigures(chapter, p, 'chinese');
    // Made for all three scripts when that fits the map at full size (within FIT_SLACK), else for the Chinese names.
    const made = all.overlaps === 0 ? all : chinese;
    expect(made.overlaps).toBe(0);
    expect(made.scale).toBeGreaterThanOrEqual(all.overlaps === 0 ? 1 - FIT_SLACK : 0);
    console.log(`chapter (${chapter.order} nodes, ${chapter.size} edges), default layout made for ${all.overlaps === 0 ? 'all scripts' : 'Chinese names'}: ${JSON.stringify(made)}`);
  });

  it('keeps each node the room its three names need', () => {
    const ext = nodeExtents(chapter, 'all');
    chapter.forEachNode((k, a) => {
      const e = ext.get(k)!;
      expect(e.name.x1 - e.name.x0).toBeCloseTo(nameRoom([a.label, a.labelHans, a.mapEn ?? a.labelEn]).width, 5);
    });
  });
});
