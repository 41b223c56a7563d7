/**
 * Any graph a file describes → the compiled form the views read (src/model/types.ts): kinds from
 * a chosen attribute (or one default kind), labels from label/name/title/id, colours from the file
 * or the palette, sizes from the file or the degree, positions from the file (or a flag asking for
 * a layout). Attributes already in the compiled form (our own exports) are taken as they are, so
 * a graph exported by Linkage comes back unchanged. Pure: no DOM, no I/O.
 */
import { isRecord } from '../util/record';
import Graph from 'graphology';
import type { PinyinForms } from '../model/derive/pinyin';
import { edgeKindIds, edgeKindInfo, kindFlagsOf, nodeKindIds, nodeKindInfo, SHARED_VOCABULARY } from '../model/vocabulary';
import { NODE_BORDERS, type EdgeAttrs, type GraphAttrs, type KindInfo, type LinkageGraph, type NodeAttrs, type NodeBorder, type SectionInfo, type SlideText } from '../model/types';

/** zh-Hant → zh-Hans and pinyin, loaded only when a graph holds Chinese text. */
export interface TextDerivers {
  toHans(text: string): string;
  pinyinForms(text: string): PinyinForms;
}

/** For graphs without Chinese text: nothing to convert. */
export const PLAIN_TEXT: TextDerivers = { toHans: (t) => t, pinyinForms: () => ({ pinyin: '', initials: '' }) };

type Attributes = Record<string, unknown>;

/** A graph as a file describes it, in plain lists: the converter's input. */
export interface RawGraph {
  attributes: Attributes;
  nodes: Array<{ key: string; attributes: Attributes }>;
  /** `key` is null when the file gives the edge none. */
  edges: Array<{ key: string | null; source: string; target: string; undirected: boolean; attributes: Attributes }>;
}

/** The lists of a graphology graph; keys graphology generated (`geid_<n>_<n>`) count as none. */
export function rawFromGraphology(graph: Graph): RawGraph {
  const nodes: RawGraph['nodes'] = [];
  const edges: RawGraph['edges'] = [];
  graph.forEachNode((key, attributes) => nodes.push({ key, attributes }));
  graph.forEachEdge((key, attributes, source, target, _sa, _ta, undirected) =>
    edges.push({ key: /^geid_\d+_\d+$/.test(key) ? null : key, source, target, undirected, attributes }),
  );
  return { attributes: graph.getAttributes(), nodes, edges };
}

export interface ConvertOptions {
  /**
   * Node attribute whose values become the node kinds; `null` for one default kind; left out,
   * one is picked among the attributes present on at least half the nodes with 2 to
   * {@link MAX_KINDS} values: `kind`, else type/category/class/group, else `…_type`, else a
   * community (community, cluster, partition, modularity class, louvain), else `nature…`.
   */
  kindAttribute?: string | null;
  /** The same for edge kinds (`kind`, relation, predicate, type, …_type). */
  edgeKindAttribute?: string | null;
  /** Title when the file gives none (the file name). */
  fallbackTitle: string;
  /** Graph id when the file gives none (a slug of the file name). */
  graphId: string;
}

/** An attribute that could give the kinds, with its number of distinct values. */
export interface KindCandidate {
  name: string;
  values: number;
}

/** What the conversion found and decided, for the reader and the tests. */
export interface ConvertReport {
  nodes: number;
  edges: number;
  selfLoops: number;
  /** Edges beyond the first between the same two nodes (either direction). */
  parallelEdges: number;
  undirectedEdges: number;
  /** Where positions come from; `layout`: computed after conversion. */
  positions: 'file' | 'layout';
  kindAttribute: string | null;
  edgeKindAttribute: string | null;
  /** Node attributes that could give the kinds. */
  kindCandidates: KindCandidate[];
  edgeKindCandidates: KindCandidate[];
}

export interface Converted {
  graph: LinkageGraph;
  needsLayout: boolean;
  report: ConvertReport;
}

/** Most kinds kept; the values beyond go to the kind "other". */
export const MAX_KINDS = 50;
/** Longest text kept as a node's quote (description). */
const MAX_QUOTE = 4_000;
/** Longest edge label used as its linking phrase. */
const MAX_PHRASE = 80;
/** Longest value that counts as a category. */
const MAX_KIND_LENGTH = 60;

