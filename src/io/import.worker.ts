/**
 * The import worker: reads, parses, checks, converts and lays out a graph file off the page's
 * thread, posting progress as it goes. The page cancels an import by terminating the worker.
 */
import { importGraphText, type ImportInput, type ImportOptions, type ImportProgress, type ImportedGraph } from './import';
import { asImportError, type ImportErrorCode, type ImportProblem } from './problems';
import { readText } from './read-text';

/** What the page sends. */
export interface ImportRequest {
  input: File | ImportInput;
  options: ImportOptions;
}

/** What the worker sends back. */
export type ImportMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportedGraph }
  | { type: 'error'; code: ImportErrorCode; problems: ImportProblem[]; total: number };

const post = (message: ImportMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { input, options } = event.data;
  const name = input.name;
  try {
    post({ type: 'progress', progress: { stage: 'read', fraction: 0 } });
    const text = 'text' in input && typeof input.text === 'string' ? input.text : await readText(input as File);
    const result = await importGraphText({ name, text }, options, { onProgress: (progress) => post({ type: 'progress', progress }) });
    post({ type: 'done', result });
  } catch (err) {
    const e = asImportError(err, name);
    post({ type: 'error', code: e.code, problems: e.problems, total: e.total });
  }
};
