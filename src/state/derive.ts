/**
 * From state to what the views draw: visible, highlighted, matched and path Sets, built once per
 * state change and memoised per state slice; reducers only call `.has`.
 */
import { pathIndexSteps, shortestPaths, type OrdinalSet, type PathChain, type PathIndex, type Rows } from '../model/paths';
import { buildSearchIndex, topMatchBits, type SearchIndex } from '../model/search';
import { runSteps } from '../model/steps';
import type { LinkageGraph } from '../model/types';
import { sameFilters } from './actions';
import { NO_SECTION, type AppState, type FocusDepth, type FocusDirection, type Filters } from './types';

/**
 * The most matches a search singles out (the map raises them, names them and frames them): a
 * search that matches more raises its best ones, and the reader is asked to narrow it. Each
 * raised node is drawn again in every frame, so the cap keeps a broad search on a large graph
 * as quick as a narrow one; a chapter has far fewer concepts.
 */
export const MAX_MATCHES = 500;

/**
 * A read-only Set of keys backed by a bitmap over the graph's nodes or edges: built in one typed
 * array pass, looked up with one Map read, no allocation.
 */
export class KeySet implements OrdinalSet {
  readonly size: number;
  /** Key → ordinal, shared by every set over the same nodes (or edges). */
  readonly ordinals: ReadonlyMap<string, number>;
  private readonly names: readonly string[];
  private readonly bits: Uint8Array;

  constructor(ordinals: ReadonlyMap<string, number>, names: readonly string[], bits: Uint8Array) {
    this.ordinals = ordinals;
    this.names = names;
    this.bits = bits;
    let size = 0;
    for (let i = 0; i < bits.length; i++) size += bits[i];
    this.size = size;
  }

  has(key: string): boolean {
    const i = this.ordinals.get(key);
    return i !== undefined && this.bits[i] === 1;
  }

  /** Membership by ordinal (graph order), for loops over the index. */
  hasIndex(i: number): boolean {
    return this.bits[i] === 1;
  }

  forEach(callback: (value: string, value2: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const key of this) callback.call(thisArg, key, key, this);
  }

  *values(): Generator<string, undefined, unknown> {
    for (let i = 0; i < this.bits.length; i++) if (this.bits[i] === 1) yield this.names[i];
    return undefined;
  }

  keys(): Generator<string, undefined, unknown> {
    return this.values();
  }

  *entries(): Generator<[string, string], undefined, unknown> {
    for (const key of this.values()) yield [key, key];
    return undefined;
  }

  [Symbol.iterator](): Generator<string, undefined, unknown> {
    return this.values();
  }
}

/** Counts by node kind, edge kind and section (`'none'` for no section). */
export interface Counts {
  readonly nodeKinds: Readonly<Record<string, number>>;
  readonly edgeKinds: Readonly<Record<string, number>>;
  readonly sections: Readonly<Record<string, number>>;
}

