import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeness, scoreMap, structuralScore } from '../../../src/model/build/score';
import { expertPropositions, scopeContent } from '../../../src/model/build/scope';
import type { ExpertProposition, StudentProposition } from '../../../src/model/build/types';
import type { EdgeAttrs, GraphAttrs, KindInfo, LinkageGraph, NodeAttrs } from '../../../src/model/types';
import { compiledChapter } from '../../helpers/chapter';

const kind = (id: string, flags: Partial<KindInfo> = {}): KindInfo => ({ id, zh: id, zhHans: id, en: id, color: '#888888', ...flags });
const KINDS = [kind('contains', { hierarchy: 'down' }), kind('instance-of', { hierarchy: 'up' }), kind('causes'), kind('enables'), kind('echoes', { symmetric: true })];

/**
 * A small map: sections 1 (a, b, c), 2 (d, f), none (e).
 *   e1 a contains b · e2 b contains c · e3 d instance-of c (c is the broader) · e4 c causes d
 *   e5 b echoes d (symmetric) · e6 a causes e · e7 f enables d
 * Its hierarchy chain a → b → c → d has 3 links; e3, e4, e5 join sections 1 and 2.
 */
function mapGraph(edges: ReadonlyArray<readonly [string, string, string, string]> = EDGES, sections: Record<string, string | null> = SECTIONS): LinkageGraph {
  const g = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ type: 'directed', multi: true });
  g.replaceAttributes({ id: 'map', title: 'map', titleHans: 'map', titleEn: 'map', slideCount: 0, sections: [], nodeKinds: [], edgeKinds: KINDS, slideTexts: [] });
  for (const [key, section] of Object.entries(sections)) {
    g.addNode(key, { kind: 'concept', label: key, labelHans: key, labelEn: key, slides: [], section, quote: '', quoteHans: '', pinyin: '', initials: '', importance: 0.5, x: 0, y: 0, size: 1, color: '#000000' });
  }
  for (const [key, source, k, target] of edges) g.addEdgeWithKey(key, source, target, { kind: k, slides: [], labelZh: k, labelHans: k, labelEn: k });
  return g;
}
const SECTIONS = { a: '1', b: '1', c: '1', d: '2', e: null, f: '2' };
const EDGES = [
  ['e1', 'a', 'contains', 'b'],
  ['e2', 'b', 'contains', 'c'],
  ['e3', 'd', 'instance-of', 'c'],
  ['e4', 'c', 'causes', 'd'],
  ['e5', 'b', 'echoes', 'd'],
  ['e6', 'a', 'causes', 'e'],
  ['e7', 'f', 'enables', 'd'],
] as const;

const p = (source: string, k: string, target: string): StudentProposition => ({ source, kind: k, target });
const asStudent = (props: readonly ExpertProposition[]) => props.map((e) => p(e.source, e.kind, e.target));
const pick = (g: LinkageGraph, ...edges: string[]) => expertPropositions(g).filter((e) => edges.includes(e.edge));

