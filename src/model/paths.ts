/**
 * "How is X linked to Y?": every shortest chain between two nodes, found over edges taken in
 * either direction, each step keeping its real edge so the chain reads as sentences.
 */
import { edgeSentence, type EdgeSentence, type Lang } from './sentence';
import { runSteps } from './steps';
import type { EdgeAttrs, LinkageGraph, NodeAttrs } from './types';

/** One step of a chain: from `from` to `to` along `edge`. */
export interface PathStep {
  readonly edge: string;
  readonly from: string;
  readonly to: string;
  /** True when the edge points `from` → `to`; false when the chain walks it backwards. */
  readonly forward: boolean;
}

/** A shortest chain: `nodes[0]` is the start, `steps[i]` links `nodes[i]` and `nodes[i + 1]`. */
export interface PathChain {
  readonly nodes: readonly string[];
  readonly steps: readonly PathStep[];
}

/** Compressed rows: the items of row r are `values[starts[r] .. starts[r + 1])`. */
export interface Rows {
  readonly starts: Int32Array;
  readonly values: Int32Array;
}

/**
 * Ordinals and adjacency of a graph, in graphology's iteration order: built once per graph
 * load (the graph is read-only afterwards) and shared by the path finder and the deriver.
 */
export interface PathIndex {
  readonly nodeKeys: readonly string[];
  readonly nodeOrdinals: ReadonlyMap<string, number>;
  readonly edgeKeys: readonly string[];
  readonly edgeOrdinals: ReadonlyMap<string, number>;
  /** Source and target ordinal of each edge. */
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** Out-edges and in-edges (edge ordinals) of each node. */
  readonly outEdges: Rows;
  readonly inEdges: Rows;
}

/**
 * A Set that also answers by ordinal: when its `ordinals` are the index's own, the path finder
 * reads membership without a key lookup (the deriver's Sets are such).
 */
export interface OrdinalSet extends ReadonlySet<string> {
  readonly ordinals: ReadonlyMap<string, number>;
  hasIndex(ordinal: number): boolean;
}

export interface ShortestPathsOptions {
  /** Only these nodes may be walked through (both ends included). */
  visible?: ReadonlySet<string>;
  /** Only these edges may be walked along. */
  visibleEdges?: ReadonlySet<string>;
  /** Most chains returned; default 5. */
  max?: number;
  /** The graph's index (see {@link buildPathIndex}); built for the call when absent. */
  index?: PathIndex;
}

/** A step of a chain read as a sentence, in the edge's own direction. */
export interface PathSentence extends EdgeSentence {
  /** True when the chain walks the edge in its direction. */
  readonly forward: boolean;
}

const DEFAULTS = { max: 5 } as const;

/** Groups `count` items into `rows` rows by `rowOf(item)`, keeping item order within a row. */
function groupRows(rows: number, rowOf: Int32Array): Rows {
  const starts = new Int32Array(rows + 1);
  for (let i = 0; i < rowOf.length; i++) starts[rowOf[i] + 1] += 1;
  for (let r = 0; r < rows; r++) starts[r + 1] += starts[r];
  const values = new Int32Array(rowOf.length);
  const fill = starts.slice(0, rows);
  for (let i = 0; i < rowOf.length; i++) values[fill[rowOf[i]]++] = i;
  return { starts, values };
}

/** What else a caller reads of each node and edge while the index walks the graph (one pass). */
export interface IndexVisitor {
  node?(ordinal: number, attrs: NodeAttrs): void;
  edge?(ordinal: number, attrs: EdgeAttrs): void;
}

/** Builds the {@link PathIndex} of `graph`: O(nodes + edges), once per graph load. */
export function buildPathIndex(graph: LinkageGraph, visit: IndexVisitor = {}): PathIndex {
  return runSteps(pathIndexSteps(graph, visit));
}

/** Calls `each` on every entry, `chunk` at a time, yielding before each chunk (not after the last). */
function* inChunks<T>(entries: Iterator<T>, chunk: number, each: (entry: T) => void): Generator<void, void> {
  for (let next = entries.next(); !next.done; ) {
    yield;
    for (let i = 0; i < chunk && !next.done; i++, next = entries.next()) each(next.value);
  }
}

