import { beforeAll, describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { makeExercise, gridPlaces } from '../../../src/model/build/exercise';
import { conceptBox, freeSpot, separate } from '../../../src/model/build/geometry';
import { defaultScope, formatScope, parseScope, sameScope, scopeContent, scopeExists } from '../../../src/model/build/scope';
import type { LinkageGraph } from '../../../src/model/types';
import { compiledChapter } from '../../helpers/chapter';
import { tinyGraph } from '../../fixtures/tiny-graph';

let chapter: LinkageGraph;
beforeAll(async () => {
  chapter = Graph.from(await compiledChapter()) as LinkageGraph;
});

describe('model/build/scope', () => {
  it('takes the links resting on the scope’s slides and their ends', () => {
    const g = tinyGraph();
    const { concepts, propositions } = scopeContent(g, { kind: 'slides', first: 4, last: 4 });
    expect(propositions.map((p) => p.edge)).toEqual(['e2', 'e4']);
    // st.decentral rests on slide 11 only, but it is the end of e4 (slides 4 and 11).
    expect(concepts).toEqual(expect.arrayContaining(['sec.2-1', 'ms.decentral', 'st.decentral']));
    expect(concepts).not.toContain('dm.central');
  });

  it('reads a section as its slides, and all as the whole graph', () => {
    const g = tinyGraph();
    const section = g.getAttribute('sections')[0]!;
    const bySection = scopeContent(g, { kind: 'section', id: section.id });
    const bySlides = scopeContent(g, { kind: 'slides', first: section.slides[0], last: section.slides[1] });
    expect(bySection).toEqual(bySlides);
    expect(scopeContent(g, { kind: 'all' }).propositions).toHaveLength(g.size);
    expect(scopeContent(g, { kind: 'all' }).concepts).toHaveLength(g.order);
  });

  it('round-trips its text form and refuses what is not a scope', () => {
    for (const s of [{ kind: 'all' }, { kind: 'slides', first: 6, last: 13 }, { kind: 'slides', first: 9, last: 9 }, { kind: 'section', id: '2-1' }] as const) {
      expect(parseScope(formatScope(s))).toEqual(s);
    }
    expect(formatScope({ kind: 'slides', first: 9, last: 9 })).toBe('slides:9');
    expect(parseScope('slides:13-6')).toEqual({ kind: 'slides', first: 6, last: 13 });
    for (const bad of ['', 'slide:3', 'slides:', 'slides:a-b', 'section:', 'everything']) expect(parseScope(bad)).toBeNull();
  });

  it('knows which scopes a graph has', () => {
    const g = tinyGraph();
    expect(scopeExists(g, { kind: 'slides', first: 1, last: 20 })).toBe(true);
    expect(scopeExists(g, { kind: 'slides', first: 0, last: 3 })).toBe(false);
    expect(scopeExists(g, { kind: 'slides', first: 3, last: 21 })).toBe(false);
    expect(scopeExists(g, { kind: 'section', id: 'nope' })).toBe(false);
    expect(sameScope(defaultScope(g), { kind: 'section', id: g.getAttribute('sections')[0]!.id })).toBe(true);
  });
});

describe('model/build/exercise', () => {
  it('a kit places every concept of the scope and gives one card per link', () => {
    const scope = { kind: 'section', id: '2-1' } as const;
    const kit = makeExercise(chapter, 'kit', scope, 7);
    const content = scopeContent(chapter, scope);
    expect(kit.initial.placed.map((p) => p.key).sort()).toEqual([...content.concepts].sort());
    expect(kit.cards).toHaveLength(content.propositions.length);
    expect(kit.cards.map((c) => c.kind).sort()).toEqual(content.propositions.map((p) => p.kind).sort());
    expect(kit.initial.links).toEqual([]);
    // The same seed gives the same kit; another seed shuffles the concepts differently.
    expect(makeExercise(chapter, 'kit', scope, 7)).toEqual(kit);
    expect(makeExercise(chapter, 'kit', scope, 8).initial.placed.map((p) => p.key)).not.toEqual(kit.initial.placed.map((p) => p.key));
    // Cards carry phrases only, sorted, so their order tells nothing of the map's.
    const texts = kit.cards.map((c) => c.zh);
    expect([...texts].sort()).toEqual(texts);
  });

  it('a skeleton gives anchors with the links between them, and asks for the rest', () => {
    const scope = { kind: 'slides', first: 6, last: 13 } as const;
    const sk = makeExercise(chapter, 'skeleton', scope);
    const content = scopeContent(chapter, scope);
    expect(sk.anchors.length).toBe(Math.round(content.concepts.length * 0.3));
    const anchors = new Set(sk.anchors);
    expect(sk.given.length).toBeGreaterThan(0);
    for (const l of sk.given) expect(anchors.has(l.source) && anchors.has(l.target) && l.given).toBe(true);
    expect(sk.propositions.length + sk.given.length).toBe(content.propositions.length);
    expect(sk.propositions.some((p) => anchors.has(p.source) && anchors.has(p.target))).toBe(false);
    // Anchors are the most important concepts of the scope.
    const imp = (k: string) => chapter.getNodeAttribute(k, 'importance');
    const least = Math.min(...sk.anchors.map(imp));
    expect(content.concepts.filter((k) => !anchors.has(k)).every((k) => imp(k) <= least)).toBe(true);
    // Their boxes do not overlap on the sheet in any language.
    const boxes = sk.initial.placed.map((p) => {
      const a = chapter.getNodeAttributes(p.key);
      return [a.label, a.labelHans, a.mapEn ?? a.labelEn].map((n) => conceptBox(n, p.x, p.y)).reduce((m, b) => (b.w * b.h > m.w * m.h ? b : m));
    });
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < (a.h + b.h) / 2) overlaps++;
      }
    expect(overlaps).toBe(0);
  });

  it('a free exercise starts empty and offers every link kind of the graph', () => {
    const free = makeExercise(chapter, 'free', { kind: 'all' });
    expect(free.initial.placed).toEqual([]);
    expect(free.kinds).toEqual(chapter.getAttribute('edgeKinds').map((k) => k.id));
    expect(free.propositions).toHaveLength(chapter.size);
  });
});

describe('model/build/geometry', () => {
  it('lays a grid at most five wide and finds a free cell', () => {
    const places = gridPlaces(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v']);
    expect(new Set(places.map((p) => p.x)).size).toBe(5);
    const spot = freeSpot(places, 210, 110);
    expect(places.some((p) => p.x === spot.x && p.y === spot.y)).toBe(false);
  });

  it('separates overlapping boxes, even when they share a place', () => {
    const boxes = Array.from({ length: 12 }, (_, i) => ({ x: i % 2, y: 0, w: 100, h: 40 }));
    const out = separate(boxes, 10);
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        expect(Math.abs(a.x - b.x) >= (a.w + b.w) / 2 + 10 - 1e-6 || Math.abs(a.y - b.y) >= (a.h + b.h) / 2 + 10 - 1e-6).toBe(true);
      }
  });

  it('wraps a long name into a wider, taller box', () => {
    const short = conceptBox('政府', 0, 0);
    const long = conceptBox('行政職能由管制職能轉變為服務職能', 0, 0);
    expect(long.lines.length).toBe(2);
    expect(long.h).toBeGreaterThan(short.h);
    expect(long.w).toBeGreaterThan(short.w);
  });
});
