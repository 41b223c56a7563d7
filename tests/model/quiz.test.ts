import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledChapter } from '../helpers/chapter';
import {
  countByType,
  generateQuestions,
  optionLabel,
  promptParts,
  promptText,
  QUESTION_TYPES,
  type PathQuestion,
  type Question,
  type RelationQuestion,
} from '../../src/model/quiz';
import { LANGS } from '../../src/model/sentence';
import { edgeKindInfo, nodeKindInfo, SHARED_VOCABULARY } from '../../src/model/vocabulary';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';

let chapter: LinkageGraph;
let deck: Question[];
beforeAll(() => {
  chapter = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compiledChapter());
  deck = generateQuestions(chapter, { seed: 2024 });
});

const SYMMETRIC = new Set(['echoes', 'contrasts']);

/** Independent of the generator: does `option` answer the relation question correctly? */
function answersRelation(graph: LinkageGraph, q: RelationQuestion, option: string): boolean {
  return graph.edges().some((e) => {
    if (graph.getEdgeAttribute(e, 'kind') !== q.kind) return false;
    const s = graph.source(e);
    const t = graph.target(e);
    if (SYMMETRIC.has(q.kind)) return (s === q.subject && t === option) || (t === q.subject && s === option);
    return q.blank === 'target' ? s === q.subject && t === option : t === q.subject && s === option;
  });
}

/** Undirected BFS distances from `start` (every edge, either way). */
function distances(graph: LinkageGraph, start: string): Map<string, number> {
  const dist = new Map([[start, 0]]);
  let layer = [start];
  while (layer.length > 0) {
    const next: string[] = [];
    for (const u of layer) {
      for (const v of graph.neighbors(u)) {
        if (dist.has(v)) continue;
        dist.set(v, dist.get(u)! + 1);
        next.push(v);
      }
    }
    layer = next;
  }
  return dist;
}

/** Number of distinct shortest node chains from `a` to `b` (capped at 3). */
function shortestChainCount(graph: LinkageGraph, a: string, b: string): number {
  const dist = distances(graph, a);
  const memo = new Map<string, number>();
  const count = (v: string): number => {
    if (v === a) return 1;
    if (memo.has(v)) return memo.get(v)!;
    let c = 0;
    for (const u of graph.neighbors(v)) if (dist.get(u) === dist.get(v)! - 1) c += count(u);
    memo.set(v, Math.min(3, c));
    return Math.min(3, c);
  };
  return count(b);
}

function relations(questions: Question[]): RelationQuestion[] {
  return questions.filter((q): q is RelationQuestion => q.type !== 'path');
}

function paths(questions: Question[]): PathQuestion[] {
  return questions.filter((q): q is PathQuestion => q.type === 'path');
}

