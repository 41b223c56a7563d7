/**
 * Node search over 繁體 / 简体 / English labels, toneless pinyin (full or initials) and ids.
 * `buildSearchIndex` runs once per graph load (or in steps, `searchIndexSteps`, in idle time);
 * `search` runs per keystroke with no graph walk.
 */
import { runSteps } from './steps';
import type { LinkageGraph } from './types';

/** Where a hit matched, in priority order (an equal match in an earlier field wins). */
const SEARCH_FIELDS = ['zh-Hant', 'zh-Hans', 'en', 'pinyin', 'initials', 'id'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Match classes, best first; `score` encodes the class in its millions. */
const MATCH_CLASSES = ['exact', 'prefix', 'word-prefix', 'substring', 'subsequence'] as const;
export type MatchClass = (typeof MATCH_CLASSES)[number];

/** One search result. */
export interface SearchHit {
  key: string;
  /** Higher is better: class × 1e6 + shortness × 1e3 + importance × 999. */
  score: number;
  field: SearchField;
  /** The field's text as the node carries it (label, spaced pinyin, initials or id). */
  matched: string;
}

export interface SearchOptions {
  /** Most hits returned; default 10. `Infinity` returns every match. */
  limit?: number;
  /** Only these nodes may match. */
  visible?: ReadonlySet<string>;
}

export interface SearchIndexOptions {
  /**
   * Toneless spaced pinyin for a zh-Hant label, used for nodes without a `pinyin` attribute
   * (imported graphs). Without it such nodes match by label and id only.
   */
  pinyin?: (label: string) => string;
}

/** One searchable field of every node, laid end to end in one string. */
interface FieldIndex {
  /** `\0` + value of node 0 + `\0` + value of node 1 …, normalised (NFKC, lower case). */
  hay: string;
  /** Offset in `hay` of each node's first character. */
  starts: Int32Array;
  /** Length of each node's normalised value. */
  lens: Int32Array;
  /** 1 where a word (or pinyin syllable) starts. */
  words: Uint8Array;
  /** The value as shown, per node. */
  shown: readonly string[];
  /** Pinyin fields are searched with the space-free query, and only by ASCII letters. */
  compact: boolean;
}

/** The search index of one graph. Treat as opaque; rebuild when the graph changes. */
export interface SearchIndex {
  readonly size: number;
  readonly keys: readonly string[];
  readonly fields: readonly FieldIndex[];
  readonly importance: Float64Array;
  /** Position of each node in key order, for the deterministic tie-break. */
  readonly keyRank: Int32Array;
  /** Scratch, reused by every call (the index serves one thread). */
  readonly best: Float64Array;
  readonly bestField: Int8Array;
  readonly touched: Int32Array;
}

const CLASS_WEIGHT: Record<MatchClass, number> = {
  exact: 5,
  prefix: 4,
  'word-prefix': 3,
  substring: 2,
  subsequence: 1,
};
const WORD_CHAR = /[\p{L}\p{N}]/u;
const EXCLUDED = -1;
const ASCII = /^[\x01-\x7f]*$/;
/** Anything `normalizeText` has to collapse or strip. */
const ODD_SPACE = /\0|\s\s|[^\S ]|^ | $/;
const CLEAN_PINYIN = /^[a-z]+(?: [a-z]+)*$/;

/** NFKC, lower case, single spaces, no NULs: the form both haystacks and queries take. */
export function normalizeText(text: string): string {
  let out = ASCII.test(text) ? text : text.normalize('NFKC');
  out = out.toLowerCase();
  return ODD_SPACE.test(out) ? out.replace(/\0/g, '').replace(/\s+/g, ' ').trim() : out;
}

/** Pinyin as searched: lower-case ASCII letters only (`ü` → `v`), no spaces or apostrophes. */
function compactPinyin(text: string): string {
  return normalizeText(text).replace(/ü/g, 'v').replace(/[^a-z]/g, '');
}

function stringAttr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** How word starts are found in a field. */
type WordRule = 'text' | 'syllables' | 'letters';

/** True for ASCII letters and digits, and for any non-ASCII letter or digit. */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(String.fromCharCode(code));
}

