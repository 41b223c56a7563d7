/**
 * Parses an authoring file (graph/*.yaml) into data plus a `locate(path)` back to its source line.
 * Only syntax is checked here (malformed YAML, duplicate or non-scalar keys); shapes and meaning
 * are checked by validate.ts.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { AuthoredGraph, ParsedFile, SourcePos } from './authored';
import { GraphCheckError, formatPath, type GraphError } from './errors';

type Path = ReadonlyArray<string | number>;

/** How many aliases a file may expand before it is refused (a guard against alias bombs). */
const MAX_ALIAS_COUNT = 1000;

function clampPos(pos: { line: number; col: number }): SourcePos {
  return { line: Math.max(1, pos.line), col: Math.max(1, pos.col) };
}

function keyName(key: unknown): string | null {
  if (isScalar(key)) return String(key.value);
  return null;
}

function resolve(node: unknown, doc: Document): unknown {
  // Follow aliases (a bounded number of times: an alias may point to another alias).
  let current = node;
  for (let i = 0; i < 16 && isAlias(current); i++) current = current.resolve(doc);
  return current;
}

function startOf(node: unknown): number | null {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as YamlNode).range;
    if (range) return range[0];
  }
  return null;
}

/**
 * Offset of the value at `path`, or of the nearest parent that exists. A block collection that
 * starts on a line below its key is located at its key (`nodes:`), where a reader looks for it.
 */
function offsetOf(doc: Document, lc: LineCounter, path: Path): number {
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  for (const seg of path) {
    node = resolve(node, doc);
    let next: unknown = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyName(p.key) === String(seg));
      if (!pair) break;
      const valueStart = startOf(pair.value);
      if (valueStart === null || (isScalar(pair.value) && pair.value.value === null && pair.value.source === '')) {
        // `field:` with no value: point at the key.
        return startOf(pair.key) ?? offset;
      }
      const keyStart = startOf(pair.key);
      if (keyStart !== null && lc.linePos(valueStart).line > lc.linePos(keyStart).line) {
        offset = keyStart;
        node = pair.value;
        continue;
      }
      next = pair.value;
    } else if (isSeq(node)) {
      const index = typeof seg === 'number' ? seg : Number.NaN;
      next = Number.isInteger(index) ? node.items[index] : undefined;
    }
    const start = startOf(next);
    if (start === null) break;
    offset = start;
    node = next;
  }
  return offset;
}

/** Data path of the deepest node whose source range holds `offset` (where a syntax error sits). */
function pathAt(doc: Document, offset: number): Array<string | number> {
  const path: Array<string | number> = [];
  const within = (n: unknown): boolean => {
    if (!n || typeof n !== 'object' || !('range' in n)) return false;
    const r = (n as YamlNode).range;
    return !!r && r[0] <= offset && offset <= r[2];
  };
  let node: unknown = doc.contents;
  for (let depth = 0; depth < 256; depth++) {
    let next: unknown = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyName(pair.key);
        if (key === null) continue;
        if (within(pair.key)) return [...path, key];
        if (within(pair.value)) {
          path.push(key);
          next = pair.value;
          break;
        }
      }
    } else if (isSeq(node)) {
      const index = node.items.findIndex(within);
      if (index >= 0) {
        path.push(index);
        next = node.items[index];
      }
    }
    if (!next) break;
    node = next;
  }
  return path;
}

/** Duplicate keys (with the line of the first), non-scalar keys and aliases to no anchor. */
function structureErrors(doc: Document, lc: LineCounter, file: string): GraphError[] {
  const errors: GraphError[] = [];
  const at = (offset: number) => clampPos(lc.linePos(offset));
  const walk = (node: unknown, path: Array<string | number>, depth: number): void => {
    if (depth > 256) return;
    if (isAlias(node)) {
      if (node.resolve(doc) === undefined) {
        const { line, col } = at(startOf(node) ?? 0);
        errors.push({
          file,
          line,
          col,
          path: formatPath(path),
          message: `alias *${node.source} refers to no anchor: define \`&${node.source}\` before it, or write the value out`,
          found: `*${node.source}`,
        });
      }
    } else if (isMap(node)) {
      const first = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyStart = startOf(pair.key) ?? startOf(node) ?? 0;
        const name = keyName(pair.key);
        if (name === null) {
          const { line, col } = at(keyStart);
          errors.push({
            file,
            line,
            col,
            path: formatPath(path),
            message: 'a key must be a plain name, found a list or mapping used as a key; write `name: value`',
            expected: 'a plain key',
          });
          continue;
        }
        const earlier = first.get(name);
        if (earlier !== undefined) {
          const { line, col } = at(keyStart);
          errors.push({
            file,
            line,
            col,
            path: formatPath([...path, name]),
            message: `duplicate key "${name}" (first at line ${at(earlier).line}); each key may appear once in a mapping: remove or rename one`,
            found: name,
          });
        } else {
          first.set(name, keyStart);
        }
        walk(pair.value, [...path, name], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i], depth + 1));
    }
  };
  walk(doc.contents, [], 0);
  return errors;
}

function describeCrash(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function parseOrThrow(text: string, file: string): ParsedFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lc,
    prettyErrors: false,
    uniqueKeys: false,
    // 'error', not 'silent': silent would also drop the "more than one document" error.
    logLevel: 'error',
  });
  const at = (offset: number) => clampPos(lc.linePos(offset));

  const syntax: GraphError[] = doc.errors.map((e) => {
    const { line, col } = at(e.pos[0]);
    const message =
      e.code === 'MULTIPLE_DOCS'
        ? 'the file holds more than one YAML document (a second `---`); keep one document'
        : `malformed YAML: ${e.message}`;
    const path = e.code === 'MULTIPLE_DOCS' ? '' : formatPath(pathAt(doc, e.pos[0]));
    return { file, line, col, path, message };
  });
  const errors = [...syntax, ...structureErrors(doc, lc, file)];
  if (errors.length > 0) throw new GraphCheckError(errors);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new GraphCheckError([
      { file, line: 1, col: 1, path: '', message: `cannot read the YAML: ${describeCrash(err)}` },
    ]);
  }

  return {
    file,
    // Unchecked: the YAML data as written. Trust these types only once validateGraph() returns [].
    graph: data as AuthoredGraph,
    locate: (path) => at(offsetOf(doc, lc, path)),
  };
}

/**
 * Parses the text of an authoring file. `file` names it in errors (`graph/chapter-02/chapter-02.yaml`).
 *
 * The result's `graph` is the YAML data as written, not yet checked: pass the result to
 * `validateGraph` and trust its types only when that returns no errors. `locate(path)` gives the
 * 1-based line and column of the value at a data path (or of its nearest existing parent).
 *
 * @throws GraphCheckError when the text is not YAML (each error located), holds more than one
 *   document, or repeats a key in a mapping. Nothing else is thrown.
 */
export function parseGraphYaml(text: string, file: string): ParsedFile {
  try {
    return parseOrThrow(text, file);
  } catch (err) {
    if (err instanceof GraphCheckError) throw err;
    // The YAML library failed on something it should have reported (e.g. pathological nesting).
    throw new GraphCheckError([{ file, line: 1, col: 1, path: '', message: `cannot read the YAML: ${describeCrash(err)}` }]);
  }
}