/** Everything the views read for one state. Unchanged parts keep their identity across states. */
export interface Derived {
  /** Nodes passing the filters (kinds, sections, slide range), before focus. */
  readonly filteredNodes: ReadonlySet<string>;
  readonly filteredEdges: ReadonlySet<string>;
  /** True when focus is on and the selection passes the filters. */
  readonly focusActive: boolean;
  /** What is drawn: the focus neighbourhood when focus is active, else the filtered graph. */
  readonly visibleNodes: ReadonlySet<string>;
  readonly visibleEdges: ReadonlySet<string>;
  /** The visible selection, or null (none, or hidden by the filters or focus). */
  readonly selectedVisible: string | null;
  /** The node whose neighbourhood is highlighted: visible hovered, else visible selected. */
  readonly highlightCenter: string | null;
  /** Centre + its visible neighbours; null when nothing is hovered or selected. */
  readonly highlightNodes: ReadonlySet<string> | null;
  /** The centre's visible incident edges; null when nothing is hovered or selected. */
  readonly highlightEdges: ReadonlySet<string> | null;
  /** Shortest chains between the path ends within the filtered graph ([] when unlinked or unset). */
  readonly paths: readonly PathChain[];
  /** Union of the chains; null unless both path ends are set. */
  readonly pathNodes: ReadonlySet<string> | null;
  readonly pathEdges: ReadonlySet<string> | null;
  /**
   * Visible nodes matching the search text, the best {@link MAX_MATCHES} of them when more match
   * (what the map raises); null when the search box is empty.
   */
  readonly matches: ReadonlySet<string> | null;
  /** How many visible nodes match the search text in all (0 when the search box is empty). */
  readonly matchTotal: number;
  /** Nodes and edges resting on the lecture slide; null when no slide is set. */
  readonly slideNodes: ReadonlySet<string> | null;
  readonly slideEdges: ReadonlySet<string> | null;
  /**
   * Nodes and edges shown on an earlier slide but not on this one (drawn quieter, so the map
   * grows as the lecture goes); null when no slide is set.
   */
  readonly pastSlideNodes: ReadonlySet<string> | null;
  readonly pastSlideEdges: ReadonlySet<string> | null;
  /** What is visible, by kind and section (for filter counts). */
  readonly counts: Counts;
  /** The whole graph, by kind and section. */
  readonly totals: Counts;
}

/**
 * What the deriver reads of a graph once, by ordinal: the path index (keys, ordinals,
 * adjacency), and each node's kind, section and slides and each edge's kind and slides.
 */
export interface GraphIndex {
  readonly path: PathIndex;
  readonly nodeKinds: Interner;
  readonly edgeKinds: Interner;
  readonly sections: Interner;
  readonly nodeKind: Int32Array;
  readonly nodeSection: Int32Array;
  readonly edgeKind: Int32Array;
  readonly nodeSlides: Rows;
  readonly edgeSlides: Rows;
}

/** Builds the {@link GraphIndex} of `graph` at once. */
export function indexGraph(graph: LinkageGraph): GraphIndex {
  return runSteps(graphIndexSteps(graph));
}

/**
 * {@link indexGraph} in steps (one pass over the nodes, then the edges a chunk at a time), for
 * a large graph opened while the page must stay responsive: run it across tasks, then hand the
 * result to the session.
 */
export function* graphIndexSteps(graph: LinkageGraph): Generator<void, GraphIndex> {
  const n = graph.order;
  const m = graph.size;
  const nodeKinds = new Interner();
  const edgeKinds = new Interner();
  const sections = new Interner();
  const nodeKind = new Int32Array(n);
  const nodeSection = new Int32Array(n);
  const nodeSlideStarts = new Int32Array(n + 1);
  const nodeSlideValues: number[] = [];
  const edgeKind = new Int32Array(m);
  const edgeSlideStarts = new Int32Array(m + 1);
  const edgeSlideValues: number[] = [];
  const path = yield* pathIndexSteps(graph, {
    node(i, attrs) {
      nodeKind[i] = nodeKinds.id(typeof attrs.kind === 'string' ? attrs.kind : '');
      nodeSection[i] = sections.id(typeof attrs.section === 'string' ? attrs.section : NO_SECTION);
      pushSlides(nodeSlideStarts, nodeSlideValues, i, attrs.slides);
    },
    edge(e, attrs) {
      edgeKind[e] = edgeKinds.id(typeof attrs.kind === 'string' ? attrs.kind : '');
      pushSlides(edgeSlideStarts, edgeSlideValues, e, attrs.slides);
    },
  });
  return {
    path,
    nodeKinds,
    edgeKinds,
    sections,
    nodeKind,
    nodeSection,
    edgeKind,
    nodeSlides: { starts: nodeSlideStarts, values: Int32Array.from(nodeSlideValues) },
    edgeSlides: { starts: edgeSlideStarts, values: Int32Array.from(edgeSlideValues) },
  };
}

