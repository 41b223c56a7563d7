/**
 * The ladder's structure, read from the graph: which nodes are its rows (transformations with
 * one `from` and one `to` pole, in chapter order), and what each row links to within a small
 * radius. No positions here.
 */
import type { LinkageGraph } from '../types';

// ── Rows ──────────────────────────────────────────────────────────────────────────────────

/** One transformation: its old and new pole, its dimension and the slides it rests on. */
export interface LadderRow {
  readonly key: string;
  /** Position in chapter order, from 0. */
  readonly index: number;
  /** The old pole (target of the single `from` edge). */
  readonly from: string;
  /** The new pole (target of the single `to` edge). */
  readonly to: string;
  /** The source of a `dimension-of` edge to the transformation, or null. */
  readonly dimension: string | null;
  readonly slides: readonly number[];
  /** The row's own edges: from, to and dimension-of. */
  readonly edges: readonly string[];
}

export type SkipReason = 'no-from' | 'no-to' | 'many-from' | 'many-to';

export interface Ladder {
  readonly rows: readonly LadderRow[];
  /** The paradigm most old poles characterize (傳統行政), or null. */
  readonly oldParadigm: string | null;
  /** The paradigm most new poles characterize (電子政務), or null. */
  readonly newParadigm: string | null;
  /** Transformations that could not be placed, and why. */
  readonly skipped: readonly { readonly key: string; readonly reason: SkipReason }[];
  /**
   * Nodes too general to tell rows apart: linked to the core of more than half of the rows
   * (e.g. "a profound revolution", which involves every dimension). Never shown as a link.
   */
  readonly general: ReadonlySet<string>;
}

const TRANSFORMATION = 'transformation';
const FRAME_KINDS: ReadonlySet<string> = new Set(['chapter', 'section', 'paradigm']);
/** Second-hop edges: the chapter's cross-section links and the typed links of §2-1 and §2-4. */
const SECOND_HOP_EDGES: ReadonlySet<string> = new Set(['echoes', 'contrasts', 'drawback-of', 'aspect-of', 'realizes', 'defines']);
/** Second-hop nodes reached along any edge. */
const SECOND_HOP_KINDS: ReadonlySet<string> = new Set(['actor', 'technology']);

function firstSlide(slides: unknown): number {
  return Array.isArray(slides) && typeof slides[0] === 'number' ? slides[0] : Number.POSITIVE_INFINITY;
}

function kindOf(graph: LinkageGraph, key: string): string {
  const kind = graph.getNodeAttribute(key, 'kind');
  return typeof kind === 'string' ? kind : '';
}

/** The row's core: transformation, poles and dimension. */
export function rowCore(row: LadderRow): string[] {
  return row.dimension ? [row.key, row.from, row.to, row.dimension] : [row.key, row.from, row.to];
}

/**
 * Finds the ladder's rows in `graph`: every `transformation` node with exactly one outgoing
 * `from` and one `to` edge, ordered by first slide (then graph order). Others are `skipped`.
 */
