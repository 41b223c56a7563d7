/**
 * Reads an authoring file and its transcript from disk and compiles them: the one entry point
 * shared by the CLI and the Vite plugin that bundles the chapter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { compileGraph, type CompileOptions } from '../model/compile';
import { GraphCheckError } from '../model/errors';
import { loadGraphSource, type GraphSource } from '../model/load';
import type { CompiledGraph } from '../model/types';
import { SHARED_VOCABULARY } from '../model/vocabulary';

/** Loads and validates `file` (its transcript and its folder's vocabulary.json, if any, read beside it). Never throws. */
export function loadGraphFile(file: string): GraphSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { parsed: null, transcript: null, errors: [{ file, line: 1, path: '', message: `cannot read the file: ${(err as Error).message}` }], vocabulary: SHARED_VOCABULARY };
  }
  const read = (path: string) => readFileSync(path, 'utf8');
  return loadGraphSource(text, file, read, (path) => (existsSync(path) ? read(path) : null));
}

/** Loads, validates and compiles `file`; throws `GraphCheckError` listing every problem. */
export function compileGraphFile(file: string, options?: CompileOptions): CompiledGraph {
  const source = loadGraphFile(file);
  if (source.errors.length > 0 || !source.parsed) throw new GraphCheckError(source.errors);
  return compileGraph(source.parsed, source.transcript, { vocabulary: source.vocabulary, ...options });
}