export interface DeriverOptions {
  /** The graph's index, built beforehand (see {@link graphIndexSteps}); built here when absent. */
  graphIndex?: GraphIndex;
  /**
   * A search index to share with the search box, or a function giving it (called at the first
   * query, so an index built lazily elsewhere is awaited no sooner); built on the first query
   * otherwise.
   */
  searchIndex?: SearchIndex | (() => SearchIndex);
  /** Most chains the path finder keeps; default 5. */
  maxPaths?: number;
}

/** Derives the view data of a state; see {@link createDeriver}. */
export interface Deriver {
  (state: AppState): Derived;
  /** The graph's ordinals and adjacency, for other path queries on the same graph. */
  readonly index: PathIndex;
}

/** Interns strings to small integers. */
export class Interner {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

/** Appends a slide list to compressed rows under construction (no per-item allocation). */
function pushSlides(starts: Int32Array, values: number[], row: number, slides: unknown): void {
  if (Array.isArray(slides)) {
    for (const s of slides as unknown[]) if (typeof s === 'number') values.push(s);
  }
  starts[row + 1] = values.length;
}

/**
 * Builds the indexes of `graph` once (ordinals, kinds, sections, slides, adjacency) and returns
 * `derive(state)`. Each part of the result is recomputed only when the state slices it depends
 * on change: filters → visibility and counts; + selection and focus → focus; + hover and
 * selection → highlight; + path ends → paths; + query → matches; slide → slide sets (this slide's, and earlier slides').
 */
export function createDeriver(graph: LinkageGraph, options: DeriverOptions = {}): Deriver {
  const prepared = options.graphIndex;
  if (prepared !== undefined && (prepared.path.nodeKeys.length !== graph.order || prepared.path.edgeKeys.length !== graph.size)) {
    throw new Error('createDeriver: the graph index given was built for another graph');
  }
  const { path: index, nodeKinds, edgeKinds, sections, nodeKind, nodeSection, edgeKind, nodeSlides, edgeSlides } = prepared ?? indexGraph(graph);
  const { nodeKeys, edgeKeys, nodeOrdinals: nodeOrdinal, edgeOrdinals: edgeOrdinal } = index;
  const { edgeSource, edgeTarget, outEdges, inEdges } = index;
  const n = nodeKeys.length;
  const m = edgeKeys.length;
  const maxPaths = options.maxPaths ?? 5;
  const given = options.searchIndex;
  let searchIndex: SearchIndex | undefined = typeof given === 'function' ? undefined : given;
  const indexOf = (): SearchIndex => (searchIndex ??= typeof given === 'function' ? given() : buildSearchIndex(graph));
  let searchAligned: boolean | undefined;

  const nodeSet = (bits: Uint8Array): KeySet => new KeySet(nodeOrdinal, nodeKeys, bits);
  const edgeSet = (bits: Uint8Array): KeySet => new KeySet(edgeOrdinal, edgeKeys, bits);

  /** True when a slide of `row` lies in [first, last]; `empty` answers for rows without slides. */
  const overlaps = (r: Rows, row: number, first: number, last: number, empty: boolean): boolean => {
    const end = r.starts[row + 1];
    const start = r.starts[row];
    if (start === end) return empty;
    for (let j = start; j < end; j++) {
      const s = r.values[j];
      if (s >= first && s <= last) return true;
    }
    return false;
  };

  const countsOf = (nodes: KeySet, edges: KeySet): Counts => {
    const byKind = new Int32Array(nodeKinds.names.length);
    const bySection = new Int32Array(sections.names.length);
    const byEdgeKind = new Int32Array(edgeKinds.names.length);
    for (let i = 0; i < n; i++) {
      if (!nodes.hasIndex(i)) continue;
      byKind[nodeKind[i]] += 1;
      bySection[nodeSection[i]] += 1;
    }
    for (let e = 0; e < m; e++) if (edges.hasIndex(e)) byEdgeKind[edgeKind[e]] += 1;
    const record = (names: readonly string[], values: Int32Array): Record<string, number> =>
      Object.fromEntries(names.map((name, i) => [name, values[i]]));
    return {
      nodeKinds: record(nodeKinds.names, byKind),
      edgeKinds: record(edgeKinds.names, byEdgeKind),
      sections: record(sections.names, bySection),
    };
  };

  // 2. The stages, each with its last inputs and output.
  const filterVisibility = (filters: Filters): { nodes: KeySet; edges: KeySet } => {
    const hiddenKind = new Uint8Array(nodeKinds.names.length);
    for (const k of filters.hiddenNodeKinds) {
      const id = nodeKinds.ids.get(k);
      if (id !== undefined) hiddenKind[id] = 1;
    }
    const hiddenSection = new Uint8Array(sections.names.length);
    for (const s of filters.hiddenSections) {
      const id = sections.ids.get(s);
      if (id !== undefined) hiddenSection[id] = 1;
    }
    const hiddenEdgeKind = new Uint8Array(edgeKinds.names.length);
    for (const k of filters.hiddenEdgeKinds) {
      const id = edgeKinds.ids.get(k);
      if (id !== undefined) hiddenEdgeKind[id] = 1;
    }
    const range = filters.slideRange;
    const nodeBits = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (hiddenKind[nodeKind[i]] === 1 || hiddenSection[nodeSection[i]] === 1) continue;
      if (range !== null && !overlaps(nodeSlides, i, range[0], range[1], true)) continue; // no slides: kept
      nodeBits[i] = 1;
    }
    const edgeBits = new Uint8Array(m);
    for (let e = 0; e < m; e++) {
      if (nodeBits[edgeSource[e]] !== 1 || nodeBits[edgeTarget[e]] !== 1) continue;
      if (hiddenEdgeKind[edgeKind[e]] === 1) continue;
      if (range !== null && !overlaps(edgeSlides, e, range[0], range[1], true)) continue;
      edgeBits[e] = 1;
    }
    return { nodes: nodeSet(nodeBits), edges: edgeSet(edgeBits) };
  };

