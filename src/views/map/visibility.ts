/**
 * Large graphs: items hidden and shown again (a filter) without sigma's per-item reprocessing.
 *
 * sigma redraws a changed item by copying its attributes, running the reducer and its defaults
 * on the copy, then writing the item's slot in its program's array, which is then sent to the
 * GPU whole. A filter hides or shows thousands of items at once, and for those most of that work
 * is wasted: an item hidden here keeps its slot as it is, and its byte in the table of what is
 * shown (shown.ts) goes to 0, so the programs draw it nowhere (in the picture and in the picking
 * layer alike: it can be neither seen, hovered nor clicked); a link hidden by a hidden end has
 * its byte cleared, nothing else. An item shown again with the look it had looks as it did: its
 * byte goes back to 255.
 *
 * So an item going hidden keeps its display data: it is flagged hidden (sigma's labels, hover
 * and phrases skip it; an edge with a hidden end needs no flag), taken out of sigma's sets of
 * raised and labelled items, and its byte cleared. An item shown again with the code it was
 * hidden with is unflagged, its byte set and its sets joined again; when sigma has laid out its
 * programs meanwhile (its slot then holds what its hidden data says: nothing), the slot is
 * written again from the kept data, as sigma would. Every other change, and an item whose data
 * sigma rebuilt meanwhile (a full refresh), goes through sigma's own partial refresh.
 */
import type { PathIndex } from '../../model/paths';
import type { LookTable } from './looks';
import type { MapRenderer } from './map-context';
import { shownTableOf, type ShownTable } from './shown';

/** The part of sigma's display data this reads and writes. */
interface Display {
  hidden: boolean;
}

/** What of sigma this reads and writes beyond its public API (sigma 3.0). */
interface SigmaInternals {
  nodeDataCache: Record<string, Display>;
  edgeDataCache: Record<string, Display>;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  nodeProgramIndex: Record<string, number>;
  edgeProgramIndex: Record<string, number>;
  highlightedNodes: Set<string>;
  nodesWithForcedLabels: Set<string>;
  edgesWithForcedLabels: Set<string>;
  addNodeToProgram(node: string, fingerprint: number, position: number): void;
  addEdgeToProgram(edge: string, fingerprint: number, position: number): void;
}

/**
 * Flags of an item hidden here: it was in sigma's highlighted set (RAISED), in its forced-label
 * set (LABELLED); its slot still holds what it drew (KEPT: sigma has not laid out its programs
 * since); its data is flagged hidden (FLAGGED: every node, and an edge whose ends are shown);
 * and, answered by `restore`, its slot is to be written again (MOVED).
 */
const RAISED = 1, LABELLED = 2, KEPT = 4, MOVED = 8, FLAGGED = 16;

/** The nodes or the edges of the map, by ordinal: sigma's display data of each, what each item hidden here keeps. */
class Items {
  readonly data: (Display | undefined)[];
  /** The code an item hidden here had (its data still looks so); 0 when none is kept. */
  readonly keptCode: Uint16Array;
  /** Per item hidden here: the sigma sets it left (RAISED, LABELLED), FLAGGED, and KEPT while its slot is as drawn. */
  private readonly flags: Uint8Array;

  constructor(readonly keys: readonly string[]) {
    this.data = new Array<Display | undefined>(keys.length);
    this.keptCode = new Uint16Array(keys.length);
    this.flags = new Uint8Array(keys.length);
  }

  /** After sigma laid out its programs: the data read again; data rebuilt by sigma forgets what it kept. */
  index(cache: Record<string, Display>): void {
    const { keys, data, keptCode, flags } = this;
    for (let i = 0; i < keys.length; i++) {
      const d = cache[keys[i]];
      if (d !== data[i]) keptCode[i] = 0;
      data[i] = d;
      // Slots written again (the sets left are still to be joined).
      flags[i] &= ~KEPT;
    }
  }

  /** Item `i` hidden here: keeps the code `code` its data looks like and `sets`, the sigma sets it left. */
  hide(i: number, code: number, sets: number): void {
    this.flags[i] = sets | KEPT;
    this.keptCode[i] = code;
  }

  /** Item `i` shown again: returns the sigma sets it left and FLAGGED, with MOVED when its slot is to be written again. */
  restore(i: number): number {
    const flags = this.flags[i];
    this.keptCode[i] = 0;
    this.flags[i] = 0;
    return (flags & KEPT) === 0 ? flags | MOVED : flags & ~KEPT;
  }

  /** Whether item `i` is hidden here with its data left unflagged (an edge hidden by a hidden end). */
  unflagged(i: number): boolean {
    return this.keptCode[i] !== 0 && (this.flags[i] & FLAGGED) === 0;
  }

  /** Records that item `i`'s data is now flagged hidden. */
  flagged(i: number): void {
    this.flags[i] |= FLAGGED;
  }
}

export interface QuickVisibility {
  /**
   * After `looks.update`: hides and shows what it can itself (above), hands the other changed
   * items to sigma's partial refresh, and draws.
   */
  draw(looks: LookTable): void;
}

