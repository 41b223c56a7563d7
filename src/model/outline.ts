/**
 * The outline of a graph, without DOM: its concepts by section and slide (each under the
 * first slide it rests on), and under each concept every relation read as a sentence. The
 * outline view renders it; a screen reader walks it as headings and lists.
 */
import { edgeSentence, nodeLabel, type EdgeSentence, type Lang } from './sentence';
import type { LinkageGraph } from './types';

export interface OutlineRelation {
  readonly edge: string;
  readonly kind: string;
  /** The concept at the other end. */
  readonly other: string;
  /** 'out' when the concept is the edge's source. */
  readonly direction: 'out' | 'in';
  readonly sentence: EdgeSentence;
}

export interface OutlineConcept {
  readonly key: string;
  readonly label: string;
  readonly kind: string;
  readonly slides: readonly number[];
  readonly relations: readonly OutlineRelation[];
}

export interface OutlineSlide {
  /** The slide number, or null for concepts tied to no slide. */
  readonly slide: number | null;
  /** Concepts whose first slide this is, in graph (authoring) order. */
  readonly concepts: readonly OutlineConcept[];
  /** Concepts that rest on this slide too but are listed under an earlier one. */
  readonly also: readonly string[];
}

export interface OutlineSection {
  /** Section id, or null for slides outside every section (and for concepts with no slide). */
  readonly id: string | null;
  /** Section title in the outline's language; '' when `id` is null. */
  readonly title: string;
  readonly slides: readonly OutlineSlide[];
}

export interface Outline {
  readonly lang: Lang;
  readonly sections: readonly OutlineSection[];
  /** Concepts listed, and distinct relations among them. */
  readonly conceptCount: number;
  readonly relationCount: number;
}

export interface OutlineOptions {
  /** Only these nodes (the filters); all when absent. */
  nodes?: ReadonlySet<string>;
  /** Only these edges; all when absent. An edge is listed only when both its ends are. */
  edges?: ReadonlySet<string>;
}

function slidesOf(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((s): s is number => typeof s === 'number' && Number.isFinite(s)).sort((a, b) => a - b) : [];
}

/**
 * Builds the outline of `graph` in `lang`. Slides are grouped under the section whose slide
 * range holds them (the graph's `sections`), in slide order; a concept sits under its first
 * slide; relations are ordered by link kind (the graph's `edgeKinds` order), then graph order.
 */
export function buildOutline(graph: LinkageGraph, lang: Lang, options: OutlineOptions = {}): Outline {
  if (!graph || typeof graph.forEachNode !== 'function') {
    throw new Error('linkage/outline: the given graph is not a valid graphology instance.');
  }
  const nodeOk = (k: string) => !options.nodes || options.nodes.has(k);
  const edgeOk = (e: string) => !options.edges || options.edges.has(e);
  const edgeKindOrder = new Map((graph.getAttribute('edgeKinds') ?? []).map((k, i) => [k.id, i]));
  const sections = graph.getAttribute('sections') ?? [];

  // 1. Concepts by first slide, and the slides each one rests on.
  const bySlide = new Map<number | null, OutlineConcept[]>();
  const alsoBySlide = new Map<number, string[]>();
  const edgesSeen = new Set<string>();
  graph.forEachNode((key, attrs) => {
    if (!nodeOk(key)) return;
    const slides = slidesOf(attrs.slides);
    const relations: Array<OutlineRelation & { order: number }> = [];
    let order = 0;
    graph.forEachEdge(key, (edge, e, source, target) => {
      const other = source === key ? target : source;
      if (!edgeOk(edge) || !nodeOk(other) || !nodeOk(source) || !nodeOk(target)) return;
      edgesSeen.add(edge);
      relations.push({
        edge,
        kind: typeof e.kind === 'string' ? e.kind : '',
        other,
        direction: source === key ? 'out' : 'in',
        sentence: edgeSentence(graph, edge, lang),
        order: order++,
      });
    });
    const rank = (k: string) => edgeKindOrder.get(k) ?? edgeKindOrder.size;
    relations.sort((a, b) => rank(a.kind) - rank(b.kind) || a.order - b.order);
    const concept: OutlineConcept = {
      key,
      label: nodeLabel(attrs, lang) || key,
      kind: typeof attrs.kind === 'string' ? attrs.kind : '',
      slides,
      relations: relations.map(({ order: _o, ...r }) => r),
    };
    const first = slides[0] ?? null;
    const list = bySlide.get(first);
    if (list) list.push(concept);
    else bySlide.set(first, [concept]);
    for (const s of new Set(slides.slice(1))) {
      if (s === first) continue;
      const also = alsoBySlide.get(s);
      if (also) also.push(key);
      else alsoBySlide.set(s, [key]);
    }
  });

  // 2. Slides in order, grouped into consecutive runs of the same section.
  const slideNumbers = [...new Set([...bySlide.keys(), ...alsoBySlide.keys()].filter((s): s is number => s !== null))].sort((a, b) => a - b);
  const sectionOf = (slide: number) => sections.find((s) => slide >= s.slides[0] && slide <= s.slides[1]) ?? null;
  const out: { id: string | null; title: string; slides: OutlineSlide[] }[] = [];
  for (const slide of slideNumbers) {
    const concepts = bySlide.get(slide) ?? [];
    const also = alsoBySlide.get(slide) ?? [];
    const section = sectionOf(slide);
    const id = section?.id ?? null;
    const last = out[out.length - 1];
    const entry: OutlineSlide = { slide, concepts, also };
    if (last && last.id === id) last.slides.push(entry);
    else {
      const title = section ? (lang === 'zh-Hant' ? section.zh : lang === 'zh-Hans' ? section.zhHans : section.en) : '';
      out.push({ id, title, slides: [entry] });
    }
  }
  const loose = bySlide.get(null);
  if (loose && loose.length > 0) out.push({ id: null, title: '', slides: [{ slide: null, concepts: loose, also: [] }] });

  let conceptCount = 0;
  for (const list of bySlide.values()) conceptCount += list.length;
  return { lang, sections: out, conceptCount, relationCount: edgesSeen.size };
}

/** Every concept of the outline, in reading order. */
export function outlineConcepts(outline: Outline): OutlineConcept[] {
  return outline.sections.flatMap((s) => s.slides.flatMap((sl) => sl.concepts));
}
