/**
 * Our authoring format (graph/*.yaml) as an import: parse → validate → compile from src/model,
 * without a transcript (so quotes are not checked against one). Errors keep the authoring
 * checker's locations and wording.
 */
import { GraphCheckError, type GraphError } from '../model/errors';
import { parseGraphYaml } from '../model/parse';
import type { CompiledGraph } from '../model/types';
import { validateGraph } from '../model/validate';
import { checkCount, MAX_YAML_NODES } from './limits';
import { GraphImportError, type ImportProblem } from './problems';

function toProblem(e: GraphError): ImportProblem {
  const p: ImportProblem = { file: e.file, line: e.line, message: e.message };
  if (e.col !== undefined) p.col = e.col;
  if (e.path) p.where = e.path;
  return p;
}

/** Reads and compiles an authoring file; throws {@link GraphImportError} (`syntax` or `authoring`). */
export async function readAuthoringYaml(text: string, file: string): Promise<CompiledGraph> {
  let parsed;
  try {
    parsed = parseGraphYaml(text, file);
  } catch (err) {
    if (err instanceof GraphCheckError) throw new GraphImportError('syntax', err.errors.slice(0, 20).map(toProblem), err.errors.length);
    throw err;
  }
  const nodes: unknown = (parsed.graph as unknown as Record<string, unknown> | null)?.['nodes'];
  if (Array.isArray(nodes)) checkCount('nodes', nodes.length, file, parsed.locate(['nodes']), MAX_YAML_NODES);
  const errors = validateGraph(parsed, null);
  if (errors.length > 0) throw new GraphImportError('authoring', errors.slice(0, 20).map(toProblem), errors.length);
  // The compiler (with OpenCC and pinyin) is loaded only when an authoring file is opened.
  const { compileGraph } = await import('../model/compile');
  try {
    return compileGraph(parsed, null);
  } catch (err) {
    if (err instanceof GraphCheckError) throw new GraphImportError('authoring', err.errors.slice(0, 20).map(toProblem), err.errors.length);
    throw err;
  }
}