describe('model/build/score', () => {
  const graph = mapGraph();
  const all = expertPropositions(graph);

  it('scores a perfect map 1 and 1, with nothing missing and the expert structure', () => {
    const r = scoreMap({ graph, scope: all, student: asStudent(all) });
    expect(r.verdicts.every((v) => v.status === 'right' && v.inScope)).toBe(true);
    expect([r.convergence, r.salience, r.closeness.mean]).toEqual([1, 1, 1]);
    expect(r.missing).toEqual([]);
    expect(r.counts).toMatchObject({ right: 7, partly: 0, rightAll: 7, extra: 0, missing: 0, scope: 7, student: 7 });
    // 7 propositions + 5 × 3 levels (a → b → c → d) + 10 × 3 cross-links (e3, e4, e5) = 52.
    expect(r.structural).toEqual({ propositions: 7, levels: 3, crossLinks: 3, total: 52 });
    expect(r.expertStructural).toEqual(r.structural);
  });

  it('scores an empty map 0 and 0, everything missing', () => {
    const r = scoreMap({ graph, scope: all, student: [] });
    expect([r.convergence, r.salience, r.closeness.mean]).toEqual([0, 0, 0]);
    expect(r.missing).toEqual(all);
    expect(r.structural.total).toBe(0);
    expect(r.expertStructural.total).toBe(52);
  });

  it('gives a reversed link partly (direction), half credit, matched to the edge it reverses', () => {
    const scope = pick(graph, 'e1');
    const r = scoreMap({ graph, scope, student: [p('b', 'contains', 'a')] });
    expect(r.verdicts).toEqual([{ status: 'partly', proposition: p('b', 'contains', 'a'), expected: scope[0], inScope: true, reasons: ['direction'] }]);
    expect([r.convergence, r.salience]).toEqual([0.5, 0.5]);
    expect(r.missing).toEqual([]);
    // A partly right link is not valid for Novak & Gowin.
    expect(r.structural.total).toBe(0);
  });

  it("gives another kind on the right pair partly (kind), and both reasons when it is reversed too", () => {
    const scope = pick(graph, 'e1', 'e4');
    const r = scoreMap({ graph, scope, student: [p('a', 'causes', 'b'), p('d', 'enables', 'c')] });
    expect(r.verdicts.map((v) => (v.status === 'partly' ? v.reasons : v.status))).toEqual([['kind'], ['kind', 'direction']]);
    expect(r.convergence).toBe(0.5);
  });

  it('takes a symmetric kind either way round; a symmetric student kind on a directed edge is only of the wrong kind', () => {
    expect(scoreMap({ graph, scope: pick(graph, 'e5'), student: [p('d', 'echoes', 'b')] }).verdicts[0]).toMatchObject({ status: 'right' });
    expect(scoreMap({ graph, scope: pick(graph, 'e4'), student: [p('d', 'echoes', 'c')] }).verdicts[0]).toMatchObject({ status: 'partly', reasons: ['kind'] });
  });

  it('judges a link outside the scope against the chapter: right, not extra, but no convergence', () => {
    const r = scoreMap({ graph, scope: pick(graph, 'e1', 'e2'), student: [p('a', 'contains', 'b'), p('c', 'causes', 'd')] });
    expect(r.verdicts.map((v) => [v.status, v.status === 'extra' ? null : v.inScope])).toEqual([['right', true], ['right', false]]);
    expect(r.counts).toMatchObject({ right: 1, rightAll: 2, extra: 0, missing: 1 });
    expect(r.convergence).toBe(0.5);
    expect(r.salience).toBe(1);
    expect(r.missing.map((e) => e.edge)).toEqual(['e2']);
  });

  it('calls a repeated proposition a duplicate extra (a symmetric one either way round), and a link on no edge extra', () => {
    const r = scoreMap({ graph, scope: all, student: [p('a', 'contains', 'b'), p('a', 'contains', 'b'), p('b', 'echoes', 'd'), p('d', 'echoes', 'b'), p('a', 'causes', 'f')] });
    expect(r.verdicts.map((v) => (v.status === 'extra' ? v.reason : v.status))).toEqual(['right', 'duplicate', 'right', 'duplicate', 'not-in-map']);
    expect(r.counts).toMatchObject({ rightAll: 2, extra: 3, duplicates: 2 });
    expect(r.salience).toBe(2 / 5);
  });

  it('matches one-to-one, preferring the right match over a partly one stated first', () => {
    const r = scoreMap({ graph, scope: all, student: [p('a', 'enables', 'b'), p('a', 'contains', 'b')] });
    expect(r.verdicts.map((v) => (v.status === 'extra' ? v.reason : v.status))).toEqual(['not-in-map', 'right']);
    // Two edges on one pair: each student link gets one, the right one its own.
    const two = mapGraph([['x1', 'a', 'causes', 'b'], ['x2', 'b', 'enables', 'a']]);
    const r2 = scoreMap({ graph: two, scope: expertPropositions(two), student: [p('a', 'enables', 'b'), p('a', 'causes', 'b')] });
    expect(r2.verdicts.map((v) => (v.status === 'extra' ? v.status : [v.status, v.expected.edge]))).toEqual([['partly', 'x2'], ['right', 'x1']]);
    expect(r2.convergence).toBe(0.75);
  });

  it('finds the most right matches where an undirected edge could serve either of two propositions', () => {
    // u1 a–b undirected (imported graphs), x2 a → b: "b causes a" can only be right on u1.
    const two = mapGraph([['u1', 'a', 'causes', 'b'], ['x2', 'a', 'causes', 'b']]);
    two.setEdgeAttribute('u1', 'undirected', true);
    const r = scoreMap({ graph: two, scope: expertPropositions(two), student: [p('a', 'causes', 'b'), p('b', 'causes', 'a')] });
    expect(r.verdicts.map((v) => (v.status === 'extra' ? v.status : [v.status, v.expected.edge]))).toEqual([['right', 'x2'], ['right', 'u1']]);
    expect(r.convergence).toBe(1);
  });

  it('scores a hostile map of 5000 links on one pair of concepts quickly', () => {
    const student = Array.from({ length: 5000 }, (_, i) => p(i % 2 ? 'a' : 'b', `kind-${i}`, i % 2 ? 'b' : 'a'));
    const started = performance.now();
    const r = scoreMap({ graph, scope: all, student: [...student, p('a', 'contains', 'b')] });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.counts).toMatchObject({ rightAll: 1, partlyAll: 0, extra: 5000 });
  });

  it('prefers an in-scope edge for a partly match, so it earns convergence', () => {
    const two = mapGraph([['x1', 'a', 'causes', 'b'], ['x2', 'a', 'enables', 'b']]);
    const r = scoreMap({ graph: two, scope: pick(two, 'x2'), student: [p('a', 'contains', 'b')] });
    expect(r.verdicts[0]).toMatchObject({ status: 'partly', expected: { edge: 'x2' }, inScope: true });
    expect(r.convergence).toBe(0.5);
  });

  it('gives an empty scope convergence 1 (nothing asked is missing), whatever the student made', () => {
    expect(scoreMap({ graph, scope: [], student: [] }).convergence).toBe(1);
    expect(scoreMap({ graph, scope: [], student: [p('a', 'contains', 'b')] })).toMatchObject({ convergence: 1, salience: 1 });
  });

  it('computes closeness per concept on a worked example', () => {
    // Expert map: a–b, b–c, c–d.   Student map: a–b, a–c, c–d.
    //   C(a) = |{b} ∩ {b,c}| / |{b} ∪ {b,c}|     = 1/2
    //   C(b) = |{a,c} ∩ {a}| / |{a,c} ∪ {a}|     = 1/2
    //   C(c) = |{b,d} ∩ {a,d}| / |{b,d} ∪ {a,d}| = 1/3
    //   C(d) = |{c} ∩ {c}| / |{c} ∪ {c}|         = 1
    //   mean = (1/2 + 1/2 + 1/3 + 1) / 4         = 7/12
    const scope = pick(graph, 'e1', 'e2', 'e3');
    const r = scoreMap({ graph, scope, student: [p('a', 'contains', 'b'), p('a', 'causes', 'c'), p('d', 'instance-of', 'c')] });
    expect(Object.fromEntries(r.closeness.concepts)).toEqual({ a: 1 / 2, b: 1 / 2, c: 1 / 3, d: 1 });
    expect(r.closeness.mean).toBeCloseTo(7 / 12, 12);
    // A concept only the student uses counts 0; a link from a concept to itself gives no neighbour.
    const extra = closeness([p('a', 'causes', 'z'), p('a', 'causes', 'a')], [p('a', 'causes', 'z')]);
    expect(Object.fromEntries(extra.concepts)).toEqual({ a: 1, z: 1 });
    expect(closeness([], []).mean).toBe(0);
  });

  it("scores structure after Novak & Gowin: a hierarchy chain and a cross-link", () => {
    // Right: a contains b, b contains c, d instance-of c (c broader than d): chain a → b → c → d, 3 levels;
    // c causes d joins sections 1 and 2, and so does d instance-of c: 2 cross-links.
    // Reversed (partly) and extra links earn nothing. 4 + 5 × 3 + 10 × 2 = 39.
    const student = [p('a', 'contains', 'b'), p('b', 'contains', 'c'), p('d', 'instance-of', 'c'), p('c', 'causes', 'd'), p('e', 'causes', 'a'), p('c', 'contains', 'a')];
    const r = scoreMap({ graph, scope: all, student });
    expect(r.structural).toEqual({ propositions: 4, levels: 3, crossLinks: 2, total: 39 });
    expect(r.expertStructural.total).toBe(52);
    // A concept with no section (e) makes no cross-link; a symmetric kind is never a level.
    expect(structuralScore(graph, pick(graph, 'e5', 'e6'))).toEqual({ propositions: 2, levels: 0, crossLinks: 1, total: 12 });
  });

  it('counts the levels of a cyclic hierarchy without looping', () => {
    const cyclic = mapGraph([['x1', 'a', 'contains', 'b'], ['x2', 'b', 'contains', 'c'], ['x3', 'c', 'contains', 'a'], ['x4', 'c', 'instance-of', 'f']]);
    // f is broader than c: f → c → a → b is the longest chain (3 links) that never comes back.
    expect(structuralScore(cyclic, expertPropositions(cyclic)).levels).toBe(3);
    // A chain longer than any call stack is counted whole.
    const n = 30_000;
    const keys = Array.from({ length: n }, (_, i) => `n${i}`);
    const long = mapGraph(keys.slice(1).map((k, i) => [`l${i}`, keys[i]!, 'contains', k] as const), Object.fromEntries(keys.map((k) => [k, null])));
    expect(structuralScore(long, expertPropositions(long)).levels).toBe(n - 1);
  });

  let chapter: LinkageGraph;
  // Compiling the chapter (when its cache is stale) takes longer than a test may.
  beforeAll(() => {
    chapter = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compiledChapter());
  });

  it("scores each scope of the real chapter against itself as perfect", () => {
    for (const scope of [{ kind: 'all' } as const, { kind: 'section', id: '2-3' } as const, { kind: 'slides', first: 14, last: 20 } as const]) {
      const own = scopeContent(chapter, scope).propositions;
      expect(own.length).toBeGreaterThan(0);
      const r = scoreMap({ graph: chapter, scope: own, student: asStudent(own) });
      expect([r.convergence, r.salience, r.closeness.mean]).toEqual([1, 1, 1]);
      expect(r.structural).toEqual(r.expertStructural);
    }
    // The compiled chapter carries the vocabulary's hierarchy flags; its own map has levels
    // (chapter → section → …) and cross-links.
    expect(chapter.getAttribute('edgeKinds').filter((k) => k.hierarchy).map((k) => [k.id, k.hierarchy])).toEqual(expect.arrayContaining([['contains', 'down'], ['instance-of', 'up'], ['aspect-of', 'up']]));
    const whole = scoreMap({ graph: chapter, scope: expertPropositions(chapter), student: [] }).expertStructural;
    expect(whole.levels).toBeGreaterThanOrEqual(2);
    expect(whole.crossLinks).toBeGreaterThan(0);
  });
});
