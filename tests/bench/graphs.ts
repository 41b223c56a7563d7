/**
 * The benchmark's graphs: the seeded synthetic graphs of tests/fixtures (≈3 edges per node,
 * labels in every script, positions given), dressed with the graph attributes a compiled or
 * imported graph carries (sections, kinds and their colours), serialized to graphology JSON,
 * and the nodes each timed update uses, chosen by rule so every renderer gets the same ones.
 */
import { SHARED_VOCABULARY } from '../../src/model/vocabulary';
import type { KindInfo, LinkageGraph } from '../../src/model/types';
import { syntheticGraph, TINY_GRAPH_ATTRS } from '../fixtures/tiny-graph';
import type { OpArgs } from './pages/protocol';

export interface BenchGraph {
  name: string;
  nodes: number;
  edges: number;
  /** The compiled form (graphology serialized JSON), as text. */
  json: string;
  args: OpArgs;
  /** Share of nodes the filter change hides. */
  filterHides: number;
}

const DEGREE = 6; // ≈ 3 out + 3 in: a typical node.

/**
 * Above this many nodes the graph is written lean, to fit the import's file limit (45 MiB) as a
 * real file of that size must: nodes keep their names in every script, pinyin, kind, section,
 * slides, importance, size and position, but no quotes or colour (the importer colours them by
 * kind); links keep their kind only (no phrases, slides or keys: the importer gives them keys).
 * Sizes and importance stay so that nodes are drawn as large as in a whole file: without them
 * the importer sizes nodes by degree, and a lean graph would paint more names than a whole one.
 */
export const LEAN_ABOVE = 50_000;

/** The graph as graphology JSON, lean (see LEAN_ABOVE) or whole. */
export function serialize(graph: LinkageGraph, lean: boolean): string {
  const data = graph.export();
  if (!lean) return JSON.stringify(data);
  const round = (v: unknown, scale = 1e4) => Math.round(Number(v) * scale) / scale;
  const nodes = data.nodes.map(({ key, attributes: a = {} as Record<string, unknown> }) => {
    const { quote: _q, quoteHans: _qh, color: _c, importance, x, y, ...kept } = a as Record<string, unknown>;
    return { key, attributes: { ...kept, importance: round(importance, 1e3), x: round(x), y: round(y) } };
  });
  const edges = data.edges.map(({ source, target, attributes: a }) => ({ source, target, attributes: { kind: (a as { kind: string }).kind } }));
  return JSON.stringify({ ...data, nodes, edges });
}

const NODE_KIND_COLORS = Object.fromEntries(Object.entries(SHARED_VOCABULARY.nodeKinds).map(([id, k]) => [id, k.color]));
const EDGE_KIND_COLORS = Object.fromEntries(Object.entries(SHARED_VOCABULARY.edgeKinds).map(([id, k]) => [id, k.color]));

function kinds(ids: Iterable<string>, colors: Record<string, string>): KindInfo[] {
  return [...ids].sort().map((id) => ({ id, zh: id, zhHans: id, en: id, color: colors[id] ?? '#888888' }));
}

/** Nodes by undirected breadth-first distance from `from`: the first node met at `depth` (or the farthest). */
function nodeAtDistance(graph: LinkageGraph, from: string, depth: number): string {
  const seen = new Set([from]);
  let layer = [from];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const n of layer) {
      for (const m of graph.neighbors(n)) {
        if (seen.has(m)) continue;
        seen.add(m);
        next.push(m);
      }
    }
    if (next.length === 0) break;
    layer = next;
  }
  return layer.slice().sort()[0]!;
}

/** The synthetic graph of `n` nodes (seeded), ready for every renderer. */
export function benchGraph(n: number, seed = 7): BenchGraph {
  const graph = syntheticGraph(n, 3, seed);
  const nodeKinds = new Set<string>();
  const edgeKinds = new Set<string>();
  graph.forEachNode((key, a) => {
    nodeKinds.add(a.kind);
    graph.setNodeAttribute(key, 'color', NODE_KIND_COLORS[a.kind] ?? '#888888');
  });
  graph.forEachEdge((_key, a) => edgeKinds.add(a.kind));
  graph.replaceAttributes({
    ...TINY_GRAPH_ATTRS,
    id: `synthetic-${n}`,
    title: `合成圖 ${n}`,
    titleHans: `合成图 ${n}`,
    titleEn: `Synthetic graph, ${n} nodes`,
    nodeKinds: kinds(nodeKinds, NODE_KIND_COLORS),
    edgeKinds: kinds(edgeKinds, EDGE_KIND_COLORS),
  });
  const typical = graph.filterNodes((key) => graph.degree(key) === DEGREE).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const hover = typical[0] ?? 'n0';
  const select = typical[1] ?? 'n1';
  const pathTo = nodeAtDistance(graph, select, 4);
  const hiddenSections = ['2-1', '2-2'];
  const hidden = graph.filterNodes((_k, a) => hiddenSections.includes(a.section ?? '')).length;
  return {
    name: `synthetic-${n}`,
    nodes: graph.order,
    edges: graph.size,
    json: serialize(graph, n > LEAN_ABOVE),
    args: { hover, select, pathFrom: select, pathTo, queryBefore: 'dian', queryAfter: 'dianz', hiddenSections },
    filterHides: hidden / graph.order,
  };
}
