import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { DAY_MS, MASTERED_BOX } from '../../src/model/leitner';
import type { Question } from '../../src/model/quiz';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';
import {
  emptyProgress,
  graphKeyOf,
  openProgress,
  overlayOf,
  parseProgress,
  recordAnswer,
  serializeProgress,
  storageKey,
} from '../../src/state/progress';
import { tinyGraph } from '../fixtures/tiny-graph';

/** A Storage stand-in; `fail` makes every call throw, as a disabled or full storage does. */
function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const s = {
    fail: false,
    data,
    getItem(k: string) {
      if (s.fail) throw new Error('SecurityError');
      return data.has(k) ? data.get(k)! : null;
    },
    setItem(k: string, v: string) {
      if (s.fail) throw new Error('QuotaExceededError');
      data.set(k, v);
    },
    removeItem(k: string) {
      data.delete(k);
    },
  };
  return s;
}

const T0 = Date.UTC(2025, 3, 1, 8);
const KEY = 'tiny';

describe('state/progress', () => {
  describe('parseProgress', () => {
    it('ignores unreadable values as corrupt, never throwing', () => {
      for (const raw of ['{', 'null', '42', '"text"', '[1,2]', 'x'.repeat(2_000_001)]) {
        expect(parseProgress(raw, KEY)).toEqual({ progress: null, problem: 'corrupt', dropped: 0 });
      }
      expect(parseProgress(null, KEY)).toEqual({ progress: null, problem: null, dropped: 0 });
    });

    it('ignores values of another app, version or graph as foreign', () => {
      const ok = { version: 1, graph: KEY, seed: 7, cards: {} };
      expect(parseProgress(JSON.stringify(ok), KEY).problem).toBeNull();
      for (const bad of [
        { ...ok, version: 2 },
        { ...ok, graph: 'other-chapter' },
        { ...ok, seed: -1 },
        { ...ok, seed: 1.5 },
        { ...ok, cards: [] },
        { ...ok, cards: null },
        { theme: 'dark' },
      ]) {
        expect(parseProgress(JSON.stringify(bad), KEY)).toEqual({ progress: null, problem: 'foreign', dropped: 0 });
      }
    });

    it('keeps valid cards, drops invalid ones (partial), and is safe against prototype keys', () => {
      const good = { box: 2, due: T0, right: 1, wrong: 0, last: T0 };
      const raw = `{"version":1,"graph":"tiny","seed":3,"cards":{"a":${JSON.stringify(good)},"b":{"box":9,"due":0,"right":0,"wrong":0,"last":0},"c":{"box":1},"__proto__":${JSON.stringify(good)},"constructor":${JSON.stringify(good)},"":${JSON.stringify(good)}}}`;
      const parsed = parseProgress(raw, KEY);
      expect(parsed.problem).toBe('partial');
      expect(parsed.dropped).toBe(3);
      expect(parsed.progress?.cards.a).toEqual(good);
      expect(parsed.progress?.cards.constructor).toEqual(good);
      expect(Object.getPrototypeOf(parsed.progress!.cards)).toBeNull();
      expect(({} as Record<string, unknown>).box).toBeUndefined();
      // Unseen ids read as undefined, not as Object.prototype members.
      expect(parsed.progress?.cards.toString).toBeUndefined();
    });

    it('round-trips what it writes', () => {
      const p = recordAnswer(recordAnswer(emptyProgress(KEY, 99), 'q1', true, T0), 'q2', false, T0);
      const back = parseProgress(serializeProgress(p), KEY);
      expect(back.problem).toBeNull();
      expect(back.progress).toEqual(p);
    });
  });

  describe('openProgress', () => {
    it('starts fresh, keeps the seed, records answers and survives a reopen', () => {
      const storage = memoryStorage();
      const store = openProgress(storage, KEY, { seed: () => 1234, now: () => T0 });
      expect(store.problem).toBeNull();
      expect(store.get().seed).toBe(1234);
      expect(storage.data.has(storageKey(KEY))).toBe(true);
      const seen: number[] = [];
      store.subscribe((p) => seen.push(Object.keys(p.cards).length));
      expect(store.record('q1', true)).toMatchObject({ box: 2, due: T0 + DAY_MS });
      store.record('q2', false);
      expect(seen).toEqual([1, 2]);
      const again = openProgress(storage, KEY, { seed: () => 5 });
      expect(again.get().seed).toBe(1234);
      expect(again.get().cards.q1?.box).toBe(2);
      expect(again.get().cards.q2?.box).toBe(1);
      again.reset();
      expect(Object.keys(again.get().cards)).toEqual([]);
      expect(again.get().seed).toBe(1234);
      expect(openProgress(storage, KEY).get().cards.q1).toBeUndefined();
    });

    it('ignores a corrupt value with a problem to report, and replaces it at the first answer', () => {
      const storage = memoryStorage({ [storageKey(KEY)]: '{"version":1,"graph":"tiny","se' });
      const store = openProgress(storage, KEY, { seed: () => 1 });
      expect(store.problem).toBe('corrupt');
      expect(store.get().cards).toEqual({});
      // Left alone until something replaces it.
      expect(storage.data.get(storageKey(KEY))).toBe('{"version":1,"graph":"tiny","se');
      store.record('q1', true, T0);
      expect(parseProgress(storage.data.get(storageKey(KEY))!, KEY).problem).toBeNull();
    });

    it('works in memory when storage refuses, saying so', () => {
      const storage = memoryStorage();
      storage.fail = true;
      const store = openProgress(storage, KEY, { seed: () => 1 });
      expect(store.problem).toBe('unavailable');
      expect(store.record('q1', true, T0).box).toBe(2);
      expect(store.get().cards.q1?.box).toBe(2);
      const memory = openProgress(null, KEY);
      expect(memory.problem).toBeNull();
      memory.record('q', false, T0);
      expect(memory.get().cards.q?.box).toBe(1);
    });

    it('reloads what another tab wrote', () => {
      const storage = memoryStorage();
      const a = openProgress(storage, KEY, { seed: () => 1 });
      const b = openProgress(storage, KEY, { seed: () => 2 });
      a.record('q1', true, T0);
      expect(b.get().cards.q1).toBeUndefined();
      b.reload();
      expect(b.get().cards.q1?.box).toBe(2);
    });
  });

  it('marks concepts visited once asked about, mastered when all their answered cards are', () => {
    const q = (id: string, nodes: string[]) => ({ id, nodes }) as unknown as Question;
    const deck = [q('q1', ['a', 'b']), q('q2', ['b', 'c']), q('q3', ['d'])];
    const mastered = { box: MASTERED_BOX, due: T0, right: 3, wrong: 0, last: T0 };
    const learning = { box: 2, due: T0, right: 1, wrong: 0, last: T0 };
    const o = overlayOf(deck, { q1: mastered, q2: learning });
    expect([...o.visited].sort()).toEqual(['a', 'b', 'c']);
    expect([...o.mastered]).toEqual(['a']);
    expect([...overlayOf(deck, { q1: mastered, q2: mastered }).mastered].sort()).toEqual(['a', 'b', 'c']);
    expect(overlayOf(deck, {}).visited.size).toBe(0);
  });

  it('keys progress by the graph id, or by a hash of an id-less graph', () => {
    expect(graphKeyOf(tinyGraph())).toBe('tiny');
    const g: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>();
    g.addNode('x');
    g.addNode('y');
    const k = graphKeyOf(g);
    expect(k).toMatch(/^g2-0-[0-9a-z]+$/);
    const h: LinkageGraph = new Graph<NodeAttrs, EdgeAttrs, GraphAttrs>();
    h.addNode('x');
    h.addNode('z');
    expect(graphKeyOf(h)).not.toBe(k);
  });
});
