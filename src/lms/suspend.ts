/**
 * The learner's work as the LMS keeps it (cmi.suspend_data), pure: revision progress (Leitner
 * cards) and Build mode's work in progress, encoded into at most 4,096 characters — SCORM 1.2's
 * limit, and the least an LMS must keep in 2004 — so that a student continues on another
 * computer. The cards are written compactly, in columns (sorted ids, boxes, counts, time of the
 * last answer in seconds), the whole deflated and base64url-encoded (ASCII
 * only: every LMS stores it as it is). What does not fit is dropped deterministically, least
 * valuable first, and said. Decoding never trusts what it reads.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { BOXES, DAY_MS, intervalDays, type CardState } from '../model/leitner';
import { parseProgress, serializeProgress, type Progress } from '../state/progress';

/** SCORM 1.2's cmi.suspend_data (CMIString4096). */
export const SUSPEND_LIMIT = 4096;
/** The keys the LMS carries: revision progress and Build mode's work in progress. */
export const PROGRESS_PREFIX = 'linkage.progress:';
export const BUILD_PREFIX = 'linkage.build:';
export const CARRIED_PREFIXES = [PROGRESS_PREFIX, BUILD_PREFIX] as const;

/** The format's mark: the first characters of every value this module writes. */
const MARK = 'LK1.';
/** An inflated value larger than this is not ours. */
const MAX_INFLATED = 4_000_000;

/** What is carried: device-storage values by key, and the results the bridge keeps. */
export interface SuspendState {
  /** Stored values by key (keys under {@link CARRIED_PREFIXES}). */
  readonly entries: Readonly<Record<string, string>>;
  /** The best result of the package's exercise so far, in [0, 1] (null: none checked yet). */
  readonly exerciseBest: number | null;
}

export interface Encoded {
  readonly text: string;
  /** Keys left out whole for want of room, least valued first. */
  readonly droppedKeys: readonly string[];
  /** Cards of the first key's progress left out for want of room. */
  readonly droppedCards: number;
  /** Progress keys left out because they do not read as progress (the page ignores them too). */
  readonly unreadable: readonly string[];
}

/**
 * A deck's cards in columns (columns of like values deflate far better than rows): the ids
 * sorted, then per card its box (one digit each), right and wrong counts (base 36), the time of
 * its last answer in seconds after the earliest one (base 36), and the few cards whose due time
 * is not the schedule's own (index and offset in seconds).
 */
type CardColumns = [ids: string[], boxes: string, right: string, wrong: string, base: number, last: string, dueOffsets: Array<[number, number]>];

interface Payload {
  /** Progress: key → [graph key, seed, card rows]. */
  p: Record<string, [string, number, CardColumns]>;
  /** Other values (work in progress) as stored. */
  o: Record<string, string>;
  /** The exercise's best result (×10⁴, an integer), or -1. */
  x: number;
}

function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** The cards in columns, ids sorted. */
function cardColumns(cards: ReadonlyArray<[string, CardState]>): CardColumns {
  const sorted = [...cards].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const seconds = sorted.map(([, c]) => Math.round(c.last / 1000));
  const base = seconds.length > 0 ? Math.min(...seconds) : 0;
  const dueOffsets: Array<[number, number]> = [];
  sorted.forEach(([, c], i) => {
    const offset = Math.round(c.due / 1000) - (seconds[i]! + (intervalDays(c.box) * DAY_MS) / 1000);
    if (offset !== 0) dueOffsets.push([i, offset]);
  });
  return [
    sorted.map(([id]) => id),
    sorted.map(([, c]) => String(c.box)).join(''),
    sorted.map(([, c]) => c.right.toString(36)).join(','),
    sorted.map(([, c]) => c.wrong.toString(36)).join(','),
    base,
    seconds.map((t) => (t - base).toString(36)).join(','),
    dueOffsets,
  ];
}

/**
 * The order in which cards are given up when the progress does not fit: the least valuable
 * first — a card in a lower box (box 1 is "ask again now", little is lost), then the one answered
 * longest ago, then by id.
 */
function byValue(a: [string, CardState], b: [string, CardState]): number {
  return a[1].box - b[1].box || a[1].last - b[1].last || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

function encodePayload(payload: Payload): string {
  return MARK + base64url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }));
}