/**
 * {@link buildPathIndex} in steps, for a large graph opened while the page must stay
 * responsive: `chunk` nodes, then `chunk` edges at a time, yielding between them; returns the
 * index. (Chunks of 40,000 edges made tasks of 80–150 ms at 50k nodes here, up to 213 with a
 * garbage collection in them; the longest task before a 50k map's first draw is now 96–161 ms.)
 */
export function* pathIndexSteps(graph: LinkageGraph, visit: IndexVisitor = {}, chunk = 15_000): Generator<void, PathIndex> {
  const onNode = visit.node;
  const onEdge = visit.edge;
  const nodeKeys: string[] = new Array<string>(graph.order);
  const nodeOrdinals = new Map<string, number>();
  let n = 0;
  const addNode = (key: string, attrs: NodeAttrs) => {
    nodeKeys[n] = key;
    onNode?.(n, attrs);
    nodeOrdinals.set(key, n++);
  };
  // The same order as forEachNode / forEachEdge (insertion order), resumable between steps.
  if (graph.order <= chunk) graph.forEachNode(addNode);
  else yield* inChunks(graph.nodeEntries(), chunk, (e) => addNode(e.node, e.attributes));
  const edgeKeys: string[] = new Array<string>(graph.size);
  const edgeOrdinals = new Map<string, number>();
  const edgeSource = new Int32Array(graph.size);
  const edgeTarget = new Int32Array(graph.size);
  let m = 0;
  const addEdge = (key: string, attrs: EdgeAttrs, source: string, target: string) => {
    edgeKeys[m] = key;
    onEdge?.(m, attrs);
    edgeOrdinals.set(key, m);
    edgeSource[m] = nodeOrdinals.get(source)!;
    edgeTarget[m++] = nodeOrdinals.get(target)!;
  };
  if (graph.size <= chunk) graph.forEachEdge(addEdge);
  else yield* inChunks(graph.edgeEntries(), chunk, (e) => addEdge(e.edge, e.attributes, e.source, e.target));
  return {
    nodeKeys,
    nodeOrdinals,
    edgeKeys,
    edgeOrdinals,
    edgeSource,
    edgeTarget,
    outEdges: groupRows(n, edgeSource),
    inEdges: groupRows(n, edgeTarget),
  };
}

function isOrdinalSet(set: ReadonlySet<string>): set is OrdinalSet {
  return 'hasIndex' in set && 'ordinals' in set;
}

/** Membership by ordinal: `null` lets everything through. */
export function membership(
  set: ReadonlySet<string> | undefined,
  keys: readonly string[],
  ordinals: ReadonlyMap<string, number>,
): ((ordinal: number) => boolean) | null {
  if (set === undefined) return null;
  if (isOrdinalSet(set) && set.ordinals === ordinals) return (i) => set.hasIndex(i);
  const bits = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) if (set.has(keys[i])) bits[i] = 1;
  return (i) => bits[i] === 1;
}

/**
 * All shortest chains from `from` to `to` (up to `max`), edges walked in either direction.
 * Chains come in lexicographic order of their node keys; between two nodes joined by several
 * edges a step takes the edge pointing the walking way if any, then the smallest key.
 * Returns [] when either end is missing or hidden, or when nothing links them; a single
 * zero-step chain when `from === to`. Pass `index` when calling more than once per graph.
 */
