/**
 * Checks a parsed authoring file against the format and against its transcript: shapes, kinds,
 * ids, references, slides, sections, quotes, transformations, coverage and connectivity.
 * Pure and total: any input gives a list of located errors, never an exception.
 */
import { isRecord } from '../util/record';
import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import type { ParsedFile } from './authored';
import { didYouMean, formatPath, type GraphError } from './errors';
import { EDGE_KINDS, ID_PATTERN, NODE_KINDS, SYMMETRIC_EDGE_KINDS, isEdgeKind, isNodeKind, type EdgeKind } from './schema';
import { findQuote, type MarkedItem, type ParsedTranscript } from './transcript';

/** What validation needs of a transcript (`file` names it in errors). */
export type TranscriptInput = Pick<ParsedTranscript, 'slides' | 'items'> & { file?: string };

// The fields of each object of the format, in the order the guide lists them; any other field is
// reported as unknown. graph/schema.json must list the same (tests/model/schema-json.test.ts).

/** Top-level fields of a file. */
export const ROOT_FIELDS = ['chapter', 'nodes', 'edges'] as const;
/** Fields of `chapter`. */
export const CHAPTER_FIELDS = ['id', 'title', 'en', 'transcript', 'slides', 'sections'] as const;
/** Fields of a section in `chapter.sections`. */
export const SECTION_FIELDS = ['id', 'title', 'en', 'slides'] as const;
/** Fields of a node. */
export const NODE_FIELDS = ['id', 'kind', 'label', 'en', 'short', 'slides', 'quote', 'section', 'name', 'number'] as const;

/** The longest English map name (`short:`): two lines of the map's wrap. */
export const SHORT_MAX = 28;
/** Fields of an edge. */
export const EDGE_FIELDS = ['source', 'kind', 'target', 'slides', 'zh', 'en'] as const;

/** Fields of nodes and edges that may be left out (every other field is required). */
export const OPTIONAL_FIELDS: Readonly<Record<'node' | 'edge', readonly string[]>> = {
  node: ['short', 'section', 'name', 'number'],
  edge: ['zh', 'en'],
};

type Path = Array<string | number>;
type Rec = Record<string, unknown>;

/** What a required field holds, for "missing" and "wrong type" messages. */
const FIELD_HELP: Record<string, string> = {
  'root.chapter': 'the chapter: a mapping with id, title, en, transcript, slides, sections',
  'root.nodes': 'a list of nodes',
  'root.edges': 'a list of edges (write [] for none)',
  'chapter.id': 'an id like "chapter-02"',
  'chapter.title': 'the chapter title in zh-Hant',
  'chapter.en': 'the chapter title in English',
  'chapter.transcript': 'the transcript path relative to this file, like "source/chapter-02.md"',
  'chapter.slides': 'the number of slides, a whole number ≥ 1',
  'chapter.sections': 'a list of sections (write [] for none)',
  'section.id': 'the section id as the transcript prints it, like "2-1"',
  'section.title': 'the section title in zh-Hant',
  'section.en': 'the section title in English',
  'section.slides': 'the first and last slide, like [2, 4]',
  'node.id': 'an id like "tr.function"',
  'node.kind': 'a node kind',
  'node.label': 'the label in zh-Hant',
  'node.en': 'the label in English',
  'node.short': `a shorter English name for the map, at most ${SHORT_MAX} characters`,
  'node.slides': 'the slides the node rests on, like [7]',
  'node.quote': 'a verbatim quote from the transcript',
  'node.section': 'a section id like "2-3", or null',
  'node.name': 'true when the English label is a proper name (keeps its capitals), else false',
  'node.number': 'plural or singular: the grammatical number of the English label',
  'edge.source': 'a node id',
  'edge.target': 'a node id',
  'edge.kind': 'an edge kind',
  'edge.slides': 'the slides the edge rests on, like [7]',
  'edge.zh': 'a zh-Hant linking phrase, `…` marking the target',
  'edge.en': 'an English linking phrase',
};

// ---------------------------------------------------------------------------------------------
// Small helpers