/** The progress values of `entries`, read (those that do not read as progress are carried as they are). */
function readProgress(entries: Readonly<Record<string, string>>): { progress: Map<string, Progress>; other: Map<string, string>; unreadable: string[] } {
  const progress = new Map<string, Progress>();
  const other = new Map<string, string>();
  const unreadable: string[] = [];
  for (const key of Object.keys(entries).sort()) {
    const value = entries[key]!;
    if (key.startsWith(PROGRESS_PREFIX)) {
      const parsed = parseProgress(value, key.slice(PROGRESS_PREFIX.length));
      if (parsed.progress) progress.set(key, parsed.progress);
      else unreadable.push(key); // the page itself would ignore it: not worth carrying
      continue;
    }
    other.set(key, value);
  }
  return { progress, other, unreadable };
}

/**
 * Encodes `state` in at most `limit` characters (progress that does not read as progress is left
 * out). `first`: the key that matters most (the package's chapter's progress), kept before any
 * other. Then, by priority: that chapter's work in progress, other chapters' progress, other work
 * in progress. When everything does not fit, whole keys are dropped from the lowest priority up
 * (within a group the largest first), then the first key's cards, least valuable first (see
 * byValue), as few as can be. Deterministic: the same state gives the same text.
 */
export function encodeSuspend(state: SuspendState, first: string | null, limit = SUSPEND_LIMIT): Encoded {
  const { progress, other, unreadable } = readProgress(state.entries);
  const x = state.exerciseBest === null ? -1 : Math.round(Math.min(1, Math.max(0, state.exerciseBest)) * 10_000);
  const droppedKeys: string[] = [];
  const payloadOf = (keys: readonly string[], firstCards: number | null): Payload => {
    const p: Payload['p'] = {};
    const o: Payload['o'] = {};
    for (const key of keys) {
      const pr = progress.get(key);
      if (pr) {
        let cards = Object.entries(pr.cards).filter((e): e is [string, CardState] => e[1] !== undefined);
        if (key === first && firstCards !== null) cards = cards.sort(byValue).slice(cards.length - firstCards);
        p[key] = [pr.graph, pr.seed, cardColumns(cards)];
      } else o[key] = other.get(key)!;
    }
    return { p, o, x };
  };
  // Keys by priority (see above), each group smallest first, so that the largest goes first.
  const ownWork = first !== null && first.startsWith(PROGRESS_PREFIX) ? `${BUILD_PREFIX}${first.slice(PROGRESS_PREFIX.length)}:` : null;
  const group = (k: string) => (ownWork !== null && k.startsWith(ownWork) ? 0 : progress.has(k) ? 1 : 2);
  const size = (k: string) => (progress.has(k) ? Object.keys(progress.get(k)!.cards).length * 40 : other.get(k)!.length);
  const rest = [...progress.keys(), ...other.keys()].filter((k) => k !== first);
  const ordered = rest.sort((a, b) => group(a) - group(b) || size(a) - size(b) || (a < b ? -1 : 1));
  let keys = first !== null && (progress.has(first) || other.has(first)) ? [first, ...ordered] : ordered;

  let text = encodePayload(payloadOf(keys, null));
  // Drop whole keys from the end (the least valued, the largest of their group) while it does not fit.
  while (text.length > limit && keys.length > (keys[0] === first ? 1 : 0)) {
    droppedKeys.push(keys[keys.length - 1]!);
    keys = keys.slice(0, -1);
    text = encodePayload(payloadOf(keys, null));
  }
  let droppedCards = 0;
  if (text.length > limit && first !== null && progress.has(first)) {
    // Keep as many of the first key's most valuable cards as fit (binary search on the count).
    const total = Object.keys(progress.get(first)!.cards).length;
    let lo = 0;
    let hi = total;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (encodePayload(payloadOf(keys, mid)).length <= limit) lo = mid;
      else hi = mid - 1;
    }
    text = encodePayload(payloadOf(keys, lo));
    droppedCards = total - lo;
  }
  if (text.length > limit) {
    // Not even the first key's empty progress fits (a very long key): carry nothing but the result.
    droppedKeys.push(...keys);
    text = encodePayload({ p: {}, o: {}, x });
  }
  return { text, droppedKeys, droppedCards, unreadable };
}

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Base-36 counts separated by commas, `n` of them; null when they are not. */
function counts(text: unknown, n: number, max: number): number[] | null {
  if (typeof text !== 'string') return null;
  const parts = n === 0 ? (text === '' ? [] : ['x']) : text.split(',');
  if (parts.length !== n) return null;
  const out: number[] = [];
  for (const part of parts) {
    if (!/^[0-9a-z]{1,12}$/.test(part)) return null;
    const v = parseInt(part, 36);
    if (!(v >= 0 && v <= max)) return null;
    out.push(v);
  }
  return out;
}