  /** The N-hop neighbourhood of `center` in the filtered graph and the edges among it. */
  const neighbourhood = (
    base: { nodes: KeySet; edges: KeySet },
    center: number,
    depth: FocusDepth,
    direction: FocusDirection,
  ): { nodes: KeySet; edges: KeySet } => {
    const nodeBits = new Uint8Array(n);
    nodeBits[center] = 1;
    const reached = [center];
    let layer = [center];
    const follow = (list: Rows, node: number, far: Int32Array, next: number[]): void => {
      for (let j = list.starts[node]; j < list.starts[node + 1]; j++) {
        const e = list.values[j];
        if (!base.edges.hasIndex(e)) continue;
        const other = far[e];
        if (nodeBits[other] === 1) continue;
        nodeBits[other] = 1;
        next.push(other);
        reached.push(other);
      }
    };
    for (let d = 0; d < depth && layer.length > 0; d++) {
      const next: number[] = [];
      for (const node of layer) {
        if (direction !== 'in') follow(outEdges, node, edgeTarget, next);
        if (direction !== 'out') follow(inEdges, node, edgeSource, next);
      }
      layer = next;
    }
    const edgeBits = new Uint8Array(m);
    for (const node of reached) {
      for (let j = outEdges.starts[node]; j < outEdges.starts[node + 1]; j++) {
        const e = outEdges.values[j];
        if (base.edges.hasIndex(e) && nodeBits[edgeTarget[e]] === 1) edgeBits[e] = 1;
      }
    }
    return { nodes: nodeSet(nodeBits), edges: edgeSet(edgeBits) };
  };

