import fc from 'fast-check';
import Graph from 'graphology';
import { undirectedSingleSourceLength } from 'graphology-shortest-path/unweighted';
import { describe, expect, it } from 'vitest';
import { buildPathIndex, pathSentences, shortestPaths, type PathChain } from '../../src/model/paths';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';
import { bareNode, tinyGraph } from '../fixtures/tiny-graph';

function edgeAttrs(kind = 'involves'): EdgeAttrs {
  return { kind, slides: [], labelZh: '涉及', labelHans: '涉及', labelEn: 'involves' };
}

/** a → b → d, a → c → d (a diamond), d → e, ab2: b → a parallel to ab1, f alone. */
function diamond(): LinkageGraph {
  const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ type: 'directed', multi: true });
  for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) g.addNode(key, bareNode(key.toUpperCase(), key.toUpperCase()));
  g.addEdgeWithKey('ab1', 'a', 'b', edgeAttrs());
  g.addEdgeWithKey('ab2', 'b', 'a', edgeAttrs('echoes'));
  g.addEdgeWithKey('ac', 'a', 'c', edgeAttrs());
  g.addEdgeWithKey('bd', 'b', 'd', edgeAttrs());
  g.addEdgeWithKey('cd', 'c', 'd', edgeAttrs());
  g.addEdgeWithKey('de', 'd', 'e', edgeAttrs());
  return g;
}

/** Every chain starts and ends right, walks real edges and has the given length. */
function checkChain(g: LinkageGraph, chain: PathChain, from: string, to: string, length: number): void {
  expect(chain.nodes[0]).toBe(from);
  expect(chain.nodes[chain.nodes.length - 1]).toBe(to);
  expect(chain.steps).toHaveLength(length);
  expect(chain.nodes).toHaveLength(length + 1);
  chain.steps.forEach((step, i) => {
    expect(step.from).toBe(chain.nodes[i]);
    expect(step.to).toBe(chain.nodes[i + 1]);
    const [s, t] = step.forward ? [step.from, step.to] : [step.to, step.from];
    expect(g.source(step.edge)).toBe(s);
    expect(g.target(step.edge)).toBe(t);
  });
}

