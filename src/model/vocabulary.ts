/**
 * The vocabulary of a course: node kinds and link kinds, their names in the legend, colours and
 * outlines, the phrase each link reads with (and its English plural), which links read the same
 * both ways, which rank broader over narrower, and which question types a link feeds. It is data
 * (graph/vocabulary.json, extended or overridden per chapter by graph/<chapter>/vocabulary.json);
 * this module checks it, merges a chapter's part over the shared one, and answers the questions
 * the compiler and lint ask. No DOM, no file system.
 */
import shared from '../../graph/vocabulary.json';
import { locateJsonPath, walkJson } from '../util/json-locate';
import { isRecord } from '../util/record';
import { didYouMean, formatPath, type GraphError } from './errors';
import type { KindInfo, NodeBorder } from './types';
import { NODE_BORDERS } from './types';

/** Question types a link kind can feed (the quiz builds each); `path` questions need no kind. */
const RELATION_TYPES = ['pole', 'reform', 'drawback', 'feature', 'aspect', 'echo', 'tension'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];
/** Which end of a link a question hides. */
export type Blank = 'source' | 'target';
/** Which end of a hierarchical link is the broader concept: `down` the source, `up` the target. */
const HIERARCHIES = ['down', 'up'] as const;
export type Hierarchy = (typeof HIERARCHIES)[number];

/** A node kind. */
export interface NodeKindDef {
  /** Legend name, zh-Hant (zh-Hans is derived unless given). */
  zh: string;
  zhHans?: string;
  /** Legend name, English. */
  en: string;
  /** What nodes of this kind are (the authoring guide). */
  description?: string;
  /** Disc colour, `#rrggbb`. */
  color: string;
  /** How the disc is outlined, so kinds of like hue differ without colour. */
  outline: NodeBorder;
  /** How much a node of this kind organises the chapter, 0–1 (its importance and size). */
  weight: number;
  /** Structure rather than content (the chapter, its sections): path questions avoid it. */
  structural?: boolean;
  /** A catch-all kind whose members are too varied to be safe look-alikes in a question. */
  broad?: boolean;
}

/**
 * How a link reads: `zh` with `…` where the target goes (`是…的弊端` reads `A是B的弊端`;
 * without one the phrase stands between the two), `en` after a singular subject, `enPlural`
 * after a plural one.
 */
export interface PhraseDef {
  zh: string;
  zhHans?: string;
  en: string;
  enPlural: string;
}

/** A link kind. */
export interface EdgeKindDef {
  zh: string;
  zhHans?: string;
  en: string;
  description?: string;
  /** The default phrase; a link may give its own. */
  phrase: PhraseDef;
  color: string;
  /** Reads the same both ways (drawn without an arrow, asked from either end). */
  symmetric?: boolean;
  /** Sets two things against each other: the busiest such link gives a graph its two sides. */
  opposing?: boolean;
  /** False when the link carries no likeness (opposites, poles, structure): distractors are not chosen along it. */
  likeness?: boolean;
  /** Too vague to carry a link whose labels hold each other (涉及, 方面, 是): the lint warns. */
  vague?: boolean;
  /**
   * The link ranks its two concepts, broader over narrower: `down` the source is the broader
   * (contains), `up` the target is (is a kind of, is an aspect of). Build mode's structural score
   * counts hierarchy levels along such links. Never on a symmetric kind.
   */
  hierarchy?: Hierarchy;
  /** The question this link feeds, and which ends are asked for. */
  question?: { type: RelationType; ask: Blank[] };
}

/** A vocabulary: kinds in legend order (the order of their keys). */
export interface Vocabulary {
  nodeKinds: Record<string, NodeKindDef>;
  edgeKinds: Record<string, EdgeKindDef>;
  /** Colours for kinds a vocabulary does not know (imported graphs), in order of use. */
  fallbackColors: string[];
}

/** A problem in a vocabulary file: where (a data path) and what. */
export interface VocabularyIssue {
  path: Array<string | number>;
  message: string;
}

/** Stable ASCII ids: lower-case words joined by `.` or `-`, e.g. `tr.function`, `decision-mode`. */
export const ID_PATTERN = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
const COLOR = /^#[0-9a-f]{6}$/i;