export const DEFAULT_NODE_KIND: Omit<KindInfo, 'color'> = { id: 'node', zh: '節點', zhHans: '节点', en: 'Node' };
const OTHER_KIND: Omit<KindInfo, 'color'> = { id: 'other', zh: '其他', zhHans: '其他', en: 'Other' };
const DEFAULT_EDGE_KIND: Omit<KindInfo, 'color'> = { id: 'link', zh: '連結', zhHans: '连结', en: 'Link' };
const LINK_COLOR = '#b8b8b8';
const LINK_PHRASE = { zh: '連向', zhHans: '连向', en: 'links to' };
const LINK_PHRASE_UNDIRECTED = { zh: '與…相連', zhHans: '与…相连', en: 'is linked with' };

const HAN = /\p{Script=Han}/u;

/** Names an automatic choice looks for, best first. */
const NODE_KIND_NAMES = [/^kind$/i, /^(type|category|class|group)$/i, /^.+[ _]type$/i, /community|cluster|partition|modularity|louvain/i, /^nature\b/i];
const EDGE_KIND_NAMES = [/^kind$/i, /^(relation|relationship|predicate|type|category)$/i];

/** Attributes of nodes that are never kinds (positions, looks, texts, ids). */
const NODE_RESERVED = new Set(['label', 'name', 'title', 'x', 'y', 'z', 'size', 'color', 'r', 'g', 'b', 'a', 'shape', 'labelhans', 'labelen', 'enname', 'enplural', 'quote', 'quotehans', 'pinyin', 'initials', 'importance', 'slides', 'section', 'description', 'id', 'key', 'hidden', 'fixed']);
const EDGE_RESERVED = new Set(['label', 'weight', 'size', 'color', 'thickness', 'labelzh', 'labelhans', 'labelen', 'slides', 'id', 'key', 'undirected', 'hidden']);

// ---------------------------------------------------------------------------------------------
// Values as files write them

/** A string value as text: `<SEP>`-joined parts on their own lines, each stripped of wrapping quotes. */
export function cleanText(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return null;
  const parts = value.split('<SEP>').map((p) => {
    const t = p.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') && !t.slice(1, -1).includes('"') ? t.slice(1, -1).trim() : t;
  });
  const out = parts.filter((p) => p !== '').join('\n');
  return out === '' ? null : out;
}

/** A boolean from a boolean or the text `true` / `false`; null for anything else. */
function flag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return null;
}

/** A finite number from a number or a numeric string. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const byte = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
const hex2 = (v: number) => byte(v).toString(16).padStart(2, '0');

/** `#rgb`, `#rrggbb(aa)`, `rgb(…)`, `rgba(…)` → `#rrggbb`; anything else → null. */
export function parseColor(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(v);
  if (m) return `#${[...m[1]!].map((c) => c + c).join('')}`;
  m = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/.exec(v);
  if (m) return `#${m[1]}`;
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*[\d.]+\s*)?\)$/.exec(v);
  if (m) return `#${hex2(Number(m[1]))}${hex2(Number(m[2]))}${hex2(Number(m[3]))}`;
  return null;
}

function colorOf(attrs: Record<string, unknown>): string | null {
  const c = parseColor(attrs['color']);
  if (c) return c;
  const [r, g, b] = [toNumber(attrs['r']), toNumber(attrs['g']), toNumber(attrs['b'])];
  return r !== null && g !== null && b !== null ? `#${hex2(r)}${hex2(g)}${hex2(b)}` : null;
}

/** A list of slide numbers from a list, or a `[1, 2]` / `1|2` / `1,2` string; null when not one. */
export function toSlides(value: unknown): number[] | null {
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'string') {
    const inner = value.trim().replace(/^\[|\]$/g, '').trim();
    items = inner === '' ? [] : inner.split(/\s*[|,]\s*/);
  } else if (typeof value === 'number') items = [value];
  else return null;
  const out: number[] = [];
  for (const item of items) {
    const n = toNumber(item);
    if (n === null || !Number.isInteger(n) || n < 1 || n > 10_000) return null;
    if (!out.includes(n)) out.push(n);
  }
  return out.sort((a, b) => a - b);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The key of the attribute that names nodes: label, then name, then title (any case). */
