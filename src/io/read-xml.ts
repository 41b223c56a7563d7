/**
 * GEXF and GraphML to a graphology graph with the files' own attributes, through graphology-gexf
 * and graphology-graphml. The file is first scanned (xml-scan.ts): only a well-formed file with
 * consistent ids reaches the DOM. The DOM is xmldom's, the same in Node and in the browser's
 * import worker (workers have no DOMParser), so both report the same errors.
 */
import { DOMParser, Document as XmlDocument } from '@xmldom/xmldom';
import Graph from 'graphology';
import type { GraphOptions } from 'graphology-types';
import createGexfParser from 'graphology-gexf/common/parser.js';
import createGraphmlParser from 'graphology-graphml/common/parser.js';
import { rawFromGraphology, type RawGraph } from './convert';
import { GraphImportError } from './problems';
import { scanXml, type XmlDialect, type XmlScan } from './xml-scan';

const parseGexf = createGexfParser(DOMParser, XmlDocument);
const parseGraphml = createGraphmlParser(DOMParser, XmlDocument);

/** A graph as a file describes it, before it is turned into the compiled form. */
export interface RawRead {
  graph: RawGraph;
  notes: string[];
}

function toDocument(text: string, file: string): XmlDocument {
  let where: { line?: number; col?: number } = {};
  try {
    return new DOMParser({
      onError: (level, message, context) => {
        if (level === 'warning') return;
        const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
        if (locator?.lineNumber) where = { line: locator.lineNumber, ...(locator.columnNumber ? { col: locator.columnNumber } : {}) };
        throw new Error(message);
      },
    }).parseFromString(text, 'application/xml');
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const message = /prefix is non-null and namespace is null|namespace/i.test(raw)
      ? 'a namespace prefix (like viz: in <viz:color>) is used but never declared; add xmlns:viz="http://gexf.net/1.3/viz" (or the right namespace) to the root element'
      : `the XML could not be read: ${raw.replace(/^.*caused Error: /, '')}`;
    throw new GraphImportError('syntax', [{ file, ...where, message }]);
  }
}

/**
 * The graph graphology-graphml fills: mixed and multi from the start, so that it holds every edge
 * a file can hold. The parser starts from a graph of the file's default direction and, for each
 * edge of the other direction, "upgrades" it by copying the whole graph (`toMixed`, even when
 * it is mixed already): in a file with both, once per such edge, so a 3 000-edge GraphML took
 * 13 s to read. Here a copy to what the graph already is returns the graph itself.
 */
class GraphmlTarget extends Graph {
  constructor(options?: Partial<GraphOptions>) {
    super({ ...options, type: 'mixed', multi: true });
  }

  override copy(options?: Partial<GraphOptions>): Graph {
    if ((options?.type ?? 'mixed') === 'mixed' && options?.multi !== false && options?.allowSelfLoops !== false) return this;
    return super.copy(options);
  }
}

/** Reads a GEXF (1.1 to 1.3) or GraphML file; throws {@link GraphImportError} with located problems. */
export function readXmlGraph(text: string, file: string, dialect: XmlDialect): RawRead {
  const scan: XmlScan = scanXml(text, file, dialect);
  const doc = toDocument(text, file);
  let graph: Graph;
  try {
    graph =
      dialect === 'gexf'
        ? (parseGexf(Graph, doc, { allowUndeclaredAttributes: true, addMissingNodes: false }) as Graph)
        : (parseGraphml(GraphmlTarget, doc, { addMissingNodes: false }) as Graph);
  } catch (err) {
    // The scan has checked what the parsers throw on; anything left is reported, not thrown raw.
    const message = err instanceof Error ? err.message.replace(/^graphology-\w+\/parser: /, '') : String(err);
    throw new GraphImportError('structure', [{ file, message: `the ${dialect === 'gexf' ? 'GEXF' : 'GraphML'} could not be read: ${message}` }]);
  }
  const notes: string[] = [];
  if (scan.dynamic) notes.push('dynamic GEXF: time intervals are ignored, every node and edge is shown');
  return { graph: rawFromGraphology(graph), notes };
}
