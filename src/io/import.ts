/**
 * The import pipeline, from a file's text to the compiled form: detect the format → check the
 * size → parse and check (located errors) → convert → lay out when the file has no positions.
 * Runs as is in Node (CLI, tests) and inside the browser's import worker (import-file.ts).
 */
import type { CompiledGraph, LinkageGraph } from '../model/types';
import { convertGraph, needsChineseDerivation, PLAIN_TEXT, type ConvertReport, type RawGraph, type TextDerivers } from './convert';
import { layoutForeignGraph } from './layout';
import { checkFileSize, MAX_FILE_BYTES } from './limits';
import { asImportError, GraphImportError } from './problems';
import { readGraphologyJson } from './read-json';
import { readXmlGraph } from './read-xml';

import type { ImportFormat } from './formats';
export type { ImportFormat } from './formats';

export interface ImportInput {
  /** The file's name: its ending hints at the format, its base name titles a graph without one. */
  name: string;
  text: string;
}

export interface ImportOptions {
  /** Node attribute giving the kinds (`null`: one kind); left out, one is picked (see convert.ts). */
  kindAttribute?: string | null;
  /** Edge attribute giving the edge kinds, the same way. */
  edgeKindAttribute?: string | null;
  /** ForceAtlas2 iterations when a layout is computed; by default by graph size. */
  layoutIterations?: number;
}

export type ImportStage = 'read' | 'parse' | 'convert' | 'layout';

export interface ImportProgress {
  stage: ImportStage;
  /** Fraction of the stage done, 0..1; only the layout reports steps between. */
  fraction: number;
}

export interface ImportHooks {
  onProgress?(progress: ImportProgress): void;
  /** Aborting stops the import at the next step with a `cancelled` error. */
  signal?: AbortSignal;
  /** Awaited between layout steps (lets the thread breathe when there is no worker). */
  pause?(): Promise<void>;
}

/** What an import found and decided. */
export interface ImportReport extends ConvertReport {
  file: string;
  format: ImportFormat;
  /** Things the reader may want to know (English; the CLI prints them). */
  notes: string[];
}

export interface ImportedGraph {
  graph: CompiledGraph;
  report: ImportReport;
}

