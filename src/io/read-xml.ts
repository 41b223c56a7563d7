/**
 * GEXF and GraphML to a graphology graph with the files' own attributes, through graphology-gexf
 * and graphology-graphml. The file is first scanned (xml-scan.ts): only a well-formed file with
 * consistent ids reaches the DOM. The DOM is xmldom's, the same in Node and in the browser's
 * import worker (workers have no DOMParser), so both report the same errors.
 */
import { DOMParser, Document as XmlDocument } from '@xmldom/xmldom';
import Graph from 'graphology';
import createGexfParser from 'graphology-gexf/common/parser.js';
import createGraphmlParser from 'graphology-graphml/common/parser.js';
import { GraphImportError } from './problems';
import { scanXml, type XmlDialect, type XmlScan } from './xml-scan';

const parseGexf = createGexfParser(DOMParser, XmlDocument);
const parseGraphml = createGraphmlParser(DOMParser, XmlDocument);

/** A graph as a file describes it, before it is turned into the compiled form. */
export interface RawRead {
  graph: Graph;
  notes: string[];
}

function toDocument(text: string, file: string): XmlDocument {
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'application/xml');
  } catch (err) {
    throw new GraphImportError('syntax', [{ file, message: `the XML could not be read: ${err instanceof Error ? err.message : String(err)}` }]);
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
        : (parseGraphml(Graph, doc, { addMissingNodes: false }) as Graph);
  } catch (err) {
    // The scan has checked what the parsers throw on; anything left is reported, not thrown raw.
    const message = err instanceof Error ? err.message.replace(/^graphology-\w+\/parser: /, '') : String(err);
    throw new GraphImportError('structure', [{ file, message: `the ${dialect === 'gexf' ? 'GEXF' : 'GraphML'} could not be read: ${message}` }]);
  }
  const notes: string[] = [];
  if (scan.dynamic) notes.push('dynamic GEXF: time intervals are ignored, every node and edge is shown');
  return { graph, notes };
}