type Field = { key: string; required: boolean; check: (v: unknown) => string | null };
const text = (what: string) => (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? null : `expected ${what} (a non-empty string), found ${describe(v)}`);
const flag = (v: unknown) => (typeof v === 'boolean' ? null : `expected true or false, found ${describe(v)}`);
const color = (v: unknown) => (typeof v === 'string' && COLOR.test(v) ? null : `expected a colour like "#332288", found ${describe(v)}`);

const NODE_FIELDS: Field[] = [
  { key: 'zh', required: true, check: text('the legend name in 繁體') },
  { key: 'zhHans', required: false, check: text('the legend name in 简体') },
  { key: 'en', required: true, check: text('the legend name in English') },
  { key: 'description', required: false, check: text('a description') },
  { key: 'color', required: true, check: color },
  { key: 'outline', required: true, check: (v) => (typeof v === 'string' && (NODE_BORDERS as readonly string[]).includes(v) ? null : `expected one of ${NODE_BORDERS.join(', ')}, found ${describe(v)}`) },
  { key: 'weight', required: true, check: (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? null : `expected a number from 0 to 1, found ${describe(v)}`) },
  { key: 'structural', required: false, check: flag },
  { key: 'broad', required: false, check: flag },
];
const PHRASE_FIELDS: Field[] = [
  { key: 'zh', required: true, check: text('the phrase in 繁體, with … where the target goes if not at the end') },
  { key: 'zhHans', required: false, check: text('the phrase in 简体') },
  { key: 'en', required: true, check: text('the English phrase after a singular subject') },
  { key: 'enPlural', required: true, check: text('the English phrase after a plural subject') },
];
const EDGE_FIELDS: Field[] = [
  { key: 'zh', required: true, check: text('the legend name in 繁體') },
  { key: 'zhHans', required: false, check: text('the legend name in 简体') },
  { key: 'en', required: true, check: text('the legend name in English') },
  { key: 'description', required: false, check: text('a description') },
  { key: 'phrase', required: true, check: () => null },
  { key: 'color', required: true, check: color },
  { key: 'symmetric', required: false, check: flag },
  { key: 'opposing', required: false, check: flag },
  { key: 'likeness', required: false, check: flag },
  { key: 'vague', required: false, check: flag },
  { key: 'hierarchy', required: false, check: (v) => (typeof v === 'string' && (HIERARCHIES as readonly string[]).includes(v) ? null : `expected "down" (the source is the broader concept) or "up" (the target is), found ${describe(v)}`) },
  { key: 'question', required: false, check: () => null },
];

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    const json = JSON.stringify(v);
    return json.length <= 40 ? json : 'a list';
  }
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}


function checkFields(value: unknown, fields: Field[], at: Array<string | number>, out: VocabularyIssue[], partial: boolean): void {
  if (!isRecord(value)) {
    out.push({ path: at, message: `expected a mapping of fields, found ${describe(value)}` });
    return;
  }
  const known = fields.map((f) => f.key);
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = didYouMean(key, known);
    out.push({ path: [...at, key], message: `unknown field "${key}"${near ? ` (did you mean "${near}"?)` : ''}; expected one of ${known.join(', ')}` });
  }
  for (const f of fields) {
    if (!(f.key in value)) {
      if (f.required && !partial) out.push({ path: at, message: `missing required field "${f.key}"` });
      continue;
    }
    const problem = f.check(value[f.key]);
    if (problem) out.push({ path: [...at, f.key], message: problem });
  }
}