function get(rec: Rec, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

function has(rec: Rec, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(rec, key);
}

/** A value shortened for a message. */
function clip(s: string, max = 32): string {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
}

/** A found value, described for a message: `the string "7"`, `a list`, `nothing`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'nothing (null)';
  if (typeof v === 'string') return v === '' ? 'an empty string' : `the string "${clip(v)}"`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v;
}

function foundText(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function slideList(slides: readonly number[]): string {
  return slides.length === 1 ? `slide ${slides[0]}` : `slides ${slides.join(', ')}`;
}

function range(r: readonly [number, number]): string {
  return `slides ${r[0]}–${r[1]}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function dirName(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i >= 0 ? file.slice(0, i + 1) : '';
}

/** Longest prefix of `quote` found in any slide (binary search: prefixes found are nested). */
function longestFoundPrefix(t: TranscriptInput, quote: string): { prefix: string; slide: number } | null {
  const chars = Array.from(quote);
  let lo = 0;
  let hi = chars.length;
  let best: { prefix: string; slide: number } | null = null;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const prefix = chars.slice(0, mid).join('');
    const slides = findQuote(t, prefix);
    if (slides.length > 0) {
      best = { prefix, slide: slides[0]! };
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return best && Array.from(best.prefix).length >= 2 ? best : null;
}

// ---------------------------------------------------------------------------------------------
// The checker

interface NodeInfo {
  index: number;
  /** The id as written, when it is a string (valid or not: an invalid id is reported once). */
  id: string | null;
  kind: string | null;
  label: string | null;
  slides: number[] | null;
  quote: string | null;
}

interface EdgeInfo {
  index: number;
  source: string | null;
  target: string | null;
  kind: EdgeKind | null;
}

interface SectionInfo {
  id: string;
  range: [number, number] | null;
  index: number;
}

class Checker {
  readonly errors: GraphError[] = [];

  constructor(
    readonly parsed: ParsedFile,
    readonly transcript: TranscriptInput | null,
  ) {}

  /** Records an error at a data path of the YAML file. */
  report(path: Path, message: string, extra: Partial<Pick<GraphError, 'found' | 'expected' | 'hint'>> = {}): void {
    const { line, col } = this.locate(path);
    this.errors.push({ file: this.parsed.file, line, col, path: formatPath(path), message, ...extra });
  }

  locate(path: Path): { line: number; col: number } {
    try {
      const pos = this.parsed.locate(path);
      return { line: Math.max(1, pos.line | 0), col: Math.max(1, pos.col | 0) };
    } catch {
      return { line: 1, col: 1 };
    }
  }

  line(path: Path): number {
    return this.locate(path).line;
  }

  // -- shapes -------------------------------------------------------------------------------

  unknownFields(rec: Rec, path: Path, allowed: readonly string[], what: string): void {
    for (const key of Object.keys(rec)) {
      if (allowed.includes(key)) continue;
      const guess = didYouMean(key, allowed);
      this.report([...path, key], `unknown field "${clip(key)}" in ${what}${guess ? ` (did you mean "${guess}"?)` : ''}; expected ${allowed.join(', ')}`, {
        found: key,
        expected: allowed.join(', '),
        ...(guess ? { hint: guess } : {}),
      });
    }
  }

  missing(path: Path, field: string, helpKey: string): void {
    this.report([...path, field], `missing required field "${field}": expected ${FIELD_HELP[helpKey] ?? 'a value'}`, {
      expected: FIELD_HELP[helpKey] ?? 'a value',
    });
  }

  wrongType(path: Path, value: unknown, expected: string): void {
    this.report(path, `expected ${expected}, found ${describeValue(value)}`, { found: foundText(value), expected });
  }

  /** A non-empty string field (required unless `optional`); returns it, or null after reporting. */
  text(rec: Rec, path: Path, field: string, helpKey: string, opts: { optional?: boolean } = {}): string | null {
    const v = get(rec, field);
    if (v === undefined || v === null) {
      if (!opts.optional) this.missing(path, field, helpKey);
      return null;
    }
    const help = FIELD_HELP[helpKey] ?? 'a string';
    if (typeof v !== 'string') {
      this.wrongType([...path, field], v, `${help} (a string)`);
      return null;
    }
    if (v.trim() === '') {
      this.report([...path, field], `"${field}" is empty: expected ${help}`, { found: v, expected: help });
      return null;
    }
    return v;
  }

  /** A list of slide numbers in 1..slideCount; returns the valid ones, or null when not a list. */
  slides(rec: Rec, path: Path, helpKey: string, slideCount: number | null): number[] | null {
    if (!has(rec, 'slides') || get(rec, 'slides') === null) {
      this.missing(path, 'slides', helpKey);
      return null;
    }
    const v = get(rec, 'slides');
    const p = [...path, 'slides'];
    if (!Array.isArray(v)) {
      this.wrongType(p, v, `a list of slide numbers like [${Number.isInteger(v) ? v : 7}]`);
      return null;
    }
    if (v.length === 0) {
      this.report(p, 'no slides: expected at least one slide number, like [7]', { expected: 'at least one slide' });
      return null;
    }
    const ok: number[] = [];
    v.forEach((s: unknown, i) => {
      if (typeof s !== 'number' || !Number.isInteger(s)) {
        this.wrongType([...p, i], s, 'a slide number (a whole number)');
      } else if (s < 1 || (slideCount !== null && s > slideCount)) {
        const expected = slideCount !== null ? `1..${slideCount} (chapter.slides)` : 'a slide number ≥ 1';
        this.report([...p, i], `slide ${s} is out of range: expected ${expected}`, { found: String(s), expected });
      } else if (ok.includes(s)) {
        this.report([...p, i], `slide ${s} is listed twice; list each slide once`, { found: String(s) });
      } else {
        ok.push(s);
      }
    });
    return ok;
  }

  id(rec: Rec, path: Path, field: string, helpKey: string): string | null {
    const v = this.text(rec, path, field, helpKey);
    if (v === null) return null;
    if (!ID_PATTERN.test(v)) {
      const slug = v
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, '-')
        .replace(/([.-])[.-]+/g, '$1')
        .replace(/^[^a-z]+|[.-]+$/g, '');
      const hint = slug && ID_PATTERN.test(slug) ? slug : undefined;
      this.report(
        [...path, field],
        `invalid id "${clip(v)}": expected lower-case ASCII letters and digits in words joined by "." or "-", starting with a letter (like "tr.function")${hint ? `; try "${hint}"` : ''}`,
        { found: v, expected: 'an id matching ' + String(ID_PATTERN), ...(hint ? { hint } : {}) },
      );
      return null;
    }
    return v;
  }

  // -- the parts of a file ------------------------------------------------------------------

  chapter(root: Rec): { slideCount: number | null; sections: SectionInfo[]; transcriptPath: string | null } {
    const out = { slideCount: null as number | null, sections: [] as SectionInfo[], transcriptPath: null as string | null };
    if (!has(root, 'chapter') || get(root, 'chapter') === null) {
      this.missing([], 'chapter', 'root.chapter');
      return out;
    }
    const ch = get(root, 'chapter');
    const p: Path = ['chapter'];
    if (!isRecord(ch)) {
      this.wrongType(p, ch, `a mapping with ${CHAPTER_FIELDS.join(', ')}`);
      return out;
    }
    this.unknownFields(ch, p, CHAPTER_FIELDS, 'chapter');
    this.id(ch, p, 'id', 'chapter.id');
    this.text(ch, p, 'title', 'chapter.title');
    this.text(ch, p, 'en', 'chapter.en');
    out.transcriptPath = this.text(ch, p, 'transcript', 'chapter.transcript');

    if (!has(ch, 'slides') || get(ch, 'slides') === null) this.missing(p, 'slides', 'chapter.slides');
    else {
      const n = get(ch, 'slides');
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) this.wrongType([...p, 'slides'], n, FIELD_HELP['chapter.slides']!);
      else out.slideCount = n;
    }

    if (!has(ch, 'sections') || get(ch, 'sections') === null) {
      this.missing(p, 'sections', 'chapter.sections');
      return out;
    }
    const secs = get(ch, 'sections');
    if (!Array.isArray(secs)) {
      this.wrongType([...p, 'sections'], secs, FIELD_HELP['chapter.sections']!);
      return out;
    }
    secs.forEach((s: unknown, i) => {
      const sp: Path = ['chapter', 'sections', i];
      if (!isRecord(s)) {
        this.wrongType(sp, s, `a section: a mapping with ${SECTION_FIELDS.join(', ')}`);
        return;
      }
      this.unknownFields(s, sp, SECTION_FIELDS, 'a section');
      const id = this.text(s, sp, 'id', 'section.id');
      this.text(s, sp, 'title', 'section.title');
      this.text(s, sp, 'en', 'section.en');
      const r = this.sectionRange(s, sp, out.slideCount);
      if (id === null) return;
      const first = out.sections.find((x) => x.id === id);
      if (first) {
        this.report([...sp, 'id'], `duplicate section id "${clip(id)}" (first at line ${this.line(['chapter', 'sections', first.index])}); section ids must be unique`, { found: id });
        return;
      }
      out.sections.push({ id, range: r, index: i });
    });
    // Overlaps, reported on the later section.
    out.sections.forEach((a, i) => {
      for (const b of out.sections.slice(0, i)) {
        if (a.range && b.range && a.range[0] <= b.range[1] && b.range[0] <= a.range[1]) {
          this.report(
            ['chapter', 'sections', a.index, 'slides'],
            `section "${clip(a.id)}" (${range(a.range)}) overlaps section "${clip(b.id)}" (${range(b.range)}) at line ${this.line(['chapter', 'sections', b.index])}; a slide belongs to one section at most`,
          );
        }
      }
    });
    return out;
  }

  sectionRange(s: Rec, sp: Path, slideCount: number | null): [number, number] | null {
    if (!has(s, 'slides') || get(s, 'slides') === null) {
      this.missing(sp, 'slides', 'section.slides');
      return null;
    }
    const v = get(s, 'slides');
    const p = [...sp, 'slides'];
    const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
    if (!Array.isArray(v) || v.length !== 2 || !isInt(v[0]) || !isInt(v[1])) {
      this.wrongType(p, v, 'the first and last slide as two whole numbers, like [2, 4]');
      return null;
    }
    const [a, b] = v as [number, number];
    if (a > b) {
      this.report(p, `slides [${a}, ${b}] run backwards: expected [first, last] with first ≤ last, like [${b}, ${a}]`);
      return null;
    }
    if (a < 1 || (slideCount !== null && b > slideCount)) {
      const expected = slideCount !== null ? `1..${slideCount} (chapter.slides)` : 'slide numbers ≥ 1';
      this.report(p, `${range([a, b])} are out of range: expected slides within ${expected}`, { found: `[${a}, ${b}]`, expected });
      return null;
    }
    return [a, b];
  }

  node(raw: unknown, index: number, slideCount: number | null, sections: SectionInfo[]): NodeInfo {
    const info: NodeInfo = { index, id: null, kind: null, label: null, slides: null, quote: null };
    const p: Path = ['nodes', index];
    if (!isRecord(raw)) {
      this.wrongType(p, raw, `a node: a mapping with ${NODE_FIELDS.filter((f) => !OPTIONAL_FIELDS.node.includes(f)).join(', ')}`);
      return info;
    }
    this.unknownFields(raw, p, NODE_FIELDS, 'a node');
    this.id(raw, p, 'id', 'node.id');
    const id = get(raw, 'id');
    if (typeof id === 'string' && id.trim() !== '') info.id = id;

    const kind = this.text(raw, p, 'kind', 'node.kind');
    if (kind !== null) {
      if (isNodeKind(kind)) info.kind = kind;
      else this.unknownKind([...p, 'kind'], kind, 'node', NODE_KINDS);
    }
    info.label = this.text(raw, p, 'label', 'node.label');
    const en = this.text(raw, p, 'en', 'node.en');
    const short = this.text(raw, p, 'short', 'node.short', { optional: true });
    if (short !== null) {
      if ([...short].length > SHORT_MAX) {
        this.report([...p, 'short'], `short is ${[...short].length} characters long: expected at most ${SHORT_MAX}, to fit two lines on the map`, { found: short, expected: FIELD_HELP['node.short']! });
      } else if (en !== null && [...short].length >= [...en].length) {
        this.report([...p, 'short'], `short is not shorter than en ("${clip(en)}"): leave it out, the map then draws en`, { found: short, expected: `fewer characters than en (${[...en].length})` });
      }
    }
    info.slides = this.slides(raw, p, 'node.slides', slideCount);

    if (!has(raw, 'quote') || get(raw, 'quote') === null) this.missing(p, 'quote', 'node.quote');
    else {
      const q = get(raw, 'quote');
      if (typeof q !== 'string') this.wrongType([...p, 'quote'], q, 'a verbatim quote from the transcript (a string)');
      else if (q.trim() === '') {
        this.report([...p, 'quote'], 'quote is empty: expected a verbatim phrase from the transcript, like the label as the slide words it', { found: q });
      } else info.quote = q;
    }

    if (has(raw, 'name') && typeof get(raw, 'name') !== 'boolean') this.wrongType([...p, 'name'], get(raw, 'name'), `${FIELD_HELP['node.name']!} (true or false)`);
    if (has(raw, 'number') && get(raw, 'number') !== 'plural' && get(raw, 'number') !== 'singular') {
      this.wrongType([...p, 'number'], get(raw, 'number'), FIELD_HELP['node.number']!);
    }

    if (has(raw, 'section') && get(raw, 'section') !== null) {
      const sec = get(raw, 'section');
      const ids = sections.map((s) => s.id);
      if (typeof sec !== 'string') this.wrongType([...p, 'section'], sec, `a section id (a string) like "${ids[0] ?? '2-1'}", or null`);
      else {
        const known = sections.find((s) => s.id === sec);
        if (!known) {
          const guess = didYouMean(sec, ids);
          this.report(
            [...p, 'section'],
            `unknown section "${clip(sec)}"${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of: ${ids.join(', ') || '(no sections are declared under chapter.sections)'}`,
            { found: sec, expected: ids.join(', '), ...(guess ? { hint: guess } : {}) },
          );
        } else if (known.range && info.slides) {
          const [a, b] = known.range;
          const outside = info.slides.filter((s) => s < a || s > b);
          if (outside.length > 0) {
            this.report(
              [...p, 'slides'],
              `${slideList(outside)} ${outside.length === 1 ? 'is' : 'are'} outside section "${clip(sec)}" (${range(known.range)}) that this node names in section:; fix the slides or the section`,
            );
          }
        }
      }
    }
    return info;
  }

  unknownKind(path: Path, kind: string, what: 'node' | 'edge', allowed: readonly string[]): void {
    const guess = didYouMean(kind, allowed);
    this.report(path, `unknown ${what} kind "${clip(kind)}"${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of: ${allowed.join(', ')}`, {
      found: kind,
      expected: allowed.join(', '),
      ...(guess ? { hint: guess } : {}),
    });
  }

  edge(raw: unknown, index: number, slideCount: number | null, nodeIds: ReadonlyMap<string, number>): EdgeInfo {
    const info: EdgeInfo = { index, source: null, target: null, kind: null };
    const p: Path = ['edges', index];
    if (!isRecord(raw)) {
      this.wrongType(p, raw, 'an edge: a mapping with source, kind, target, slides');
      return info;
    }
    this.unknownFields(raw, p, EDGE_FIELDS, 'an edge');
    for (const end of ['source', 'target'] as const) {
      const id = this.text(raw, p, end, `edge.${end}`);
      if (id === null) continue;
      if (!nodeIds.has(id)) {
        const guess = didYouMean(id, nodeIds.keys());
        this.report([...p, end], `no node "${clip(id, 48)}" ${guess ? `(did you mean "${guess}"?)` : '(declare it under nodes, or fix the id)'}`, {
          found: id,
          expected: 'the id of a node',
          ...(guess ? { hint: guess } : {}),
        });
      }
      info[end] = id;
    }
    const kind = this.text(raw, p, 'kind', 'edge.kind');
    if (kind !== null) {
      if (isEdgeKind(kind)) info.kind = kind;
      else this.unknownKind([...p, 'kind'], kind, 'edge', EDGE_KINDS);
    }
    this.slides(raw, p, 'edge.slides', slideCount);
    const zh = this.text(raw, p, 'zh', 'edge.zh', { optional: true });
    if (zh !== null) {
      const holes = Array.from(zh).filter((c) => c === '…').length;
      if (holes > 1) this.report([...p, 'zh'], `the linking phrase "${clip(zh)}" has ${holes} "…" placeholders: expected at most one, where the target goes`);
      else if (holes === 0 && /\.\.\.|。。。/.test(zh)) this.report([...p, 'zh'], `the linking phrase "${clip(zh)}" marks the target with dots: use the ellipsis character "…"`);
    }
    this.text(raw, p, 'en', 'edge.en', { optional: true });
    if (info.source !== null && info.source === info.target) {
      this.report(p, `self-loop: source and target are both "${clip(info.source, 48)}"; an edge links two different nodes`, { found: info.source });
    }
    return info;
  }

  // -- the graph as a whole -----------------------------------------------------------------

  duplicateEdges(edges: EdgeInfo[]): void {
    const seen = new Map<string, number>();
    for (const e of edges) {
      if (e.source === null || e.target === null || e.kind === null) continue;
      const symmetric = SYMMETRIC_EDGE_KINDS.has(e.kind);
      const [a, b] = symmetric && e.target < e.source ? [e.target, e.source] : [e.source, e.target];
      const key = `${a}\u0000${e.kind}\u0000${b}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, e.index);
        continue;
      }
      this.report(
        ['edges', e.index],
        `duplicate edge ${e.source} -${e.kind}-> ${e.target}: already stated at line ${this.line(['edges', first])} (edges[${first}])${symmetric ? ` ("${e.kind}" reads both ways)` : ''}; remove one`,
      );
    }
  }

  transformations(nodes: NodeInfo[], edges: EdgeInfo[]): void {
    for (const n of nodes) {
      if (n.kind !== 'transformation' || n.id === null) continue;
      for (const kind of ['from', 'to'] as const) {
        const out = edges.filter((e) => e.source === n.id && e.kind === kind);
        const pole = kind === 'from' ? 'old' : 'new';
        if (out.length === 1) continue;
        if (out.length === 0) {
          this.report(
            ['nodes', n.index],
            `transformation "${n.id}" has no outgoing "${kind}" edge: expected exactly one, to its ${pole} state (add { source: ${n.id}, kind: ${kind}, target: … })`,
          );
        } else {
          const lines = out.map((e) => this.line(['edges', e.index])).join(', ');
          this.report(
            ['nodes', n.index],
            `transformation "${n.id}" has ${out.length} outgoing "${kind}" edges (lines ${lines}): expected exactly one, to its ${pole} state`,
          );
        }
      }
    }
  }

  /** `edgesGiven`: false when the edges list itself is missing (already reported). */
  connectivity(nodes: NodeInfo[], edges: EdgeInfo[], edgesGiven: boolean): void {
    const g = new Graph({ type: 'undirected', multi: true, allowSelfLoops: true });
    const firstIndex = new Map<string, number>();
    for (const n of nodes) {
      if (n.id !== null && !g.hasNode(n.id)) {
        g.addNode(n.id);
        firstIndex.set(n.id, n.index);
      }
    }
    if (g.order < 2) return;
    for (const e of edges) {
      if (e.source !== null && e.target !== null && g.hasNode(e.source) && g.hasNode(e.target)) g.addEdge(e.source, e.target);
    }
    if (g.size === 0) {
      // No links at all: one message, not one per node.
      if (edgesGiven) this.report(['edges'], `no edge links the ${g.order} nodes: add edges that state how they relate`);
      return;
    }
    const components = connectedComponents(g);
    if (components.length < 2) return;
    const first = (id: string) => firstIndex.get(id) ?? 0;
    components.forEach((c) => c.sort((a, b) => first(a) - first(b)));
    components.sort((a, b) => b.length - a.length || first(a[0]!) - first(b[0]!));
    const main = components[0]!;
    for (const c of components.slice(1)) {
      const first = c[0]!;
      const listed = c.slice(0, 8).map((id) => `"${id}"`).join(', ') + (c.length > 8 ? `, … (${c.length} in all)` : '');
      const message =
        c.length === 1
          ? `node "${first}" is not linked to the rest of the graph (no edge joins it to the main part of ${plural(main.length, 'node')}); add an edge that states how it relates`
          : `nodes ${listed} are cut off from the rest of the graph (the main part has ${plural(main.length, 'node')}); add an edge that links them in`;
      this.report(['nodes', firstIndex.get(first)!], message, { found: c.join(', ') });
    }
  }

  // -- the transcript -----------------------------------------------------------------------

  transcriptFile(transcriptPath: string | null): string {
    if (this.transcript?.file) return this.transcript.file;
    if (transcriptPath) return dirName(this.parsed.file) + transcriptPath;
    return 'transcript';
  }

  quotes(nodes: NodeInfo[], t: TranscriptInput, tFile: string): void {
    for (const n of nodes) {
      if (n.quote === null) continue;
      const p: Path = ['nodes', n.index, 'quote'];
      const everywhere = findQuote(t, n.quote);
      if (everywhere.length === 0) {
        const near = longestFoundPrefix(t, n.quote);
        const name = tFile.split(/[\\/]/).pop();
        const hint = near
          ? `; the transcript has "${clip(near.prefix)}" (slide ${near.slide}) but not what follows it: copy the quote verbatim`
          : '; copy it verbatim from the slide text';
        this.report(p, `quote "${clip(n.quote)}" is not in the transcript ${name}${hint}`, {
          found: n.quote,
          expected: 'a verbatim phrase of the transcript',
          ...(near ? { hint: near.prefix } : {}),
        });
        continue;
      }
      if (n.slides === null || n.slides.length === 0) continue;
      const own = everywhere.filter((s) => n.slides!.includes(s));
      if (own.length === 0) {
        this.report(
          p,
          `quote "${clip(n.quote)}" is on ${slideList(everywhere)}, not on the node's slides [${n.slides.join(', ')}]; add ${everywhere.length === 1 ? everywhere[0] : 'one of them'} to slides or fix the quote`,
          { found: n.slides.join(', '), expected: everywhere.join(', '), hint: String(everywhere[0]) },
        );
      }
    }
  }

  slideCountAgainst(t: TranscriptInput, slideCount: number | null, tFile: string): void {
    if (slideCount === null) return;
    const beyond = [...t.slides.keys()].filter((n) => n > slideCount);
    if (beyond.length > 0) {
      this.report(
        ['chapter', 'slides'],
        `chapter.slides is ${slideCount} but the transcript ${tFile.split(/[\\/]/).pop()} has slides up to ${Math.max(...beyond)}; set slides to the number of slides`,
        { found: String(slideCount), expected: String(Math.max(...beyond)) },
      );
    }
  }

  sectionsAgainst(t: TranscriptInput, sections: SectionInfo[]): void {
    for (const item of t.items) {
      if (item.marker !== '§' || !item.code) continue;
      const sec = sections.find((s) => s.id === item.code);
      if (!sec) {
        this.report(
          ['chapter', 'sections'],
          `the transcript opens section §${item.code} "${clip(item.text)}" on slide ${item.slide} (line ${item.line}), but chapter.sections declares no section "${item.code}"`,
          { found: sections.map((s) => s.id).join(', '), expected: item.code },
        );
      } else if (sec.range && sec.range[0] !== item.slide) {
        this.report(
          ['chapter', 'sections', sec.index, 'slides'],
          `section "${sec.id}" starts on slide ${item.slide} in the transcript (line ${item.line}), not on slide ${sec.range[0]}; fix its first slide`,
          { found: String(sec.range[0]), expected: String(item.slide) },
        );
      }
    }
  }

  coverage(nodes: unknown[], t: TranscriptInput, tFile: string): void {
    for (const { item, nodes: by } of markedItemCoverageOf(nodes, t)) {
      if (by.length > 0) continue;
      this.errors.push({
        file: tFile,
        line: item.line,
        path: `slide ${item.slide}`,
        message: `marked item "${item.head}" (${item.marker}) is not represented by any node (expected a node whose quote contains "${item.head}")`,
        found: item.text,
        expected: `a node on slide ${item.slide} whose quote contains "${item.head}"`,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Coverage (exported: the CLI prints it)

function itemCoveredBy(item: MarkedItem, node: unknown, t: TranscriptInput): boolean {
  if (!isRecord(node)) return false;
  const quote = get(node, 'quote');
  if (typeof quote !== 'string' || quote === '') return false;
  const slides = get(node, 'slides');
  const onSlide = Array.isArray(slides) && slides.includes(item.slide);
  if (onSlide && item.text.includes(quote) && quote.includes(item.head)) return true;
  const label = get(node, 'label');
  return label === item.head && (t.slides.get(item.slide)?.includes(quote) ?? false);
}

function markedItemCoverageOf(nodes: unknown[], t: TranscriptInput): Array<{ item: MarkedItem; nodes: string[] }> {
  return t.items.map((item) => ({
    item,
    nodes: nodes
      .filter((n) => itemCoveredBy(item, n, t))
      .map((n) => {
        const id = get(n as Rec, 'id');
        return typeof id === 'string' ? id : '?';
      }),
  }));
}

/**
 * For each marked item of the transcript, the ids of the nodes that represent it: nodes on the
 * item's slide whose quote lies within the item's text and contains its head, or nodes labelled
 * with the head whose quote is on that slide. An empty list means the item is not covered.
 */
export function markedItemCoverage(parsed: ParsedFile, transcript: TranscriptInput): Array<{ item: MarkedItem; nodes: string[] }> {
  const graph: unknown = parsed.graph;
  const nodes = isRecord(graph) && Array.isArray(get(graph, 'nodes')) ? (get(graph, 'nodes') as unknown[]) : [];
  return markedItemCoverageOf(nodes, transcript);
}

// ---------------------------------------------------------------------------------------------

function run(parsed: ParsedFile, transcript: TranscriptInput | null): GraphError[] {
  const c = new Checker(parsed, transcript);
  const root: unknown = parsed.graph;
  if (!isRecord(root)) {
    c.wrongType([], root, 'a mapping with chapter, nodes and edges');
    return c.errors;
  }
  c.unknownFields(root, [], ROOT_FIELDS, 'the file');
  const { slideCount, sections, transcriptPath } = c.chapter(root);

  const rawNodes = get(root, 'nodes');
  let nodeValues: unknown[] = [];
  if (!has(root, 'nodes') || rawNodes === null) c.missing([], 'nodes', 'root.nodes');
  else if (!Array.isArray(rawNodes)) c.wrongType(['nodes'], rawNodes, 'a list of nodes');
  else nodeValues = rawNodes;

  const nodes = nodeValues.map((n, i) => c.node(n, i, slideCount, sections));
  const nodeIds = new Map<string, number>();
  for (const n of nodes) {
    if (n.id === null) continue;
    const first = nodeIds.get(n.id);
    if (first !== undefined) {
      c.report(['nodes', n.index, 'id'], `duplicate node id "${n.id}" (first defined at line ${c.line(['nodes', first])}, nodes[${first}]); ids must be unique: rename one`, {
        found: n.id,
      });
    } else nodeIds.set(n.id, n.index);
  }

  const rawEdges = get(root, 'edges');
  let edgeValues: unknown[] = [];
  if (!has(root, 'edges') || rawEdges === null) c.missing([], 'edges', 'root.edges');
  else if (!Array.isArray(rawEdges)) c.wrongType(['edges'], rawEdges, 'a list of edges');
  else edgeValues = rawEdges;
  const edges = edgeValues.map((e, i) => c.edge(e, i, slideCount, nodeIds));

  c.duplicateEdges(edges);
  c.transformations(nodes, edges);
  c.connectivity(nodes, edges, Array.isArray(rawEdges));

  if (transcript) {
    const tFile = c.transcriptFile(transcriptPath);
    c.slideCountAgainst(transcript, slideCount, tFile);
    c.sectionsAgainst(transcript, sections);
    c.quotes(nodes, transcript, tFile);
    c.coverage(nodeValues, transcript, tFile);
  }

  // The YAML file first, then the transcript; each by line.
  const rank = (e: GraphError) => (e.file === parsed.file ? 0 : 1);
  return c.errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.e.line - b.e.line || (a.e.col ?? 0) - (b.e.col ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

/**
 * Validates a parsed authoring file, and when `transcript` is given, its quotes and coverage.
 * Returns every problem found, located (file, 1-based line, data path) and sorted by file and
 * line; an empty list means `parsed.graph` is a well-formed `AuthoredGraph`. Never throws.
 */
export function validateGraph(parsed: ParsedFile, transcript: TranscriptInput | null): GraphError[] {
  try {
    return run(parsed, transcript);
  } catch (err) {
    // A bug here must not take the caller down; report it as an error instead.
    return [
      {
        file: parsed?.file ?? 'graph',
        line: 1,
        path: '',
        message: `internal error while validating (please report): ${err instanceof Error ? err.message : String(err)}`,
      },
    ];
  }
}
