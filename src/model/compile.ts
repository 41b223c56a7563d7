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
import { isPluralLabel } from './realise';
import type { ParsedTranscript } from './transcript';
import type { CompiledGraph, EdgeAttrs, GraphAttrs, KindInfo, LinkageGraph, NodeAttrs, SectionInfo } from './types';
import { validateGraph } from './validate';
import { edgeKindInfo, nodeKindInfo, SHARED_VOCABULARY, type EdgeKindDef, type NodeKindDef, type Vocabulary } from './vocabulary';

export interface CompileOptions {
  layout?: Partial<LayoutOptions>;
  /** The chapter's vocabulary (default: the shared one). */
  vocabulary?: Vocabulary;
}

/** Pixel size range sigma draws nodes at (before zoom). */
const SIZE_RANGE = [4, 17] as const;

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
  const vocabulary = options.vocabulary ?? SHARED_VOCABULARY;
  const errors = validateGraph(parsed, transcript, vocabulary);
  if (errors.length > 0) throw new GraphCheckError(errors);
  const { chapter, nodes, edges } = parsed.graph;

  const graph: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>({ type: 'directed', multi: true, allowSelfLoops: false });

  const nodeKind = (id: string): NodeKindDef => vocabulary.nodeKinds[id]!;
  const edgeKind = (id: string): EdgeKindDef => vocabulary.edgeKinds[id]!;
  for (const n of nodes) {
    const kind = n.kind;
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
      color: nodeKind(kind).color,
    });
  }
  for (const e of edges) {
    const kind = e.kind;
    const phrase = edgeKind(kind).phrase;
    const zh = e.zh ?? phrase.zh;
    graph.addDirectedEdgeWithKey(edgeKey(e.source, kind, e.target), e.source, e.target, {
      kind,
      slides: [...e.slides].sort((a, b) => a - b),
      labelZh: zh,
      labelHans: e.zh === undefined && phrase.zhHans ? phrase.zhHans : toHans(zh),
      labelEn: e.en ?? phrase.en,
      ...(e.en === undefined ? { labelEnPlural: phrase.enPlural } : {}),
    });
  }

  // Importance: the kind's weight plus a bonus for connectedness (log-scaled degree).
  const maxDegree = Math.max(1, ...graph.mapNodes((n) => graph.degree(n)));
  graph.forEachNode((n, a) => {
    const bonus = Math.log1p(graph.degree(n)) / Math.log1p(maxDegree);
    const importance = Math.min(1, 0.75 * nodeKind(a.kind).weight + 0.25 * bonus);
    graph.mergeNodeAttributes(n, {
      importance: round(importance),
      size: round(SIZE_RANGE[0] + (SIZE_RANGE[1] - SIZE_RANGE[0]) * importance),
    });
  });

  const positions = layoutChapter(graph, options.layout);
  for (const [n, p] of positions) graph.mergeNodeAttributes(n, p);

  const usedNodeKinds = new Set(graph.mapNodes((_, a) => a.kind));
  const usedEdgeKinds = new Set(graph.mapEdges((_, a) => a.kind));
  const nodeKinds: KindInfo[] = Object.entries(vocabulary.nodeKinds)
    .filter(([k]) => usedNodeKinds.has(k))
    .map(([id, k]) => nodeKindInfo(id, k, toHans));
  const edgeKinds: KindInfo[] = Object.entries(vocabulary.edgeKinds)
    .filter(([k]) => usedEdgeKinds.has(k))
    .map(([id, k]) => edgeKindInfo(id, k, toHans));
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
