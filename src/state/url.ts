/**
 * The URL hash, one key per state slice: `toHash` writes what differs from the defaults (and
 * always the language); `fromHash` validates every field against the graph and never throws.
 */
import { isLang, type Lang } from '../model/sentence';
import type { GraphAttrs, LinkageGraph } from '../model/types';
import { formatScope, parseScope } from '../model/build/scope';
import { EXERCISE_TYPES, type ExerciseType } from '../model/build/types';
import { roundCamera, sortedUnique } from './actions';
import {
  DEFAULT_STATE,
  FOCUS_DIRECTIONS,
  MODES,
  NO_SECTION,
  VIEWS,
  type AppState,
  type Camera,
  type FocusDepth,
  type Filters,
  type FocusDirection,
  type Mode,
  type View,
} from './types';

/** The hash keys, in the order `toHash` writes them. */
export const HASH_KEYS = [
  'ch',
  'view',
  'mode',
  'lang',
  'sel',
  'hk',
  'he',
  'hs',
  'sr',
  'focus',
  'dir',
  'path',
  'slide',
  'embed',
  'cam',
  'ex',
  'scope',
] as const;
export type HashKey = (typeof HASH_KEYS)[number];

/** Hashes longer than this are not read at all. */
export const MAX_HASH_LENGTH = 16384;

/** What `fromHash` checks a hash against: the loaded graph. */
export interface UrlContext {
  hasNode(key: string): boolean;
  /** Slides run 1..slideCount (0: the graph has none). */
  slideCount: number;
  nodeKinds: readonly string[];
  edgeKinds: readonly string[];
  /** Section ids; `'none'` is always accepted. */
  sections: readonly string[];
  /** Language when the hash names none (the browser's or remembered choice); default zh-Hant. */
  lang?: Lang;
  /** The course chapter shown (its id), or null/absent for a graph opened from a file. */
  chapter?: string | null;
}

/**
 * The {@link UrlContext} of a loaded graph: its nodes, its slide count, and every node kind,
 * edge kind and section that its attributes declare or its nodes and edges use; `chapter`: its
 * id when it is a chapter of the course.
 */
export function urlContextOf(graph: LinkageGraph, lang?: Lang, chapter: string | null = null): UrlContext {
  const attrs: Partial<GraphAttrs> = graph.getAttributes();
  const slideCount = typeof attrs.slideCount === 'number' && Number.isInteger(attrs.slideCount) ? attrs.slideCount : 0;
  // The kinds and sections are looked up in the whole graph only when a hash names one.
  let seen: { nodeKinds: string[]; edgeKinds: string[]; sections: string[] } | null = null;
  const scan = () => {
    if (seen !== null) return seen;
    const nodeKinds = new Set<string>((attrs.nodeKinds ?? []).map((k) => k.id));
    const edgeKinds = new Set<string>((attrs.edgeKinds ?? []).map((k) => k.id));
    const sections = new Set<string>((attrs.sections ?? []).map((sec) => sec.id));
    graph.forEachNode((_key, node) => {
      if (typeof node.kind === 'string') nodeKinds.add(node.kind);
      if (typeof node.section === 'string') sections.add(node.section);
    });
    graph.forEachEdge((_key, edge) => {
      if (typeof edge.kind === 'string') edgeKinds.add(edge.kind);
    });
    return (seen = { nodeKinds: [...nodeKinds], edgeKinds: [...edgeKinds], sections: [...sections] });
  };
  return {
    hasNode: (key) => graph.hasNode(key),
    slideCount: Math.max(0, slideCount),
    get nodeKinds() {
      return scan().nodeKinds;
    },
    get edgeKinds() {
      return scan().edgeKinds;
    },
    get sections() {
      return scan().sections;
    },
    ...(lang === undefined ? {} : { lang }),
    chapter,
  };
}

/**
 * The chapter a hash names (`ch=`, decoded as written when it is badly encoded), or null when it
 * names none. Read before the rest: the page opens that chapter, then reads the hash against it.
 */
export function chapterParam(hash: string): string | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part.startsWith('ch=')) continue;
    return dec(part.slice(3)) ?? part.slice(3);
  }
  return null;
}

export interface HashResult {
  /** DEFAULT_STATE overlaid with every valid field of the hash (hover and query at defaults). */
  state: AppState;
  /** One line per field or part dropped, for a notice. Empty when the hash was clean. */
  problems: string[];
}

/** Encodes an id or kind so that `,` `~` `&` `=` `#` never appear raw. */
function enc(value: string): string {
  return encodeURIComponent(value).replace(/~/g, '%7E');
}

