/**
 * The look of every node and edge of the map, summed up in one small code each: what the
 * reducers need from the state (shown? lit? on the path? marked? ringed?). The map keeps the
 * codes of its last draw; after a state change it recomputes them and redraws only the items
 * whose code changed. No DOM, no sigma: the reducers decode, this module decides.
 */
import { membership, type PathIndex } from '../../model/paths';
import type { Derived } from '../../state/derive';

/** Node look bits. */
export const N = {
  VISIBLE: 1,
  /** Not dimmed: in the path, the highlight, the matches or the slide (or nothing is singled out). */
  LIT: 2,
  /** Lit because something is singled out: its label is always drawn. */
  FORCE: 4,
  /** Dimmed, but shown on an earlier lecture slide: drawn quieter rather than faded. */
  QUIET: 8,
  /** The selection or a path end: bordered and drawn on top. */
  MARKED: 16,
  PATH: 32,
  RING_VISITED: 64,
  RING_MASTERED: 128,
  /** Veiled maps with focus on: in the focus, drawn above the veil (lit or not). */
  RAISED: 256,
  RING_LINKED: 512,
} as const;

/** Edge look bits. */
export const E = {
  VISIBLE: 1,
  LIT: 2,
  PATH: 4,
  /** Lit because something is singled out: drawn wider. */
  WIDE: 8,
  QUIET: 16,
  /** Its phrase is drawn (path and highlight edges; on chapter-sized maps, a slide's and a focus's too). */
  LABEL: 32,
  /** Veiled maps with focus on: in the focus, drawn above the veil (lit or not). */
  RAISED: 64,
} as const;

/**
 * Rings drawn around nodes (e.g. revision progress); `mastered` wins over `linked` (linked
 * correctly in a map exercise), which wins over `visited`.
 */
export interface MapOverlay {
  readonly visited: ReadonlySet<string>;
  readonly mastered: ReadonlySet<string>;
  readonly linked?: ReadonlySet<string>;
}

/** What the looks are computed from. */
export interface LookInputs {
  readonly derived: Derived;
  readonly pathFrom: string | null;
  readonly pathTo: string | null;
  readonly overlay: MapOverlay | null;
  /**
   * Large graphs: a node or edge is lit only when something singles it out; the rest keeps its
   * resting look and the map dims it all at once (a veil over the map, the lit items above it),
   * so a highlight changes the few items it lights, not every other one.
   */
  readonly veiled: boolean;
  /**
   * Labels are forced (drawn whatever sigma's label grid says) on what is singled out only when
   * it is at most this many items; beyond, the grid picks among them as it does at rest.
   */
  readonly maxForcedLabels: number;
}

/**
 * Veiled maps show focus by raising the focus above an opaque veil instead of hiding every
 * other node and edge: what lies outside stays drawn (behind it) and unchanged.
 */
const focusRaises = (x: LookInputs): boolean => x.veiled && x.derived.focusActive;

/** Whether an item is drawn: hidden, behind a veiled map's focus (drawn, unchanged), or shown. */
type Presence = 'hidden' | 'behind' | 'shown';

/**
 * An item's presence: `visible`, in the visible Set (after focus); `behindFocus`, on a map that
 * raises its focus (focusRaises), in the filtered Set.
 */
const presence = (visible: boolean, behindFocus: boolean): Presence => (visible ? 'shown' : behindFocus ? 'behind' : 'hidden');

/** The nodes something singles out (path, highlight, matches, lecture slide, first found), or null. */
export function singledNodes(d: Derived): ReadonlySet<string> | null {
  return d.pathNodes ?? d.highlightNodes ?? d.matches ?? d.slideNodes;
}

export function nodeLook(key: string, x: LookInputs): number {
  const d = x.derived;
  return nodeLookIn(key, presence(d.visibleNodes.has(key), focusRaises(x) && d.filteredNodes.has(key)), x);
}