/**
 * Lays `values` end to end. Word starts: after a non-word character (`text`), at each syllable
 * of the space-separated `syllables`, or at every letter (`letters`, for initials).
 */
function buildField(values: readonly string[], shown: readonly string[], rule: WordRule, syllables?: readonly string[][]): FieldIndex {
  const n = values.length;
  const starts = new Int32Array(n);
  const lens = new Int32Array(n);
  const chunks: string[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    chunks.push('\0', value);
    starts[i] = offset + 1;
    lens[i] = value.length;
    offset += 1 + value.length;
  }
  const hay = chunks.join('');
  const words = new Uint8Array(hay.length);
  for (let i = 0; i < n; i++) {
    const start = starts[i];
    const end = start + lens[i];
    if (end === start) continue;
    words[start] = 1;
    if (rule === 'letters') words.fill(1, start, end);
    else if (rule === 'syllables') {
      let at = start;
      for (const syllable of syllables?.[i] ?? []) {
        if (at < end) words[at] = 1;
        at += syllable.length;
      }
    } else {
      let prevWord = isWordChar(hay.charCodeAt(start));
      for (let j = start + 1; j < end; j++) {
        const word = isWordChar(hay.charCodeAt(j));
        if (word && !prevWord) words[j] = 1;
        prevWord = word;
      }
    }
  }
  return { hay, starts, lens, words, shown, compact: rule !== 'text' };
}

/** Syllables of a pinyin string as searched: lower-case ASCII runs (`ü` → `v`). */
function pinyinSyllables(pinyin: string): string[] {
  if (pinyin === '') return [];
  if (CLEAN_PINYIN.test(pinyin)) return pinyin.split(' ');
  return normalizeText(pinyin).replace(/ü/g, 'v').split(/[^a-z]+/).filter((s) => s !== '');
}

/**
 * Builds the search index of `graph`: every node's labels, pinyin and id, normalised once.
 * Nodes without pinyin/initials (imported graphs) match by labels and id only, unless
 * `options.pinyin` supplies it.
 */
export function buildSearchIndex(graph: LinkageGraph, options: SearchIndexOptions = {}): SearchIndex {
  return runSteps(searchIndexSteps(graph, options));
}

/**
 * The same build as {@link buildSearchIndex}, in about eight steps of similar cost (reading the
 * nodes, then one field at a time): each `next()` does one step, the last returns the index.
 * Lets a large graph's index be built in idle time without one long task.
 */
export function* searchIndexSteps(graph: LinkageGraph, options: SearchIndexOptions = {}): Generator<void, SearchIndex, void> {
  const keys: string[] = [];
  const hant: string[] = [];
  const hans: string[] = [];
  const en: string[] = [];
  const pinyinShown: string[] = [];
  const initialsShown: string[] = [];
  const importanceList: number[] = [];
  graph.forEachNode((key, attrs) => {
    keys.push(key);
    const label = stringAttr(attrs.label);
    hant.push(label);
    hans.push(stringAttr(attrs.labelHans));
    // English: the label, and the shorter name the map draws when it has one (what a reader sees there).
    const mapEn = stringAttr(attrs.mapEn);
    en.push(mapEn ? `${stringAttr(attrs.labelEn)} · ${mapEn}` : stringAttr(attrs.labelEn));
    let pinyin = stringAttr(attrs.pinyin);
    if (pinyin === '' && options.pinyin !== undefined && label !== '') pinyin = options.pinyin(label);
    pinyinShown.push(pinyin);
    let initials = stringAttr(attrs.initials);
    if (initials === '' && pinyin !== '') {
      initials = pinyinSyllables(pinyin).map((syllable) => syllable.charAt(0)).join('');
    }
    initialsShown.push(initials);
    const importance = typeof attrs.importance === 'number' && Number.isFinite(attrs.importance) ? attrs.importance : 0;
    importanceList.push(Math.min(1, Math.max(0, importance)));
  });
  yield;
  const n = keys.length;
  const syllables = pinyinShown.map(pinyinSyllables);
  const fields: FieldIndex[] = [];
  fields.push(buildField(hant.map(normalizeText), hant, 'text'));
  yield;
  fields.push(buildField(hans.map(normalizeText), hans, 'text'));
  yield;
  fields.push(buildField(en.map(normalizeText), en, 'text'));
  yield;
  fields.push(buildField(syllables.map((list) => list.join('')), pinyinShown, 'syllables', syllables));
  yield;
  fields.push(buildField(initialsShown.map(compactPinyin), initialsShown, 'letters'));
  yield;
  fields.push(buildField(keys.map(normalizeText), keys, 'text'));
  yield;
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const keyRank = new Int32Array(n);
  order.forEach((ordinal, rank) => {
    keyRank[ordinal] = rank;
  });
  return {
    size: n,
    keys,
    fields,
    importance: Float64Array.from(importanceList),
    keyRank,
    best: new Float64Array(n),
    bestField: new Int8Array(n),
    touched: new Int32Array(n),
  };
}