describe('model/paths', () => {
  const g = diamond();

  it('returns [] for missing or hidden ends', () => {
    expect(shortestPaths(g, 'a', 'zz')).toEqual([]);
    expect(shortestPaths(g, 'zz', 'a')).toEqual([]);
    expect(shortestPaths(g, 'a', 'd', { visible: new Set(['b', 'd']) })).toEqual([]);
    expect(shortestPaths(g, 'a', 'd', { max: 0 })).toEqual([]);
  });

  it('returns [] when nothing links the two', () => {
    expect(shortestPaths(g, 'a', 'f')).toEqual([]);
  });

  it('gives one zero-step chain from a node to itself', () => {
    expect(shortestPaths(g, 'c', 'c')).toEqual([{ nodes: ['c'], steps: [] }]);
  });

  it('finds every shortest chain, in key order', () => {
    expect(shortestPaths(g, 'a', 'd')).toEqual([
      {
        nodes: ['a', 'b', 'd'],
        steps: [
          { edge: 'ab1', from: 'a', to: 'b', forward: true },
          { edge: 'bd', from: 'b', to: 'd', forward: true },
        ],
      },
      {
        nodes: ['a', 'c', 'd'],
        steps: [
          { edge: 'ac', from: 'a', to: 'c', forward: true },
          { edge: 'cd', from: 'c', to: 'd', forward: true },
        ],
      },
    ]);
  });

  it('walks edges backwards but keeps their real direction', () => {
    const chains = shortestPaths(g, 'e', 'a');
    expect(chains.map((c) => c.nodes)).toEqual([
      ['e', 'd', 'b', 'a'],
      ['e', 'd', 'c', 'a'],
    ]);
    expect(chains[0]?.steps.map((s) => [s.edge, s.forward])).toEqual([
      ['de', false],
      ['bd', false],
      ['ab2', true], // of the two a–b edges, the one pointing the walking way
    ]);
    expect(chains[1]?.steps.map((s) => [s.edge, s.forward])).toEqual([
      ['de', false],
      ['cd', false],
      ['ac', false],
    ]);
  });

  it('respects visible nodes and edges', () => {
    expect(shortestPaths(g, 'a', 'e', { visible: new Set(['a', 'c', 'd', 'e']) }).map((c) => c.nodes)).toEqual([
      ['a', 'c', 'd', 'e'],
    ]);
    expect(shortestPaths(g, 'a', 'e', { visible: new Set(['a', 'd', 'e']) })).toEqual([]);
    const visibleEdges = new Set(['ab2', 'ac', 'bd', 'cd', 'de']);
    const chains = shortestPaths(g, 'a', 'd', { visibleEdges });
    expect(chains.map((c) => c.steps.map((s) => s.edge))).toEqual([
      ['ab2', 'bd'],
      ['ac', 'cd'],
    ]);
    expect(chains[0]?.steps[0]?.forward).toBe(false);
  });

  it('gives the same chains with a prebuilt index', () => {
    const index = buildPathIndex(g);
    expect(index.nodeKeys).toEqual(g.nodes());
    expect(index.edgeKeys).toEqual(g.edges());
    for (const [from, to] of [['a', 'd'], ['e', 'a'], ['a', 'f'], ['b', 'c']] as const) {
      expect(shortestPaths(g, from, to, { index })).toEqual(shortestPaths(g, from, to));
    }
  });

  it('stops at max chains', () => {
    expect(shortestPaths(g, 'a', 'd', { max: 1 }).map((c) => c.nodes)).toEqual([['a', 'b', 'd']]);
  });

  it('agrees with graphology-shortest-path on random graphs', () => {
    const graphArb = fc
      .tuple(fc.integer({ min: 2, max: 12 }), fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 30 }))
      .map(([n, pairs]) => {
        const r: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ type: 'directed', multi: true });
        for (let i = 0; i < n; i++) r.addNode(`n${i}`, bareNode(`n${i}`));
        pairs.forEach(([s, t], k) => {
          if (s < n && t < n) r.addEdgeWithKey(`e${k}`, `n${s}`, `n${t}`, edgeAttrs());
        });
        return r;
      });
    fc.assert(
      fc.property(graphArb, fc.nat(11), fc.nat(11), (r, i, j) => {
        const from = `n${i % r.order}`;
        const to = `n${j % r.order}`;
        const lengths = undirectedSingleSourceLength(r, from);
        const chains = shortestPaths(r, from, to, { max: 50 });
        const expected = lengths[to];
        if (expected === undefined) return chains.length === 0;
        expect(chains.length).toBeGreaterThan(0);
        const seen = new Set<string>();
        for (const chain of chains) {
          checkChain(r, chain, from, to, expected);
          seen.add(chain.nodes.join('>'));
        }
        expect(seen.size).toBe(chains.length);
        const sorted = [...chains].map((c) => c.nodes.join('\u0000')).sort();
        expect(chains.map((c) => c.nodes.join('\u0000'))).toEqual(sorted);
        return true;
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('reads each step of a chain as a sentence with its slides', () => {
    const tiny = tinyGraph();
    const chains = shortestPaths(tiny, 'tr.middle', 'ms.decentral');
    expect(chains.map((c) => c.nodes)).toEqual([
      ['tr.middle', 'dm.central', 'pd.trad', 'ch.2', 'sec.2-1', 'ms.decentral'],
      ['tr.middle', 'dm.central', 'pd.trad', 'pd.egov', 'st.decentral', 'ms.decentral'],
    ]);
    const [chain] = chains;
    if (chain === undefined) throw new Error('no chain');
    const sentences = pathSentences(tiny, chain, 'zh-Hant');
    expect(sentences.map((s) => [s.text, s.forward, s.slides])).toEqual([
      ['存在過多的中間管理層是傳統的集權決策體制的弊端', true, [13]],
      ['傳統的集權決策體制是傳統行政的特征', true, [13]],
      ['第二章 電子政務與傳統管理包含傳統行政', false, [1]],
      ['第二章 電子政務與傳統管理包含§2-1 行政體制改革的趨向', true, [1]],
      ['§2-1 行政體制改革的趨向包含實行分權和權力下放', true, [4]],
    ]);
    expect(pathSentences(tiny, chains[1] ?? chain, 'en').map((s) => s.text)[3]).toBe(
      'Decentralised power structure is characteristic of E-government',
    );
  });
});
