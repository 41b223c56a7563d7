import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { hashJitter, layoutChapter, separate } from '../../src/model/layout';

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

describe('separate', () => {
  it('pushes overlapping free discs apart and never moves fixed ones', () => {
    const discs = [
      { key: 'a', x: 0, y: 0, r: 5, fixed: true },
      { key: 'b', x: 1, y: 0, r: 5, fixed: false },
      { key: 'c', x: 1, y: 0, r: 5, fixed: false },
    ];
    separate(discs, 2);
    expect(discs[0]).toMatchObject({ x: 0, y: 0 });
    for (let i = 0; i < 3; i++)
      for (let j = i + 1; j < 3; j++) {
        const d = Math.hypot(discs[i]!.x - discs[j]!.x, discs[i]!.y - discs[j]!.y);
        expect(d).toBeGreaterThanOrEqual(discs[i]!.r + discs[j]!.r + 2 - 1e-6);
      }
  });
});

describe('layoutChapter', () => {
  const tiny = () => {
    const g = new Graph<{ kind: string; size: number; slides: number[]; section: string | null; label: string }>({ multi: true });
    const add = (k: string, kind: string, slide: number) => g.addNode(k, { kind, size: 5, slides: [slide], section: null, label: k });
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
    const p = layoutChapter(tiny());
    expect(p.get('t1')!.y).toBeGreaterThan(p.get('t2')!.y);
    expect(p.get('t1.a')!.x).toBeLessThan(p.get('t1')!.x);
    expect(p.get('t1.b')!.x).toBeGreaterThan(p.get('t1')!.x);
    expect(p.get('old')!.x).toBeLessThan(p.get('t1.a')!.x);
    expect(p.get('new')!.x).toBeGreaterThan(p.get('t1.b')!.x);
    expect(p.size).toBe(tiny().order);
  });

  it('gives the same positions every time', () => {
    expect([...layoutChapter(tiny())]).toEqual([...layoutChapter(tiny())]);
  });
});
