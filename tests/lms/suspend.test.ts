/**
 * The learner's work in cmi.suspend_data (src/lms/suspend.ts): a full chapter's revision progress
 * — every question answered, over weeks — round-trips within SCORM 1.2's 4,096 characters with
 * Build mode's work in progress beside it; what cannot fit is dropped least valuable first, the
 * same way every time, and said; what the LMS hands back is never trusted; and the LMS's copy is
 * merged with the device's card by card.
 */
import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateQuestions } from '../../src/model/quiz';
import { DAY_MS, isMastered, type CardState } from '../../src/model/leitner';
import type { EdgeAttrs, GraphAttrs, LinkageGraph, NodeAttrs } from '../../src/model/types';
import { emptyProgress, graphKeyOf, parseProgress, recordAnswer, serializeProgress, type Progress } from '../../src/state/progress';
import { decodeSuspend, encodeSuspend, mergeEntries, SUSPEND_LIMIT } from '../../src/lms/suspend';
import { compiledChapter } from '../helpers/chapter';

let graph: LinkageGraph;
let key = '';

beforeAll(() => {
  graph = Graph.from<NodeAttrs, EdgeAttrs, GraphAttrs>(compiledChapter());
  key = `linkage.progress:${graphKeyOf(graph)}`;
});

/** A seeded generator (Park–Miller), so that the measured sizes are the same every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/**
 * A student's progress after `days` days of revision on the whole chapter: each day about 40% of
 * the questions answered (three in four right), seconds apart; then any left answered, so that
 * every question has a card.
 */
function fullChapter(seed: number, days = 30): { progress: Progress; questions: number } {
  const questions = generateQuestions(graph, { seed });
  const rnd = random(seed);
  let p = emptyProgress(graphKeyOf(graph), seed);
  let now = Date.UTC(2026, 8, 1, 8);
  for (let day = 0; day < days; day++) {
    now += DAY_MS + Math.floor(rnd() * 3_600_000);
    for (const q of questions) {
      if (rnd() >= 0.4) continue;
      now += 2000 + Math.floor(rnd() * 40_000);
      p = recordAnswer(p, q.id, rnd() < 0.75, now);
    }
  }
  for (const q of questions) if (!p.cards[q.id]) p = recordAnswer(p, q.id, true, (now += 9000));
  return { progress: p, questions: questions.length };
}

/** A card as the LMS gives it back: to the second. */
const toSecond = (c: CardState): CardState => ({ ...c, last: Math.round(c.last / 1000) * 1000, due: Math.round(c.due / 1000) * 1000 });

