/**
 * Build mode's work on this device: the sheet of each exercise (graph, type and scope), the
 * student's name for hand-ins, and the concepts the student has linked correctly (shown on the
 * revision map). What is read back is checked against the exercise: unknown concepts, kinds and
 * cards are dropped, given links come from the exercise, never from storage. Never throws.
 */
import { formatScope } from '../model/build/scope';
import type { Exercise } from '../model/build/exercise';
import type { PlacedConcept, Sheet, SheetLink } from '../model/build/types';
import type { LinkageGraph } from '../model/types';
import { isRecord } from '../util/record';
import type { DeviceStore } from './device-storage';

const VERSION = 1;
/** Every key of Build mode starts so (the LMS bridge carries them). */
export const BUILD_PREFIX = 'linkage.build:';
const NAME_KEY = 'linkage.build-name';
const MAX_CHARS = 1_000_000;
const MAX_ITEMS = 5000;

export function workKey(graphKey: string, exercise: Pick<Exercise, 'type' | 'scope'>): string {
  return `${BUILD_PREFIX}${graphKey}:${exercise.type}:${formatScope(exercise.scope)}`;
}

export function linkedKey(graphKey: string): string {
  return `${BUILD_PREFIX}${graphKey}:linked`;
}

export function serializeWork(sheet: Sheet): string {
  const placed = sheet.placed.map((p) => [p.key, p.x, p.y]);
  const links = sheet.links.filter((l) => !l.given).map((l) => [l.id, l.source, l.target, l.kind, l.card ?? null]);
  return JSON.stringify({ v: VERSION, placed, links, next: sheet.next });
}

/**
 * The sheet stored for `exercise`, or null when nothing usable is stored (`corrupt` true when
 * something was there but could not be read). Given links are the exercise's own.
 */
export function parseWork(raw: string | null, exercise: Exercise, graph: LinkageGraph): { sheet: Sheet | null; corrupt: boolean } {
  if (raw === null) return { sheet: null, corrupt: false };
  let data: unknown;
  try {
    data = raw.length <= MAX_CHARS ? JSON.parse(raw) : null;
  } catch {
    data = null;
  }
  if (!isRecord(data) || data.v !== VERSION || !Array.isArray(data.placed) || !Array.isArray(data.links)) return { sheet: null, corrupt: true };
  const kinds = new Set(exercise.kinds);
  const cards = new Map(exercise.cards.map((c) => [c.id, c]));
  const offered = exercise.type === 'free' ? null : new Set(exercise.concepts);
  const placed: PlacedConcept[] = [];
  const seen = new Set<string>();
  for (const item of data.placed.slice(0, MAX_ITEMS)) {
    if (!Array.isArray(item)) continue;
    const [key, x, y] = item as unknown[];
    if (typeof key !== 'string' || seen.has(key) || !graph.hasNode(key) || (offered && !offered.has(key))) continue;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 1e6 || Math.abs(y) > 1e6) continue;
    seen.add(key);
    placed.push({ key, x, y });
  }
  // Anchors stay on the sheet whatever was stored.
  for (const p of exercise.initial.placed) {
    if (!exercise.anchors.includes(p.key) || seen.has(p.key)) continue;
    seen.add(p.key);
    placed.push(p);
  }
  const links: SheetLink[] = [...exercise.given];
  const usedCards = new Set<string>();
  let maxId = 0;
  for (const item of data.links.slice(0, MAX_ITEMS)) {
    if (!Array.isArray(item)) continue;
    const [id, source, target, kind, card] = item as unknown[];
    if (typeof id !== 'string' || !/^l\d{1,9}$/.test(id) || typeof source !== 'string' || typeof target !== 'string' || typeof kind !== 'string') continue;
    if (!seen.has(source) || !seen.has(target) || source === target || links.some((l) => l.id === id)) continue;
    if (exercise.type === 'kit') {
      const c = typeof card === 'string' ? cards.get(card) : undefined;
      if (!c || c.kind !== kind || usedCards.has(c.id)) continue;
      usedCards.add(c.id);
      links.push({ id, source, target, kind, card: c.id });
    } else {
      if (!kinds.has(kind)) continue;
      links.push({ id, source, target, kind });
    }
    maxId = Math.max(maxId, Number(id.slice(1)));
  }
  const next = typeof data.next === 'number' && Number.isInteger(data.next) && data.next > maxId ? data.next : maxId + 1;
  return { sheet: { placed, links, next }, corrupt: false };
}

/** Reads a stored value; null when there is none or storage refuses. */
export function readStored(storage: DeviceStore | null, key: string): string | null {
  try {
    return storage ? storage.getItem(key) : null;
  } catch {
    return null;
  }
}

/** Writes a value; false when storage refuses. */
export function writeStored(storage: DeviceStore | null, key: string, value: string | null): boolean {
  try {
    if (!storage) return false;
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function readName(storage: DeviceStore | null): string {
  const raw = readStored(storage, NAME_KEY);
  return raw === null ? '' : raw.slice(0, 80);
}

export function writeName(storage: DeviceStore | null, name: string): void {
  writeStored(storage, NAME_KEY, name.slice(0, 80));
}

/** The concepts linked correctly in any exercise on this graph. */
export function readLinked(storage: DeviceStore | null, graph: LinkageGraph, graphKey: string): Set<string> {
  const raw = readStored(storage, linkedKey(graphKey));
  try {
    const list: unknown = raw === null ? [] : JSON.parse(raw);
    return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string' && graph.hasNode(k)) : []);
  } catch {
    return new Set();
  }
}

/** Adds `keys` to the concepts linked correctly. */
export function addLinked(storage: DeviceStore | null, graph: LinkageGraph, graphKey: string, keys: Iterable<string>): void {
  const all = readLinked(storage, graph, graphKey);
  const before = all.size;
  for (const k of keys) all.add(k);
  if (all.size !== before) writeStored(storage, linkedKey(graphKey), JSON.stringify([...all].sort()));
}
