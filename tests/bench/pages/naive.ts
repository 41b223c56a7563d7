/**
 * Baseline: sigma as most sigma apps use it (after sigma's "use reducers" example). The
 * reducers compute on the fly (a substring test per node for search, `graph.areNeighbors` per
 * node for hover, attribute reads per edge for filters), copy each item, and every change —
 * hover events included — calls a full `renderer.refresh()`.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram } from 'sigma/rendering';
import { expose, naiveMatch, sigmaRenderClock, type OpArgs, type OpName, type Target } from './probe';

interface NaiveState {
  hovered: string | null;
  selected: string | null;
  query: string;
  focus: Set<string> | null;
  pathNodes: Set<string> | null;
  pathEdges: Set<string> | null;
  hiddenSections: string[];
}

const EMPTY: NaiveState = { hovered: null, selected: null, query: '', focus: null, pathNodes: null, pathEdges: null, hiddenSections: [] };
const FADED = '#e6e6e6';
const stage = document.getElementById('stage')!;
let graph: Graph;
let renderer: Sigma;
let state: NaiveState = EMPTY;
let clock: () => number = () => 0;

function set(next: Partial<NaiveState>): void {
  state = { ...state, ...next };
  renderer.refresh();
}

/** Nodes within two hops of `key`, either direction. */
function twoHops(key: string): Set<string> {
  const out = new Set([key]);
  for (const n of graph.neighbors(key)) {
    out.add(n);
    for (const m of graph.neighbors(n)) out.add(m);
  }
  return out;
}

/** One shortest chain (breadth-first, edges either way). */
function shortest(from: string, to: string): { nodes: Set<string>; edges: Set<string> } {
  const parent = new Map<string, string | null>([[from, null]]);
  let layer = [from];
  while (layer.length > 0 && !parent.has(to)) {
    const next: string[] = [];
    for (const n of layer) {
      for (const m of graph.neighbors(n)) {
        if (parent.has(m)) continue;
        parent.set(m, n);
        next.push(m);
      }
    }
    layer = next;
  }
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (let n: string | null | undefined = parent.has(to) ? to : undefined; n; n = parent.get(n)) {
    nodes.add(n);
    const p = parent.get(n);
    if (p) edges.add(graph.edges(p, n)[0] ?? graph.edges(n, p)[0]!);
  }
  return { nodes, edges };
}

function mount(): void {
  renderer = new Sigma(graph, stage, {
    defaultEdgeType: 'arrow',
    edgeProgramClasses: { arrow: EdgeArrowProgram },
    nodeReducer: (node, data) => {
      const res = { ...data };
      const center = state.hovered ?? state.selected;
      if (state.hiddenSections.includes(data['section'] as string)) res.hidden = true;
      if (state.focus && !state.focus.has(node)) res.hidden = true;
      if (state.query && !naiveMatch(data, state.query)) {
        res.color = FADED;
        res.label = '';
      }
      if (center && node !== center && !graph.areNeighbors(node, center)) {
        res.color = FADED;
        res.label = '';
      }
      if (state.pathNodes && !state.pathNodes.has(node)) {
        res.color = FADED;
        res.label = '';
      }
      if (node === center) res.highlighted = true;
      return res;
    },
    edgeReducer: (edge, data) => {
      const res = { ...data };
      const [s, t] = graph.extremities(edge);
      const hidden = state.hiddenSections;
      if (hidden.includes(graph.getNodeAttribute(s, 'section')) || hidden.includes(graph.getNodeAttribute(t, 'section'))) res.hidden = true;
      if (state.focus && !(state.focus.has(s) && state.focus.has(t))) res.hidden = true;
      const center = state.hovered ?? state.selected;
      if (center && !graph.hasExtremity(edge, center)) res.color = FADED;
      if (state.pathEdges && !state.pathEdges.has(edge)) res.color = FADED;
      return res;
    },
  });
  // Hover follows the pointer, as in sigma's reducers example.
  renderer.on('enterNode', ({ node }) => set({ hovered: node }));
  renderer.on('leaveNode', () => set({ hovered: null }));
  clock = sigmaRenderClock(renderer as never);
}

const target: Target = {
  async load(text) {
    graph = Graph.from(JSON.parse(text));
    mount();
  },
  prepare(op: OpName, a: OpArgs) {
    if (op === 'search') set({ query: a.queryBefore });
    else if (op === 'focus') set({ selected: a.select });
    else if (op === 'path') set({ selected: a.pathFrom });
  },
  apply(op: OpName, a: OpArgs) {
    switch (op) {
      case 'search':
        return set({ query: a.queryAfter });
      case 'hover':
        return set({ hovered: a.hover });
      case 'select':
        return set({ selected: a.select });
      case 'focus':
        return set({ focus: twoHops(a.select) });
      case 'path': {
        const p = shortest(a.pathFrom, a.pathTo);
        return set({ selected: null, pathNodes: p.nodes, pathEdges: p.edges });
      }
      case 'filter':
        return set({ hiddenSections: a.hiddenSections });
    }
  },
  reset() {
    set(EMPTY);
  },
  stage: () => stage,
  visibleNodes() {
    let count = 0;
    graph.forEachNode((node) => {
      if (!renderer.getNodeDisplayData(node)?.hidden) count++;
    });
    return count;
  },
  renderMs: () => clock(),
};

expose(target);
