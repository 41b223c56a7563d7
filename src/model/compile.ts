/**
 * Compile: a validated authoring file → graphology's serialized JSON (the compiled form).
 * Derives zh-Hans (OpenCC), pinyin, section, importance, size, colour and the layout.
 */
import Graph from 'graphology';
import type { AuthoredGraph, ParsedFile } from './authored';
import { toHans } from './derive/hans';
import { pinyinForms } from './derive/pinyin';
import { GraphCheckError } from './errors';
import { layoutChapter, type LayoutOptions } from './layout';
import { EDGE_KIND_COLORS, NODE_KIND_BORDERS, NODE_KIND_COLORS } from './palette';
import { isPluralLabel } from './realise';
import { EDGE_KIND_INFO, EDGE_KINDS, EDGE_PHRASES, NODE_KIND_INFO, NODE_KINDS, type EdgeKind, type NodeKind } from './schema';
import type { ParsedTranscript } from './transcript';
import type { CompiledGraph, EdgeAttrs, GraphAttrs, KindInfo, LinkageGraph, NodeAttrs, SectionInfo } from './types';
import { validateGraph } from './validate';

export interface CompileOptions {
  layout?: Partial<LayoutOptions>;
}

/** Base importance of each kind: how much a node of that kind organises the chapter. */
const KIND_WEIGHT: Record<NodeKind, number> = {
  chapter: 1,
  paradigm: 0.9,
  section: 0.75,
  transformation: 0.7,
  reform: 0.6,
  'decision-mode': 0.5,
  dimension: 0.45,
  feature: 0.45,
  state: 0.45,
  technology: 0.35,
  measure: 0.3,
  concept: 0.3,
  actor: 0.3,
  trait: 0.25,
};

/** Pixel size range sigma draws nodes at (before zoom). */
export const SIZE_RANGE = [4, 17] as const;

/** Edge key: readable and stable across compiles. */
export const edgeKey = (source: string, kind: string, target: string): string => `${source}>${kind}>${target}`;

/** Section of a node: explicit, or the section whose slide range holds all of its slides. */
export function sectionOf(slides: number[], sections: AuthoredGraph['chapter']['sections'], explicit?: string | null): string | null {
  if (explicit !== undefined) return explicit;
  if (slides.length === 0) return null;
  const hit = sections.find((s) => slides.every((n) => n >= s.slides[0] && n <= s.slides[1]));
  return hit ? hit.id : null;
}

/**
 * Compiles a parsed authoring file. Validates first and throws `GraphCheckError` with every
 * located problem when the file is not valid; never returns a partial graph.
 */
export function compileGraph(parsed: ParsedFile, transcript: ParsedTranscript | null, options: CompileOptions = {}): CompiledGraph {
  const errors = validateGraph(parsed, transcript);
  if (errors.length > 0) throw new GraphCheckError(errors);
  const { chapter, nodes, edges } = parsed.graph;

  const graph: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ type: 'directed', multi: true, allowSelfLoops: false });

  for (const n of nodes) {
    const kind = n.kind as NodeKind;
    graph.addNode(n.id, {
      kind,
      label: n.label,
      labelHans: toHans(n.label),
      labelEn: n.en,
      ...(n.short ? { mapEn: n.short } : {}),
      enName: n.name === true,
      enPlural: isPluralLabel(n.en, n.name === true, n.number),
      slides: [...n.slides].sort((a, b) => a - b),
      section: sectionOf(n.slides, chapter.sections, n.section),
      quote: n.quote,
      quoteHans: toHans(n.quote),
      ...pinyinForms(n.label),
      importance: 0,
      x: 0,
      y: 0,
      size: 0,
      color: NODE_KIND_COLORS[kind],
    });
  }
  for (const e of edges) {
    const kind = e.kind as EdgeKind;
    const zh = e.zh ?? EDGE_PHRASES[kind].zh;
    graph.addDirectedEdgeWithKey(edgeKey(e.source, kind, e.target), e.source, e.target, {
      kind,
      slides: [...e.slides].sort((a, b) => a - b),
      labelZh: zh,
      labelHans: toHans(zh),
      labelEn: e.en ?? EDGE_PHRASES[kind].en,
    });
  }

  // Importance: the kind's weight plus a bonus for connectedness (log-scaled degree).
  const maxDegree = Math.max(1, ...graph.mapNodes((n) => graph.degree(n)));
  graph.forEachNode((n, a) => {
    const bonus = Math.log1p(graph.degree(n)) / Math.log1p(maxDegree);
    const importance = Math.min(1, 0.75 * KIND_WEIGHT[a.kind as NodeKind] + 0.25 * bonus);
    graph.mergeNodeAttributes(n, {
      importance: round(importance),
      size: round(SIZE_RANGE[0] + (SIZE_RANGE[1] - SIZE_RANGE[0]) * importance),
    });
  });

  const positions = layoutChapter(graph, options.layout);
  for (const [n, p] of positions) graph.mergeNodeAttributes(n, p);

  const usedNodeKinds = new Set(graph.mapNodes((_, a) => a.kind));
  const usedEdgeKinds = new Set(graph.mapEdges((_, a) => a.kind));
  const nodeKinds: KindInfo[] = NODE_KINDS.filter((k) => usedNodeKinds.has(k)).map((k) => ({
    id: k,
    zh: NODE_KIND_INFO[k].zh,
    zhHans: toHans(NODE_KIND_INFO[k].zh),
    en: NODE_KIND_INFO[k].en,
    color: NODE_KIND_COLORS[k],
    border: NODE_KIND_BORDERS[k],
  }));
  const edgeKinds: KindInfo[] = EDGE_KINDS.filter((k) => usedEdgeKinds.has(k)).map((k) => ({
    id: k,
    zh: EDGE_KIND_INFO[k].zh,
    zhHans: toHans(EDGE_KIND_INFO[k].zh),
    en: EDGE_KIND_INFO[k].en,
    color: EDGE_KIND_COLORS[k],
  }));
  const sections: SectionInfo[] = chapter.sections.map((s) => ({
    id: s.id,
    zh: s.title,
    zhHans: toHans(s.title),
    en: s.en,
    slides: [s.slides[0], s.slides[1]],
  }));
  const slideTexts = transcript
    ? [...transcript.slides.entries()]
        .sort(([a], [b]) => a - b)
        .map(([n, text]) => ({ n, zh: text, zhHans: toHans(text) }))
    : [];

  graph.replaceAttributes({
    id: chapter.id,
    title: chapter.title,
    titleHans: toHans(chapter.title),
    titleEn: chapter.en,
    slideCount: chapter.slides,
    sections,
    nodeKinds,
    edgeKinds,
    slideTexts,
  });
  return graph.export() as CompiledGraph;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;