/** The quick path for `renderer`, drawing the items of `looks`, over the graph's `index`. */
export function createQuickVisibility(renderer: MapRenderer, looks: LookTable, index: PathIndex): QuickVisibility {
  const own = renderer as unknown as SigmaInternals;
  const table: ShownTable | undefined = shownTableOf(renderer);
  if (table === undefined) throw new Error('Linkage: the map renderer has no table of what is shown');
  const { edgeSource, edgeTarget, outEdges, inEdges } = index;
  const nodes = new Items(looks.nodeKeys);
  const edges = new Items(looks.edgeKeys);
  let laidOut = false;
  renderer.on('afterProcess', () => (laidOut = false));
  // The items left for sigma's partial refresh, by key and by ordinal (reused arrays).
  const left = { nodes: [] as string[], edges: [] as string[] };
  const leftNodeOrdinals: number[] = [];
  const leftEdgeOrdinals: number[] = [];
  return {
    draw(looks) {
      if (!laidOut) {
        nodes.index(own.nodeDataCache);
        edges.index(own.edgeDataCache);
        laidOut = true;
      }
      left.nodes.length = 0;
      left.edges.length = 0;
      // sigma makes these sets anew on a full refresh: read them each time.
      const { highlightedNodes: highlighted, nodesWithForcedLabels: nodeLabels, edgesWithForcedLabels: edgeLabels } = own;
      leftNodeOrdinals.length = 0;
      leftEdgeOrdinals.length = 0;
      const { changedNodes, changedNodeOrdinals, changedNodesWere } = looks;
      // Nodes first: an edge is hidden by a hidden end.
      for (let k = 0; k < changedNodes.length; k++) {
        const key = changedNodes[k], i = changedNodeOrdinals[k], was = changedNodesWere[k];
        const now = looks.nodeAt(i);
        const data = nodes.data[i];
        if (now === 0 && was !== 0 && data !== undefined && !data.hidden) {
          data.hidden = true;
          // Which of sigma's sets it leaves, to join them again when shown.
          const raised = highlighted.size !== 0 && highlighted.delete(key);
          const labelled = nodeLabels.size !== 0 && nodeLabels.delete(key);
          nodes.hide(i, was, FLAGGED | (raised ? RAISED : 0) | (labelled ? LABELLED : 0));
          table.node(i, false);
        } else if (was === 0 && now !== 0 && nodes.keptCode[i] === now) {
          data!.hidden = false;
          const sets = nodes.restore(i);
          if (sets & RAISED) highlighted.add(key);
          if (sets & LABELLED) nodeLabels.add(key);
          if (sets & MOVED) own.addNodeToProgram(key, own.nodeIndices[key], own.nodeProgramIndex[key]);
          table.node(i, true);
        } else {
          nodes.keptCode[i] = 0;
          left.nodes.push(key);
          leftNodeOrdinals.push(i);
          // sigma draws it as its data says.
          table.node(i, true);
        }
      }
      const { changedEdges, changedEdgeOrdinals, changedEdgesWere } = looks;
      for (let k = 0; k < changedEdges.length; k++) {
        const key = changedEdges[k], i = changedEdgeOrdinals[k], was = changedEdgesWere[k];
        const now = looks.edgeAt(i);
        const data = edges.data[i];
        if (now === 0 && was !== 0 && data !== undefined) {
          const labelled = edgeLabels.size !== 0 && edgeLabels.delete(key);
          // sigma hides an edge with a hidden end wherever it reads it (its slot when laid out
          // again, its phrase), whatever its own data says: that data is left untouched (a
          // filter hides thousands such edges). An edge hidden between shown ends is flagged.
          // Either way its byte is cleared (the programs read no node's byte for an edge).
          if (looks.nodeAt(edgeSource[i]) === 0 || looks.nodeAt(edgeTarget[i]) === 0) edges.hide(i, was, labelled ? LABELLED : 0);
          else {
            data.hidden = true;
            edges.hide(i, was, FLAGGED | (labelled ? LABELLED : 0));
          }
          table.edge(i, false);
        } else if (was === 0 && now !== 0 && edges.keptCode[i] === now) {
          const sets = edges.restore(i);
          if (sets & FLAGGED) data!.hidden = false;
          table.edge(i, true);
          if (sets & LABELLED) edgeLabels.add(key);
          if (sets & MOVED) own.addEdgeToProgram(key, own.edgeIndices[key], own.edgeProgramIndex[key]);
        } else {
          edges.keptCode[i] = 0;
          left.edges.push(key);
          leftEdgeOrdinals.push(i);
          table.edge(i, true);
        }
      }
      // A node shown again: the edges it ends that stay hidden, left unflagged behind it, have
      // their data flagged once both their ends are shown (their byte stays cleared).
      for (let k = 0; k < changedNodes.length; k++) {
        if (changedNodesWere[k] !== 0 || looks.nodeAt(changedNodeOrdinals[k]) === 0) continue;
        for (const rows of [outEdges, inEdges]) {
          const n = changedNodeOrdinals[k];
          for (let r = rows.starts[n]; r < rows.starts[n + 1]; r++) {
            const e = rows.values[r];
            if (looks.edgeAt(e) !== 0 || !edges.unflagged(e)) continue;
            if (looks.nodeAt(edgeSource[e]) === 0 || looks.nodeAt(edgeTarget[e]) === 0) continue;
            const data = edges.data[e];
            if (data !== undefined) data.hidden = true;
            edges.flagged(e);
          }
        }
      }
      // sigma draws, with or without items left for it; their data, made anew, is read again.
      renderer.refresh({ partialGraph: left, skipIndexation: true });
      for (let k = 0; k < leftNodeOrdinals.length; k++) nodes.data[leftNodeOrdinals[k]] = own.nodeDataCache[left.nodes[k]];
      for (let k = 0; k < leftEdgeOrdinals.length; k++) edges.data[leftEdgeOrdinals[k]] = own.edgeDataCache[left.edges[k]];
    },
  };
}