/** The look of a node whose presence is known. */
function nodeLookIn(key: string, p: Presence, x: LookInputs): number {
  const d = x.derived;
  if (p !== 'shown') return p === 'hidden' ? 0 : N.VISIBLE;
  const inPath = d.pathNodes?.has(key) ?? false;
  const singled = singledNodes(d);
  let code: number = N.VISIBLE;
  if (singled === null) code |= x.veiled ? 0 : N.LIT;
  else if (singled.has(key)) code |= singled.size <= x.maxForcedLabels ? N.LIT | N.FORCE : N.LIT;
  else if (!x.veiled && d.pastSlideNodes?.has(key)) code |= N.QUIET;
  if (inPath) code |= N.PATH;
  if (key === d.selectedVisible || (inPath && (key === x.pathFrom || key === x.pathTo))) code |= N.MARKED;
  if (x.overlay?.mastered.has(key)) code |= N.RING_MASTERED;
  else if (x.overlay?.linked?.has(key)) code |= N.RING_LINKED;
  else if (x.overlay?.visited.has(key)) code |= N.RING_VISITED;
  if (focusRaises(x)) code |= N.RAISED;
  return code;
}

export function edgeLook(key: string, x: LookInputs): number {
  const d = x.derived;
  return edgeLookIn(key, presence(d.visibleEdges.has(key), focusRaises(x) && d.filteredEdges.has(key)), x);
}

/** The look of an edge whose presence is known. */
function edgeLookIn(key: string, p: Presence, x: LookInputs): number {
  const d = x.derived;
  if (p !== 'shown') return p === 'hidden' ? 0 : E.VISIBLE;
  const singled = d.pathEdges ?? d.highlightEdges ?? d.slideEdges;
  let code: number = E.VISIBLE;
  if (singled === null) {
    if (!x.veiled) code |= E.LIT;
  } else if (singled.has(key)) {
    code |= E.LIT;
    if (d.highlightEdges !== null || d.slideEdges !== null) code |= E.WIDE;
  } else if (!x.veiled && d.pastSlideEdges?.has(key)) code |= E.QUIET;
  if (d.pathEdges?.has(key)) code |= d.pathEdges.size <= x.maxForcedLabels ? E.PATH | E.LABEL : E.PATH;
  else if (d.highlightEdges?.has(key) && d.highlightEdges.size <= x.maxForcedLabels) code |= E.LABEL;
  // Chapter-sized maps read a slide's links and a focus's links as phrases too.
  else if (!x.veiled && (d.slideEdges?.has(key) || d.focusActive)) code |= E.LABEL;
  if (focusRaises(x)) code |= E.RAISED;
  return code;
}

/** What both looks read: focus (veiled maps), the forced-label cap and the mode. */
function sameCommon(a: LookInputs, b: LookInputs): boolean {
  return a.derived.focusActive === b.derived.focusActive && a.veiled === b.veiled && a.maxForcedLabels === b.maxForcedLabels;
}

/** True when two inputs give every node the same look (the same Sets, ends and overlay). */
function sameNodeInputs(a: LookInputs, b: LookInputs): boolean {
  const p = a.derived, q = b.derived;
  return (
    sameCommon(a, b) && p.visibleNodes === q.visibleNodes && p.filteredNodes === q.filteredNodes &&
    p.selectedVisible === q.selectedVisible && p.highlightNodes === q.highlightNodes && p.pathNodes === q.pathNodes &&
    p.matches === q.matches && p.slideNodes === q.slideNodes && p.pastSlideNodes === q.pastSlideNodes &&
    a.pathFrom === b.pathFrom && a.pathTo === b.pathTo && a.overlay === b.overlay
  );
}

/** True when two inputs give every edge the same look (a search, for one, changes no edge). */
function sameEdgeInputs(a: LookInputs, b: LookInputs): boolean {
  const p = a.derived, q = b.derived;
  return (
    sameCommon(a, b) && p.visibleEdges === q.visibleEdges && p.filteredEdges === q.filteredEdges &&
    p.highlightEdges === q.highlightEdges && p.pathEdges === q.pathEdges && p.slideEdges === q.slideEdges &&
    p.pastSlideEdges === q.pastSlideEdges
  );
}

/** True when two inputs show, hide and raise the same items and ring them alike. */
function sameShown(a: LookInputs, b: LookInputs): boolean {
  const p = a.derived, q = b.derived;
  return (
    p.visibleNodes === q.visibleNodes && p.filteredNodes === q.filteredNodes && p.visibleEdges === q.visibleEdges &&
    p.filteredEdges === q.filteredEdges && a.overlay === b.overlay
  );
}

/**
 * The nodes whose look on a veiled map can differ from the resting look, given what is shown:
 * those the Sets that single nodes out hold, the selection and the path's ends (nodeLookIn).
 */
function singlingNodes(x: LookInputs): (Iterable<string> | null)[] {
  const d = x.derived;
  const ends = [d.selectedVisible, x.pathFrom, x.pathTo].filter((k): k is string => k !== null);
  return [d.pathNodes, d.highlightNodes, d.matches, d.slideNodes, ends];
}