/** Base name without directories and without its last extension. */
export function stemOf(name: string): string {
  const base = name.split(/[\\/]/).pop() || name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** An id made from a file name: `Les Miserables.gexf` → `les-miserables`. */
export function slugOf(name: string): string {
  const slug = stemOf(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return /^[a-z0-9]/.test(slug) ? slug : 'imported';
}

/**
 * The format of a file, from its content first (an XML root element, a JSON opening brace) and
 * its name second. Throws `structure` for anything that is none of the four.
 */
export function detectFormat(name: string, text: string): ImportFormat {
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
  const head = text.slice(0, 4096);
  if (head.includes('\u0000')) {
    throw new GraphImportError('structure', [{ file: name, message: 'this is not a text file; open a GEXF, GraphML, graphology JSON or Linkage YAML file' }]);
  }
  const start = head.replace(/^\uFEFF?\s*/, '');
  if (start.startsWith('<')) {
    // Skip the prolog (declaration, comments, doctype) to the root element's name.
    const root = /<(?![?!])([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(start);
    const local = root?.[2]?.toLowerCase();
    if (local === 'gexf' || local === 'graphml') return local;
    if (!root && (ext === 'gexf' || ext === 'graphml')) return ext;
    throw new GraphImportError('structure', [
      { file: name, line: 1, message: `this XML file is neither GEXF nor GraphML (its root element is <${root ? (root[1] ?? '') + root[2] : '?'}>); open a GEXF or GraphML file` },
    ]);
  }
  if (start.startsWith('{') || start.startsWith('[') || ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'gexf' || ext === 'graphml') return ext;
  throw new GraphImportError('structure', [
    {
      file: name,
      message: `cannot tell the format${ext ? ` of a ".${ext}" file` : ''}; open a GEXF (.gexf), GraphML (.graphml), graphology JSON (.json) or Linkage authoring (.yaml) file`,
    },
  ]);
}

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Loads OpenCC and pinyin-pro (only imports with Chinese text need them). */
async function loadTextDerivers(): Promise<TextDerivers> {
  const [{ toHans }, { pinyinForms }] = await Promise.all([import('../model/derive/hans'), import('../model/derive/pinyin')]);
  return { toHans, pinyinForms };
}

function reportOfCompiled(graph: CompiledGraph, file: string): ImportReport {
  const nodes = graph.nodes.length;
  const edges = graph.edges ?? [];
  return {
    file,
    format: 'yaml',
    nodes,
    edges: edges.length,
    selfLoops: edges.filter((e) => e.source === e.target).length,
    parallelEdges: 0,
    undirectedEdges: 0,
    positions: 'layout',
    kindAttribute: 'kind',
    edgeKindAttribute: 'kind',
    kindCandidates: [],
    edgeKindCandidates: [],
    notes: ['authoring file compiled without its transcript: quotes were not checked'],
  };
}

/**
 * Imports a graph file's text. Resolves to the compiled form and a report; rejects with a
 * {@link GraphImportError} whose problems name what is wrong and where.
 */
export async function importGraphText(input: ImportInput, options: ImportOptions = {}, hooks: ImportHooks = {}): Promise<ImportedGraph> {
  const file = input.name;
  const checkCancel = () => {
    if (hooks.signal?.aborted) throw new GraphImportError('cancelled', [{ file, message: 'the import was cancelled; the graph shown before is kept' }]);
  };
  try {
    // Strings shorter than the limit in UTF-16 units may still be longer in bytes.
    if (input.text.length > MAX_FILE_BYTES / 3) checkFileSize(utf8Length(input.text), file);
    const text = input.text.replace(/^\uFEFF/, '');
    const format = detectFormat(file, text);
    hooks.onProgress?.({ stage: 'parse', fraction: 0 });
    checkCancel();

    if (format === 'yaml') {
      // The YAML parser and the authoring checker are loaded only for authoring files.
      const { readAuthoringYaml } = await import('./read-yaml');
      const graph = await readAuthoringYaml(text, file);
      checkCancel();
      return { graph, report: reportOfCompiled(graph, file) };
    }

    const read = format === 'json' ? readGraphologyJson(text, file) : readXmlGraph(text, file, format);
    const raw: RawGraph = read.graph;
    if (raw.nodes.length === 0) throw new GraphImportError('structure', [{ file, message: 'the graph has no nodes: there is nothing to show' }]);
    hooks.onProgress?.({ stage: 'convert', fraction: 0 });
    checkCancel();
    const derive = needsChineseDerivation(raw) ? await loadTextDerivers() : PLAIN_TEXT;
    const converted = convertGraph(
      raw,
      {
        ...(options.kindAttribute !== undefined ? { kindAttribute: options.kindAttribute } : {}),
        ...(options.edgeKindAttribute !== undefined ? { edgeKindAttribute: options.edgeKindAttribute } : {}),
        fallbackTitle: stemOf(file),
        graphId: slugOf(file),
      },
      derive,
    );
    const graph: LinkageGraph = converted.graph;
    const notes = [...read.notes];
    if (converted.needsLayout) {
      hooks.onProgress?.({ stage: 'layout', fraction: 0 });
      const finished = await layoutForeignGraph(
        graph,
        options.layoutIterations !== undefined ? { iterations: options.layoutIterations } : {},
        (fraction) => hooks.onProgress?.({ stage: 'layout', fraction }),
        () => hooks.signal?.aborted ?? false,
        hooks.pause,
      );
      if (!finished) checkCancel();
      notes.push('the file has no positions: a ForceAtlas2 layout was computed');
    }
    const r = converted.report;
    if (r.selfLoops) notes.push(`${r.selfLoops} self-loop${r.selfLoops > 1 ? 's' : ''} kept`);
    if (r.parallelEdges) notes.push(`${r.parallelEdges} parallel edge${r.parallelEdges > 1 ? 's' : ''} kept (drawn as curves)`);
    if (r.undirectedEdges) notes.push(`${r.undirectedEdges} undirected edge${r.undirectedEdges > 1 ? 's' : ''} (drawn without arrows)`);
    notes.push(r.kindAttribute ? `node kinds from the attribute "${r.kindAttribute}"` : 'one node kind (no attribute chosen for kinds)');
    return { graph: graph.export() as CompiledGraph, report: { ...r, file, format, notes } };
  } catch (err) {
    throw asImportError(err, file);
  }
}