function labelKey(attrs: Record<string, unknown>): string | null {
  for (const want of ['label', 'name', 'title']) {
    if (cleanText(attrs[want]) !== null) return want;
  }
  for (const key of Object.keys(attrs)) {
    const k = key.toLowerCase();
    if ((k === 'label' || k === 'name' || k === 'title') && cleanText(attrs[key]) !== null) return key;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Kinds

interface KindCount {
  values: Map<string, number>;
  present: number;
  /** Too many values, or values too long, to be a category. */
  overflow: boolean;
}

function countKinds(items: Iterable<{ attributes: Attributes }>, reserved: ReadonlySet<string>): Map<string, KindCount> {
  const counts = new Map<string, KindCount>();
  for (const { attributes: attrs } of items) {
    for (const key in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, key) || reserved.has(key.toLowerCase())) continue;
      let c = counts.get(key);
      if (!c) counts.set(key, (c = { values: new Map(), present: 0, overflow: false }));
      if (c.overflow) continue;
      const v = cleanText(attrs[key]);
      if (v === null) continue;
      c.present++;
      if (v.length > MAX_KIND_LENGTH) c.overflow = true;
      else c.values.set(v, (c.values.get(v) ?? 0) + 1);
      if (c.values.size > MAX_KINDS) c.overflow = true;
    }
  }
  return counts;
}

/** Every value of one attribute with its count (texts too long to be a kind are left out). */
function valueCounts(entries: Iterable<{ attributes: Record<string, unknown> }>, attribute: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const { attributes } of entries) {
    const v = cleanText(attributes[attribute]);
    if (v !== null && v.length <= MAX_KIND_LENGTH) values.set(v, (values.get(v) ?? 0) + 1);
  }
  return values;
}

function candidates(counts: Map<string, KindCount>, total: number): KindCandidate[] {
  const out: KindCandidate[] = [];
  for (const [name, c] of counts) {
    if (c.overflow || c.present < total / 2) continue;
    if (c.values.size >= 2 || (name === 'kind' && c.values.size >= 1)) out.push({ name, values: c.values.size });
  }
  return out;
}

function autoKind(cands: readonly KindCandidate[], patterns: readonly RegExp[]): string | null {
  for (const re of patterns) {
    const hit = cands.find((c) => re.test(c.name));
    if (hit) return hit.name;
  }
  return null;
}