/** The same for edges (edgeLookIn). */
function singlingEdges(x: LookInputs): (Iterable<string> | null)[] {
  const d = x.derived;
  return [d.pathEdges, d.highlightEdges, d.slideEdges];
}

/** The ordinals of the keys the lists hold, ascending, each once. */
function ordinalsIn(index: ReadonlyMap<string, number>, lists: readonly (Iterable<string> | null)[]): Int32Array {
  const seen = new Set<number>();
  for (const list of lists) {
    for (const key of list ?? []) {
      const i = index.get(key);
      if (i !== undefined) seen.add(i);
    }
  }
  return Int32Array.from(seen).sort();
}

/**
 * The codes of the last draw, by node and edge (graph order), and what changed since. `update`
 * allocates nothing per item: a few Set lookups each, into typed arrays.
 */
export class LookTable {
  readonly nodeKeys: readonly string[];
  readonly edgeKeys: readonly string[];
  private readonly nodeIndex: ReadonlyMap<string, number>;
  private readonly edgeIndex: ReadonlyMap<string, number>;
  private readonly nodeCode: Uint16Array;
  private readonly edgeCode: Uint8Array;
  /** Which nodes had a label (shown and lit) at the last full draw: sigma's label grid. */
  private readonly labelledAtFull: Uint8Array;
  private inputs: LookInputs;
  /** Items whose code changed in the last `update` (reused arrays). */
  readonly changedNodes: string[] = [];
  readonly changedEdges: string[] = [];
  /** For each changed item, in the same order: its ordinal (graph order) and its code before. */
  readonly changedNodeOrdinals: number[] = [];
  readonly changedNodesWere: number[] = [];
  readonly changedEdgeOrdinals: number[] = [];
  readonly changedEdgesWere: number[] = [];
  /** Edges lit or raised, kept as codes change: on veiled maps, what is drawn above the veil. */
  readonly raisedEdges = new Set<string>();
  /** How many edges have their phrase drawn (E.LABEL), kept as codes change. */
  private phrases = 0;

  /** `index`: the keys in graph order and their ordinals (the session's index). */
  constructor(index: Pick<PathIndex, 'nodeKeys' | 'edgeKeys' | 'nodeOrdinals' | 'edgeOrdinals'>, inputs: LookInputs) {
    const { nodeKeys, edgeKeys } = index;
    this.nodeKeys = nodeKeys;
    this.edgeKeys = edgeKeys;
    this.nodeIndex = index.nodeOrdinals;
    this.edgeIndex = index.edgeOrdinals;
    this.nodeCode = new Uint16Array(nodeKeys.length);
    this.edgeCode = new Uint8Array(edgeKeys.length);
    this.labelledAtFull = new Uint8Array(nodeKeys.length);
    this.inputs = inputs;
    // From all hidden (code 0) to the codes of `inputs`: nothing is drawn yet, nothing changed.
    this.recompute(true, true);
    this.clearChanged();
    this.markFullDraw();
  }

  /** How many edges have their phrase drawn (E.LABEL) in the last draw's looks. */
  get labelledEdges(): number {
    return this.phrases;
  }

  node(key: string): number {
    const i = this.nodeIndex.get(key);
    return i === undefined ? 0 : this.nodeCode[i];
  }

  edge(key: string): number {
    const i = this.edgeIndex.get(key);
    return i === undefined ? 0 : this.edgeCode[i];
  }

  /** The ordinal (graph order) of the node or edge `key`; -1 when the graph has none such. */
  nodeOrdinal(key: string): number {
    return this.nodeIndex.get(key) ?? -1;
  }

  edgeOrdinal(key: string): number {
    return this.edgeIndex.get(key) ?? -1;
  }

  /** The code of the node or edge of this ordinal (graph order). */
  nodeAt(ordinal: number): number {
    return this.nodeCode[ordinal];
  }

  edgeAt(ordinal: number): number {
    return this.edgeCode[ordinal];
  }