/** The cards of columns read back; null when they are not {@link CardColumns}. */
function cardsOf(columns: unknown): Record<string, CardState> | null {
  if (!Array.isArray(columns) || columns.length !== 7) return null;
  const [ids, boxes, right, wrong, base, last, dueOffsets] = columns as unknown[];
  if (!Array.isArray(ids) || ids.length > 50_000 || !ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 400)) return null;
  const n = ids.length;
  if (typeof boxes !== 'string' || boxes.length !== n || !/^[0-9]*$/.test(boxes)) return null;
  const r = counts(right, n, 1e7);
  const w = counts(wrong, n, 1e7);
  const t = counts(last, n, 1e11);
  if (!r || !w || !t || !isInt(base, 0, 1e11) || !Array.isArray(dueOffsets)) return null;
  const offsets = new Map<number, number>();
  for (const d of dueOffsets) {
    if (!Array.isArray(d) || d.length !== 2 || !isInt(d[0], 0, n - 1) || !isInt(d[1], -1e11, 1e11)) return null;
    offsets.set(d[0], d[1]);
  }
  const cards = Object.create(null) as Record<string, CardState>;
  for (let i = 0; i < n; i++) {
    const box = Number(boxes[i]);
    if (!isInt(box, 1, BOXES)) return null;
    const lastS = base + t[i]!;
    const due = (lastS + (offsets.get(i) ?? 0)) * 1000 + intervalDays(box) * DAY_MS;
    cards[ids[i] as string] = { box, due: Math.max(0, due), right: r[i]!, wrong: w[i]!, last: lastS * 1000 };
  }
  return cards;
}

export interface Decoded {
  /** Values by key, as device storage holds them (progress serialized as src/state/progress writes it). */
  readonly entries: Record<string, string>;
  readonly exerciseBest: number | null;
}

/** Reads what {@link encodeSuspend} wrote; null when `text` is empty, not ours or damaged. Never throws. */
export function decodeSuspend(text: string): Decoded | null {
  if (typeof text !== 'string' || !text.startsWith(MARK) || text.length > 64_000) return null;
  const bytes = fromBase64url(text.slice(MARK.length));
  if (!bytes) return null;
  let data: unknown;
  try {
    const inflated = inflateSync(bytes);
    if (inflated.length > MAX_INFLATED) return null;
    data = JSON.parse(strFromU8(inflated));
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  const entries: Record<string, string> = {};
  if (typeof d.p !== 'object' || d.p === null || typeof d.o !== 'object' || d.o === null) return null;
  for (const [key, value] of Object.entries(d.p as Record<string, unknown>)) {
    if (!key.startsWith(PROGRESS_PREFIX) || !Array.isArray(value) || value.length !== 3) return null;
    const [graph, seed, columns] = value as unknown[];
    const cards = cardsOf(columns);
    if (typeof graph !== 'string' || graph !== key.slice(PROGRESS_PREFIX.length) || !isInt(seed, 0, 0xffffffff) || !cards) return null;
    entries[key] = serializeProgress({ version: 1, graph, seed, cards });
  }
  for (const [key, value] of Object.entries(d.o as Record<string, unknown>)) {
    if (!CARRIED_PREFIXES.some((p) => key.startsWith(p)) || typeof value !== 'string') return null;
    entries[key] = value;
  }
  const x = d.x;
  const exerciseBest = isInt(x, 0, 10_000) ? x / 10_000 : null;
  return { entries, exerciseBest };
}

/**
 * What device storage should hold after the LMS's values are read back at launch: for progress,
 * each card as last answered on either side (the LMS's copy and this device's are merged, so work
 * done here while the LMS was unreachable is not lost); any other value as the LMS holds it. Only
 * the keys whose value changes are returned. Pure.
 */
export function mergeEntries(device: Readonly<Record<string, string | null>>, lms: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(lms)) {
    const here = device[key] ?? null;
    if (here === value) continue;
    if (here === null || !key.startsWith(PROGRESS_PREFIX)) {
      out[key] = value;
      continue;
    }
    const graph = key.slice(PROGRESS_PREFIX.length);
    const mine = parseProgress(here, graph).progress;
    const theirs = parseProgress(value, graph).progress;
    if (!theirs) continue;
    if (!mine) {
      out[key] = value;
      continue;
    }
    const cards = Object.create(null) as Record<string, CardState>;
    for (const [id, card] of Object.entries(theirs.cards)) if (card) cards[id] = card;
    for (const [id, card] of Object.entries(mine.cards)) if (card && (!cards[id] || card.last > cards[id].last)) cards[id] = card;
    // The LMS's seed wins: the deck then reads the same on every computer.
    const merged = serializeProgress({ version: 1, graph, seed: theirs.seed, cards });
    if (merged !== here) out[key] = merged;
  }
  return out;
}
