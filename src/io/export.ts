/**
 * Writers for a graph in the compiled form: graphology JSON (the compiled form itself), GEXF 1.3
 * with viz colours, sizes and positions (graphology-gexf's writer; readable by Gephi), GraphML
 * (Gephi's keys: label, x, y, size, r, g, b) and CSV of propositions. Each writes what our own
 * importer reads back into the same graph. No DOM: used by the app and the CLI.
 */
import { escapeXml, xmlSafe } from '../util/xml';
import Graph from 'graphology';
import writeGexf from 'graphology-gexf/common/writer.js';
import { edgeSentence, type Lang } from '../model/sentence';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../model/types';
import { toCsv } from './csv';

import type { ExportFormat } from './formats';
export type { ExportFormat } from './formats';

/** File ending and media type of each text format. */
export const EXPORT_FILE: Record<ExportFormat, { ext: string; mime: string }> = {
  json: { ext: '.json', mime: 'application/json' },
  gexf: { ext: '.gexf', mime: 'application/gexf+xml' },
  graphml: { ext: '.graphml', mime: 'application/graphml+xml' },
  csv: { ext: '-propositions.csv', mime: 'text/csv' },
};

/** `#rrggbb` → its red, green and blue bytes (grey for anything else). */
export function rgbOf(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return [153, 153, 153];
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The compiled form, as JSON text (graphology's serialization). */
function toGraphologyJson(graph: LinkageGraph): string {
  return `${JSON.stringify(graph.export(), null, 2)}\n`;
}

/** A copy where undirected edges are undirected again, for the XML writers. */
function withDirections(graph: LinkageGraph): Graph {
  const anyUndirected = graph.someEdge((_e, a) => a.undirected === true);
  const out = new Graph({ type: anyUndirected ? 'mixed' : 'directed', multi: true, allowSelfLoops: true });
  graph.forEachNode((n, a) => out.addNode(n, a));
  graph.forEachEdge((e, a, s, t) => {
    if (a.undirected) out.addUndirectedEdgeWithKey(e, s, t, a);
    else out.addDirectedEdgeWithKey(e, s, t, a);
  });
  return out;
}

/** The graph's list attributes (sections, kinds, slide texts) as JSON text, the empty ones left out. */
function jsonFields(g: Partial<GraphAttrs>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['sections', 'nodeKinds', 'edgeKinds', 'slideTexts'] as const) {
    const v = g[key];
    if (Array.isArray(v) && v.length > 0) out[key] = xmlSafe(JSON.stringify(v));
  }
  return out;
}

/** GEXF 1.3: labels, kinds, texts and slides as attributes; colour, size and position as viz. */
export function toGexf(graph: LinkageGraph): string {
  const copy = withDirections(graph);
  const g: Partial<GraphAttrs> = graph.getAttributes();
  const meta: Record<string, string | number> = { creator: 'Linkage (脈絡)', description: xmlSafe(g.title ?? '') };
  for (const key of ['id', 'title', 'titleHans', 'titleEn'] as const) if (typeof g[key] === 'string') meta[key] = xmlSafe(g[key]);
  if (typeof g.slideCount === 'number' && g.slideCount > 0) meta['slideCount'] = g.slideCount;
  // Lists have no GEXF form: they travel as JSON text (Gephi ignores meta it does not know).
  for (const [key, text] of Object.entries(jsonFields(g))) meta[key] = text;
  copy.replaceAttributes(meta);
  return writeGexf(copy, {
    version: '1.3',
    formatNode: (_key: string, a: NodeAttrs) => {
      const [r, gr, b] = rgbOf(a.color);
      return {
        label: xmlSafe(a.label),
        viz: { color: `rgb(${r},${gr},${b})`, size: a.size, x: a.x, y: a.y },
        attributes: {
          kind: xmlSafe(a.kind),
          labelHans: xmlSafe(a.labelHans),
          labelEn: xmlSafe(a.labelEn),
          ...(a.mapEn ? { mapEn: xmlSafe(a.mapEn) } : {}),
          // The realiser's grammar of the English label (compiled chapters only).
          ...(typeof a.enName === 'boolean' ? { enName: a.enName } : {}),
          ...(typeof a.enPlural === 'boolean' ? { enPlural: a.enPlural } : {}),
          slides: a.slides,
          section: a.section === null ? null : xmlSafe(a.section),
          quote: xmlSafe(a.quote),
          quoteHans: xmlSafe(a.quoteHans),
          pinyin: a.pinyin,
          initials: a.initials,
          importance: a.importance,
        },
      };
    },
    formatEdge: (_key: string, a: EdgeAttrs) => ({
      label: xmlSafe(a.labelEn || a.labelZh),
      kind: xmlSafe(a.kind),
      attributes: { labelZh: xmlSafe(a.labelZh), labelHans: xmlSafe(a.labelHans), labelEn: xmlSafe(a.labelEn), ...(a.labelEnPlural === undefined ? {} : { labelEnPlural: xmlSafe(a.labelEnPlural) }), slides: a.slides },
    }),
  });
}

type KeyType = 'string' | 'double' | 'int' | 'boolean';

const NODE_KEYS: ReadonlyArray<{ name: string; type: KeyType; get: (a: NodeAttrs) => unknown }> = [
  { name: 'label', type: 'string', get: (a) => a.label },
  { name: 'labelHans', type: 'string', get: (a) => a.labelHans },
  { name: 'labelEn', type: 'string', get: (a) => a.labelEn },
  { name: 'mapEn', type: 'string', get: (a) => a.mapEn },
  { name: 'enName', type: 'boolean', get: (a) => a.enName },
  { name: 'enPlural', type: 'boolean', get: (a) => a.enPlural },
  { name: 'kind', type: 'string', get: (a) => a.kind },
  { name: 'slides', type: 'string', get: (a) => (a.slides.length ? a.slides.join(',') : null) },
  { name: 'section', type: 'string', get: (a) => a.section },
  { name: 'quote', type: 'string', get: (a) => a.quote },
  { name: 'quoteHans', type: 'string', get: (a) => a.quoteHans },
  { name: 'pinyin', type: 'string', get: (a) => a.pinyin },
  { name: 'initials', type: 'string', get: (a) => a.initials },
  { name: 'importance', type: 'double', get: (a) => a.importance },
  { name: 'size', type: 'double', get: (a) => a.size },
  { name: 'x', type: 'double', get: (a) => a.x },
  { name: 'y', type: 'double', get: (a) => a.y },
  { name: 'r', type: 'int', get: (a) => rgbOf(a.color)[0] },
  { name: 'g', type: 'int', get: (a) => rgbOf(a.color)[1] },
  { name: 'b', type: 'int', get: (a) => rgbOf(a.color)[2] },
];
const EDGE_KEYS: ReadonlyArray<{ name: string; type: KeyType; get: (a: EdgeAttrs) => unknown }> = [
  { name: 'kind', type: 'string', get: (a) => a.kind },
  { name: 'labelZh', type: 'string', get: (a) => a.labelZh },
  { name: 'labelHans', type: 'string', get: (a) => a.labelHans },
  { name: 'labelEn', type: 'string', get: (a) => a.labelEn },
  { name: 'labelEnPlural', type: 'string', get: (a) => a.labelEnPlural },
  { name: 'slides', type: 'string', get: (a) => (a.slides.length ? a.slides.join(',') : null) },
];
const GRAPH_KEYS: ReadonlyArray<{ name: string; type: KeyType; get: (a: Partial<GraphAttrs>) => unknown }> = [
  { name: 'title', type: 'string', get: (a) => a.title },
  { name: 'titleHans', type: 'string', get: (a) => a.titleHans },
  { name: 'titleEn', type: 'string', get: (a) => a.titleEn },
  { name: 'slideCount', type: 'int', get: (a) => (a.slideCount ? a.slideCount : null) },
  { name: 'sections', type: 'string', get: (a) => jsonFields(a)['sections'] },
  { name: 'nodeKinds', type: 'string', get: (a) => jsonFields(a)['nodeKinds'] },
  { name: 'edgeKinds', type: 'string', get: (a) => jsonFields(a)['edgeKinds'] },
  { name: 'slideTexts', type: 'string', get: (a) => jsonFields(a)['slideTexts'] },
];

/**
 * GraphML with typed keys. A graph with undirected edges is written `edgedefault="undirected"`
 * with `directed="true"` on its directed edges (graphology's reader ignores `directed="false"`).
 */
export function toGraphml(graph: LinkageGraph): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const key = (scope: string, i: number) => `${scope[0]}${i}`;
  const declare = (scope: 'graph' | 'node' | 'edge', specs: ReadonlyArray<{ name: string; type: string }>) =>
    specs.forEach((s, i) => lines.push(`  <key id="${key(scope, i)}" for="${scope}" attr.name="${s.name}" attr.type="${s.type}"/>`));
  declare('graph', GRAPH_KEYS);
  declare('node', NODE_KEYS);
  declare('edge', EDGE_KEYS);
  const data = <A>(indent: string, scope: string, specs: ReadonlyArray<{ get: (a: A) => unknown }>, attrs: A): string[] =>
    specs.flatMap((s, i) => {
      const v = s.get(attrs);
      if (v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v))) return [];
      return [`${indent}<data key="${key(scope, i)}">${escapeXml(String(v))}</data>`];
    });
  const undirected = graph.someEdge((_e, a) => a.undirected === true);
  const g: Partial<GraphAttrs> = graph.getAttributes();
  lines.push(`  <graph id="${escapeXml(g.id ?? 'graph')}" edgedefault="${undirected ? 'undirected' : 'directed'}">`);
  lines.push(...data('    ', 'graph', GRAPH_KEYS, g));
  graph.forEachNode((n, a) => {
    lines.push(`    <node id="${escapeXml(n)}">`, ...data('      ', 'node', NODE_KEYS, a), '    </node>');
  });
  graph.forEachEdge((e, a, s, t) => {
    const dir = undirected && !a.undirected ? ' directed="true"' : '';
    lines.push(`    <edge id="${escapeXml(e)}" source="${escapeXml(s)}" target="${escapeXml(t)}"${dir}>`, ...data('      ', 'edge', EDGE_KEYS, a), '    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** Column names of the propositions CSV, per language. */
const CSV_HEADER: Record<Lang, string[]> = {
  'zh-Hant': ['來源概念', '連結語', '目標概念', '投影片', '句子'],
  'zh-Hans': ['来源概念', '连结语', '目标概念', '幻灯片', '句子'],
  en: ['source', 'linking phrase', 'target', 'slides', 'sentence'],
};

/**
 * Every edge as a CmapTools-style proposition: source, linking phrase (`…` marks where the target
 * goes in zh), target, slides (space-separated) and the whole sentence, in `lang`.
 */
export function toPropositionsCsv(graph: LinkageGraph, lang: Lang): string {
  const rows: string[][] = [CSV_HEADER[lang]];
  graph.forEachEdge((e) => {
    const s = edgeSentence(graph, e, lang);
    // Concepts as written (the same in every row), the sentence as the realiser reads it.
    rows.push([s.sourceLabel, s.phrase, s.targetLabel, s.slides.join(' '), s.text]);
  });
  return toCsv(rows);
}

/** A graph in one of the text formats. */
export function exportGraph(graph: LinkageGraph, format: ExportFormat, lang: Lang = 'zh-Hant'): string {
  switch (format) {
    case 'json':
      return toGraphologyJson(graph);
    case 'gexf':
      return toGexf(graph);
    case 'graphml':
      return toGraphml(graph);
    case 'csv':
      return toPropositionsCsv(graph, lang);
  }
}
