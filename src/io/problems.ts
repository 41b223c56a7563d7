/**
 * Import errors: one located problem per thing wrong with a file (line, column, element or key),
 * the error class that carries them, and their one-line format. No DOM; shared by the CLI.
 */

/** What kind of problem stopped an import; tests and the UI switch on it. */
export const IMPORT_ERROR_CODES = [
  /** The file is bigger than {@link MAX_FILE_BYTES}. */
  'too-large',
  /** More nodes or edges than the limits allow. */
  'too-many',
  /** Not well-formed: XML, JSON or YAML syntax. */
  'syntax',
  /** Refused for safety: entity declarations, nesting too deep. */
  'unsafe',
  /** Not a graph of a supported format, or a required part is missing or of the wrong type. */
  'structure',
  /** Two nodes share an id. */
  'duplicate-node',
  /** Two edges share an id. */
  'duplicate-edge',
  /** An edge names a node that the file does not declare. */
  'missing-endpoint',
  /** An authoring (YAML) file that does not validate. */
  'authoring',
  /** The reader cancelled the import. */
  'cancelled',
  /** Anything the importer did not foresee (a bug): reported, never thrown raw. */
  'internal',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** One problem in an imported file. */
export interface ImportProblem {
  /** The file's name as given (printed as its base name). */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  col?: number;
  /** Element, key or data path: `<edge id="e7">`, `edges[254].target`, `nodes[3]`. */
  where?: string;
  /** What is wrong, what was expected, and how to fix it. */
  message: string;
}

/** Thrown (or rejected) when a file cannot be imported; carries every problem found. */
export class GraphImportError extends Error {
  readonly code: ImportErrorCode;
  readonly problems: ImportProblem[];
  /** How many problems there were in all (`problems` may hold only the first few). */
  readonly total: number;

  constructor(code: ImportErrorCode, problems: ImportProblem[], total = problems.length) {
    const first = problems[0];
    const more = total > 1 ? ` (and ${total - 1} more)` : '';
    super(first ? `${formatProblem(first)}${more}` : code);
    this.name = 'GraphImportError';
    this.code = code;
    this.problems = problems;
    this.total = total;
  }
}

/** Most problems kept on one error; the rest are only counted. */
const MAX_PROBLEMS = 20;

/** Base name of a path, for either separator. */
function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

/**
 * One line per problem: `rio.gexf:8882:7 <edge>: unclosed tag`, `data.json edges[254].target: …`,
 * `big.gexf: the file is 52.4 MB; the limit is 32 MB`.
 */
export function formatProblem(p: ImportProblem): string {
  let where = printable(baseName(p.file));
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.col !== undefined) where += `:${p.col}`;
  return p.where ? `${where} ${p.where}: ${p.message}` : `${where}: ${p.message}`;
}

/** Control and bidirectional-override characters, which could disguise text in a message. */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text made safe to print: control and bidi-override characters shown as `?`. */
export function printable(text: string): string {
  return text.replace(HIDDEN, '?');
}

/** A value shortened and made printable for a message (control characters shown as `?`). */
export function show(value: unknown, max = 40): string {
  const text = typeof value === 'string' ? value : String(value);
  const flat = printable(text);
  const chars = Array.from(flat);
  return `"${chars.length > max ? `${chars.slice(0, max).join('')}…` : flat}"`;
}

/** Line and column (1-based) of a string offset. */
export function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/** Wraps anything thrown into a {@link GraphImportError} (an unforeseen error becomes `internal`). */
export function asImportError(err: unknown, file: string): GraphImportError {
  if (err instanceof GraphImportError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new GraphImportError('internal', [{ file, message: `the file could not be read: ${message}` }]);
}

/** Collects problems of one code, keeping the first {@link MAX_PROBLEMS}. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  total = 0;

  add(p: ImportProblem): void {
    this.total++;
    if (this.items.length < MAX_PROBLEMS) this.items.push(p);
  }

  /** Throws the collected problems as one error, if there are any. */
  throwIf(code: ImportErrorCode): void {
    if (this.total > 0) throw new GraphImportError(code, this.items, this.total);
  }
}

/** A JSON data path as a reader writes it: `edges[254].target`. */
export function pathText(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

/** What a JSON value is, for "expected …, found …": `a list`, `the string "x"`, `number 3`. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${show(v)}`;
  return `${typeof v} ${String(v)}`;
}
