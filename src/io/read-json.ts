/**
 * graphology's serialized JSON (`{attributes, options, nodes, edges}`) to a graph, checked piece by
 * piece: every problem names its data path (`edges[254].target`) and line, instead of the first
 * exception `Graph.import` would throw.
 */
import { isRecord } from '../util/record';
import { walkJson, locateJsonPath, type JsonPath } from '../util/json-locate';
import { checkCount } from './limits';
import { describe, GraphImportError, lineColAt, pathText, ProblemList, show, type ImportProblem } from './problems';
import type { RawGraph } from './convert';
import type { RawRead } from './read-xml';

const isKey = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** Most problems given a line number (each costs a pass over the text). */
const LOCATED = 10;

/** Reads graphology JSON; throws {@link GraphImportError} with located problems. */
export function readGraphologyJson(text: string, file: string): RawRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const found = walkJson(text);
    const problem: ImportProblem = { file, message: `the JSON is not well-formed: ${found ? found.message : err instanceof Error ? err.message : String(err)}` };
    if (found) Object.assign(problem, lineColAt(text, found.offset));
    throw new GraphImportError('syntax', [problem]);
  }

  // Problems are located (given a line) only when thrown: each location is a pass over the text.
  const paths = new Map<ImportProblem, JsonPath>();
  const at = (path: JsonPath, message: string): ImportProblem => {
    const problem: ImportProblem = { file, message };
    if (path.length > 0) problem.where = pathText(path);
    paths.set(problem, path);
    return problem;
  };
  const locate = (list: ProblemList): void => {
    for (const p of list.items.slice(0, LOCATED)) {
      // A missing value is located at the nearest part of its path that exists.
      const path = paths.get(p) ?? [];
      let offset = -1;
      for (let n = path.length; n >= 0 && offset < 0; n--) offset = locateJsonPath(text, path.slice(0, n));
      if (offset >= 0) Object.assign(p, lineColAt(text, offset));
    }
  };
  const fail = (list: ProblemList, code: 'structure' | 'duplicate-node' | 'duplicate-edge' | 'missing-endpoint') => {
    if (list.total === 0) return;
    locate(list);
    list.throwIf(code);
  };

  const structure = new ProblemList();
  const nodeLinkHint = isRecord(data) && Array.isArray(data['links']) ? '. This looks like node-link JSON (d3, networkx): save the graph as GEXF, GraphML or graphology JSON instead' : '';
  if (!isRecord(data)) {
    throw new GraphImportError('structure', [
      { file, line: 1, col: 1, message: `expected a graphology JSON object {"attributes", "options", "nodes", "edges"}, found ${describe(data)}` },
    ]);
  }
  if (!Array.isArray(data['nodes'])) {
    structure.add(at(data['nodes'] === undefined ? [] : ['nodes'], `expected a "nodes" list, found ${describe(data['nodes'])}${nodeLinkHint}`));
    fail(structure, 'structure');
  }
  const nodes = data['nodes'] as unknown[];
  const edges: unknown[] = data['edges'] === undefined ? [] : Array.isArray(data['edges']) ? data['edges'] : [];
  if (data['edges'] !== undefined && !Array.isArray(data['edges'])) structure.add(at(['edges'], `expected a list of edges, found ${describe(data['edges'])}`));
  checkCount('nodes', nodes.length, file);
  checkCount('edges', edges.length, file);

  const options = data['options'];
  let type = 'mixed';
  if (options !== undefined) {
    if (!isRecord(options)) structure.add(at(['options'], `expected an object like {"type": "directed"}, found ${describe(options)}`));
    else if (options['type'] !== undefined) {
      if (options['type'] === 'directed' || options['type'] === 'undirected' || options['type'] === 'mixed') type = options['type'];
      else structure.add(at(['options', 'type'], `expected "directed", "undirected" or "mixed", found ${describe(options['type'])}`));
    }
  }
  const attributes = data['attributes'];
  if (attributes !== undefined && !isRecord(attributes)) structure.add(at(['attributes'], `expected an object of graph attributes, found ${describe(attributes)}`));

  const raw: RawGraph = { attributes: {}, nodes: [], edges: [] };
  const firstNode = new Map<string, number>();
  const duplicates = new ProblemList();
  nodes.forEach((node, i) => {
    if (!isRecord(node)) return structure.add(at(['nodes', i], `expected a node object {"key": …, "attributes": {…}}, found ${describe(node)}`));
    if (!isKey(node['key'])) return structure.add(at(['nodes', i, 'key'], `expected the node's key (a string or number), found ${describe(node['key'])}${nodeLinkHint}`));
    const attrs = node['attributes'];
    if (attrs !== undefined && !isRecord(attrs)) return structure.add(at(['nodes', i, 'attributes'], `expected an object of attributes, found ${describe(attrs)}`));
    const key = String(node['key']);
    const first = firstNode.get(key);
    if (first !== undefined) return duplicates.add(at(['nodes', i, 'key'], `node key ${show(key)} is used twice (first at nodes[${first}]); each node needs its own key`));
    firstNode.set(key, i);
    raw.nodes.push({ key, attributes: { ...(attrs ?? {}) } });
  });

  const edgeKeys = new Map<string, number>();
  const duplicateEdges = new ProblemList();
  const missing = new ProblemList();
  edges.forEach((edge, i) => {
    if (!isRecord(edge)) return structure.add(at(['edges', i], `expected an edge object {"source": …, "target": …}, found ${describe(edge)}`));
    for (const end of ['source', 'target'] as const) {
      if (!isKey(edge[end])) return structure.add(at(['edges', i, end], `expected the ${end} node's key, found ${describe(edge[end])}`));
    }
    const attrs = edge['attributes'];
    if (attrs !== undefined && !isRecord(attrs)) return structure.add(at(['edges', i, 'attributes'], `expected an object of attributes, found ${describe(attrs)}`));
    if (edge['undirected'] !== undefined && typeof edge['undirected'] !== 'boolean') {
      return structure.add(at(['edges', i, 'undirected'], `expected true or false, found ${describe(edge['undirected'])}`));
    }
    let key: string | null = null;
    if (edge['key'] !== undefined) {
      if (!isKey(edge['key'])) return structure.add(at(['edges', i, 'key'], `expected the edge's key (a string or number), found ${describe(edge['key'])}`));
      key = String(edge['key']);
      const first = edgeKeys.get(key);
      if (first !== undefined) return duplicateEdges.add(at(['edges', i, 'key'], `edge key ${show(key)} is used twice (first at edges[${first}]); give each edge its own key, or leave keys out`));
      edgeKeys.set(key, i);
    }
    const source = String(edge['source']);
    const target = String(edge['target']);
    for (const [end, node] of [['source', source], ['target', target]] as const) {
      if (!firstNode.has(node)) return missing.add(at(['edges', i, end], `no node has the key ${show(node)}; Linkage does not create missing nodes: add the node or remove the edge`));
    }
    const undirected = typeof edge['undirected'] === 'boolean' ? edge['undirected'] : type === 'undirected';
    raw.edges.push({ key, source, target, undirected, attributes: { ...(attrs ?? {}) } });
  });
  fail(structure, 'structure');
  fail(duplicates, 'duplicate-node');
  fail(duplicateEdges, 'duplicate-edge');
  fail(missing, 'missing-endpoint');
  if (isRecord(attributes)) raw.attributes = { ...attributes };
  return { graph: raw, notes: [] };
}
