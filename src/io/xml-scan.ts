/**
 * The first pass over a GEXF or GraphML file: a strict, streaming XML check (saxes) that stops at
 * the first syntax error with its line and column, refuses entity declarations and deep nesting,
 * enforces the node and edge limits while reading, and checks ids and edge endpoints, each
 * problem located. Only a file that passes is handed to the DOM-based graph parsers.
 */
import { SaxesParser } from 'saxes';
import { checkCount, MAX_XML_DEPTH } from './limits';
import { GraphImportError, lineColAt, ProblemList, show, type ImportProblem } from './problems';

export type XmlDialect = 'gexf' | 'graphml';

/** What the scan learned about a file that passed it. */
export interface XmlScan {
  dialect: XmlDialect;
  /** Number of node and edge elements. */
  nodes: number;
  edges: number;
  /** The `version` attribute of the root (GEXF), if any. */
  version: string | null;
  /** GEXF `mode="dynamic"`: time intervals are ignored. */
  dynamic: boolean;
}

const ROOT: Record<XmlDialect, string> = { gexf: 'gexf', graphml: 'graphml' };
const FORMAT_NAME: Record<XmlDialect, string> = { gexf: 'GEXF', graphml: 'GraphML' };

/** Local part of a qualified name (`viz:color` → `color`). */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

type Pos = { line: number; col: number };

/** An element's start tag as a message names it: `<edge id="e7">` or `<edge> #12`. */
function elementName(tag: string, id: string | undefined, index: number): string {
  return id !== undefined && id !== '' ? `<${tag} id=${show(id)}>` : `<${tag}> #${index + 1}`;
}

/**
 * Scans `text` as a `dialect` file. Returns counts when the file is well-formed and its ids and
 * edges are consistent; throws {@link GraphImportError} with located problems otherwise.
 */
export function scanXml(text: string, file: string, dialect: XmlDialect): XmlScan {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const name = FORMAT_NAME[dialect];
  let depth = 0;
  let rootSeen = false;
  let graphCount = 0;
  let version: string | null = null;
  let dynamic = false;
  let tagStart: Pos = { line: 1, col: 1 };
  const openTags: Array<{ tag: string; pos: Pos }> = [];

  const nodeLine = new Map<string, Pos>();
  const edgeIds = new Map<string, Pos>();
  let nodes = 0;
  // Edges are checked against the nodes once all are read (GraphML may list edges first).
  const edgeEnds: Array<{ source: string; target: string; id: string | undefined; index: number; pos: Pos }> = [];

  const structure = new ProblemList();
  const duplicateNodes = new ProblemList();
  const duplicateEdges = new ProblemList();
  const here = (): Pos => ({ line: parser.line, col: parser.column + 1 });
  const fail = (code: 'syntax' | 'unsafe' | 'structure', pos: Pos, message: string, where?: string): never => {
    throw new GraphImportError(code, [{ file, line: pos.line, col: pos.col, ...(where ? { where } : {}), message }]);
  };

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      fail('unsafe', here(), 'the file declares XML entities (<!ENTITY …>); graph files never need them, and they can expand without bound ("billion laughs"), so the file is refused. Remove the DOCTYPE');
    }
  });
  parser.on('opentagstart', (tag) => {
    // The parser stands just after the name: point at the `<`.
    tagStart = { line: parser.line, col: Math.max(1, parser.column - tag.name.length - 1) };
    depth++;
    if (depth > MAX_XML_DEPTH) {
      fail('unsafe', tagStart, `elements are nested more than ${MAX_XML_DEPTH} deep; ${name} needs fewer than 10 levels, so the file is refused`, `<${tag.name}>`);
    }
    if (!rootSeen) {
      rootSeen = true;
      if (local(tag.name) !== ROOT[dialect]) {
        fail('structure', tagStart, `expected a ${name} file, whose root element is <${ROOT[dialect]}>; found <${tag.name}>`, `<${tag.name}>`);
      }
    }
  });
  parser.on('opentag', (tag) => {
    const tagName = local(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    const pos = tagStart;
    openTags.push({ tag: tag.name, pos });
    switch (tagName) {
      case ROOT[dialect]:
        if (depth === 1) version = attrs['version'] ?? null;
        break;
      case 'graph':
        graphCount++;
        if (dialect === 'gexf' && attrs['mode'] === 'dynamic') dynamic = true;
        break;
      case 'node': {
        const id = attrs['id'];
        checkCount('nodes', nodes + 1, file, pos);
        if (id === undefined || id === '') {
          structure.add({ file, ...pos, where: `<node> #${nodes + 1}`, message: 'a node has no id; give every <node> a unique id="…"' });
        } else {
          const first = nodeLine.get(id);
          if (first) {
            duplicateNodes.add({
              file,
              ...pos,
              where: elementName('node', id, nodes),
              message: `node id ${show(id)} is used twice (first at line ${first.line}); each node needs its own id: rename or merge the two nodes`,
            });
          } else nodeLine.set(id, pos);
        }
        nodes++;
        break;
      }
      case 'edge': {
        const index = edgeEnds.length;
        checkCount('edges', index + 1, file, pos);
        const id = attrs['id'];
        const source = attrs['source'];
        const target = attrs['target'];
        const where = elementName('edge', id, index);
        if (source === undefined || source === '' || target === undefined || target === '') {
          const missing = [source ? null : 'source', target ? null : 'target'].filter(Boolean).join(' and ');
          structure.add({ file, ...pos, where, message: `the edge has no ${missing}; every <edge> needs source="…" and target="…" naming nodes` });
        } else {
          edgeEnds.push({ source, target, id, index, pos });
        }
        if (id !== undefined && id !== '') {
          const first = edgeIds.get(id);
          if (first) {
            duplicateEdges.add({
              file,
              ...pos,
              where,
              message: `edge id ${show(id)} is used twice (first at line ${first.line}); give each edge its own id, or leave ids out`,
            });
          } else edgeIds.set(id, pos);
        }
        break;
      }
      case 'hyperedge':
        if (dialect === 'graphml') structure.add({ file, ...pos, where: '<hyperedge>', message: 'hyperedges are not supported; replace each by ordinary <edge> elements' });
        break;
    }
  });
  parser.on('closetag', () => {
    depth--;
    openTags.pop();
  });

  try {
    parser.write(text);
    parser.close();
  } catch (err) {
    if (err instanceof GraphImportError) throw err;
    throw syntaxError(err, file, name, openTags, text);
  }

  if (!rootSeen) fail('structure', { line: 1, col: 1 }, `the file is empty: expected a ${name} document`);
  if (graphCount === 0) fail('structure', here(), `the file has no <graph> element; a ${name} file holds its nodes and edges in one <graph>`);
  if (dialect === 'gexf' && graphCount > 1) fail('structure', here(), 'the file holds more than one <graph>; GEXF allows one');
  structure.throwIf('structure');
  duplicateNodes.throwIf('duplicate-node');
  duplicateEdges.throwIf('duplicate-edge');

  const missing = new ProblemList();
  for (const e of edgeEnds) {
    const gone = [e.source, e.target].filter((n, i, all) => !nodeLine.has(n) && all.indexOf(n) === i);
    if (gone.length === 0) continue;
    missing.add({
      file,
      ...e.pos,
      where: elementName('edge', e.id, e.index),
      message: `${gone.map((n) => `node ${show(n)}`).join(' and ')} ${gone.length > 1 ? 'are' : 'is'} not declared; Linkage does not create missing nodes: add ${gone.map((n) => `<node id=${show(n)}>`).join(' and ')} or remove the edge`,
    });
  }
  missing.throwIf('missing-endpoint');

  return { dialect, nodes, edges: edgeEnds.length, version, dynamic };
}