describe('model/quiz', () => {
  it('asks nothing of an empty or tiny graph, without throwing', () => {
    expect(generateQuestions(new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>())).toEqual([]);
    const two: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ multi: true });
    two.addNode('a', { kind: 'concept', label: 'A' } as NodeAttrs);
    two.addNode('b', { kind: 'concept', label: 'B' } as NodeAttrs);
    two.addEdge('a', 'b', { kind: 'involves' } as EdgeAttrs);
    expect(generateQuestions(two)).toEqual([]);
  });

  describe('on the chapter graph', () => {
    it('covers every question type', () => {
      const counts = countByType(deck);
      for (const type of QUESTION_TYPES) expect(counts[type], type).toBeGreaterThan(0);
      // The brief's examples are all there.
      const ids = new Set(deck.map((q) => q.id));
      expect(ids).toContain('pole:tr.process>from>st.blackbox:target'); // 行政過程由 ___ 向行政公開轉化
      expect(ids).toContain('reform:m.decentralise>realizes>rf.system:target');
      expect(ids).toContain('drawback:d.redtape>drawback-of>dm.centralised:source');
      expect(ids).toContain('echo:m.decentralise>echoes>tr.power:target');
      expect(ids).toContain('tension:m.separate>contrasts>asp.blur:source'); // ___ 與決策與執行的界限模糊化相對立
    });

    it('gives every choice 3–4 distinct options, the answer once, all of the answer’s kind and told apart by their labels', () => {
      const choices = deck.flatMap((q) => (q.type === 'path' ? q.steps : [q]));
      expect(choices.length).toBeGreaterThan(100);
      for (const c of choices) {
        expect(c.options.length).toBeGreaterThanOrEqual(3);
        expect(c.options.length).toBeLessThanOrEqual(4);
        expect(new Set(c.options).size).toBe(c.options.length);
        expect(c.options.filter((o) => o === c.answer)).toHaveLength(1);
        const kind = chapter.getNodeAttribute(c.answer, 'kind');
        for (const o of c.options) expect(chapter.getNodeAttribute(o, 'kind'), `${o} in ${c.answer}`).toBe(kind);
        for (const lang of LANGS) {
          const labels = c.options.map((o) => optionLabel(chapter, o, lang));
          expect(new Set(labels).size, labels.join(' | ')).toBe(labels.length);
        }
      }
    });

    it('never offers a distractor that is also a right answer, nor one that echoes a right answer', () => {
      for (const q of relations(deck)) {
        const right = q.options.filter((o) => answersRelation(chapter, q, o));
        expect(right, q.id).toEqual([q.answer]);
        const rightAll = chapter.nodes().filter((n) => answersRelation(chapter, q, n));
        for (const o of q.options) {
          if (o === q.answer) continue;
          for (const r of rightAll) {
            const echo = chapter.edges(o, r).concat(chapter.edges(r, o)).some((e) => chapter.getEdgeAttribute(e, 'kind') === 'echoes');
            expect(echo, `${q.id}: ${o} echoes the right answer ${r}`).toBe(false);
          }
          expect(o, q.id).not.toBe(q.subject);
        }
      }
    });

    it('never offers the other pole of a transformation (it is in the prompt)', () => {
      for (const q of relations(deck).filter((r) => r.type === 'pole')) {
        const poles = chapter.outEdges(q.subject).filter((e) => ['from', 'to'].includes(chapter.getEdgeAttribute(e, 'kind'))).map((e) => chapter.target(e));
        expect(poles).toHaveLength(2);
        for (const o of q.options) if (o !== q.answer) expect(poles).not.toContain(o);
      }
    });

    it('asks "which is a drawback of X" with no option that is a drawback of anything else', () => {
      for (const q of relations(deck).filter((r) => r.type === 'drawback')) {
        for (const o of q.options) {
          if (o === q.answer) continue;
          expect(chapter.outEdges(o).some((e) => chapter.getEdgeAttribute(e, 'kind') === 'drawback-of'), `${q.id}: ${o}`).toBe(false);
        }
      }
    });

    it('builds "how are X and Y linked" from the unique shortest chain, each wrong step really wrong', () => {
      const pathQs = paths(deck);
      expect(pathQs.length).toBeGreaterThan(3);
      for (const q of pathQs) {
        const { nodes, steps } = q.chain;
        expect(nodes[0]).toBe(q.from);
        expect(nodes[nodes.length - 1]).toBe(q.to);
        expect(steps.length).toBeGreaterThanOrEqual(2);
        expect(steps.length).toBeLessThanOrEqual(3);
        expect(distances(chapter, q.from).get(q.to)).toBe(steps.length);
        expect(shortestChainCount(chapter, q.from, q.to), q.id).toBe(1);
        expect(q.steps).toHaveLength(nodes.length - 2);
        const toDist = distances(chapter, q.to);
        q.steps.forEach((choice, i) => {
          expect(choice.answer).toBe(nodes[i + 1]);
          const prev = nodes[i]!;
          const remaining = nodes.length - 2 - i;
          for (const o of choice.options) {
            if (o === choice.answer) continue;
            const wouldWork = chapter.neighbors(prev).includes(o) && toDist.get(o) === remaining;
            expect(wouldWork, `${q.id} step ${i + 1}: ${o}`).toBe(false);
          }
        });
        for (const n of nodes) expect(['chapter', 'section']).not.toContain(chapter.getNodeAttribute(n, 'kind'));
      }
    });

    it('is deterministic under a seed; the seed changes choices but not the ids of relation questions', () => {
      const again = generateQuestions(chapter, { seed: 2024 });
      expect(again).toEqual(deck);
      const other = generateQuestions(chapter, { seed: 7 });
      expect(other).not.toEqual(deck);
      const ids = (qs: Question[]) => relations(qs).map((q) => q.id).sort();
      expect(ids(other)).toEqual(ids(deck));
      expect(generateQuestions(chapter, { seed: 'linkage' })).toEqual(generateQuestions(chapter, { seed: 'linkage' }));
    });

    it('cites the slides of the tested links', () => {
      const q = relations(deck).find((r) => r.id === 'drawback:d.redtape>drawback-of>dm.centralised:source')!;
      expect(q.slides).toEqual([17]);
      for (const p of paths(deck)) expect(p.slides.length).toBeGreaterThan(0);
    });

    it('words the prompt with a blank in each language', () => {
      const byId = new Map(deck.map((q) => [q.id, q]));
      const pole = byId.get('pole:tr.process>from>st.blackbox:target') as RelationQuestion;
      expect(promptText(promptParts(chapter, pole, 'zh-Hant'), 'zh-Hant')).toBe('行政過程由＿＿＿向行政公開轉化');
      expect(promptText(promptParts(chapter, pole, 'zh-Hans'), 'zh-Hans')).toBe('行政过程由＿＿＿向行政公开转化');
      // English: the dimension opens the prompt with a capital; the other pole, inside it, is lower-cased.
      const dim = chapter.filterInEdges('tr.process', (_e, a) => a.kind === 'dimension-of').map((e) => chapter.getSourceAttributes(e).labelEn)[0]!;
      const open = chapter.filterOutEdges('tr.process', (_e, a) => a.kind === 'to').map((e) => chapter.getTargetAttributes(e).labelEn)[0]!;
      expect(promptText(promptParts(chapter, pole, 'en'), 'en')).toBe(`${dim}: from _____ to ${open.charAt(0).toLowerCase()}${open.slice(1)}`);
      expect(promptText(promptParts(chapter, pole, 'en'), 'en')).toMatch(/: from _____ to open administration$/);
      const drawback = byId.get('drawback:d.redtape>drawback-of>dm.centralised:source') as RelationQuestion;
      expect(promptText(promptParts(chapter, drawback, 'zh-Hant'), 'zh-Hant')).toBe('＿＿＿是傳統的集權決策體制的弊端');
      const reform = byId.get('reform:m.decentralise>realizes>rf.system:target') as RelationQuestion;
      const text = promptText(promptParts(chapter, reform, 'en'), 'en');
      expect(text).toBe('Decentralisation and devolution of power puts into practice _____');
      expect(text).toContain('_____');
      expect(text).not.toContain('management and operating system');
    });
  });

  describe('traps on a hand-built graph', () => {
    /** A graph where tempting wrong distractors exist; none may ever be offered. */
    function trapGraph(): LinkageGraph {
      const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ multi: true });
      const node = (key: string, kind: string, label = key) =>
        g.addNode(key, { kind, label, labelHans: label, labelEn: label, slides: [1], section: null } as unknown as NodeAttrs);
      const edge = (s: string, kind: string, t: string) =>
        g.addEdgeWithKey(`${s}>${kind}>${t}`, s, t, { kind, slides: [2], labelZh: kind, labelHans: kind, labelEn: kind });
      node('egov', 'paradigm');
      node('trad', 'paradigm');
      edge('egov', 'contrasts', 'trad');
      node('sysA', 'decision-mode');
      node('sysB', 'concept');
      edge('sysA', 'characterizes', 'trad');
      edge('sysB', 'characterizes', 'trad');
      for (const d of ['dA1', 'dA2', 'dA3']) {
        node(d, 'trait');
        edge(d, 'drawback-of', 'sysA');
      }
      node('dB1', 'trait'); // a drawback of another system: too close to call
      edge('dB1', 'drawback-of', 'sysB');
      node('dEcho', 'trait'); // the same idea as a right answer
      edge('dEcho', 'echoes', 'dA1');
      node('tTrad', 'trait'); // on the same side as the system
      edge('tTrad', 'characterizes', 'trad');
      for (const e of ['eT1', 'eT2', 'eT3', 'eT4']) {
        node(e, 'trait'); // plainly on the other side: safe
        edge(e, 'characterizes', 'egov');
      }
      node('same1', 'trait', 'eT1'); // reads like eT1: never beside it
      edge('same1', 'characterizes', 'egov');
      // Two transformations; a state echoing a pole is never offered for it.
      for (const [tr, a, b] of [['X', 'p1', 'p2'], ['Y', 'q1', 'q2']] as const) {
        node(tr, 'transformation');
        node(a, 'state');
        node(b, 'state');
        edge(tr, 'from', a);
        edge(tr, 'to', b);
        edge(a, 'characterizes', 'trad');
        edge(b, 'characterizes', 'egov');
      }
      node('p1echo', 'state');
      edge('p1echo', 'echoes', 'p1');
      node('r1', 'state');
      node('r2', 'state');
      // The kinds as a compiled graph declares them: the quiz's rules come from the vocabulary.
      const used = (kinds: Iterable<string>) => [...new Set(kinds)];
      g.setAttribute('nodeKinds', used(g.mapNodes((_k, a) => a.kind)).map((k) => nodeKindInfo(k, SHARED_VOCABULARY.nodeKinds[k]!, (t) => t)));
      g.setAttribute('edgeKinds', used(g.mapEdges((_k, a) => a.kind)).map((k) => edgeKindInfo(k, SHARED_VOCABULARY.edgeKinds[k]!, (t) => t)));
      return g;
    }

    it('never offers a right answer, an echo of one, a drawback of something else or an item of the same side', () => {
      const g = trapGraph();
      let drawbackQuestions = 0;
      for (let seed = 1; seed <= 60; seed++) {
        for (const q of relations(generateQuestions(g, { seed }))) {
          if (q.type === 'drawback' && q.subject === 'sysA') {
            drawbackQuestions++;
            const wrong = q.options.filter((o) => o !== q.answer);
            for (const trap of ['dA1', 'dA2', 'dA3', 'dB1', 'dEcho', 'tTrad']) expect(wrong).not.toContain(trap);
            expect(wrong.every((o) => ['eT1', 'eT2', 'eT3', 'eT4', 'same1'].includes(o))).toBe(true);
            expect(wrong.includes('eT1') && wrong.includes('same1')).toBe(false);
          }
          if (q.type === 'pole' && q.answer === 'p1') expect(q.options).not.toContain('p1echo');
          if (q.type === 'pole') expect(q.options).not.toContain(q.answer === 'p1' ? 'p2' : q.answer === 'p2' ? 'p1' : q.answer === 'q1' ? 'q2' : 'q1');
        }
      }
      expect(drawbackQuestions).toBe(60 * 3);
    });
  });

  describe('on an imported graph without typed links', () => {
    it('asks path questions only, each with a unique chain', () => {
      // A grid with a few diagonals: many pairs, some with a unique shortest chain.
      const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ multi: true });
      const key = (r: number, c: number) => `n${r}-${c}`;
      for (let r = 0; r < 6; r++) for (let c = 0; c < 6; c++) g.addNode(key(r, c), { label: key(r, c) } as NodeAttrs);
      for (let r = 0; r < 6; r++) {
        for (let c = 0; c < 6; c++) {
          if (c < 5 && r % 2 === 0) g.addEdge(key(r, c), key(r, c + 1), {} as EdgeAttrs);
          if (r < 5 && c % 3 === 0) g.addEdge(key(r, c), key(r + 1, c), {} as EdgeAttrs);
        }
      }
      const qs = generateQuestions(g, { seed: 3 });
      expect(qs.length).toBeGreaterThan(0);
      expect(new Set(qs.map((q) => q.type))).toEqual(new Set(['path']));
      for (const q of paths(qs)) expect(shortestChainCount(g, q.from, q.to)).toBe(1);
    });
  });
});
