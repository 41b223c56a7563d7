/**
 * One call from the text of an authoring file (and its transcript) to parsed, checked data:
 * parse → read transcript → validate. No file system here: the caller hands in the texts.
 */
import type { ParsedFile } from './authored';
import { GraphCheckError, type GraphError } from './errors';
import { parseGraphYaml } from './parse';
import { parseTranscript, type ParsedTranscript } from './transcript';
import { validateGraph } from './validate';
import { readChapterVocabulary, SHARED_VOCABULARY, type Vocabulary } from './vocabulary';

/** The result of loading an authoring file. */
export interface GraphSource {
  /** The parsed file; null when the YAML could not be read at all (see `errors`). */
  parsed: ParsedFile | null;
  /** The parsed transcript; null when none was given or it could not be read. */
  transcript: ParsedTranscript | null;
  /** Every problem found, located; empty when the graph is ready to compile. */
  errors: GraphError[];
  /** The vocabulary the file was checked against (the shared one, extended by its chapter's). */
  vocabulary: Vocabulary;
}

/** Reads a transcript given its path (resolved against the YAML file); null or a throw = unreadable. */
export type TranscriptReader = (path: string) => string | null;

/** Reads the chapter's vocabulary file given its path (beside the YAML file); null = there is none. */
export type VocabularyReader = (path: string) => string | null;

/** The name of a chapter's own vocabulary file, in its folder beside its YAML. */
const CHAPTER_VOCABULARY = 'vocabulary.json';

/**
 * Resolves `relative` against the folder of `file`, with `/` separators:
 * `resolveBeside('graph/ch/ch.yaml', 'source/ch.md')` → `graph/ch/source/ch.md`.
 */
function resolveBeside(file: string, relative: string): string {
  if (/^([a-zA-Z]:)?[\\/]/.test(relative)) return relative.replace(/\\/g, '/');
  const base = file.replace(/\\/g, '/').split('/').slice(0, -1);
  for (const seg of relative.replace(/\\/g, '/').split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..' && base.length > 0 && base[base.length - 1] !== '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** The `chapter.transcript` path of a parsed file, resolved beside it; null when absent. */
function transcriptPathOf(parsed: ParsedFile): string | null {
  const graph: unknown = parsed.graph;
  if (typeof graph !== 'object' || graph === null) return null;
  const chapter: unknown = (graph as Record<string, unknown>)['chapter'];
  if (typeof chapter !== 'object' || chapter === null) return null;
  const path: unknown = (chapter as Record<string, unknown>)['transcript'];
  return typeof path === 'string' && path.trim() !== '' ? resolveBeside(parsed.file, path) : null;
}

/**
 * Parses and validates an authoring file. `transcript` is the transcript's text, or a reader
 * called with the path `chapter.transcript` resolves to (beside `file`), or null to skip the
 * quote and coverage checks. `vocabulary`: the chapter's, or a reader of its vocabulary file (beside
 * `file`, laid over the shared one); default the shared one. Never throws: malformed YAML and a
 * broken vocabulary file come back as located `errors`.
 */
export function loadGraphSource(
  yamlText: string,
  file: string,
  transcript: string | TranscriptReader | null,
  vocabularyOrReader: Vocabulary | VocabularyReader = SHARED_VOCABULARY,
): GraphSource {
  let vocabulary = SHARED_VOCABULARY;
  if (typeof vocabularyOrReader === 'function') {
    const path = resolveBeside(file, CHAPTER_VOCABULARY);
    const text = vocabularyOrReader(path);
    if (text !== null) {
      const read = readChapterVocabulary(text, path);
      if (read.errors.length > 0) return { parsed: null, transcript: null, errors: read.errors, vocabulary };
      vocabulary = read.vocabulary;
    }
  } else vocabulary = vocabularyOrReader;
  let parsed: ParsedFile;
  try {
    parsed = parseGraphYaml(yamlText, file);
  } catch (err) {
    if (err instanceof GraphCheckError) return { parsed: null, transcript: null, errors: err.errors, vocabulary };
    const message = err instanceof Error ? err.message : String(err);
    return { parsed: null, transcript: null, errors: [{ file, line: 1, path: '', message: `cannot read the file: ${message}` }], vocabulary };
  }

  const path = transcriptPathOf(parsed);
  const errors: GraphError[] = [];
  let text: string | null = null;
  if (typeof transcript === 'string') text = transcript;
  else if (typeof transcript === 'function' && path !== null) {
    let why = 'not found';
    try {
      text = transcript(path);
    } catch (err) {
      why = err instanceof Error ? err.message : String(err);
    }
    if (text === null) {
      const { line, col } = parsed.locate(['chapter', 'transcript']);
      errors.push({
        file,
        line,
        col,
        path: 'chapter.transcript',
        message: `cannot read the transcript ${path} (${why}); the path is relative to this file`,
        found: path,
      });
    }
  }

  const parsedTranscript = text !== null ? parseTranscript(text, path ?? 'transcript') : null;
  errors.push(...validateGraph(parsed, parsedTranscript, vocabulary));
  return { parsed, transcript: parsedTranscript, errors, vocabulary };
}
