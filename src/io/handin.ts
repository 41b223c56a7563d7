/**
 * A student's hand-in (Build mode): the map they built, as a small JSON file they send their
 * lecturer, and its reader. The reader trusts nothing: every problem is refused with its place
 * (file, line, data path such as `links[12].kind`), what was found and what was expected; what is
 * merely odd (an unknown field, a concept the graph lacks) is kept and reported as a warning.
 * The scores in a file are informational: the class overview computes them again. No DOM.
 *
 *     { "format": "linkage-handin", "version": 1, "graph": "<graph key>", "title"?: "<chapter>",
 *       "student": "<name>", "type": "kit" | "skeleton" | "free", "scope": "<scope text>",
 *       "concepts": [{ "key", "x", "y" }], "links": [{ "id", "source", "target", "kind", "card"?, "given"? }],
 *       "scores": { "convergence", "salience", "structural", "closeness" }, "savedAt": "<ISO time>" }
 */
import { parseScope, scopeExists } from '../model/build/scope';
import { EXERCISE_TYPES, type ExerciseType, type PlacedConcept, type SheetLink } from '../model/build/types';
import type { LinkageGraph } from '../model/types';
import { graphKeyOf } from '../state/progress';
import { locateJsonPath, walkJson, type JsonPath } from '../util/json-locate';
import { isRecord } from '../util/record';
import { describe, formatProblem, lineColAt, pathText, show, type ImportProblem } from './problems';

export const HANDIN_FORMAT = 'linkage-handin';
export const HANDIN_VERSION = 1;
/** Largest file read, in bytes of UTF-8 (checked before anything else): a class's worth is far less. */
export const MAX_HANDIN_BYTES = 512 * 1024;
/** Most concepts placed, and links drawn, on one sheet. */
export const MAX_HANDIN_CONCEPTS = 2000;
export const MAX_HANDIN_LINKS = 5000;
/** A student's name: 1–80 characters once trimmed, no control or direction-changing characters. */
export const MAX_NAME_CHARS = 80;
/** Longest id: graph key, concept key, link id, kind, card (and the chapter title). */
export const MAX_ID_CHARS = 200;
/** Sheet coordinates are finite and within ±1e6. */
export const MAX_COORDINATE = 1e6;

/** The scores the student's page showed when saving (informational). */
export interface HandinScores {
  readonly convergence: number;
  readonly salience: number;
  readonly structural: number;
  readonly closeness: number;
}

export interface Handin {
  /** The graph's key (state/progress graphKeyOf). */
  readonly graph: string;
  /** The chapter's title, for a person reading the file. */
  readonly title?: string;
  /** The student's name, trimmed. */
  readonly student: string;
  readonly type: ExerciseType;
  /** The scope as formatScope writes it. */
  readonly scope: string;
  readonly concepts: readonly PlacedConcept[];
  readonly links: readonly SheetLink[];
  readonly scores: HandinScores;
  /** When it was saved, an ISO 8601 time. */
  readonly savedAt: string;
  /** The name of the file it was read from (set by {@link parseHandin}; never written). */
  readonly file?: string;
}

/** A located problem, with its one-line form (`alice.json:12 links[3].kind: …`). */
export interface HandinProblem extends ImportProblem {
  readonly text: string;
}

export type HandinRead = { readonly ok: true; readonly handin: Handin; readonly warnings: readonly HandinProblem[] } | { readonly ok: false; readonly error: HandinProblem };