export function buildLadder(graph: LinkageGraph): Ladder {
  if (!graph || typeof graph.forEachNode !== 'function') {
    throw new Error('linkage/ladder: the given graph is not a valid graphology instance.');
  }
  const found: Array<Omit<LadderRow, 'index'> & { order: number }> = [];
  const skipped: { key: string; reason: SkipReason }[] = [];
  let order = 0;
  graph.forEachNode((key, attrs) => {
    if (attrs.kind !== TRANSFORMATION) return;
    const froms: Array<[string, string]> = [];
    const tos: Array<[string, string]> = [];
    let dimension: [string, string] | null = null;
    graph.forEachOutEdge(key, (edge, e, _s, target) => {
      if (e.kind === 'from') froms.push([edge, target]);
      else if (e.kind === 'to') tos.push([edge, target]);
    });
    graph.forEachInEdge(key, (edge, e, source) => {
      if (e.kind === 'dimension-of' && dimension === null) dimension = [edge, source];
    });
    const reason: SkipReason | null =
      froms.length === 0 ? 'no-from' : froms.length > 1 ? 'many-from' : tos.length === 0 ? 'no-to' : tos.length > 1 ? 'many-to' : null;
    if (reason) {
      skipped.push({ key, reason });
      return;
    }
    const dim = dimension as [string, string] | null;
    found.push({
      key,
      from: froms[0]![1],
      to: tos[0]![1],
      dimension: dim ? dim[1] : null,
      slides: Array.isArray(attrs.slides) ? attrs.slides : [],
      edges: [froms[0]![0], tos[0]![0], ...(dim ? [dim[0]] : [])],
      order: order++,
    });
  });
  found.sort((a, b) => firstSlide(a.slides) - firstSlide(b.slides) || a.order - b.order);
  const rows: LadderRow[] = found.map(({ order: _o, ...row }, index) => ({ ...row, index }));

  // The paradigm each side characterizes, by majority.
  const paradigmOf = (poles: string[]): string | null => {
    const votes = new Map<string, number>();
    for (const pole of poles) {
      graph.forEachOutEdge(pole, (_e, attrs, _s, target) => {
        if (attrs.kind === 'characterizes' && kindOf(graph, target) === 'paradigm') votes.set(target, (votes.get(target) ?? 0) + 1);
      });
    }
    let best: string | null = null;
    for (const [key, n] of votes) if (best === null || n > votes.get(best)!) best = key;
    return best;
  };

  // Nodes linked to the core of more than half of the rows are context, not links of a row.
  const general = new Set<string>();
  if (rows.length >= 3) {
    const reach = new Map<string, Set<number>>();
    for (const row of rows) {
      for (const core of rowCore(row)) {
        graph.forEachNeighbor(core, (n) => {
          let s = reach.get(n);
          if (!s) reach.set(n, (s = new Set()));
          s.add(row.index);
        });
      }
    }
    for (const [key, s] of reach) if (s.size > rows.length / 2 && kindOf(graph, key) !== 'paradigm') general.add(key);
  }
  return {
    rows,
    oldParadigm: paradigmOf(rows.map((r) => r.from)),
    newParadigm: paradigmOf(rows.map((r) => r.to)),
    skipped,
    general,
  };
}

// ── Links of a row ────────────────────────────────────────────────────────────────────────

/** What may be walked: the filtered nodes and edges (everything when absent). */
export interface Visibility {
  readonly nodes?: ReadonlySet<string>;
  readonly edges?: ReadonlySet<string>;
}

/** A node brought forward by a row, drawn in the side column of its side. */
export interface LinkedItem {
  readonly key: string;
  readonly side: 'old' | 'new';
  /** 1: linked to the row's core; 2: linked to a depth-1 item. */
  readonly depth: 1 | 2;
  /** The node it is linked to: a core node (depth 1) or a depth-1 item (depth 2). */
  readonly via: string;
  /** The edge between `via` and `key`. */
  readonly edge: string;
}

export interface RowLinks {
  /** In drawing order: depth-1 items by side, kind and slide, each followed by its depth-2 items. */
  readonly items: readonly LinkedItem[];
  /** Indexes of other rows whose core the walk met (e.g. a measure involving two dimensions). */
  readonly rows: readonly number[];
}

/**
 * What row `index` links to: nodes adjacent to its transformation, poles or dimension (depth
 * 1), and from those, one more step along echoes / contrasts / drawback-of / aspect-of /
 * realizes / defines edges or to an actor or technology (depth 2). Chapter, sections,
 * paradigms and {@link Ladder.general} nodes are left out. Items reached from the old pole sit
 * on the old side, all others on the new side. With `index` null: what characterizes each
 * paradigm, besides the poles.
 */