  /** Recomputes the codes for `inputs`; lists in `changedNodes`/`changedEdges` the items whose code changed. */
  update(inputs: LookInputs): void {
    const before = this.inputs;
    const nodes = !sameNodeInputs(before, inputs);
    const edges = !sameEdgeInputs(before, inputs);
    this.inputs = inputs;
    // On a veiled map, with what is shown, the focus and the overlay as they were, an item's
    // code changes only if a Set that singles items out holds it, before or now: only those are
    // looked at (a hover at 100k nodes and 300k links looks at its neighbourhood, not at all).
    const few = before.veiled && inputs.veiled && sameCommon(before, inputs) && sameShown(before, inputs);
    if (!few) return this.recompute(nodes, edges);
    this.clearChanged();
    if (nodes) this.recomputeNodes(ordinalsIn(this.nodeIndex, [...singlingNodes(before), ...singlingNodes(inputs)]));
    if (edges) this.recomputeEdges(ordinalsIn(this.edgeIndex, [...singlingEdges(before), ...singlingEdges(inputs)]));
  }

  /** Recomputes the codes of the nodes (`nodes`) and of the edges (`edges`) for the inputs held. */
  private recompute(nodes: boolean, edges: boolean): void {
    this.clearChanged();
    if (nodes) this.recomputeNodes(null);
    if (edges) this.recomputeEdges(null);
  }

  /** Recomputes the codes of the nodes of these ordinals (all when null), in ascending order. */
  private recomputeNodes(only: Int32Array | null): void {
    const { nodeKeys, nodeCode, inputs } = this;
    const d = inputs.derived;
    const raises = focusRaises(inputs);
    // Membership by ordinal (the deriver's Sets are bitmaps over the same index): no key lookups.
    const shown = membership(d.visibleNodes, nodeKeys, this.nodeIndex)!;
    const filtered = membership(d.filteredNodes, nodeKeys, this.nodeIndex)!;
    const n = only === null ? nodeKeys.length : only.length;
    for (let j = 0; j < n; j++) {
      const i = only === null ? j : only[j]!;
      const c = nodeLookIn(nodeKeys[i], presence(shown(i), raises && filtered(i)), inputs);
      if (c === nodeCode[i]) continue;
      this.changedNodesWere.push(nodeCode[i]);
      this.changedNodeOrdinals.push(i);
      nodeCode[i] = c;
      this.changedNodes.push(nodeKeys[i]);
    }
  }

  /** Recomputes the codes of the edges of these ordinals (all when null), in ascending order. */
  private recomputeEdges(only: Int32Array | null): void {
    const { edgeKeys, edgeCode, inputs } = this;
    const d = inputs.derived;
    const raises = focusRaises(inputs);
    const shown = membership(d.visibleEdges, edgeKeys, this.edgeIndex)!;
    const filtered = membership(d.filteredEdges, edgeKeys, this.edgeIndex)!;
    const n = only === null ? edgeKeys.length : only.length;
    for (let j = 0; j < n; j++) {
      const i = only === null ? j : only[j]!;
      const c = edgeLookIn(edgeKeys[i], presence(shown(i), raises && filtered(i)), inputs);
      if (c === edgeCode[i]) continue;
      this.phrases += (c & E.LABEL ? 1 : 0) - (edgeCode[i] & E.LABEL ? 1 : 0);
      this.changedEdgesWere.push(edgeCode[i]);
      this.changedEdgeOrdinals.push(i);
      edgeCode[i] = c;
      this.changedEdges.push(edgeKeys[i]);
      if (c & (E.LIT | E.RAISED)) this.raisedEdges.add(edgeKeys[i]);
      else if (this.raisedEdges.size !== 0) this.raisedEdges.delete(edgeKeys[i]);
    }
  }

  private clearChanged(): void {
    for (const list of [this.changedNodes, this.changedNodeOrdinals, this.changedNodesWere, this.changedEdges, this.changedEdgeOrdinals, this.changedEdgesWere]) list.length = 0;
  }

  /** Records that every item was just drawn from scratch (sigma re-indexed its label grid). */
  markFullDraw(): void {
    for (let i = 0; i < this.nodeCode.length; i++) this.labelledAtFull[i] = this.labelled(this.nodeCode[i]) ? 1 : 0;
  }

  /** Whether a node of this code has a label: shown, and lit unless the map is veiled (then all keep theirs). */
  private labelled(code: number): boolean {
    if ((code & N.VISIBLE) === 0) return false;
    return this.inputs.veiled || (code & N.LIT) !== 0;
  }

  /**
   * True when a node now has a label it did not have at the last full draw: sigma's label grid
   * does not know it yet (only forced labels would show), so a full draw is due.
   */
  labelGridStale(): boolean {
    return this.changedNodeOrdinals.some((i) => this.labelled(this.nodeCode[i]) && this.labelledAtFull[i] === 0);
  }
}