const TOP_KEYS = ['format', 'version', 'graph', 'title', 'student', 'type', 'scope', 'concepts', 'links', 'scores', 'savedAt'];
const SCORE_KEYS = ['convergence', 'salience', 'structural', 'closeness'] as const;
/** Control, line-separator and bidirectional-control characters: refused in a name (they could disguise it). */
const HIDDEN_IN_NAME = /[\p{Cc}\p{Zl}\p{Zp}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The hand-in as pretty JSON in a fixed key order, one line per concept and per link. */
export function serializeHandin(h: Handin): string {
  const head: Array<[string, unknown]> = [['format', HANDIN_FORMAT], ['version', HANDIN_VERSION], ['graph', h.graph]];
  if (h.title !== undefined) head.push(['title', h.title]);
  head.push(['student', h.student], ['type', h.type], ['scope', h.scope]);
  const list = (name: string, items: readonly unknown[]): string =>
    items.length === 0 ? `  "${name}": [],` : [`  "${name}": [`, items.map((item) => `    ${JSON.stringify(item)}`).join(',\n'), '  ],'].join('\n');
  const concepts = h.concepts.map((c) => ({ key: c.key, x: c.x, y: c.y }));
  const links = h.links.map((l) => ({ id: l.id, source: l.source, target: l.target, kind: l.kind, ...(l.card !== undefined ? { card: l.card } : {}), ...(l.given ? { given: true } : {}) }));
  const { convergence, salience, structural, closeness } = h.scores;
  return [
    '{',
    ...head.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`),
    list('concepts', concepts),
    list('links', links),
    `  "scores": ${JSON.stringify({ convergence, salience, structural, closeness })},`,
    `  "savedAt": ${JSON.stringify(h.savedAt)}`,
    '}',
    '',
  ].join('\n');
}

/** Bytes of `text` in UTF-8, counting no further than `limit` + 1. */
function utf8Bytes(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) (n += 4), i++;
    else n += 3;
  }
  return n;
}

/** Thrown inside the reader to refuse the file at `path`. */
class Refusal {
  constructor(
    readonly path: JsonPath,
    readonly message: string,
  ) {}
}

const refuse = (path: JsonPath, message: string): never => {
  throw new Refusal(path, message);
};
const own = (obj: Record<string, unknown>, key: string): unknown => (Object.hasOwn(obj, key) ? obj[key] : undefined);

function record(v: unknown, path: JsonPath, what: string): Record<string, unknown> {
  return isRecord(v) ? v : refuse(path, `expected ${what}, found ${describe(v)}`);
}
function id(obj: Record<string, unknown>, key: string, path: JsonPath, what: string): string {
  const v = own(obj, key);
  if (typeof v !== 'string' || v === '' || v.length > MAX_ID_CHARS) refuse([...path, key], `expected ${what} (a string of 1 to ${MAX_ID_CHARS} characters), found ${typeof v === 'string' ? `a string of ${v.length} characters` : describe(v)}`);
  return v as string;
}
function coordinate(obj: Record<string, unknown>, key: string, path: JsonPath): number {
  const v = own(obj, key);
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_COORDINATE) refuse([...path, key], `expected a number from -${MAX_COORDINATE} to ${MAX_COORDINATE}, found ${describe(v)}`);
  return (v as number) + 0;
}
function list(v: unknown, path: JsonPath, what: string, max: number): unknown[] {
  if (!Array.isArray(v)) return refuse(path, `expected a list of ${what}, found ${describe(v)}`);
  if (v.length > max) refuse(path, `${v.length} ${what}; a hand-in holds at most ${max}`);
  return v;
}

/** The student's name, trimmed, or a refusal saying why not. */
function studentName(v: unknown): string {
  if (typeof v !== 'string') return refuse(['student'], `expected the student's name (a string), found ${describe(v)}`);
  const name = v.trim();
  const length = Array.from(name).length;
  if (length < 1 || length > MAX_NAME_CHARS) refuse(['student'], `expected a name of 1 to ${MAX_NAME_CHARS} characters, found ${length === 0 ? 'an empty name' : `${length} characters`}`);
  if (HIDDEN_IN_NAME.test(name)) refuse(['student'], `the name ${show(name)} holds a control or direction-changing character (shown as ?); expected plain text`);
  return name;
}

/** Reads the sheet: placed concepts (keys unique) and links between them (ids unique). */
function readSheet(data: Record<string, unknown>, ignored: JsonPath[]): { concepts: PlacedConcept[]; links: SheetLink[] } {
  const placed = new Map<string, number>();
  const concepts = list(own(data, 'concepts'), ['concepts'], 'concepts', MAX_HANDIN_CONCEPTS).map((raw, i): PlacedConcept => {
    const at = ['concepts', i];
    const c = record(raw, at, 'a placed concept {"key", "x", "y"}');
    for (const k of Object.keys(c)) if (!['key', 'x', 'y'].includes(k)) ignored.push([...at, k]);
    const key = id(c, 'key', at, "the concept's key");
    const first = placed.get(key);
    if (first !== undefined) refuse([...at, 'key'], `the concept ${show(key)} is placed twice (first at concepts[${first}]); expected each concept once`);
    placed.set(key, i);
    return { key, x: coordinate(c, 'x', at), y: coordinate(c, 'y', at) };
  });
  const ids = new Map<string, number>();
  const links = list(own(data, 'links'), ['links'], 'links', MAX_HANDIN_LINKS).map((raw, i): SheetLink => {
    const at = ['links', i];
    const l = record(raw, at, 'a link {"id", "source", "target", "kind"}');
    for (const k of Object.keys(l)) if (!['id', 'source', 'target', 'kind', 'card', 'given'].includes(k)) ignored.push([...at, k]);
    const linkId = id(l, 'id', at, "the link's id");
    const first = ids.get(linkId);
    if (first !== undefined) refuse([...at, 'id'], `the link id ${show(linkId)} is used twice (first at links[${first}]); expected unique ids`);
    ids.set(linkId, i);
    const end = (key: 'source' | 'target') => {
      const k = id(l, key, at, `the ${key} concept's key`);
      if (!placed.has(k)) refuse([...at, key], `the ${key} ${show(k)} is not among the placed concepts; expected the key of one`);
      return k;
    };
    const link: SheetLink = { id: linkId, source: end('source'), target: end('target'), kind: id(l, 'kind', at, 'a link kind') };
    const card = Object.hasOwn(l, 'card') ? id(l, 'card', at, "the link card's id") : undefined;
    const given = own(l, 'given');
    if (given !== undefined && typeof given !== 'boolean') refuse([...at, 'given'], `expected true or false, found ${describe(given)}`);
    return { ...link, ...(card !== undefined ? { card } : {}), ...(given === true ? { given: true } : {}) };
  });
  return { concepts, links };
}

function readScores(v: unknown): HandinScores {
  const s = record(v, ['scores'], 'the scores {"convergence", "salience", "structural", "closeness"}');
  const out = Object.create(null) as Record<(typeof SCORE_KEYS)[number], number>;
  for (const key of SCORE_KEYS) {
    const x = own(s, key);
    const max = key === 'structural' ? Infinity : 1;
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > max) refuse(['scores', key], `expected ${max === 1 ? 'a number from 0 to 1' : 'a number of 0 or more'}, found ${describe(x)}`);
    out[key] = x as number;
  }
  return { convergence: out.convergence, salience: out.salience, structural: out.structural, closeness: out.closeness };
}

/** The whole document, checked in file order; throws a {@link Refusal} at the first problem. */
function readHandin(data: unknown, graph: LinkageGraph | undefined, warn: (path: JsonPath, message: string) => void): Handin {
  const d = record(data, [], `a hand-in {"format": "${HANDIN_FORMAT}", …}`);
  const format = own(d, 'format');
  if (format !== HANDIN_FORMAT) refuse(Object.hasOwn(d, 'format') ? ['format'] : [], `this is not a Linkage hand-in: expected "format": "${HANDIN_FORMAT}", found ${describe(format)}`);
  const version = own(d, 'version');
  if (typeof version === 'number' && Number.isInteger(version) && version > HANDIN_VERSION) refuse(['version'], `the hand-in was saved by a newer Linkage (version ${version}); this page reads version ${HANDIN_VERSION}: open it with the newer page`);
  if (version !== HANDIN_VERSION) refuse(['version'], `expected version ${HANDIN_VERSION}, found ${describe(version)}`);
  const unknown = Object.keys(d).filter((k) => !TOP_KEYS.includes(k));
  for (const k of unknown.slice(0, 5)) warn([k], `an unknown field ${show(k)} was ignored`);
  if (unknown.length > 5) warn([], `${unknown.length - 5} more unknown fields were ignored`);

  const key = id(d, 'graph', [], "the graph's key");
  const title = own(d, 'title');
  if (title !== undefined && (typeof title !== 'string' || title.length > MAX_ID_CHARS)) refuse(['title'], `expected the chapter's title (a string of at most ${MAX_ID_CHARS} characters), found ${describe(title)}`);
  if (graph && key !== graphKeyOf(graph)) {
    refuse(['graph'], `this hand-in is for another chapter or graph (${show(key)}${typeof title === 'string' && title ? `, ${show(title)}` : ''}); the open graph is ${show(graphKeyOf(graph))}: open that chapter to read it`);
  }
  const student = studentName(own(d, 'student'));
  const type = own(d, 'type');
  if (!(EXERCISE_TYPES as readonly unknown[]).includes(type)) refuse(['type'], `expected the exercise type, one of ${EXERCISE_TYPES.join(', ')}, found ${describe(type)}`);
  const scopeText = own(d, 'scope');
  const scope = typeof scopeText === 'string' ? parseScope(scopeText) : null;
  if (!scope) refuse(['scope'], `expected a scope like "all", "slides:6-13" or "section:2-1", found ${describe(scopeText)}`);
  if (graph && scope && !scopeExists(graph, scope)) refuse(['scope'], `the scope ${show(scopeText)} is not part of this graph; expected slides or a section it has`);

  const ignored: JsonPath[] = [];
  const { concepts, links } = readSheet(d, ignored);
  if (ignored.length > 0) warn(ignored[0]!, `${ignored.length} unknown field${ignored.length > 1 ? 's' : ''} of concepts or links ${ignored.length > 1 ? 'were' : 'was'} ignored (the first here)`);
  const scores = readScores(own(d, 'scores'));
  const savedAt = own(d, 'savedAt');
  if (typeof savedAt !== 'string' || !ISO_TIME.test(savedAt) || !Number.isFinite(Date.parse(savedAt))) refuse(['savedAt'], `expected the time it was saved, like "2026-03-05T10:30:00Z", found ${describe(savedAt)}`);

  if (graph) {
    const strange = concepts.flatMap((c, i) => (graph.hasNode(c.key) ? [] : [i]));
    if (strange.length > 0) warn(['concepts', strange[0]!, 'key'], `${strange.length} concept${strange.length > 1 ? 's are' : ' is'} not in this graph (${strange.slice(0, 3).map((i) => show(concepts[i]!.key)).join(', ')}${strange.length > 3 ? ', …' : ''}): their links score as extra`);
    const kinds = new Set((graph.getAttribute('edgeKinds') ?? []).map((k) => k.id));
    const odd = links.flatMap((l, i) => (kinds.has(l.kind) ? [] : [i]));
    if (odd.length > 0) warn(['links', odd[0]!, 'kind'], `${odd.length} link${odd.length > 1 ? 's have a kind' : ' has a kind'} this graph does not use (${[...new Set(odd.map((i) => links[i]!.kind))].slice(0, 3).map((k) => show(k)).join(', ')}): ${odd.length > 1 ? 'they score' : 'it scores'} as extra`);
  }
  return { graph: key, ...(typeof title === 'string' ? { title } : {}), student, type: type as ExerciseType, scope: scopeText as string, concepts, links, scores, savedAt: savedAt as string };
}

/**
 * Reads a hand-in file. With `graph`, the hand-in must be for that graph; concepts and kinds it
 * does not have are kept, with a warning. Never throws: any problem is the `error` returned.
 */
export function parseHandin(raw: string, fileName: string, graph?: LinkageGraph): HandinRead {
  // A byte-order mark (some editors write one) is no part of the JSON.
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const problem = (p: ImportProblem): HandinProblem => ({ ...p, text: formatProblem(p) });
  const located = (path: JsonPath, message: string): HandinProblem => {
    let offset = -1;
    for (let n = path.length; n >= 0 && offset < 0; n--) offset = locateJsonPath(text, path.slice(0, n));
    return problem({ file: fileName, ...(offset >= 0 ? lineColAt(text, offset) : {}), ...(path.length > 0 ? { where: pathText(path) } : {}), message });
  };
  const bytes = utf8Bytes(raw, MAX_HANDIN_BYTES);
  if (bytes > MAX_HANDIN_BYTES) return { ok: false, error: problem({ file: fileName, message: `the file is over ${MAX_HANDIN_BYTES / 1024} KiB (${Math.ceil(bytes / 1024)} KiB or more); a hand-in is at most ${MAX_HANDIN_BYTES / 1024} KiB` }) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const found = walkJson(text);
    const message = `the JSON is not well-formed: ${found ? found.message : err instanceof Error ? err.message : String(err)}`;
    return { ok: false, error: problem({ file: fileName, ...(found ? lineColAt(text, found.offset) : {}), message }) };
  }
  const warnings: HandinProblem[] = [];
  try {
    const handin = readHandin(data, graph, (path, message) => warnings.push(located(path, message)));
    return { ok: true, handin: { ...handin, file: fileName }, warnings };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, error: located(err.path, err.message) };
    return { ok: false, error: problem({ file: fileName, message: `the hand-in could not be read: ${err instanceof Error ? err.message : String(err)}` }) };
  }
}
