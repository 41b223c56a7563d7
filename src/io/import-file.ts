/**
 * The app's import entry point: a File (picker, drop) or a name and text → a graph the whole app
 * can show. The size is checked before anything is read; the work runs in a Web Worker so that
 * the page stays responsive, with progress and cancellation. Without Worker support (tests under
 * jsdom), the same pipeline runs on the page's thread.
 */
import Graph from 'graphology';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../model/types';
import type { ImportInput, ImportOptions, ImportProgress, ImportReport } from './import';
import type { ImportMessage, ImportRequest } from './import.worker';
import { checkFileSize } from './limits';
import { asImportError, GraphImportError } from './problems';
import { readText } from './read-text';

export interface ImportFileOptions extends ImportOptions {
  onProgress?(progress: ImportProgress): void;
  /** Aborting terminates the work and rejects with a `cancelled` error. */
  signal?: AbortSignal;
  /** Run on the page's thread even where workers exist (default: use a worker). */
  inline?: boolean;
}

export interface ImportResult {
  graph: LinkageGraph;
  report: ImportReport;
}

const cancelled = (file: string) => new GraphImportError('cancelled', [{ file, message: 'the import was cancelled; the graph shown before is kept' }]);

const startWorker = (): Worker => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'linkage-import' });

/** A worker started ahead of the next import (prepareImportWorker), not yet given one. */
let spare: Worker | null = null;

/**
 * Starts the import worker ahead of the next import: it loads and compiles its code (the
 * readers, the converters, the layout) meanwhile, which the import then no longer waits for.
 * Each import takes the worker prepared and ends it; call again for the one after. A worker
 * that fails to start before it is used is dropped (the import then starts its own).
 */
export function prepareImportWorker(): void {
  if (spare !== null || typeof Worker === 'undefined') return;
  const worker = startWorker();
  worker.onerror = () => {
    if (spare === worker) spare = null;
    worker.terminate();
  };
  spare = worker;
}

/** The worker prepared, or a new one. */
function takeWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = null;
  return worker;
}

function inWorker(input: File | ImportInput, options: ImportFileOptions): Promise<ImportResult> {
  const { onProgress, signal, inline: _inline, ...importOptions } = options;
  let heard = false;
  let graph: LinkageGraph | null = null;
  return new Promise((resolve, reject) => {
    const worker = takeWorker();
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(cancelled(input.name));
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<ImportMessage>) => {
      heard = true;
      const m = event.data;
      if (m.type === 'progress') onProgress?.(m.progress);
      else if (m.type === 'graph') {
        graph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>(m.options);
        graph.replaceAttributes(m.attributes);
      } else if (m.type === 'nodes') graph!.import({ nodes: m.nodes });
      else if (m.type === 'edges') graph!.import({ edges: m.edges });
      else if (m.type === 'done') {
        finish();
        resolve({ graph: graph!, report: m.report });
      } else {
        finish();
        reject(new GraphImportError(m.code, m.problems, m.total));
      }
    };
    worker.onerror = (event) => {
      finish();
      // A worker that never started (no module workers, a strict host): import on this thread.
      if (!heard) resolve(importGraphFile(input, { ...options, inline: true }));
      else reject(new GraphImportError('internal', [{ file: input.name, message: `the import worker failed: ${event.message || 'unknown error'}` }]));
    };
    const request: ImportRequest = { input, options: importOptions };
    worker.postMessage(request);
  });
}

/**
 * Imports a graph file: YAML (Linkage authoring), graphology JSON, GEXF 1.1–1.3 or GraphML.
 * Resolves to the graph in the compiled form and a report of what was found; rejects with a
 * {@link GraphImportError} whose `problems` name what is wrong and where (line, element, key).
 */
export async function importGraphFile(input: File | ImportInput, options: ImportFileOptions = {}): Promise<ImportResult> {
  try {
    if (options.signal?.aborted) throw cancelled(input.name);
    if ('size' in input && typeof input.size === 'number') checkFileSize(input.size, input.name);
    if (!options.inline && typeof Worker !== 'undefined') return await inWorker(input, options);
    const { onProgress, signal, inline: _inline, ...importOptions } = options;
    onProgress?.({ stage: 'read', fraction: 0 });
    const text = 'text' in input && typeof input.text === 'string' ? input.text : await readText(input as File);
    const hooks = { pause: () => new Promise<void>((r) => setTimeout(r, 0)), ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) };
    // The pipeline itself is loaded only here: in a browser it runs in the worker.
    const { importGraphText } = await import('./import');
    const result = await importGraphText({ name: input.name, text }, importOptions, hooks);
    return { graph: Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(result.graph), report: result.report };
  } catch (err) {
    throw asImportError(err, input.name);
  }
}