/** Checks a link kind; `was` is the shared kind a chapter's entry changes (its flags still hold). */
function checkEdge(value: unknown, at: Array<string | number>, out: VocabularyIssue[], partial: boolean, was?: EdgeKindDef): void {
  checkFields(value, EDGE_FIELDS, at, out, partial);
  if (!isRecord(value)) return;
  if ('phrase' in value) checkFields(value['phrase'], PHRASE_FIELDS, [...at, 'phrase'], out, partial);
  const symmetric = 'symmetric' in value ? value['symmetric'] === true : was?.symmetric === true;
  if (symmetric && (value['hierarchy'] ?? was?.hierarchy) !== undefined) out.push({ path: [...at, 'hierarchy' in value ? 'hierarchy' : 'symmetric'], message: 'a symmetric kind reads the same both ways, so neither end is the broader: remove "hierarchy" or "symmetric"' });
  const q = value['question'];
  if (q === undefined) return;
  if (!isRecord(q)) {
    out.push({ path: [...at, 'question'], message: `expected { type, ask }, found ${describe(q)}` });
    return;
  }
  if (!(RELATION_TYPES as readonly string[]).includes(q['type'] as string)) {
    out.push({ path: [...at, 'question', 'type'], message: `expected one of ${RELATION_TYPES.join(', ')}, found ${describe(q['type'])}` });
  }
  const ask = q['ask'];
  if (!Array.isArray(ask) || ask.length === 0 || ask.some((a) => a !== 'source' && a !== 'target') || new Set(ask).size !== ask.length) {
    out.push({ path: [...at, 'question', 'ask'], message: `expected a list of the ends asked for, [target], [source] or [target, source], found ${describe(ask)}` });
  }
  for (const key of Object.keys(q)) if (key !== 'type' && key !== 'ask') out.push({ path: [...at, 'question', key], message: `unknown field "${key}"; expected type and ask` });
}

/**
 * Checks a vocabulary document. `partial`: a chapter's part, whose entries for kinds of `base`
 * may give only the fields they change (new kinds must be complete).
 */
export function checkVocabulary(doc: unknown, base: Vocabulary | null = null): VocabularyIssue[] {
  const out: VocabularyIssue[] = [];
  if (!isRecord(doc)) return [{ path: [], message: `expected a mapping with nodeKinds and edgeKinds, found ${describe(doc)}` }];
  for (const key of Object.keys(doc)) {
    if (!['$schema', 'nodeKinds', 'edgeKinds', 'fallbackColors'].includes(key)) out.push({ path: [key], message: `unknown field "${key}"; expected nodeKinds, edgeKinds or fallbackColors` });
  }
  for (const [group, check] of [
    ['nodeKinds', (v: unknown, at: Array<string | number>, partial: boolean) => checkFields(v, NODE_FIELDS, at, out, partial)],
    ['edgeKinds', (v: unknown, at: Array<string | number>, partial: boolean) => checkEdge(v, at, out, partial, partial ? base?.edgeKinds[String(at[1])] : undefined)],
  ] as const) {
    const kinds = doc[group];
    if (kinds === undefined && base) continue;
    if (!isRecord(kinds)) {
      out.push({ path: [group], message: `expected a mapping of kind ids to their description, found ${describe(kinds)}` });
      continue;
    }
    for (const [id, value] of Object.entries(kinds)) {
      if (!ID_PATTERN.test(id)) out.push({ path: [group, id], message: `kind id "${id}" is not a valid id: lower-case words joined by "-" or ".", like "decision-mode"` });
      check(value, [group, id], base !== null && id in base[group]);
    }
  }
  const fallback = doc['fallbackColors'];
  if (fallback === undefined ? !base : !Array.isArray(fallback) || fallback.length === 0) {
    out.push({ path: ['fallbackColors'], message: `expected a non-empty list of colours like "#4477aa", found ${describe(fallback)}` });
  } else if (Array.isArray(fallback)) {
    fallback.forEach((c, i) => {
      const problem = color(c);
      if (problem) out.push({ path: ['fallbackColors', i], message: problem });
    });
  }
  return out;
}

/** The vocabulary `part` (a chapter's, already checked) laid over `base`: kinds merged field by field, new kinds added after. */
function extendVocabulary(base: Vocabulary, part: Partial<Vocabulary>): Vocabulary {
  const nodeKinds = { ...base.nodeKinds };
  for (const [id, def] of Object.entries(part.nodeKinds ?? {})) nodeKinds[id] = { ...nodeKinds[id], ...def } as NodeKindDef;
  const edgeKinds = { ...base.edgeKinds };
  for (const [id, def] of Object.entries(part.edgeKinds ?? {})) {
    const was = edgeKinds[id];
    edgeKinds[id] = { ...was, ...def, phrase: { ...was?.phrase, ...def.phrase } } as EdgeKindDef;
  }
  return { nodeKinds, edgeKinds, fallbackColors: part.fallbackColors ?? base.fallbackColors };
}

