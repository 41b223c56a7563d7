/**
 * The fields of each object of the format, and the readers of one field: unknown fields, missing
 * or mistyped values, non-empty strings, slide lists and ids, each reported where it is written.
 */
import { didYouMean } from '../errors';
import { ID_PATTERN } from '../vocabulary';
import { clip, get, has, type ErrorCollector, type Path, type Rec } from './shared';

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

/** What a required field holds, for "missing" and "wrong type" messages. */
export const FIELD_HELP: Record<string, string> = {
  'root.chapter': 'the chapter: a mapping with id, title, en, transcript, slides, sections',
  'root.nodes': 'a list of nodes',
  'root.edges': 'a list of edges (write [] for none)',
  'chapter.id': 'an id like "chapter-02"',
  'chapter.title': 'the chapter title in zh-Hant',
  'chapter.en': 'the chapter title in English',
  'chapter.transcript': 'the transcript path relative to this file, like "chapter-02.md"',
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

// ---------------------------------------------------------------------------------------------
// Readers of one field

export function unknownFields(c: ErrorCollector, rec: Rec, path: Path, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(rec)) {
    if (allowed.includes(key)) continue;
    const guess = didYouMean(key, allowed);
    c.report([...path, key], `unknown field "${clip(key)}" in ${what}${guess ? ` (did you mean "${guess}"?)` : ''}; expected ${allowed.join(', ')}`, {
      found: key,
      expected: allowed.join(', '),
      ...(guess ? { hint: guess } : {}),
    });
  }
}

export function missing(c: ErrorCollector, path: Path, field: string, helpKey: string): void {
  c.report([...path, field], `missing required field "${field}": expected ${FIELD_HELP[helpKey] ?? 'a value'}`, {
    expected: FIELD_HELP[helpKey] ?? 'a value',
  });
}

export function wrongType(c: ErrorCollector, path: Path, value: unknown, expected: string): void {
  c.report(path, `expected ${expected}, found ${describeValue(value)}`, { found: foundText(value), expected });
}

/** A non-empty string field (required unless `optional`); returns it, or null after reporting. */
export function readText(c: ErrorCollector, rec: Rec, path: Path, field: string, helpKey: string, opts: { optional?: boolean } = {}): string | null {
  const v = get(rec, field);
  if (v === undefined || v === null) {
    if (!opts.optional) missing(c, path, field, helpKey);
    return null;
  }
  const help = FIELD_HELP[helpKey] ?? 'a string';
  if (typeof v !== 'string') {
    wrongType(c, [...path, field], v, `${help} (a string)`);
    return null;
  }
  if (v.trim() === '') {
    c.report([...path, field], `"${field}" is empty: expected ${help}`, { found: v, expected: help });
    return null;
  }
  return v;
}

/** A list of slide numbers in 1..slideCount; returns the valid ones, or null when not a list. */
export function readSlides(c: ErrorCollector, rec: Rec, path: Path, helpKey: string, slideCount: number | null): number[] | null {
  if (!has(rec, 'slides') || get(rec, 'slides') === null) {
    missing(c, path, 'slides', helpKey);
    return null;
  }
  const v = get(rec, 'slides');
  const p = [...path, 'slides'];
  if (!Array.isArray(v)) {
    wrongType(c, p, v, `a list of slide numbers like [${Number.isInteger(v) ? v : 7}]`);
    return null;
  }
  if (v.length === 0) {
    c.report(p, 'no slides: expected at least one slide number, like [7]', { expected: 'at least one slide' });
    return null;
  }
  const ok: number[] = [];
  v.forEach((s: unknown, i) => {
    if (typeof s !== 'number' || !Number.isInteger(s)) {
      wrongType(c, [...p, i], s, 'a slide number (a whole number)');
    } else if (s < 1 || (slideCount !== null && s > slideCount)) {
      const expected = slideCount !== null ? `1..${slideCount} (chapter.slides)` : 'a slide number ≥ 1';
      c.report([...p, i], `slide ${s} is out of range: expected ${expected}`, { found: String(s), expected });
    } else if (ok.includes(s)) {
      c.report([...p, i], `slide ${s} is listed twice; list each slide once`, { found: String(s) });
    } else {
      ok.push(s);
    }
  });
  return ok;
}

export function readId(c: ErrorCollector, rec: Rec, path: Path, field: string, helpKey: string): string | null {
  const v = readText(c, rec, path, field, helpKey);
  if (v === null) return null;
  if (!ID_PATTERN.test(v)) {
    const slug = v
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/([.-])[.-]+/g, '$1')
      .replace(/^[^a-z]+|[.-]+$/g, '');
    const hint = slug && ID_PATTERN.test(slug) ? slug : undefined;
    c.report(
      [...path, field],
      `invalid id "${clip(v)}": expected lower-case ASCII letters and digits in words joined by "." or "-", starting with a letter (like "tr.function")${hint ? `; try "${hint}"` : ''}`,
      { found: v, expected: 'an id matching ' + String(ID_PATTERN), ...(hint ? { hint } : {}) },
    );
    return null;
  }
  return v;
}