function dec(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** Shows a hostile or long value in a problem line, shortened. */
function show(value: string): string {
  const flat = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(flat.length > 40 ? `${flat.slice(0, 40)}…` : flat);
}

function num(n: number): string {
  return String(n);
}

/** The hash of `state`: `#` followed by `key=value` pairs in {@link HASH_KEYS} order, defaults left out. */
export function toHash(state: AppState): string {
  const d = DEFAULT_STATE;
  const f = state.filters;
  const pairs: string[] = [];
  const put = (key: HashKey, value: string): void => {
    pairs.push(`${key}=${value}`);
  };
  if (state.chapter !== null) put('ch', enc(state.chapter));
  if (state.view !== d.view) put('view', state.view);
  if (state.mode !== d.mode) put('mode', state.mode);
  put('lang', state.lang);
  if (state.selected !== null) put('sel', enc(state.selected));
  if (f.hiddenNodeKinds.length > 0) put('hk', sortedUnique(f.hiddenNodeKinds).map(enc).join(','));
  if (f.hiddenEdgeKinds.length > 0) put('he', sortedUnique(f.hiddenEdgeKinds).map(enc).join(','));
  if (f.hiddenSections.length > 0) put('hs', sortedUnique(f.hiddenSections).map(enc).join(','));
  if (f.slideRange !== null) put('sr', `${num(f.slideRange[0])}-${num(f.slideRange[1])}`);
  if (state.focus.depth !== d.focus.depth) put('focus', num(state.focus.depth));
  if (state.focus.direction !== d.focus.direction) put('dir', state.focus.direction);
  if (state.path.from !== null || state.path.to !== null) {
    put('path', `${enc(state.path.from ?? '')}~${enc(state.path.to ?? '')}`);
  }
  if (state.slide !== null) put('slide', num(state.slide));
  if (state.embed) put('embed', '1');
  if (state.camera !== null) put('cam', [state.camera.x, state.camera.y, state.camera.ratio].map(num).join(','));
  if (state.exercise.type !== d.exercise.type) put('ex', state.exercise.type);
  if (state.exercise.scope !== null) put('scope', enc(formatScope(state.exercise.scope)));
  return `#${pairs.join('&')}`;
}

const INT = /^\d{1,6}$/;
const FLOAT = /^-?\d{1,12}(?:\.\d{1,20})?(?:e[+-]?\d{1,3})?$/i;

function oneOf<T extends string>(list: readonly T[], value: string): T | null {
  return (list as readonly string[]).includes(value) ? (value as T) : null;
}

function isHashKey(key: string): key is HashKey {
  return (HASH_KEYS as readonly string[]).includes(key);
}

/**
 * Reads a hash (with or without its `#`) against the loaded graph. Returns null when the hash
 * is garbage (non-empty with no known key, or longer than {@link MAX_HASH_LENGTH}): the caller
 * falls back to defaults with a notice. Otherwise returns the state with every valid field and
 * the list of what was dropped (unknown keys, unknown nodes or kinds, out-of-range slides…).
 * An empty hash gives the defaults and no problems. Never throws.
 */
export function fromHash(hash: string, ctx: UrlContext): HashResult | null {
  if (typeof hash !== 'string' || hash.length > MAX_HASH_LENGTH) return null;
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const base: AppState = { ...DEFAULT_STATE, lang: ctx.lang ?? DEFAULT_STATE.lang, chapter: ctx.chapter ?? null };
  if (body.trim() === '') return { state: base, problems: [] };

  const problems: string[] = [];
  const values = new Map<HashKey, string>();
  for (const segment of body.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const rawKey = eq < 0 ? segment : segment.slice(0, eq);
    const key = dec(rawKey) ?? rawKey;
    if (!isHashKey(key)) {
      problems.push(`unknown key ${show(key)} ignored`);
      continue;
    }
    if (eq < 0) {
      problems.push(`${key}: no value, ignored`);
      continue;
    }
    if (values.has(key)) {
      problems.push(`${key}: given twice, the first kept`);
      continue;
    }
    values.set(key, segment.slice(eq + 1));
  }
  if (values.size === 0) return null;

  const node = (key: HashKey, raw: string): string | null => {
    const id = dec(raw);
    if (id === null) {
      problems.push(`${key}: badly encoded node id ${show(raw)} dropped`);
      return null;
    }
    let known = false;
    try {
      known = id !== '' && ctx.hasNode(id);
    } catch {
      known = false;
    }
    if (!known) problems.push(`${key}: unknown node ${show(id)} dropped`);
    return known ? id : null;
  };
  const list = (key: HashKey, raw: string, allowed: readonly string[]): string[] => {
    const kept: string[] = [];
    for (const part of raw.split(',')) {
      const item = dec(part);
      if (item !== null && allowed.includes(item)) kept.push(item);
      else problems.push(`${key}: unknown ${show(item ?? part)} dropped`);
    }
    return sortedUnique(kept);
  };
  const slideNo = (text: string): number | null => {
    if (!INT.test(text)) return null;
    const n = Number(text);
    return n >= 1 && n <= ctx.slideCount ? n : null;
  };

  let state = base;
  const filters: { -readonly [K in keyof Filters]: Filters[K] } = { ...base.filters };
  let focusDepth: FocusDepth = base.focus.depth;
  let focusDirection: FocusDirection = base.focus.direction;
  for (const [key, raw] of values) {
    switch (key) {
      case 'ch':
        // The page opens the chapter a link names before reading the rest against it.
        if (dec(raw) !== base.chapter) problems.push(`ch: ${show(dec(raw) ?? raw)} is not the chapter shown, ignored`);
        break;
      case 'view': {
        const view = oneOf<View>(VIEWS, raw);
        if (view === null) problems.push(`view: unknown view ${show(raw)} ignored`);
        else state = { ...state, view };
        break;
      }
      case 'mode': {
        const mode = oneOf<Mode>(MODES, raw);
        if (mode === null) problems.push(`mode: unknown mode ${show(raw)} ignored`);
        else state = { ...state, mode };
        break;
      }
      case 'lang':
        if (isLang(raw)) state = { ...state, lang: raw };
        else problems.push(`lang: unknown language ${show(raw)} ignored`);
        break;
      case 'sel':
        state = { ...state, selected: node(key, raw) };
        break;
      case 'hk':
        filters.hiddenNodeKinds = list(key, raw, ctx.nodeKinds);
        break;
      case 'he':
        filters.hiddenEdgeKinds = list(key, raw, ctx.edgeKinds);
        break;
      case 'hs':
        filters.hiddenSections = list(key, raw, [...ctx.sections, NO_SECTION]);
        break;
      case 'sr': {
        const [a, b, ...rest] = raw.split('-');
        const first = slideNo(a ?? '');
        const last = slideNo(b ?? '');
        if (rest.length > 0 || first === null || last === null) {
          problems.push(`sr: slide range ${show(raw)} is not within 1-${ctx.slideCount}, ignored`);
        } else filters.slideRange = first <= last ? [first, last] : [last, first];
        break;
      }
      case 'focus':
        if (/^[0-3]$/.test(raw)) focusDepth = Number(raw) as FocusDepth;
        else problems.push(`focus: depth ${show(raw)} is not 0-3, ignored`);
        break;
      case 'dir': {
        const direction = oneOf<FocusDirection>(FOCUS_DIRECTIONS, raw);
        if (direction === null) problems.push(`dir: unknown direction ${show(raw)} ignored`);
        else focusDirection = direction;
        break;
      }
      case 'path': {
        const ends = raw.split('~');
        if (ends.length !== 2) {
          problems.push(`path: ${show(raw)} is not "from~to", ignored`);
          break;
        }
        const from = ends[0] === '' ? null : node(key, ends[0] ?? '');
        const to = ends[1] === '' ? null : node(key, ends[1] ?? '');
        if (from !== null || to !== null) state = { ...state, path: { from, to } };
        break;
      }
      case 'slide': {
        const slide = slideNo(raw);
        if (slide === null) problems.push(`slide: ${show(raw)} is not within 1-${ctx.slideCount}, ignored`);
        else state = { ...state, slide };
        break;
      }
      case 'embed':
        if (raw === '1' || raw === '0') state = { ...state, embed: raw === '1' };
        else problems.push(`embed: ${show(raw)} is not 0 or 1, ignored`);
        break;
      case 'ex': {
        const type = oneOf<ExerciseType>(EXERCISE_TYPES, raw);
        if (type === null) problems.push(`ex: unknown exercise ${show(raw)} ignored`);
        else state = { ...state, exercise: { ...state.exercise, type } };
        break;
      }
      case 'scope': {
        const text = dec(raw);
        const scope = text === null ? null : parseScope(text);
        const known =
          scope !== null &&
          (scope.kind === 'all' ||
            (scope.kind === 'slides' ? scope.first >= 1 && scope.last <= ctx.slideCount : ctx.sections.includes(scope.id)));
        if (!known) problems.push(`scope: ${show(text ?? raw)} is not "all", "slides:a-b" within 1-${ctx.slideCount} or "section:<id>" of this graph, ignored`);
        else state = { ...state, exercise: { ...state.exercise, scope } };
        break;
      }
      case 'cam': {
        const camera = parseCamera(raw);
        if (camera === null) problems.push(`cam: ${show(raw)} is not "x,y,ratio", ignored`);
        else state = { ...state, camera };
        break;
      }
    }
  }
  const sameFilters =
    filters.hiddenNodeKinds.length === 0 &&
    filters.hiddenEdgeKinds.length === 0 &&
    filters.hiddenSections.length === 0 &&
    filters.slideRange === null;
  if (!sameFilters) state = { ...state, filters };
  if (focusDepth !== base.focus.depth || focusDirection !== base.focus.direction) {
    state = { ...state, focus: { depth: focusDepth, direction: focusDirection } };
  }
  return { state, problems };
}

function parseCamera(raw: string): Camera | null {
  const parts = raw.split(',');
  if (parts.length !== 3 || !parts.every((p) => FLOAT.test(p))) return null;
  const [x, y, ratio] = parts.map(Number) as [number, number, number];
  return roundCamera({ x, y, ratio });
}