/** The shared vocabulary, checked; throws when it is broken (a build or test would be meaningless). */
function sharedVocabulary(): Vocabulary {
  const issues = checkVocabulary(shared);
  if (issues.length > 0) throw new Error(`graph/vocabulary.json: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { nodeKinds, edgeKinds, fallbackColors } = shared as unknown as Vocabulary;
  return { nodeKinds, edgeKinds, fallbackColors };
}

/** The shared vocabulary every chapter starts from (graph/vocabulary.json); imported graphs use it too. */
export const SHARED_VOCABULARY: Vocabulary = sharedVocabulary();

/** Node kind ids in legend order. */
export const nodeKindIds = (v: Vocabulary): string[] => Object.keys(v.nodeKinds);
/** Link kind ids in legend order. */
export const edgeKindIds = (v: Vocabulary): string[] => Object.keys(v.edgeKinds);

/** Line and column of `offset` in `text`, 1-based. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

/**
 * A chapter's vocabulary file (`vocabulary.json` in its folder) laid over `base`: its text checked,
 * with every problem located in `file`. On errors the vocabulary returned is `base`.
 */
export function readChapterVocabulary(text: string, file: string, base: Vocabulary = SHARED_VOCABULARY): { vocabulary: Vocabulary; errors: GraphError[] } {
  const syntax = walkJson(text);
  if (syntax) return { vocabulary: base, errors: [{ file, ...lineCol(text, syntax.offset), path: '', message: `malformed JSON: ${syntax.message}` }] };
  const doc: unknown = JSON.parse(text);
  const issues = checkVocabulary(doc, base);
  if (issues.length > 0) {
    const errors = issues.map((i): GraphError => {
      const offset = locateJsonPath(text, i.path);
      return { file, ...lineCol(text, offset < 0 ? 0 : offset), path: formatPath(i.path), message: i.message };
    });
    return { vocabulary: base, errors };
  }
  return { vocabulary: extendVocabulary(base, doc as Partial<Vocabulary>), errors: [] };
}

/** What every kind carries in a compiled graph: its id, its legend name in three scripts, its colour. */
function kindBase(id: string, k: NodeKindDef | EdgeKindDef, hans: (text: string) => string): KindInfo {
  return { id, zh: k.zh, zhHans: k.zhHans ?? hans(k.zh), en: k.en, color: k.color };
}

/** A node kind as the compiled graph carries it (legend, colour, outline, what the quiz needs). */
export function nodeKindInfo(id: string, k: NodeKindDef, hans: (text: string) => string): KindInfo {
  return {
    ...kindBase(id, k, hans),
    border: k.outline,
    ...(k.structural ? { structural: true } : {}),
    ...(k.broad ? { broad: true } : {}),
  };
}

/** A link kind as the compiled graph carries it (legend, colour, how it reads, what the quiz needs). */
export function edgeKindInfo(id: string, k: EdgeKindDef, hans: (text: string) => string): KindInfo {
  return {
    ...kindBase(id, k, hans),
    ...(k.symmetric ? { symmetric: true } : {}),
    ...(k.opposing ? { opposing: true } : {}),
    ...(k.likeness === false ? { likeness: false } : {}),
    ...(k.hierarchy && !k.symmetric ? { hierarchy: k.hierarchy } : {}),
    ...(k.question ? { question: { type: k.question.type, ask: [...k.question.ask] } } : {}),
  };
}

/** The vocabulary's flags a kind list read from a file may carry (our own exports), checked; the rest dropped. */
export function kindFlagsOf(value: Record<string, unknown>): Partial<KindInfo> {
  const out: Partial<KindInfo> = {};
  for (const f of ['symmetric', 'opposing', 'structural', 'broad'] as const) if (value[f] === true) out[f] = true;
  if (value['likeness'] === false) out.likeness = false;
  const h = value['hierarchy'];
  if ((h === 'down' || h === 'up') && out.symmetric !== true) out.hierarchy = h;
  const q = value['question'];
  if (isRecord(q) && (RELATION_TYPES as readonly unknown[]).includes(q['type']) && Array.isArray(q['ask'])) {
    const ask = q['ask'].filter((a): a is Blank => a === 'source' || a === 'target');
    if (ask.length > 0 && ask.length === q['ask'].length && new Set(ask).size === ask.length) out.question = { type: q['type'] as RelationType, ask };
  }
  return out;
}
