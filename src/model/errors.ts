/**
 * Located authoring errors: the `GraphError` record, its one-line format, the error thrown when a
 * file cannot be read at all, and a Damerau–Levenshtein "did you mean" for typos in ids and kinds.
 */

/** One problem in an authoring file or its transcript, located to a line. */
export interface GraphError {
  /** File the problem is in (the path given to the parser; printed as its base name). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, when known. */
  col?: number;
  /** Data path like `edges[57].target`, or `slide 17` in a transcript; `""` for the whole file. */
  path: string;
  /** Human message: what was found, what was expected, and the fix. */
  message: string;
  /** The offending value, as written (for tools; already part of `message`). */
  found?: string;
  /** What was expected (for tools; already part of `message`). */
  expected?: string;
  /** A suggested fix, e.g. the id the author probably meant (already part of `message`). */
  hint?: string;
}

/** Base name of a path, for either separator. */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

/**
 * One line per error: `chapter-02.yaml:214 edges[57].target: no node "tr.functon" (did you mean "tr.function"?)`.
 * An error about the whole file (empty path) prints as `chapter-02.yaml:3: message`.
 */
export function formatError(e: GraphError): string {
  const where = `${baseName(e.file)}:${e.line}`;
  return e.path ? `${where} ${e.path}: ${e.message}` : `${where}: ${e.message}`;
}

/** Thrown when a file cannot be turned into data at all (malformed YAML, duplicate keys). */
export class GraphCheckError extends Error {
  readonly errors: GraphError[];

  constructor(errors: GraphError[]) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super(first ? `${formatError(first)}${more}` : 'invalid graph');
    this.name = 'GraphCheckError';
    this.errors = errors;
  }
}

/** Formats a data path: `["edges", 57, "target"]` → `edges[57].target`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

/**
 * Damerau–Levenshtein distance (insertions, deletions, substitutions and transpositions of
 * adjacent characters, unrestricted), over Unicode code points.
 */
export function damerauLevenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const n = s.length;
  const m = t.length;
  if (n === 0) return m;
  if (m === 0) return n;
  const inf = n + m;
  // d is (n + 2) × (m + 2); row/column 0 hold `inf`, row/column 1 the empty prefix.
  const w = m + 2;
  const d = new Array<number>((n + 2) * w).fill(0);
  d[0] = inf;
  for (let i = 0; i <= n; i++) {
    d[(i + 1) * w] = inf;
    d[(i + 1) * w + 1] = i;
  }
  for (let j = 0; j <= m; j++) {
    d[j + 1] = inf;
    d[w + j + 1] = j;
  }
  const lastRow = new Map<string, number>();
  for (let i = 1; i <= n; i++) {
    let lastMatchCol = 0;
    for (let j = 1; j <= m; j++) {
      const i1 = lastRow.get(t[j - 1]!) ?? 0;
      const j1 = lastMatchCol;
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      if (cost === 0) lastMatchCol = j;
      d[(i + 1) * w + j + 1] = Math.min(
        d[i * w + j]! + cost,
        d[(i + 1) * w + j]! + 1,
        d[i * w + j + 1]! + 1,
        d[i1 * w + j1]! + (i - i1 - 1) + 1 + (j - j1 - 1),
      );
    }
    lastRow.set(s[i - 1]!, i);
  }
  return d[(n + 1) * w + m + 1]!;
}

/** Largest edit distance still worth suggesting for a word of this length. */
function maxDistance(length: number): number {
  if (length <= 3) return 1;
  if (length <= 7) return 2;
  return 3;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The candidate closest to `word` (case-insensitive Damerau–Levenshtein), if it is close enough
 * to be a plausible typo: 1 edit for words up to 3 characters, 2 up to 7, 3 beyond; never more
 * than half the word. Ties go to the longest shared prefix, then the earliest candidate. Returns null when nothing is close.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | null {
  const w = word.toLowerCase();
  const length = Array.from(w).length;
  const limit = Math.min(maxDistance(length), Math.max(1, Math.floor(length / 2)));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    // The distance is at least the difference in lengths: skip hopeless candidates cheaply.
    if (Math.abs(Array.from(lc).length - length) > limit) continue;
    const dist = damerauLevenshtein(w, lc);
    if (dist < bestDistance || (dist === bestDistance && best !== null && commonPrefix(w, lc) > commonPrefix(w, best.toLowerCase()))) {
      best = c;
      bestDistance = dist;
    }
  }
  return best !== null && bestDistance <= limit ? best : null;
}