  const highlight = (
    center: number,
    visibleEdges: KeySet,
  ): { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } => {
    const nodes = new Set<string>([nodeKeys[center]]);
    const edges = new Set<string>();
    const scan = (list: Rows, far: Int32Array): void => {
      for (let j = list.starts[center]; j < list.starts[center + 1]; j++) {
        const e = list.values[j];
        if (!visibleEdges.hasIndex(e)) continue;
        edges.add(edgeKeys[e]);
        nodes.add(nodeKeys[far[e]]);
      }
    };
    scan(outEdges, edgeTarget);
    scan(inEdges, edgeSource);
    return { nodes, edges };
  };

  const totals = countsOf(nodeSet(new Uint8Array(n).fill(1)), edgeSet(new Uint8Array(m).fill(1)));

  let filterIn: Filters | null = null;
  let filterOut = { nodes: nodeSet(new Uint8Array(n)), edges: edgeSet(new Uint8Array(m)) };
  let focusKey: unknown[] = [];
  let focusOut: { nodes: KeySet; edges: KeySet; active: boolean } = { ...filterOut, active: false };
  let countsIn: KeySet | null = null;
  let countsEdgesIn: KeySet | null = null;
  let countsOut: Counts = totals;
  let highlightKey: unknown[] = [];
  let highlightOut: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null = null;
  let pathKey: unknown[] = [];
  let pathOut: { paths: readonly PathChain[]; nodes: ReadonlySet<string> | null; edges: ReadonlySet<string> | null } = {
    paths: [],
    nodes: null,
    edges: null,
  };
  let matchKey: unknown[] = [];
  let matchOut: ReadonlySet<string> | null = null;
  let matchTotal = 0;
  let slideIn: number | null | undefined;
  type SlideSets = { nodes: ReadonlySet<string> | null; edges: ReadonlySet<string> | null; pastNodes: ReadonlySet<string> | null; pastEdges: ReadonlySet<string> | null };
  let slideOut: SlideSets = { nodes: null, edges: null, pastNodes: null, pastEdges: null };
  let last: Derived | null = null;

  /** True when the memo key `key` differs from the one held. */
  const changed = (held: unknown[], key: unknown[]): boolean =>
    held.length !== key.length || key.some((v, i) => v !== held[i]);