/** The node whose segment holds `pos` (segments are in ordinal order). */
function ownerOf(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function scoreOf(cls: MatchClass, len: number, importance: number): number {
  return CLASS_WEIGHT[cls] * 1e6 + (999 - Math.min(len, 999)) * 1e3 + Math.round(importance * 999);
}

/** True when `needle` is a subsequence of hay[start, start+len) starting at its first char. */
function anchoredSubsequence(hay: string, start: number, len: number, needle: string): boolean {
  if (len < needle.length || hay.charCodeAt(start) !== needle.charCodeAt(0)) return false;
  let k = 1;
  for (let j = start + 1; j < start + len && k < needle.length; j++) {
    if (hay.charCodeAt(j) === needle.charCodeAt(k)) k++;
  }
  return k === needle.length;
}

/** Scans every field; leaves the best score per node in the scratch arrays; returns how many nodes it touched. */
function scan(index: SearchIndex, query: string, limit: number, visible: ReadonlySet<string> | undefined): number {
  const { best, bestField, touched, keys, importance } = index;
  const text = normalizeText(query);
  if (text === '' || index.size === 0) return 0;
  // Pinyin is matched without spaces, apostrophes or tone numbers (`dian4zi3` → `dianzi`).
  const compact = /^[a-zü'1-5 ]+$/.test(text) ? compactPinyin(text) : '';
  let count = 0;
  let matched = 0;
  const consider = (i: number, field: number, score: number): void => {
    const current = best[i];
    if (current === 0) {
      touched[count++] = i;
      if (visible !== undefined && !visible.has(keys[i])) {
        best[i] = EXCLUDED;
        return;
      }
      matched++;
    } else if (current === EXCLUDED || current >= score) return;
    best[i] = score;
    bestField[i] = field;
  };
  index.fields.forEach((f, fieldNo) => {
    const needle = f.compact ? compact : text;
    if (needle === '') return;
    let pos = f.hay.indexOf(needle);
    let i = 0;
    let start = 0;
    let len = 0;
    let end = -1;
    while (pos >= 0) {
      if (pos >= end) {
        i = ownerOf(f.starts, pos);
        start = f.starts[i];
        len = f.lens[i];
        end = start + len;
      }
      const local = pos - start;
      const cls: MatchClass =
        local === 0 ? (len === needle.length ? 'exact' : 'prefix') : f.words[pos] === 1 ? 'word-prefix' : 'substring';
      consider(i, fieldNo, scoreOf(cls, len, importance[i]));
      // A later hit in the same value can only improve a substring into a word-prefix.
      pos = f.hay.indexOf(needle, cls === 'substring' ? pos + 1 : end);
    }
  });
  if (matched < limit && compact.length >= 2) {
    index.fields.forEach((f, fieldNo) => {
      if (!f.compact) return;
      for (let i = 0; i < index.size; i++) {
        const current = best[i];
        // Untouched nodes, or nodes whose best so far is itself a subsequence match.
        if (current === EXCLUDED || current >= 2e6) continue;
        const len = f.lens[i];
        if (anchoredSubsequence(f.hay, f.starts[i], len, compact)) {
          consider(i, fieldNo, scoreOf('subsequence', len, importance[i]));
        }
      }
    });
  }
  return count;
}

function better(index: SearchIndex, a: number, b: number): boolean {
  const sa = index.best[a];
  const sb = index.best[b];
  return sa > sb || (sa === sb && index.keyRank[a] < index.keyRank[b]);
}

function reset(index: SearchIndex, count: number): void {
  for (let t = 0; t < count; t++) index.best[index.touched[t]] = 0;
}

/**
 * Ranked matches of `query`: exact > prefix > word-prefix > substring > pinyin/initials
 * subsequence; within a class shorter matched text, then higher importance, then key order.
 * Empty or blank queries return [].
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 10;
  if (!(limit > 0)) return [];
  const count = scan(index, query, limit, options.visible);
  let top: number[] = [];
  if (limit > 64) {
    for (let t = 0; t < count; t++) {
      const i = index.touched[t];
      if (index.best[i] > 0) top.push(i);
    }
    top.sort((a, b) => (better(index, a, b) ? -1 : better(index, b, a) ? 1 : 0));
    if (top.length > limit) top = top.slice(0, limit);
  } else {
    // Bounded insertion into a sorted top list: few insertions when `limit` is small.
    for (let t = 0; t < count; t++) {
      const i = index.touched[t];
      if (index.best[i] <= 0) continue;
      if (top.length >= limit) {
        if (!better(index, i, top[top.length - 1])) continue;
        top.pop();
      }
      let at = top.length;
      top.push(i);
      while (at > 0 && better(index, i, top[at - 1])) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = i;
    }
  }
  const hits = top.map((i): SearchHit => {
    const fieldNo = index.bestField[i];
    return {
      key: index.keys[i],
      score: index.best[i],
      field: SEARCH_FIELDS[fieldNo] ?? 'id',
      matched: index.fields[fieldNo]?.shown[i],
    };
  });
  reset(index, count);
  return hits;
}

/**
 * The best `cap` nodes matching `query` (ranked as `search` ranks them) as a bitmap over the
 * nodes in graph order (`index.keys`), and how many match in all; null for a blank query. The
 * ranking is paid only when more than `cap` match.
 */
export function topMatchBits(index: SearchIndex, query: string, cap: number, visible?: ReadonlySet<string>): { bits: Uint8Array; total: number } | null {
  if (normalizeText(query) === '') return null;
  const count = scan(index, query, Infinity, visible);
  const bits = new Uint8Array(index.size);
  const hits: number[] = [];
  for (let t = 0; t < count; t++) {
    const i = index.touched[t];
    if (index.best[i] > 0) hits.push(i);
  }
  const total = hits.length;
  if (total > cap) {
    hits.sort((a, b) => (better(index, a, b) ? -1 : better(index, b, a) ? 1 : 0));
    hits.length = Math.max(0, cap);
  }
  for (const i of hits) bits[i] = 1;
  reset(index, count);
  return { bits, total };
}

/**
 * Every node matching `query` (as `search` with no limit) as a bitmap over the nodes in graph
 * order (`index.keys`); null for a blank query.
 */
export function matchBits(index: SearchIndex, query: string, visible?: ReadonlySet<string>): Uint8Array | null {
  return topMatchBits(index, query, Infinity, visible)?.bits ?? null;
}

/** Every node matching `query` (as `search` with no limit), unordered; empty for a blank query. */
export function matchAll(index: SearchIndex, query: string, visible?: ReadonlySet<string>): Set<string> {
  const bits = matchBits(index, query, visible);
  const keys = new Set<string>();
  if (bits !== null) for (let i = 0; i < bits.length; i++) if (bits[i] === 1) keys.add(index.keys[i]);
  return keys;
}