export function shortestPaths(
  graph: LinkageGraph,
  from: string,
  to: string,
  options: ShortestPathsOptions = {},
): PathChain[] {
  const max = options.max ?? DEFAULTS.max;
  if (!(max >= 1) || !graph.hasNode(from) || !graph.hasNode(to)) return [];
  const index = options.index ?? buildPathIndex(graph);
  const { nodeKeys, edgeKeys, edgeSource, edgeTarget, outEdges, inEdges } = index;
  const start = index.nodeOrdinals.get(from);
  const goal = index.nodeOrdinals.get(to);
  if (start === undefined || goal === undefined) return [];
  const nodeOk = membership(options.visible, nodeKeys, index.nodeOrdinals);
  const edgeOk = membership(options.visibleEdges, edgeKeys, index.edgeOrdinals);
  if (nodeOk !== null && (!nodeOk(start) || !nodeOk(goal))) return [];
  if (start === goal) return [{ nodes: [from], steps: [] }];

  /** Calls `visit(neighbour, edge, forward)` for each walkable edge at `node`. */
  const eachLink = (node: number, visit: (other: number, edge: number, forward: boolean) => void): void => {
    for (let j = outEdges.starts[node]; j < outEdges.starts[node + 1]; j++) {
      const e = outEdges.values[j];
      const other = edgeTarget[e];
      if (other === node || (edgeOk !== null && !edgeOk(e)) || (nodeOk !== null && !nodeOk(other))) continue;
      visit(other, e, true);
    }
    for (let j = inEdges.starts[node]; j < inEdges.starts[node + 1]; j++) {
      const e = inEdges.values[j];
      const other = edgeSource[e];
      if (other === node || (edgeOk !== null && !edgeOk(e)) || (nodeOk !== null && !nodeOk(other))) continue;
      visit(other, e, false);
    }
  };

  // 1. Breadth-first layers from `from` until `to` is reached.
  const dist = new Int32Array(nodeKeys.length).fill(-1);
  dist[start] = 0;
  let layer = [start];
  let next: number[] = [];
  let d = 0;
  const discover = (other: number): void => {
    if (dist[other] !== -1) return;
    dist[other] = d;
    next.push(other);
  };
  while (layer.length > 0 && dist[goal] === -1) {
    d++;
    next = [];
    for (const node of layer) eachLink(node, discover);
    layer = next;
  }
  if (dist[goal] === -1) return [];

  // 2. Walk back from `to`: the nodes lying on some shortest chain.
  const onPath = new Uint8Array(nodeKeys.length);
  onPath[goal] = 1;
  let back = [goal];
  while (back.length > 0) {
    const prev: number[] = [];
    for (const node of back) {
      const d = dist[node] - 1;
      eachLink(node, (other) => {
        if (dist[other] === d && onPath[other] === 0) {
          onPath[other] = 1;
          prev.push(other);
        }
      });
    }
    back = prev;
  }

  // 3. Enumerate chains forward, in key order, up to `max`.
  const chains: PathChain[] = [];
  const nodes: string[] = [from];
  const steps: PathStep[] = [];
  const walk = (node: number): void => {
    if (node === goal) {
      chains.push({ nodes: nodes.slice(), steps: steps.slice() });
      return;
    }
    const choice = new Map<number, { edge: number; forward: boolean }>();
    eachLink(node, (other, edge, forward) => {
      if (dist[other] !== dist[node] + 1 || onPath[other] === 0) return;
      const held = choice.get(other);
      if (
        held === undefined ||
        (forward && !held.forward) ||
        (forward === held.forward && edgeKeys[edge] < edgeKeys[held.edge])
      ) {
        choice.set(other, { edge, forward });
      }
    });
    const nexts = [...choice.keys()].sort((a, b) => (nodeKeys[a] < nodeKeys[b] ? -1 : 1));
    for (const other of nexts) {
      if (chains.length >= max) return;
      const step = choice.get(other)!;
      nodes.push(nodeKeys[other]);
      steps.push({ edge: edgeKeys[step.edge], from: nodeKeys[node], to: nodeKeys[other], forward: step.forward });
      walk(other);
      nodes.pop();
      steps.pop();
    }
  };
  walk(start);
  return chains;
}

/** Each step of `chain` read as a sentence in `lang`, with the slides the edge rests on. */
export function pathSentences(graph: LinkageGraph, chain: PathChain, lang: Lang): PathSentence[] {
  return chain.steps.map((step) => ({ ...edgeSentence(graph, step.edge, lang), forward: step.forward }));
}