/** Kind id of a value; values beyond the {@link MAX_KINDS} most frequent become "other". */
function kindIds(values: Map<string, number> | undefined): Map<string, string> {
  const ids = new Map<string, string>();
  if (!values) return ids;
  const sorted = [...values.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  sorted.forEach(([v], i) => ids.set(v, i < MAX_KINDS - 1 || sorted.length <= MAX_KINDS ? v : OTHER_KIND.id));
  return ids;
}

function validKindList(value: unknown): Map<string, KindInfo> {
  const out = new Map<string, KindInfo>();
  if (!Array.isArray(value)) return out;
  for (const k of value) {
    if (!isRecord(k)) continue;
    const { id, zh, zhHans, en } = k;
    const color = parseColor(k['color']);
    if (typeof id !== 'string' || typeof zh !== 'string' || typeof zhHans !== 'string' || typeof en !== 'string' || !color) continue;
    const info: KindInfo = { id, zh, zhHans, en, color, ...kindFlagsOf(k) };
    if ((NODE_BORDERS as readonly unknown[]).includes(k['border'])) info.border = k['border'] as NodeBorder;
    out.set(id, info);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The conversion

/** The vocabulary imported graphs are read with: a kind it knows gets its names, colour and phrase. */
const VOCABULARY = SHARED_VOCABULARY;
const FALLBACK_COLORS = VOCABULARY.fallbackColors;
const isNodeKind = (v: unknown): v is string => typeof v === 'string' && Object.hasOwn(VOCABULARY.nodeKinds, v);
const isEdgeKind = (v: unknown): v is string => typeof v === 'string' && Object.hasOwn(VOCABULARY.edgeKinds, v);

/** True when any text of `raw` that becomes a label, quote, kind or title holds Han characters. */
export function needsChineseDerivation(raw: RawGraph): boolean {
  const scan = (attrs: Attributes): boolean => {
    for (const key in attrs) {
      const v = attrs[key];
      if (typeof v === 'string' && HAN.test(v)) return true;
    }
    return false;
  };
  // Kinds of our vocabulary have Chinese names too.
  return (
    scan(raw.attributes) ||
    raw.nodes.some((n) => HAN.test(n.key) || isNodeKind(n.attributes['kind']) || scan(n.attributes)) ||
    raw.edges.some((e) => isEdgeKind(e.attributes['kind']) || scan(e.attributes))
  );
}

/** Sizes drawn for importance 0 and 1, by graph size (large graphs get smaller nodes). */
function sizeRange(order: number): [number, number] {
  if (order > 2_000) return [2, 10];
  if (order > 500) return [3, 13];
  return [4, 17];
}

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * Converts a graph read from a file into the compiled form. The result is a directed multigraph
 * with self-loops allowed; edges the file declares undirected keep their written direction and
 * carry `undirected: true`. Positions are the file's when every node has them; otherwise
 * `needsLayout` is true and every node sits at 0,0 until a layout runs.
 */
export function convertGraph(raw: RawGraph, options: ConvertOptions, derive: TextDerivers = PLAIN_TEXT): Converted {
  const gAttrs = graphAttributes(raw);
  const order = raw.nodes.length;
  const hans = (text: string): string => (HAN.test(text) ? derive.toHans(text) : text);

  // 1. Kinds: which attribute, and the kind id of each node and edge.
  const nodeCounts = countKinds(raw.nodes, NODE_RESERVED);
  const edgeCounts = countKinds(raw.edges, EDGE_RESERVED);
  const kindCandidates = candidates(nodeCounts, order);
  const edgeKindCandidates = candidates(edgeCounts, raw.edges.length);
  const kindAttribute = options.kindAttribute === undefined ? autoKind(kindCandidates, NODE_KIND_NAMES) : options.kindAttribute;
  const edgeKindAttribute = options.edgeKindAttribute === undefined ? autoKind(edgeKindCandidates, EDGE_KIND_NAMES) : options.edgeKindAttribute;
  const nodeKindOf = kindIds(kindAttribute === null ? undefined : valueCounts(raw.nodes, kindAttribute));
  const edgeKindOf = kindIds(edgeKindAttribute === null ? undefined : valueCounts(raw.edges, edgeKindAttribute));
  const chosenKind = (attrs: Record<string, unknown>, attribute: string | null, ids: Map<string, string>, fallback: string): string => {
    if (attribute === null) return fallback;
    const v = cleanText(attrs[attribute]);
    return v === null ? OTHER_KIND.id : (ids.get(v) ?? OTHER_KIND.id);
  };

  // 2. Nodes: texts, kind, colour, slides; positions and sizes gathered for step 3.
  const graph: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ type: 'directed', multi: true, allowSelfLoops: true });
  const fileColors = new Map<string, string>();
  const fileSize = new Map<string, number>();
  let positioned = 0;
  let maxSlide = 0;
  const xs = new Set<number>();
  for (const { key, attributes: a } of raw.nodes) {
    const lk = labelKey(a);
    const label = (lk ? cleanText(a[lk]) : null) ?? cleanText(key) ?? key;
    const kind = chosenKind(a, kindAttribute, nodeKindOf, DEFAULT_NODE_KIND.id);
    const han = HAN.test(label);
    const slides = toSlides(a['slides']) ?? [];
    for (const s of slides) maxSlide = Math.max(maxSlide, s);
    const quote = clip(str(a['quote']) ?? cleanText(a['description'] ?? a['desc'] ?? a['note'] ?? a['comment'] ?? a['summary'] ?? a['tooltip']) ?? '', MAX_QUOTE);
    const pinyin = str(a['pinyin']);
    const initials = str(a['initials']);
    const x = toNumber(a['x']);
    const y = toNumber(a['y']);
    if (x !== null && y !== null) {
      positioned++;
      if (xs.size < 2) xs.add(x * 1e6 + y);
    }
    const color = colorOf(a);
    if (color) fileColors.set(key, color);
    const size = toNumber(a['size']);
    if (size !== null && size > 0) fileSize.set(key, size);
    const section = str(a['section']);
    const importance = toNumber(a['importance']);
    graph.addNode(key, {
      kind,
      label,
      labelHans: str(a['labelHans']) ?? (han ? hans(label) : label),
      labelEn: str(a['labelEn']) ?? (han ? '' : label),
      // A Linkage chapter's short English map names survive a round trip too.
      ...(str(a['mapEn']) ? { mapEn: str(a['mapEn'])! } : {}),
      // A Linkage chapter's English grammar survives a round trip; other files have none.
      ...(flag(a['enName']) !== null ? { enName: flag(a['enName'])! } : {}),
      ...(flag(a['enPlural']) !== null ? { enPlural: flag(a['enPlural'])! } : {}),
      slides,
      section: section !== null && section !== '' && section.length <= 40 ? section : null,
      quote,
      quoteHans: str(a['quoteHans']) ?? hans(quote),
      ...(pinyin !== null && initials !== null ? { pinyin, initials } : han ? derive.pinyinForms(label) : { pinyin: '', initials: '' }),
      importance: importance !== null && importance >= 0 && importance <= 1 ? importance : -1,
      x: x ?? 0,
      y: y ?? 0,
      size: size ?? 0,
      color: '',
    });
  }
  // Every node placed, and not all on one spot: the file's layout is used.
  const needsLayout = order > 0 && (positioned < order || (order > 1 && xs.size < 2));

  // 3. Edges: kind, phrase, direction; edges without a key of their own get `e<n>`.
  let selfLoops = 0;
  let parallelEdges = 0;
  let undirectedEdges = 0;
  const pairs = new Set<string>();
  let generated = 0;
  const fileKeys = new Set<string>();
  for (const e of raw.edges) if (e.key !== null) fileKeys.add(e.key);
  const freshKey = (): string => {
    let k: string;
    do k = `e${generated++}`;
    while (fileKeys.has(k) || graph.hasEdge(k));
    return k;
  };
  for (const { key: edge, attributes: a, source, target, undirected: rawUndirected } of raw.edges) {
    const undirected = rawUndirected || a['undirected'] === true;
    if (source === target) selfLoops++;
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    if (pairs.has(pair)) parallelEdges++;
    else pairs.add(pair);
    if (undirected) undirectedEdges++;
    const kind = chosenKind(a, edgeKindAttribute, edgeKindOf, DEFAULT_EDGE_KIND.id);
    const own = str(a['labelZh']) ?? str(a['labelEn']);
    const label = cleanText(a['label']);
    let zh: string;
    let zhHans: string | null = null;
    let en: string;
    let enPlural: string | undefined;
    if (own !== null) {
      zh = str(a['labelZh']) ?? own;
      en = str(a['labelEn']) ?? own;
      zhHans = str(a['labelHans']);
      enPlural = str(a['labelEnPlural']) ?? undefined;
    } else if (label !== null && label.length <= MAX_PHRASE) {
      zh = label;
      en = label;
    } else if (isEdgeKind(kind)) {
      const phrase = VOCABULARY.edgeKinds[kind]!.phrase;
      zh = phrase.zh;
      zhHans = phrase.zhHans ?? null;
      en = phrase.en;
      enPlural = phrase.enPlural;
    } else if (kind === DEFAULT_EDGE_KIND.id) {
      const p = undirected ? LINK_PHRASE_UNDIRECTED : LINK_PHRASE;
      zh = p.zh;
      zhHans = p.zhHans;
      en = p.en;
    } else {
      zh = kind;
      en = kind;
    }
    // Edges the file gives no key get stable names.
    const key = edge ?? freshKey();
    const attrs: EdgeAttrs = { kind, slides: toSlides(a['slides']) ?? [], labelZh: zh, labelHans: zhHans ?? hans(zh), labelEn: en };
    if (enPlural !== undefined) attrs.labelEnPlural = enPlural;
    if (undirected) attrs.undirected = true;
    for (const s of attrs.slides) maxSlide = Math.max(maxSlide, s);
    graph.addDirectedEdgeWithKey(key, source, target, attrs);
  }

  // 4. Importance and size: our own importance, else the file's sizes scaled, else the degree.
  const [lo, hi] = sizeRange(order);
  let minSize = Infinity;
  let maxSize = -Infinity;
  for (const s of fileSize.values()) {
    minSize = Math.min(minSize, s);
    maxSize = Math.max(maxSize, s);
  }
  let maxDegree = 1;
  graph.forEachNode((n) => {
    maxDegree = Math.max(maxDegree, graph.degree(n));
  });
  graph.updateEachNodeAttributes((n, a) => {
    let importance = a.importance;
    let size = a.size;
    if (importance < 0) {
      const s = fileSize.get(n);
      importance = s !== undefined ? (maxSize > minSize ? (s - minSize) / (maxSize - minSize) : 0.5) : Math.log1p(graph.degree(n)) / Math.log1p(maxDegree);
      size = lo + (hi - lo) * importance;
    } else if (!(size > 0)) size = lo + (hi - lo) * importance;
    return { ...a, importance: round3(importance), size: round3(size) };
  });

  // 5. The kinds' legend entries and colours; node colours default to their kind's.
  const givenNodeKinds = validKindList(gAttrs['nodeKinds']);
  const givenEdgeKinds = validKindList(gAttrs['edgeKinds']);
  const nodeKindUse = new Map<string, { count: number; colors: Map<string, number> }>();
  graph.forEachNode((n, a) => {
    let u = nodeKindUse.get(a.kind);
    if (!u) nodeKindUse.set(a.kind, (u = { count: 0, colors: new Map() }));
    u.count++;
    const c = fileColors.get(n);
    if (c) u.colors.set(c, (u.colors.get(c) ?? 0) + 1);
  });
  let paletteIndex = 0;
  const nodeKinds = orderKinds([...nodeKindUse.keys()], givenNodeKinds, nodeKindIds(VOCABULARY), (id) => nodeKindUse.get(id)!.count).map((id): KindInfo => {
    const given = givenNodeKinds.get(id);
    // A kind of the vocabulary keeps what it says the file does not (a file exported before the vocabulary said it).
    if (given) return isNodeKind(id) ? { ...nodeKindInfo(id, VOCABULARY.nodeKinds[id]!, hans), ...given } : given;
    if (isNodeKind(id)) return nodeKindInfo(id, VOCABULARY.nodeKinds[id]!, hans);
    const colors = [...nodeKindUse.get(id)!.colors.entries()].sort((a, b) => b[1] - a[1]);
    const color = colors[0]?.[0] ?? FALLBACK_COLORS[paletteIndex++ % FALLBACK_COLORS.length]!;
    return { ...kindNames(id, [DEFAULT_NODE_KIND, OTHER_KIND], hans), color };
  });
  const kindColor = new Map(nodeKinds.map((k) => [k.id, k.color]));
  graph.updateEachNodeAttributes((n, a) => ({ ...a, color: fileColors.get(n) ?? kindColor.get(a.kind) ?? FALLBACK_COLORS[0] }));

  const edgeKindCount = new Map<string, number>();
  graph.forEachEdge((_e, a) => edgeKindCount.set(a.kind, (edgeKindCount.get(a.kind) ?? 0) + 1));
  let edgePalette = 0;
  const edgeKinds = orderKinds([...edgeKindCount.keys()], givenEdgeKinds, edgeKindIds(VOCABULARY), (id) => edgeKindCount.get(id)!).map((id): KindInfo => {
    const given = givenEdgeKinds.get(id);
    if (given) return isEdgeKind(id) ? { ...edgeKindInfo(id, VOCABULARY.edgeKinds[id]!, hans), ...given } : given;
    if (isEdgeKind(id)) return edgeKindInfo(id, VOCABULARY.edgeKinds[id]!, hans);
    const color = id === DEFAULT_EDGE_KIND.id ? LINK_COLOR : FALLBACK_COLORS[edgePalette++ % FALLBACK_COLORS.length]!;
    return { ...kindNames(id, [DEFAULT_EDGE_KIND, OTHER_KIND], hans), color };
  });

  // 6. Graph attributes: title, slides and sections (ours when present, else derived).
  const title = str(gAttrs['title']) ?? cleanText(gAttrs['name']) ?? cleanText(gAttrs['label']) ?? shortText(gAttrs['description']) ?? options.fallbackTitle;
  const givenSlideCount = toNumber(gAttrs['slideCount']);
  const slideCount = givenSlideCount !== null && Number.isInteger(givenSlideCount) && givenSlideCount >= maxSlide ? givenSlideCount : maxSlide;
  const id = str(gAttrs['id']);
  graph.replaceAttributes({
    id: id !== null && /^[A-Za-z0-9][\w.-]{0,63}$/.test(id) ? id : options.graphId,
    title,
    titleHans: str(gAttrs['titleHans']) ?? hans(title),
    titleEn: str(gAttrs['titleEn']) ?? title,
    slideCount,
    sections: sectionsOf(gAttrs['sections'], graph, slideCount),
    nodeKinds,
    edgeKinds,
    slideTexts: slideTextsOf(gAttrs['slideTexts']),
  });

  return {
    graph,
    needsLayout,
    report: {
      nodes: order,
      edges: graph.size,
      selfLoops,
      parallelEdges,
      undirectedEdges,
      positions: needsLayout ? 'layout' : 'file',
      kindAttribute,
      edgeKindAttribute,
      kindCandidates,
      edgeKindCandidates,
    },
  };
}

/** Our graph attribute names, which GEXF meta elements carry in lower case. */
const GRAPH_FIELDS = ['id', 'title', 'titleHans', 'titleEn', 'slideCount', 'sections', 'nodeKinds', 'edgeKinds', 'slideTexts'];
/** Graph attributes that are lists, which XML files carry as JSON text. */
const JSON_FIELDS = new Set(['sections', 'nodeKinds', 'edgeKinds', 'slideTexts']);

/** The graph's attributes, with our own names restored to their case and JSON text parsed. */
function graphAttributes(raw: RawGraph): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw.attributes };
  for (const name of GRAPH_FIELDS) {
    const lower = name.toLowerCase();
    if (out[name] === undefined && lower !== name && out[lower] !== undefined) out[name] = out[lower];
    const v = out[name];
    if (JSON_FIELDS.has(name) && typeof v === 'string') {
      try {
        out[name] = JSON.parse(v);
      } catch {
        out[name] = undefined;
      }
    }
  }
  return out;
}