export function rowLinks(graph: LinkageGraph, ladder: Ladder, index: number | null, visible: Visibility = {}): RowLinks {
  const nodeOk = (k: string) => !visible.nodes || visible.nodes.has(k);
  const edgeOk = (e: string) => !visible.edges || visible.edges.has(e);
  const coreOf = new Map<string, number>();
  for (const row of ladder.rows) for (const k of rowCore(row)) if (!coreOf.has(k)) coreOf.set(k, row.index);
  const placed = new Map<string, LinkedItem>();
  const linkedRows = new Set<number>();
  const eligible = (k: string): boolean =>
    nodeOk(k) && !placed.has(k) && !FRAME_KINDS.has(kindOf(graph, k)) && !ladder.general.has(k);

  /** Calls `visit(other, edge)` for each visible edge at `node`, in graph order. */
  const eachLink = (node: string, visit: (other: string, edge: string, kind: string) => void): void => {
    graph.forEachEdge(node, (edge, attrs, source, target) => {
      if (!edgeOk(edge)) return;
      visit(source === node ? target : source, edge, typeof attrs.kind === 'string' ? attrs.kind : '');
    });
  };

  const firstRing: LinkedItem[] = [];
  if (index === null) {
    const poles = new Set(ladder.rows.flatMap((r) => [r.from, r.to]));
    for (const [paradigm, side] of [[ladder.oldParadigm, 'old'], [ladder.newParadigm, 'new']] as const) {
      if (!paradigm || !nodeOk(paradigm)) continue;
      eachLink(paradigm, (other, edge) => {
        if (poles.has(other) || coreOf.has(other) || !eligible(other)) return;
        const item: LinkedItem = { key: other, side, depth: 1, via: paradigm, edge };
        placed.set(other, item);
        firstRing.push(item);
      });
    }
    return { items: ordered(graph, firstRing, []), rows: [] };
  }

  const row = ladder.rows[index];
  if (!row) throw new Error(`linkage/ladder: no row ${index} (the ladder has ${ladder.rows.length}).`);
  const core = [row.from, row.to, row.key, ...(row.dimension ? [row.dimension] : [])];
  const own = new Set(core);
  for (const c of core) {
    if (!nodeOk(c)) continue;
    const side = c === row.from ? 'old' : 'new';
    eachLink(c, (other, edge) => {
      if (own.has(other)) return;
      const r = coreOf.get(other);
      if (r !== undefined) {
        if (r !== index && nodeOk(other)) linkedRows.add(r);
        return;
      }
      if (!eligible(other)) return;
      const item: LinkedItem = { key: other, side, depth: 1, via: c, edge };
      placed.set(other, item);
      firstRing.push(item);
    });
  }
  const secondRing: LinkedItem[] = [];
  for (const parent of firstRing) {
    eachLink(parent.key, (other, edge, kind) => {
      if (own.has(other)) return;
      const r = coreOf.get(other);
      if (r !== undefined) {
        if (r !== index && nodeOk(other) && SECOND_HOP_EDGES.has(kind)) linkedRows.add(r);
        return;
      }
      if (!SECOND_HOP_EDGES.has(kind) && !SECOND_HOP_KINDS.has(kindOf(graph, other))) return;
      if (!eligible(other)) return;
      const item: LinkedItem = { key: other, side: parent.side, depth: 2, via: parent.key, edge };
      placed.set(other, item);
      secondRing.push(item);
    });
  }
  return { items: ordered(graph, firstRing, secondRing), rows: [...linkedRows].sort((a, b) => a - b) };
}

/** Depth-1 items sorted by side, kind (legend order), first slide and key; children after each. */
function ordered(graph: LinkageGraph, first: LinkedItem[], second: LinkedItem[]): LinkedItem[] {
  const kinds = (graph.getAttribute('nodeKinds') ?? []).map((k) => k.id);
  const rank = (k: string) => {
    const i = kinds.indexOf(kindOf(graph, k));
    return i < 0 ? kinds.length : i;
  };
  const cmp = (a: LinkedItem, b: LinkedItem) =>
    (a.side === b.side ? 0 : a.side === 'old' ? -1 : 1) ||
    rank(a.key) - rank(b.key) ||
    firstSlide(graph.getNodeAttribute(a.key, 'slides')) - firstSlide(graph.getNodeAttribute(b.key, 'slides')) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const out: LinkedItem[] = [];
  for (const parent of [...first].sort(cmp)) {
    out.push(parent);
    out.push(...second.filter((c) => c.via === parent.key).sort(cmp));
  }
  return out;
}

/** Every row's links, and for each linked node the rows that bring it forward. */
export interface LadderLinks {
  readonly byRow: readonly RowLinks[];
  readonly rowsOf: ReadonlyMap<string, readonly number[]>;
}

/** {@link rowLinks} for every row, once per filter state. */
export function allRowLinks(graph: LinkageGraph, ladder: Ladder, visible: Visibility = {}): LadderLinks {
  const byRow = ladder.rows.map((r) => rowLinks(graph, ladder, r.index, visible));
  const rowsOf = new Map<string, number[]>();
  byRow.forEach((links, i) => {
    for (const item of links.items) {
      const list = rowsOf.get(item.key);
      if (list) list.push(i);
      else rowsOf.set(item.key, [i]);
    }
  });
  return { byRow, rowsOf };
}

/** The row a node belongs to as transformation, pole or dimension (first such row), or null. */
export function rowOfCore(ladder: Ladder, key: string | null): number | null {
  if (key === null) return null;
  for (const row of ladder.rows) if (rowCore(row).includes(key)) return row.index;
  return null;
}
