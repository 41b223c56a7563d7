/**
 * The import worker: reads, parses, checks, converts and lays out a graph file off the page's
 * thread, posting progress as it goes. The page cancels an import by terminating the worker.
 */
import type { CompiledGraph } from '../model/types';
import { importGraphText, type ImportInput, type ImportOptions, type ImportProgress, type ImportReport } from './import';
import { asImportError, type ImportErrorCode, type ImportProblem } from './problems';
import { readText } from './read-text';

/** What the page sends. */
export interface ImportRequest {
  input: File | ImportInput;
  options: ImportOptions;
}

/**
 * What the worker sends back. A graph comes in parts (`graph`, then `nodes` and `edges` in
 * slices, then `done`): the page builds it one slice per task, so no single task on its thread
 * unpacks and builds a large graph at once.
 */
export type ImportMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'graph'; options: CompiledGraph['options']; attributes: CompiledGraph['attributes'] }
  | { type: 'nodes'; nodes: CompiledGraph['nodes'] }
  | { type: 'edges'; edges: CompiledGraph['edges'] }
  | { type: 'done'; report: ImportReport }
  | { type: 'error'; code: ImportErrorCode; problems: ImportProblem[]; total: number };

/** Nodes or edges per message (slices of 5,000 made tasks of 50–60 ms at 50k nodes here, up to 150 with a garbage collection). */
const SLICE = 2_000;

const post = (message: ImportMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { input, options } = event.data;
  const name = input.name;
  try {
    post({ type: 'progress', progress: { stage: 'read', fraction: 0 } });
    const text = 'text' in input && typeof input.text === 'string' ? input.text : await readText(input as File);
    const result = await importGraphText({ name, text }, options, { onProgress: (progress) => post({ type: 'progress', progress }) });
    const { graph } = result;
    post({ type: 'graph', options: graph.options, attributes: graph.attributes });
    for (let i = 0; i < graph.nodes.length; i += SLICE) post({ type: 'nodes', nodes: graph.nodes.slice(i, i + SLICE) });
    for (let i = 0; i < (graph.edges?.length ?? 0); i += SLICE) post({ type: 'edges', edges: graph.edges.slice(i, i + SLICE) });
    post({ type: 'done', report: result.report });
  } catch (err) {
    const e = asImportError(err, name);
    post({ type: 'error', code: e.code, problems: e.problems, total: e.total });
  }
};