function shortText(value: unknown): string | null {
  const t = cleanText(value);
  return t !== null && t.length <= 120 ? t : null;
}

/** Kinds in legend order: as given, then the vocabulary's order, then by frequency; "other" last. */
function orderKinds(ids: string[], given: Map<string, KindInfo>, vocabulary: readonly string[], count: (id: string) => number): string[] {
  const givenOrder = [...given.keys()];
  const rank = (id: string): number => {
    const g = givenOrder.indexOf(id);
    if (g >= 0) return g;
    const v = vocabulary.indexOf(id);
    if (v >= 0) return 1_000 + v;
    return id === OTHER_KIND.id ? 1e9 : 2_000;
  };
  return ids.sort((a, b) => rank(a) - rank(b) || count(b) - count(a) || (a < b ? -1 : a > b ? 1 : 0));
}

function kindNames(id: string, builtIn: ReadonlyArray<Omit<KindInfo, 'color'>>, hans: (t: string) => string): Omit<KindInfo, 'color'> {
  const own = builtIn.find((k) => k.id === id);
  if (own) return { ...own };
  return { id, zh: id, zhHans: hans(id), en: id };
}

function sectionsOf(value: unknown, graph: LinkageGraph, slideCount: number): SectionInfo[] {
  const given: SectionInfo[] = [];
  if (Array.isArray(value)) {
    for (const s of value) {
      if (!isRecord(s)) continue;
      const span = Array.isArray(s['slides']) ? s['slides'].map(toNumber) : [];
      const [first, last] = span;
      if (typeof s['id'] === 'string' && typeof s['zh'] === 'string' && typeof s['zhHans'] === 'string' && typeof s['en'] === 'string' && span.length === 2 && typeof first === 'number' && typeof last === 'number') {
        given.push({ id: s['id'], zh: s['zh'], zhHans: s['zhHans'], en: s['en'], slides: [first, last] });
      }
    }
  }
  // Sections the nodes name but the file does not describe: named by their id.
  const spans = new Map<string, [number, number]>();
  graph.forEachNode((_n, a) => {
    if (a.section === null || given.some((s) => s.id === a.section)) return;
    const span = spans.get(a.section) ?? [Infinity, -Infinity];
    for (const s of a.slides) {
      span[0] = Math.min(span[0], s);
      span[1] = Math.max(span[1], s);
    }
    spans.set(a.section, span);
  });
  const derived = [...spans.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, [first, last]]): SectionInfo => ({ id, zh: id, zhHans: id, en: id, slides: Number.isFinite(first) ? [first, last] : [1, Math.max(1, slideCount)] }));
  return [...given, ...derived];
}

function slideTextsOf(value: unknown): SlideText[] {
  if (!Array.isArray(value)) return [];
  return value.filter((s): s is SlideText => isRecord(s) && typeof s['n'] === 'number' && typeof s['zh'] === 'string' && typeof s['zhHans'] === 'string');
}