  const derive = (state: AppState): Derived => {
    if (filterIn === null || !sameFilters(filterIn, state.filters)) {
      filterIn = state.filters;
      filterOut = filterVisibility(state.filters);
    }

    const selectedOrdinal = state.selected === null ? undefined : nodeOrdinal.get(state.selected);
    const focusOn =
      state.focus.depth > 0 && selectedOrdinal !== undefined && filterOut.nodes.hasIndex(selectedOrdinal);
    const fKey = focusOn ? [filterOut, selectedOrdinal, state.focus.depth, state.focus.direction] : [filterOut];
    if (changed(focusKey, fKey)) {
      focusKey = fKey;
      focusOut =
        focusOn && selectedOrdinal !== undefined
          ? { ...neighbourhood(filterOut, selectedOrdinal, state.focus.depth, state.focus.direction), active: true }
          : { ...filterOut, active: false };
    }
    const visibleNodes = focusOut.nodes;
    const visibleEdges = focusOut.edges;

    if (countsIn !== visibleNodes || countsEdgesIn !== visibleEdges) {
      countsIn = visibleNodes;
      countsEdgesIn = visibleEdges;
      countsOut = countsOf(visibleNodes, visibleEdges);
    }

    const selectedVisible = state.selected !== null && visibleNodes.has(state.selected) ? state.selected : null;
    const hovered = state.hovered !== null && visibleNodes.has(state.hovered) ? state.hovered : null;
    const highlightCenter = hovered ?? selectedVisible;
    const hKey = [visibleEdges, highlightCenter];
    if (changed(highlightKey, hKey)) {
      highlightKey = hKey;
      const center = highlightCenter === null ? undefined : nodeOrdinal.get(highlightCenter);
      highlightOut = center === undefined ? null : highlight(center, visibleEdges);
    }

    const { from, to } = state.path;
    const pKey = from !== null && to !== null ? [filterOut, from, to] : [null];
    if (changed(pathKey, pKey)) {
      pathKey = pKey;
      if (from === null || to === null) pathOut = { paths: [], nodes: null, edges: null };
      else {
        const paths = shortestPaths(graph, from, to, {
          visible: filterOut.nodes,
          visibleEdges: filterOut.edges,
          max: maxPaths,
          index,
        });
        const nodes = new Set<string>();
        const edges = new Set<string>();
        for (const chain of paths) {
          for (const node of chain.nodes) nodes.add(node);
          for (const step of chain.steps) edges.add(step.edge);
        }
        pathOut = { paths, nodes, edges };
      }
    }

    const query = state.query.trim();
    const mKey = query === '' ? [''] : [query, visibleNodes];
    if (changed(matchKey, mKey)) {
      matchKey = mKey;
      if (query === '') {
        matchOut = null;
        matchTotal = 0;
      } else {
        const searchIndex = indexOf();
        // The search index numbers nodes in graph order too; one built elsewhere is checked once.
        searchAligned ??= searchIndex.keys.length === n && searchIndex.keys.every((key, j) => key === nodeKeys[j]);
        const top = topMatchBits(searchIndex, query, MAX_MATCHES, visibleNodes);
        const bits = top?.bits ?? new Uint8Array(searchIndex.size);
        matchTotal = top?.total ?? 0;
        if (searchAligned) matchOut = nodeSet(bits);
        else {
          const keys = searchIndex.keys;
          matchOut = new Set(keys.filter((_key, j) => bits[j] === 1));
        }
      }
    }

    if (slideIn !== state.slide) {
      slideIn = state.slide;
      const slide = state.slide;
      if (slide === null) slideOut = { nodes: null, edges: null, pastNodes: null, pastEdges: null };
      else {
        const nodeBits = new Uint8Array(n);
        const edgeBits = new Uint8Array(m);
        const pastNodeBits = new Uint8Array(n);
        const pastEdgeBits = new Uint8Array(m);
        for (let i = 0; i < n; i++) {
          if (overlaps(nodeSlides, i, slide, slide, false)) nodeBits[i] = 1;
          else if (overlaps(nodeSlides, i, 1, slide - 1, false)) pastNodeBits[i] = 1;
        }
        for (let e = 0; e < m; e++) {
          if (overlaps(edgeSlides, e, slide, slide, false)) edgeBits[e] = 1;
          else if (overlaps(edgeSlides, e, 1, slide - 1, false)) pastEdgeBits[e] = 1;
        }
        slideOut = { nodes: nodeSet(nodeBits), edges: edgeSet(edgeBits), pastNodes: nodeSet(pastNodeBits), pastEdges: edgeSet(pastEdgeBits) };
      }
    }

    const next: Derived = {
      filteredNodes: filterOut.nodes,
      filteredEdges: filterOut.edges,
      focusActive: focusOut.active,
      visibleNodes,
      visibleEdges,
      selectedVisible,
      highlightCenter,
      highlightNodes: highlightOut?.nodes ?? null,
      highlightEdges: highlightOut?.edges ?? null,
      paths: pathOut.paths,
      pathNodes: pathOut.nodes,
      pathEdges: pathOut.edges,
      matches: matchOut,
      matchTotal,
      slideNodes: slideOut.nodes,
      slideEdges: slideOut.edges,
      pastSlideNodes: slideOut.pastNodes,
      pastSlideEdges: slideOut.pastEdges,
      counts: countsOut,
      totals,
    };
    if (last !== null && (Object.keys(next) as (keyof Derived)[]).every((k) => next[k] === last?.[k])) return last;
    last = next;
    return next;
  };
  return Object.assign(derive, { index });
}
