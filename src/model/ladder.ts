/**
 * The transformation ladder, without DOM: which nodes are its rows (transformations with one
 * `from` and one `to` pole, in chapter order), what each row links to within a small radius,
 * and where everything goes. The d3 view and the standalone SVG export both draw this layout.
 */
import type { LinkageGraph } from './types';

// ── 1. Structure ──────────────────────────────────────────────────────────────────────────

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

// ── 2. Links of a row ─────────────────────────────────────────────────────────────────────

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

// ── 3. Layout ─────────────────────────────────────────────────────────────────────────────

/** Splits `text` into lines of at most `cjkChars` CJK or `latinChars` Latin characters. */
export type WrapFn = (text: string, cjkChars: number, latinChars: number) => string[];

/** A line of text, `x` being where its anchor sits and `y` its baseline. */
export interface TextLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

export interface TextBlock {
  readonly lines: readonly TextLine[];
  /** Font size in px. */
  readonly size: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Texts of one row, in the reader's language. */
export interface RowText {
  readonly dimension: string;
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /** The slides cited, e.g. "第 6 張". */
  readonly cite: string;
}

export interface LadderText {
  readonly rows: readonly RowText[];
  /** Header over the old poles (傳統行政) and the new poles (電子政務). */
  readonly oldTitle: string;
  readonly newTitle: string;
  /** Header over the middle column. */
  readonly midTitle: string;
  /** Title and subtitle above everything (the export has them; the view uses HTML). */
  readonly title?: string;
  readonly subtitle?: string;
}

export interface RowBox {
  readonly index: number;
  /** Top and bottom of the row band (hit area), and the y of its arrow. */
  readonly y0: number;
  readonly y1: number;
  readonly axis: number;
  readonly number: { readonly cx: number; readonly cy: number; readonly r: number; readonly text: string };
  readonly from: Rect & { readonly text: TextBlock };
  readonly to: Rect & { readonly text: TextBlock };
  /** The dimension above the arrow, the transformation and its slides below. */
  readonly dimension: Rect & { readonly text: TextBlock };
  readonly label: Rect & { readonly text: TextBlock };
  readonly cite: TextBlock;
  readonly arrow: { readonly x1: number; readonly x2: number; readonly y: number };
}

export interface LadderLayout {
  readonly width: number;
  /** Bottom of the ladder (side columns may reach lower: see {@link SideLayout.bottom}). */
  readonly height: number;
  readonly fontSize: number;
  readonly sides: boolean;
  readonly columns: {
    readonly oldSide: { readonly x: number; readonly w: number } | null;
    readonly newSide: { readonly x: number; readonly w: number } | null;
    readonly ladder: { readonly x: number; readonly w: number };
    readonly from: { readonly x: number; readonly w: number };
    readonly mid: { readonly x: number; readonly w: number };
    readonly to: { readonly x: number; readonly w: number };
  };
  readonly title: TextBlock | null;
  readonly subtitle: TextBlock | null;
  readonly headers: { readonly old: TextBlock; readonly new: TextBlock; readonly mid: TextBlock; readonly y: number };
  readonly rows: readonly RowBox[];
  readonly rowsTop: number;
  readonly rowsBottom: number;
}

export interface LayoutOptions {
  /** Total width in px; default 1200. */
  width?: number;
  /** Base font size in px; default 18. */
  fontSize?: number;
  /** Reserve side columns for linked items; default true. */
  sides?: boolean;
  wrap: WrapFn;
}

const DEFAULTS = { width: 1200, fontSize: 18, sides: true } as const;
const LINE = 1.3;
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u;

/**
 * Estimated advance of `text` at `size` px in a CJK sans font (Noto Sans CJK): CJK and
 * full-width characters one em, Latin by class. Good to a few percent, enough to wrap and centre.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) {
    if (CJK.test(c)) em += 1;
    else if (c === ' ') em += 0.26;
    else if (/[iljtfI.,:;'!|]/.test(c)) em += 0.3;
    else if (/[mwMW]/.test(c)) em += 0.86;
    else if (/[A-Z]/.test(c)) em += 0.66;
    else if (/[0-9]/.test(c)) em += 0.56;
    else if (/[-–—()]/.test(c)) em += 0.36;
    else em += 0.54;
  }
  return em * size;
}

/** Wraps `text` to fit `width` px at `size` px (wrapLabel lets a lone CJK line run one over: undone). */
function wrapTo(wrap: WrapFn, text: string, width: number, size: number): string[] {
  if (text === '') return [];
  const cjk = Math.max(2, Math.floor(width / size));
  const latin = Math.max(6, Math.floor(width / (size * 0.56)));
  const lines = wrap(text, cjk, latin);
  return lines.length === 1 && textWidth(lines[0]!, size) > width && cjk > 2 ? wrap(text, cjk - 1, latin) : lines;
}

/**
 * Wraps `text` into `width` px, shrinking the font (down to 70 %) when a word alone is wider
 * than the box, e.g. "Knowledge-based" in a narrow pole.
 */
function fitTo(wrap: WrapFn, text: string, width: number, size: number): { lines: string[]; size: number } {
  let s = size;
  for (let i = 0; i < 4; i++) {
    const lines = wrapTo(wrap, text, width, s);
    const widest = Math.max(0, ...lines.map((l) => textWidth(l, s)));
    if (widest <= width || s <= size * 0.7) return { lines, size: s };
    s = Math.max(size * 0.7, s * (width / widest));
  }
  return { lines: wrapTo(wrap, text, width, s), size: s };
}

/** Lines centred on `cx`, first baseline at `top + size`. */
function centred(lines: readonly string[], cx: number, top: number, size: number): TextBlock {
  return { size, anchor: 'middle', lines: lines.map((text, i) => ({ text, x: cx, y: top + size * 0.93 + i * size * LINE })) };
}

function blockHeight(lines: number, size: number): number {
  return lines === 0 ? 0 : size * (1 + (lines - 1) * LINE) + size * 0.28;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/**
 * Positions of the ladder: title, paradigm headers, and per row the numbered old pole box,
 * the arrow with the dimension above and the transformation (with its slides) below, and the
 * new pole box. Deterministic: the same text and options give the same numbers.
 */
export function layoutLadder(text: LadderText, options: LayoutOptions): LadderLayout {
  if (typeof options?.wrap !== 'function') throw new Error('linkage/ladder: layoutLadder needs a `wrap` function.');
  const W = options.width ?? DEFAULTS.width;
  const fs = options.fontSize ?? DEFAULTS.fontSize;
  if (!(W > 0) || !(fs > 0)) throw new Error(`linkage/ladder: width and fontSize must be positive (got ${W}, ${fs}).`);
  const sides = options.sides ?? DEFAULTS.sides;
  const wrap = options.wrap;
  const pad = Math.round(fs * 1.1);

  // 1. Columns.
  const sideW = sides ? clamp(W * 0.18, fs * 10, fs * 16) : 0;
  const gap = sides ? fs * 2.6 : 0;
  const lx = pad + sideW + gap;
  const lw = Math.max(fs * 20, W - 2 * lx);
  const numW = fs * 2;
  const arrowGap = fs * 0.7;
  const poleW = clamp((lw - numW) * 0.25, fs * 5.5, fs * 12);
  const fromX = lx + numW;
  const midX = fromX + poleW + arrowGap;
  const midW = lw - numW - 2 * poleW - 2 * arrowGap;
  const toX = midX + midW + arrowGap;

  // 2. Title and headers.
  let y = pad;
  let title: TextBlock | null = null;
  let subtitle: TextBlock | null = null;
  if (text.title) {
    const size = fs * 1.5;
    const lines = wrapTo(wrap, text.title, W - 2 * pad, size);
    title = { size, anchor: 'start', lines: lines.map((t, i) => ({ text: t, x: pad, y: y + size * 0.93 + i * size * LINE })) };
    y += blockHeight(lines.length, size) + fs * 0.3;
  }
  if (text.subtitle) {
    const size = fs * 0.8;
    const lines = wrapTo(wrap, text.subtitle, W - 2 * pad, size);
    subtitle = { size, anchor: 'start', lines: lines.map((t, i) => ({ text: t, x: pad, y: y + size * 0.93 + i * size * LINE })) };
    y += blockHeight(lines.length, size) + fs * 0.6;
  }
  const hSize = fs * 1.3;
  const midSize = fs * 0.78;
  const oldLines = wrapTo(wrap, text.oldTitle, poleW + numW, hSize);
  const newLines = wrapTo(wrap, text.newTitle, poleW + numW, hSize);
  const headerH = Math.max(blockHeight(oldLines.length, hSize), blockHeight(newLines.length, hSize));
  const headers = {
    y,
    old: centred(oldLines, fromX + poleW / 2, y, hSize),
    new: centred(newLines, toX + poleW / 2, y, hSize),
    mid: centred(wrapTo(wrap, text.midTitle, midW, midSize), midX + midW / 2, y + Math.max(0, headerH - blockHeight(1, midSize)), midSize),
  };
  y += headerH + fs * 0.7;

  // 3. Rows.
  const poleSize = fs * 1.1;
  const dimSize = fs * 0.82;
  const labelSize = fs * 0.92;
  const citeSize = fs * 0.72;
  const padIn = fs * 0.5;
  const rowGap = fs * 0.55;
  const rowsTop = y;
  const rows: RowBox[] = text.rows.map((rt, index) => {
    const fromFit = fitTo(wrap, rt.from, poleW - 2 * padIn, poleSize);
    const toFit = fitTo(wrap, rt.to, poleW - 2 * padIn, poleSize);
    const poleH = Math.max(blockHeight(fromFit.lines.length, fromFit.size), blockHeight(toFit.lines.length, toFit.size)) + 2 * padIn;
    const dimLines = wrapTo(wrap, rt.dimension, midW - fs, dimSize);
    const labelLines = wrapTo(wrap, rt.label, midW - fs, labelSize);
    const dimH = blockHeight(dimLines.length, dimSize);
    const citeW = textWidth(rt.cite, citeSize);
    // The cite follows the last label line when it fits, else takes a line of its own.
    const lastW = labelLines.length ? textWidth(labelLines[labelLines.length - 1]!, labelSize) : 0;
    const citeInline = rt.cite !== '' && labelLines.length > 0 && lastW + fs * 0.5 + citeW <= midW - fs;
    const labelH = blockHeight(labelLines.length, labelSize) + (rt.cite && !citeInline ? citeSize * LINE : 0);
    const above = Math.max(dimH + fs * 0.45, poleH / 2);
    const below = Math.max(labelH + fs * 0.4, poleH / 2);
    const y0 = y;
    const axis = y0 + rowGap / 2 + above;
    const y1 = axis + below + rowGap / 2;
    y = y1;
    const cx = midX + midW / 2;
    const dimension = { x: midX, y: axis - fs * 0.35 - dimH, w: midW, h: dimH, text: centred(dimLines, cx, axis - fs * 0.35 - dimH, dimSize) };
    const labelTop = axis + fs * 0.4;
    const label = {
      x: midX,
      y: labelTop,
      w: midW,
      h: labelH,
      text: {
        size: labelSize,
        anchor: 'middle' as const,
        lines: labelLines.map((t, i) => {
          const last = i === labelLines.length - 1;
          const shift = last && citeInline ? -(fs * 0.5 + citeW) / 2 : 0;
          return { text: t, x: cx + shift, y: labelTop + labelSize * 0.93 + i * labelSize * LINE };
        }),
      },
    };
    const lastLine = label.text.lines[label.text.lines.length - 1];
    const cite: TextBlock =
      rt.cite === ''
        ? { size: citeSize, anchor: 'start', lines: [] }
        : citeInline && lastLine
          ? { size: citeSize, anchor: 'start', lines: [{ text: rt.cite, x: lastLine.x + lastW / 2 + fs * 0.5, y: lastLine.y }] }
          : { size: citeSize, anchor: 'middle', lines: [{ text: rt.cite, x: cx, y: labelTop + blockHeight(labelLines.length, labelSize) + citeSize }] };
    const box = (x: number, fit: { lines: string[]; size: number }) => ({
      x,
      y: axis - poleH / 2,
      w: poleW,
      h: poleH,
      text: centred(fit.lines, x + poleW / 2, axis - blockHeight(fit.lines.length, fit.size) / 2, fit.size),
    });
    return {
      index,
      y0,
      y1,
      axis,
      number: { cx: lx + numW * 0.4, cy: axis, r: fs * 0.72, text: String(index + 1) },
      from: box(fromX, fromFit),
      to: box(toX, toFit),
      dimension,
      label,
      cite,
      arrow: { x1: fromX + poleW + fs * 0.15, x2: toX - fs * 0.15, y: axis },
    };
  });
  const rowsBottom = y;
  return {
    width: W,
    height: y + pad,
    fontSize: fs,
    sides,
    columns: {
      oldSide: sides ? { x: pad, w: sideW } : null,
      newSide: sides ? { x: W - pad - sideW, w: sideW } : null,
      ladder: { x: lx, w: lw },
      from: { x: fromX, w: poleW },
      mid: { x: midX, w: midW },
      to: { x: toX, w: poleW },
    },
    title,
    subtitle,
    headers,
    rows,
    rowsTop,
    rowsBottom,
  };
}

// ── 4. Side columns ───────────────────────────────────────────────────────────────────────

/** A linked item's texts. */
export interface SideItemText extends LinkedItem {
  readonly label: string;
  /** Small line under the label: kind and slides. */
  readonly meta: string;
}

export interface SideCard {
  readonly key: string;
  readonly side: 'old' | 'new';
  readonly depth: 1 | 2;
  readonly via: string;
  readonly edge: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly label: TextBlock;
  readonly meta: TextBlock;
  /** Where the colour chip sits. */
  readonly chip: { readonly cx: number; readonly cy: number; readonly r: number };
}

/** A connector: from the row (or paradigm header) to a depth-1 card, or parent to child card. */
export interface SideLink {
  /** `${via}>${key}`: stable across renders. */
  readonly id: string;
  readonly key: string;
  readonly edge: string;
  readonly depth: 1 | 2;
  /** SVG path data. */
  readonly d: string;
}

export interface SideLayout {
  readonly cards: readonly SideCard[];
  readonly links: readonly SideLink[];
  /** Column headings. */
  readonly headings: { readonly old: TextBlock; readonly new: TextBlock };
  /** "and N more" per side, when a column holds more than fits. */
  readonly more: readonly (TextBlock & { readonly side: 'old' | 'new'; readonly count: number })[];
  /** Lowest point drawn: the picture is max(layout.height, bottom + padding) tall. */
  readonly bottom: number;
}

export interface SideOptions {
  wrap: WrapFn;
  /** Column headings. */
  oldHeading: string;
  newHeading: string;
  /** "and N more". */
  more(count: number): string;
  /** Most cards per column; default 14. */
  maxPerSide?: number;
}

/**
 * The small "kind · slides" line: one line, shrunk to 80 % if need be; else broken at its
 * " · " separators (never inside a slide list), each part shrunk to fit.
 */
function fitMeta(meta: string, width: number, size: number): { lines: string[]; size: number } {
  const w = textWidth(meta, size);
  if (w <= width) return { lines: [meta], size };
  if (w * 0.8 <= width) return { lines: [meta], size: size * (width / w) };
  const parts = meta.split(' · ');
  const widest = Math.max(...parts.map((p) => textWidth(p, size)));
  return { lines: parts, size: widest <= width ? size : Math.max(size * 0.7, size * (width / widest)) };
}

/** A horizontal cubic link, as d3-shape's linkHorizontal draws it. */
export function horizontalLink(x0: number, y0: number, x1: number, y1: number): string {
  const mx = (x0 + x1) / 2;
  return `M${r2(x0)},${r2(y0)}C${r2(mx)},${r2(y0)},${r2(mx)},${r2(y1)},${r2(x1)},${r2(y1)}`;
}

function r2(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Cards for the linked items in the side columns, stacked under a heading and centred on the
 * active row (or starting at the top when `active` is null), with connectors: row edge → card
 * for depth 1 (from the paradigm header when no row is active), an elbow parent → child for
 * depth 2. Columns hold at most `maxPerSide` cards; the rest are counted in `more`.
 */
export function layoutSides(layout: LadderLayout, items: readonly SideItemText[], active: number | null, options: SideOptions): SideLayout {
  const fs = layout.fontSize;
  const max = options.maxPerSide ?? 14;
  const labelSize = fs * 0.82;
  const metaSize = fs * 0.66;
  const padIn = fs * 0.42;
  const indent = fs * 1.3;
  const cardGap = fs * 0.38;
  const headSize = fs * 0.8;
  const row = active === null ? null : layout.rows[active] ?? null;
  const cards: SideCard[] = [];
  const links: SideLink[] = [];
  const more: (TextBlock & { side: 'old' | 'new'; count: number })[] = [];
  let bottom = layout.rowsBottom;
  const headingY = layout.headers.y;

  const headings = {
    old: { size: headSize, anchor: 'start' as const, lines: [] as TextLine[] },
    new: { size: headSize, anchor: 'start' as const, lines: [] as TextLine[] },
  };
  for (const side of ['old', 'new'] as const) {
    const col = side === 'old' ? layout.columns.oldSide : layout.columns.newSide;
    if (!col) continue;
    const heading = wrapTo(options.wrap, side === 'old' ? options.oldHeading : options.newHeading, col.w, headSize);
    headings[side] = {
      size: headSize,
      anchor: 'start',
      lines: heading.map((text, i) => ({ text, x: col.x, y: headingY + headSize * 0.93 + i * headSize * LINE })),
    };
    const top = headingY + blockHeight(heading.length, headSize) + fs * 0.6;
    const list = items.filter((it) => it.side === side);
    // Children follow their parent, so cutting the tail never leaves a child without it.
    const shown = list.slice(0, max);
    const hidden = list.length - shown.length;
    const sized = shown.map((it) => {
      const w = col.w - (it.depth === 2 ? indent : 0);
      const fit = fitTo(options.wrap, it.label, w - 2 * padIn - fs * 0.9, labelSize);
      const meta = fitMeta(it.meta, w - 2 * padIn - fs * 0.9, metaSize);
      const h = blockHeight(fit.lines.length, fit.size) + meta.lines.length * meta.size * LINE + 2 * padIn;
      return { it, w, lines: fit.lines, size: fit.size, meta, h };
    });
    const total = sized.reduce((s, c) => s + c.h, 0) + Math.max(0, sized.length - 1) * cardGap + (hidden ? metaSize * 2 : 0);
    const anchorY = row ? row.axis : top;
    let y = row ? anchorY - total / 2 : top;
    y = Math.max(top, Math.min(y, Math.max(top, layout.rowsBottom - total)));
    const placed = new Map<string, SideCard>();
    for (const { it, w, lines, size, meta, h } of sized) {
      const x = col.x + (it.depth === 2 ? indent : 0);
      const textX = x + padIn + fs * 0.9;
      const card: SideCard = {
        key: it.key,
        side,
        depth: it.depth,
        via: it.via,
        edge: it.edge,
        x,
        y,
        w,
        h,
        chip: { cx: x + padIn + fs * 0.3, cy: y + padIn + size * 0.6, r: fs * 0.28 },
        label: { size, anchor: 'start', lines: lines.map((text, i) => ({ text, x: textX, y: y + padIn + size * 0.93 + i * size * LINE })) },
        meta: {
          size: meta.size,
          anchor: 'start',
          lines: meta.lines.map((text, i) => ({ text, x: textX, y: y + padIn + blockHeight(lines.length, size) + meta.size * (1.05 + i * LINE) })),
        },
      };
      cards.push(card);
      placed.set(it.key, card);
      const midY = y + h / 2;
      if (it.depth === 1) {
        let d: string;
        if (row) {
          d = side === 'old' ? horizontalLink(row.from.x, row.axis, x + w, midY) : horizontalLink(row.to.x + row.to.w, row.axis, x, midY);
        } else {
          const header = side === 'old' ? layout.headers.old : layout.headers.new;
          const hx = side === 'old' ? layout.columns.from.x : layout.columns.to.x + layout.columns.to.w;
          const hy = (header.lines[0]?.y ?? headingY) - header.size * 0.35;
          d = side === 'old' ? horizontalLink(hx, hy, x + w, midY) : horizontalLink(hx, hy, x, midY);
        }
        links.push({ id: `${it.via}>${it.key}`, key: it.key, edge: it.edge, depth: 1, d });
      } else {
        const parent = placed.get(it.via);
        if (parent) {
          const ex = parent.x + indent * 0.5;
          links.push({ id: `${it.via}>${it.key}`, key: it.key, edge: it.edge, depth: 2, d: `M${r2(ex)},${r2(parent.y + parent.h)}V${r2(midY)}H${r2(x)}` });
        }
      }
      y += h + cardGap;
    }
    if (hidden > 0) {
      more.push({ side, count: hidden, size: metaSize, anchor: 'start', lines: [{ text: options.more(hidden), x: col.x, y: y + metaSize }] });
      y += metaSize * 2;
    }
    bottom = Math.max(bottom, y);
  }
  return { cards, links, headings, more, bottom };
}

// ── 5. Legend ─────────────────────────────────────────────────────────────────────────────

export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  /** How the swatch is drawn. */
  readonly shape: 'old' | 'new' | 'arrow' | 'dot' | 'text';
}

export interface LegendItem extends LegendEntry {
  readonly x: number;
  readonly y: number;
  /** Swatch box, left of the text. */
  readonly swatch: Rect;
  readonly text: TextLine;
}

/** Legend entries flowed left to right in lines from (x, y) within `width`. */
export function layoutLegend(entries: readonly LegendEntry[], x: number, y: number, width: number, fontSize: number): { items: LegendItem[]; height: number } {
  const size = fontSize * 0.78;
  const sw = size * 1.8;
  const gap = size * 1.4;
  const lineH = size * 1.9;
  let cx = x;
  let cy = y;
  const items: LegendItem[] = [];
  for (const e of entries) {
    const w = sw + size * 0.5 + textWidth(e.label, size);
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += lineH;
    }
    items.push({
      ...e,
      x: cx,
      y: cy,
      swatch: { x: cx, y: cy + (lineH - size * 1.1) / 2, w: sw, h: size * 1.1 },
      text: { text: e.label, x: cx + sw + size * 0.5, y: cy + lineH / 2 + size * 0.36 },
    });
    cx += w + gap;
  }
  return { items, height: entries.length ? cy - y + lineH : 0 };
}
