/**
 * Runs the checks of an authoring file in order — shapes (with the rules of each part), the rules
 * of the graph as a whole, then the transcript — and sorts what they find: `validateGraph`.
 */
import { isRecord } from '../../util/record';
import type { ParsedFile } from '../authored';
import type { GraphError } from '../errors';
import { coverage, quotes, sectionsAgainst, slideCountAgainst, transcriptFile, type TranscriptInput } from './coverage';
import { ROOT_FIELDS, missing, unknownFields, wrongType } from './fields';
import { connectivity, duplicateEdges, transformations, uniqueNodeIds } from './rules';
import { checkChapter, checkEdge, checkNode } from './shape';
import { ErrorCollector, get, has } from './shared';
import { SHARED_VOCABULARY, type Vocabulary } from '../vocabulary';

function run(parsed: ParsedFile, transcript: TranscriptInput | null, vocabulary: Vocabulary): GraphError[] {
  const c = new ErrorCollector(parsed, vocabulary);
  const root: unknown = parsed.graph;
  if (!isRecord(root)) {
    wrongType(c, [], root, 'a mapping with chapter, nodes and edges');
    return c.errors;
  }
  unknownFields(c, root, [], ROOT_FIELDS, 'the file');
  const { slideCount, sections, transcriptPath } = checkChapter(c, root);

  const rawNodes = get(root, 'nodes');
  let nodeValues: unknown[] = [];
  if (!has(root, 'nodes') || rawNodes === null) missing(c, [], 'nodes', 'root.nodes');
  else if (!Array.isArray(rawNodes)) wrongType(c, ['nodes'], rawNodes, 'a list of nodes');
  else nodeValues = rawNodes;

  const nodes = nodeValues.map((n, i) => checkNode(c, n, i, slideCount, sections));
  const nodeIds = uniqueNodeIds(c, nodes);

  const rawEdges = get(root, 'edges');
  let edgeValues: unknown[] = [];
  if (!has(root, 'edges') || rawEdges === null) missing(c, [], 'edges', 'root.edges');
  else if (!Array.isArray(rawEdges)) wrongType(c, ['edges'], rawEdges, 'a list of edges');
  else edgeValues = rawEdges;
  const edges = edgeValues.map((e, i) => checkEdge(c, e, i, slideCount, nodeIds));

  duplicateEdges(c, edges);
  transformations(c, nodes, edges);
  connectivity(c, nodes, edges, Array.isArray(rawEdges));

  if (transcript) {
    const tFile = transcriptFile(parsed.file, transcript, transcriptPath);
    slideCountAgainst(c, transcript, slideCount, tFile);
    sectionsAgainst(c, transcript, sections);
    quotes(c, nodes, transcript, tFile);
    coverage(c, nodeValues, transcript, tFile);
  }

  // The YAML file first, then the transcript; each by line.
  const rank = (e: GraphError) => (e.file === parsed.file ? 0 : 1);
  return c.errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.e.line - b.e.line || (a.e.col ?? 0) - (b.e.col ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

/**
 * Validates a parsed authoring file, and when `transcript` is given, its quotes and coverage.
 * Returns every problem found, located (file, 1-based line, data path) and sorted by file and
 * line; an empty list means `parsed.graph` is a well-formed `AuthoredGraph`. `vocabulary`: the
 * kinds the file may use (default: the shared vocabulary). Never throws.
 */
export function validateGraph(parsed: ParsedFile, transcript: TranscriptInput | null, vocabulary: Vocabulary = SHARED_VOCABULARY): GraphError[] {
  try {
    return run(parsed, transcript, vocabulary);
  } catch (err) {
    // A bug here must not take the caller down; report it as an error instead.
    return [
      {
        file: parsed?.file ?? 'graph',
        line: 1,
        path: '',
        message: `internal error while validating (please report): ${err instanceof Error ? err.message : String(err)}`,
      },
    ];
  }
}
