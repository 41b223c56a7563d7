import Graph from 'graphology';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreMap, type ScoreResult } from '../../../src/model/build/score';
import { expertPropositions } from '../../../src/model/build/scope';
import type { StudentProposition } from '../../../src/model/build/types';
import type { EdgeAttrs, GraphAttrs, KindInfo, LinkageGraph, NodeAttrs } from '../../../src/model/types';

const CONCEPTS = ['a', 'b', 'c', 'd', 'e', 'f'];
const KIND_IDS = ['contains', 'instance-of', 'causes', 'echoes', 'made-up'];
const kind = (id: string, flags: Partial<KindInfo> = {}): KindInfo => ({ id, zh: id, zhHans: id, en: id, color: '#888888', ...flags });

/** A random map on six concepts in two sections, with a hierarchical and a symmetric kind. */
function graphOf(edges: ReadonlyArray<readonly [string, string, string]>): LinkageGraph {
  const g = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ type: 'directed', multi: true });
  g.replaceAttributes({
    id: 'prop', title: '', titleHans: '', titleEn: '', slideCount: 0, sections: [], nodeKinds: [], slideTexts: [],
    edgeKinds: [kind('contains', { hierarchy: 'down' }), kind('instance-of', { hierarchy: 'up' }), kind('causes'), kind('echoes', { symmetric: true })],
  });
  CONCEPTS.forEach((key, i) => g.addNode(key, { kind: 'concept', label: key, labelHans: key, labelEn: key, slides: [], section: i < 3 ? '1' : i < 5 ? '2' : null, quote: '', quoteHans: '', pinyin: '', initials: '', importance: 0.5, x: 0, y: 0, size: 1, color: '#000000' }));
  edges.forEach(([source, k, target], i) => g.addEdgeWithKey(`x${i}`, source, target, { kind: k, slides: [], labelZh: k, labelHans: k, labelEn: k }));
  return g;
}

const concept = fc.constantFrom(...CONCEPTS);
const proposition = fc.record({ source: concept, kind: fc.constantFrom(...KIND_IDS.slice(0, 4)), target: concept });
const studentProp: fc.Arbitrary<StudentProposition> = fc.record({ source: concept, kind: fc.constantFrom(...KIND_IDS), target: concept });
/** A graph (no self-loops), a scope (a subset of its edges) and a student's map. */
const world = fc
  .record({
    edges: fc.array(proposition.filter((p) => p.source !== p.target), { maxLength: 14 }).map((ps) => ps.map((p) => [p.source, p.kind, p.target] as const)),
    inScope: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
    student: fc.array(studentProp, { maxLength: 16 }),
  })
  .map(({ edges, inScope, student }) => {
    const graph = graphOf(edges);
    const scope = expertPropositions(graph).filter((_, i) => inScope[i]);
    return { graph, scope, student };
  });

const figures = (r: ScoreResult) => [r.convergence, r.salience, r.closeness.mean, r.structural, r.counts];

describe('model/build/score (properties)', () => {
  it('keeps every fraction in [0, 1] and the counts consistent', () => {
    fc.assert(
      fc.property(world, ({ graph, scope, student }) => {
        const r = scoreMap({ graph, scope, student });
        for (const x of [r.convergence, r.salience, r.closeness.mean, ...r.closeness.concepts.values()]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
        expect(r.verdicts).toHaveLength(student.length);
        expect(r.counts.rightAll + r.counts.partlyAll + r.counts.extra).toBe(student.length);
        expect(r.counts.right + r.counts.partly + r.counts.missing).toBe(scope.length);
        // One-to-one: no chapter edge serves two propositions.
        const used = r.verdicts.flatMap((v) => (v.status === 'extra' ? [] : [v.expected.edge]));
        expect(new Set(used).size).toBe(used.length);
        // Each valid proposition earns at most 1 + 5 (a level) + 10 (a cross-link).
        expect(r.structural.total).toBeLessThanOrEqual(16 * r.counts.rightAll);
      }),
    );
  });

  it('never lowers convergence when a right proposition is added', () => {
    fc.assert(
      fc.property(world, fc.nat(), ({ graph, scope, student }, n) => {
        fc.pre(scope.length > 0);
        const e = scope[n % scope.length]!;
        const before = scoreMap({ graph, scope, student });
        const after = scoreMap({ graph, scope, student: [...student, { source: e.source, kind: e.kind, target: e.target }] });
        expect(after.convergence).toBeGreaterThanOrEqual(before.convergence);
        expect(after.counts.rightAll).toBeGreaterThanOrEqual(before.counts.rightAll);
      }),
    );
  });

  it('gives the same figures whatever the order of the propositions', () => {
    fc.assert(
      fc.property(
        world.chain((w) => fc.shuffledSubarray(w.student, { minLength: w.student.length, maxLength: w.student.length }).map((shuffled) => ({ ...w, shuffled }))),
        ({ graph, scope, student, shuffled }) => {
          expect(figures(scoreMap({ graph, scope, student: shuffled }))).toEqual(figures(scoreMap({ graph, scope, student })));
        },
      ),
    );
  });
});