/**
 * Offset of the first `&` that starts no character or entity reference, outside comments and
 * CDATA sections; -1 when there is none. (saxes reads such an `&` up to the next `;`, which may be
 * the end of the file, so its own position for this mistake is useless.)
 */
export function bareAmpersand(text: string): number {
  const re = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|&(?!(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '&') return m.index;
  }
  return -1;
}

/** Turns a saxes error into a located `syntax` problem, naming a bare `&` or a truncated file as such. */
function syntaxError(err: unknown, file: string, name: string, openTags: ReadonlyArray<{ tag: string; pos: Pos }>, text: string): GraphImportError {
  const raw = err instanceof Error ? err.message : String(err);
  const m = /^(?:.*?:)?(\d+):(\d+): ([\s\S]*)$/.exec(raw);
  const detail = (m ? m[3]! : raw).replace(/\.$/, '');
  const amp = bareAmpersand(text);
  if (amp >= 0) {
    const pos = lineColAt(text, amp);
    const lineText = text.slice(text.lastIndexOf('\n', amp) + 1, text.indexOf('\n', amp) < 0 ? text.length : text.indexOf('\n', amp));
    const context = lineText.slice(Math.max(0, pos.col - 25), pos.col + 15).trim();
    return new GraphImportError('syntax', [
      { file, ...pos, message: `the ${name} is not well-formed XML: a bare "&" in ${show(context, 60)}; write it as &amp;` },
    ]);
  }
  const problem: ImportProblem = { file, message: `the ${name} is not well-formed XML: ${detail}` };
  if (m) {
    problem.line = Number(m[1]);
    problem.col = Number(m[2]) + 1;
  }
  const atEnd = m !== null && Number(m[1]) >= text.trimEnd().split('\n').length;
  if (atEnd && openTags.length > 0) {
    const open = openTags[openTags.length - 1]!;
    problem.message = `the file ends before the XML is complete (<${open.tag}> opened at line ${open.pos.line} is never closed): it looks truncated, e.g. by an interrupted download or save`;
  }
  return new GraphImportError('syntax', [problem]);
}