describe('suspend data', () => {
  it("a full chapter's progress, every question answered, fits in 4,096 characters and comes back card for card", () => {
    const sizes: number[] = [];
    for (const seed of [1, 7, 12345, 0xdeadbeef]) {
      const { progress, questions } = fullChapter(seed);
      expect(Object.keys(progress.cards)).toHaveLength(questions);
      const stored = serializeProgress(progress);
      const encoded = encodeSuspend({ entries: { [key]: stored }, exerciseBest: null }, key);
      sizes.push(encoded.text.length);
      expect(encoded.text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
      expect(encoded.droppedCards).toBe(0);
      expect(encoded.droppedKeys).toEqual([]);
      // ASCII only, nothing an LMS could mangle.
      expect(encoded.text).toMatch(/^[A-Za-z0-9._-]+$/);
      const back = decodeSuspend(encoded.text)!;
      const read = parseProgress(back.entries[key]!, graphKeyOf(graph));
      expect(read.problem).toBeNull();
      expect(read.progress!.seed).toBe(progress.seed);
      const expected = Object.fromEntries(Object.entries(progress.cards).map(([id, c]) => [id, toSecond(c!)]));
      expect({ ...read.progress!.cards }).toEqual(expected);
      console.info(`suspend data: ${questions} cards (JSON ${stored.length} characters) → ${encoded.text.length} characters`);
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SUSPEND_LIMIT);
  });

  it('carries Build mode work in progress and the exercise result beside the progress', () => {
    const { progress } = fullChapter(3);
    const work = JSON.stringify({ sheet: { placed: [{ key: 'c.egov', x: 10, y: 20 }], links: [], next: 1 } });
    const entries = { [key]: serializeProgress(progress), 'linkage.build:chapter-02:kit:slides:6-13': work };
    const encoded = encodeSuspend({ entries, exerciseBest: 0.625 }, key);
    expect(encoded.text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    const back = decodeSuspend(encoded.text)!;
    expect(back.entries['linkage.build:chapter-02:kit:slides:6-13']).toBe(work);
    expect(back.exerciseBest).toBe(0.625);
    expect(Object.keys(back.entries).sort()).toEqual(Object.keys(entries).sort());
  });

  it('when it cannot all fit: work in progress goes first, then the least valuable cards (lowest box, oldest), always the same, and said', () => {
    const { progress } = fullChapter(5);
    // Incompressible work in progress far beyond the limit.
    const rnd = random(99);
    const noise = Array.from({ length: 6000 }, () => String.fromCharCode(33 + Math.floor(rnd() * 90))).join('');
    const bigWork = { 'linkage.build:a': JSON.stringify({ noise }) };
    const withWork = encodeSuspend({ entries: { [key]: serializeProgress(progress), ...bigWork }, exerciseBest: null }, key);
    expect(withWork.droppedKeys).toEqual(['linkage.build:a']);
    expect(withWork.droppedCards).toBe(0);
    expect(withWork.text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);

    // A tighter limit than the chapter needs: cards are dropped, the most valuable kept.
    const limit = 2000;
    const tight = encodeSuspend({ entries: { [key]: serializeProgress(progress) }, exerciseBest: null }, key, limit);
    expect(tight.text.length).toBeLessThanOrEqual(limit);
    expect(tight.droppedCards).toBeGreaterThan(0);
    expect(encodeSuspend({ entries: { [key]: serializeProgress(progress) }, exerciseBest: null }, key, limit)).toEqual(tight);
    const kept = parseProgress(decodeSuspend(tight.text)!.entries[key]!, graphKeyOf(graph)).progress!;
    const keptIds = new Set(Object.keys(kept.cards));
    const all = Object.entries(progress.cards) as Array<[string, CardState]>;
    expect(keptIds.size).toBe(all.length - tight.droppedCards);
    // Every card kept is worth at least as much as every card dropped.
    const rank = (c: CardState) => c.box * 1e15 + c.last;
    const minKept = Math.min(...all.filter(([id]) => keptIds.has(id)).map(([, c]) => rank(c)));
    const maxDropped = Math.max(...all.filter(([id]) => !keptIds.has(id)).map(([, c]) => rank(c)));
    expect(minKept).toBeGreaterThanOrEqual(maxDropped);
    // Mastered cards are the last to go.
    const mastered = all.filter(([, c]) => isMastered(c)).length;
    expect(Object.values(kept.cards).filter((c) => isMastered(c)).length).toBe(Math.min(mastered, keptIds.size));
  });

  it("the package's chapter's work in progress is kept before other chapters' progress, which is kept before their work", () => {
    const rnd = random(7);
    const noise = (n: number) => JSON.stringify({ noise: Array.from({ length: n }, () => String.fromCharCode(33 + Math.floor(rnd() * 90))).join('') });
    const gk = graphKeyOf(graph);
    let other = emptyProgress('demo-01', 9);
    for (let i = 0; i < 40; i++) other = recordAnswer(other, `demo-question-${i}`, i % 2 === 0, 1e12 + i * 7919);
    const entries = {
      [key]: serializeProgress(fullChapter(6).progress),
      [`linkage.build:${gk}:kit:slides:6-13`]: noise(600),
      'linkage.progress:demo-01': serializeProgress(other),
      'linkage.build:demo-01:kit:all': noise(300),
    };
    const encoded = encodeSuspend({ entries, exerciseBest: null }, key);
    expect(encoded.droppedKeys).toEqual(['linkage.build:demo-01:kit:all', 'linkage.progress:demo-01']);
    expect(Object.keys(decodeSuspend(encoded.text)!.entries).sort()).toEqual([key, `linkage.build:${gk}:kit:slides:6-13`].sort());
  });

  it('progress of other chapters rides along while there is room; unreadable progress is left out and named', () => {
    const other = emptyProgress('demo-01', 9);
    const entries = { [key]: serializeProgress(fullChapter(2).progress), 'linkage.progress:demo-01': serializeProgress(recordAnswer(other, 'q1', true, 1e12)), 'linkage.progress:broken': '{nope' };
    const encoded = encodeSuspend({ entries, exerciseBest: null }, key);
    expect(encoded.unreadable).toEqual(['linkage.progress:broken']);
    expect(encoded.droppedKeys).toEqual([]);
    expect(Object.keys(decodeSuspend(encoded.text)!.entries).sort()).toEqual([key, 'linkage.progress:demo-01'].sort());
  });

  it('never trusts what the LMS hands back', () => {
    const good = encodeSuspend({ entries: { [key]: serializeProgress(fullChapter(4, 2).progress) }, exerciseBest: null }, key).text;
    for (const bad of ['', 'hello', 'LK1.', 'LK1.!!!!', `LK1.${'A'.repeat(100)}`, good.slice(0, -20), good.replace('LK1.', 'LK2.'), 'x'.repeat(70_000)]) {
      expect(decodeSuspend(bad), bad.slice(0, 30)).toBeNull();
    }
    // Well-formed but not ours: keys outside the carried prefixes, a graph key that does not match.
    const forge = (payload: unknown) => encodeSuspendRaw(payload);
    expect(decodeSuspend(forge({ p: {}, o: { 'linkage.lang': 'en' }, x: -1 }))).toBeNull();
    expect(decodeSuspend(forge({ p: { [key]: ['other', 1, []] }, o: {}, x: -1 }))).toBeNull();
    expect(decodeSuspend(forge({ p: { [key]: [graphKeyOf(graph), 1, [['a'], '9', '0', '0', 0, '0', []]] }, o: {}, x: -1 }))).toBeNull();
    expect(decodeSuspend(forge({ p: {}, o: {}, x: -1 }))).toEqual({ entries: {}, exerciseBest: null });
  });

  it("merges the LMS's copy with the device's, card by card, the later answer winning", () => {
    const gk = graphKeyOf(graph);
    let lmsSide = emptyProgress(gk, 11);
    lmsSide = recordAnswer(lmsSide, 'a', true, 1000_000);
    lmsSide = recordAnswer(lmsSide, 'b', true, 3000_000);
    let device = emptyProgress(gk, 22);
    device = recordAnswer(device, 'b', false, 2000_000);
    device = recordAnswer(device, 'c', true, 4000_000);
    const merged = mergeEntries({ [key]: serializeProgress(device), 'linkage.build:x': 'old' }, { [key]: serializeProgress(lmsSide), 'linkage.build:x': 'new' });
    const p = parseProgress(merged[key]!, gk).progress!;
    expect(p.seed).toBe(11);
    expect(Object.keys(p.cards).sort()).toEqual(['a', 'b', 'c']);
    expect(p.cards['b']!.last).toBe(3000_000);
    expect(p.cards['c']!.last).toBe(4000_000);
    expect(merged['linkage.build:x']).toBe('new');
    // Nothing on the device: the LMS's values as they are; nothing changed: nothing written.
    expect(mergeEntries({ [key]: null }, { [key]: serializeProgress(lmsSide) })).toEqual({ [key]: serializeProgress(lmsSide) });
    expect(mergeEntries({ [key]: serializeProgress(lmsSide) }, { [key]: serializeProgress(lmsSide) })).toEqual({});
  });
});

/** Writes a payload as the encoder would, for forged inputs. */
function encodeSuspendRaw(payload: unknown): string {
  // Reuses the real encoder's framing through a round trip of an empty state, then swaps the body.
  const { deflateSync, strToU8 } = fflate;
  const bytes = deflateSync(strToU8(JSON.stringify(payload)));
  return `LK1.${Buffer.from(bytes).toString('base64url')}`;
}
import * as fflate from 'fflate';
