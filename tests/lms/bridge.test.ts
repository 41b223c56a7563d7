/**
 * The bridge (src/lms/bridge.ts) against a fake LMS and a fake device storage: launch (initialise,
 * progress read back into storage, attempt incomplete and resumable), a debounced commit after each
 * progress write (completion, score, pass/fail, suspend data), the LMS's own threshold, a checked
 * exercise, pagehide (session time, terminate), and an LMS that refuses or throws: one notice,
 * nothing thrown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { launchBridge, COMMIT_DELAY_MS, type BridgeChapter } from '../../src/lms/bridge';
import type { LaunchConfig } from '../../src/lms/config';
import type { ScormVersion } from '../../src/lms/find-api';
import { decodeSuspend, encodeSuspend } from '../../src/lms/suspend';
import type { LmsStringKey } from '../../src/i18n/lms';
import { publishActivity } from '../../src/state/activity';
import { deviceStorage } from '../../src/state/device-storage';
import { emptyProgress, openProgress, parseProgress, recordAnswer, serializeProgress } from '../../src/state/progress';
import { fakeLms } from './fake-lms';

/** localStorage as the page has it: a Map with the Storage methods the code uses. */
class FakeStorage {
  readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, String(v));
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const KEY = 'linkage.progress:g';
const IDS = ['q1', 'q2', 'q3', 'q4'];
const chapter: BridgeChapter = {
  graphKey: 'g',
  questionIds: () => IDS,
  matches: (a, type, scope) => a.graph === 'g' && a.type === type && scope === (a.scope.kind === 'slides' ? `slides:${a.scope.first}-${a.scope.last}` : a.scope.kind),
};
const revision: LaunchConfig = { version: null, mastery: 0.5, activity: { kind: 'revision' } };

let storage: FakeStorage;
let events: EventTarget & { document: { visibilityState: string } };
let notices: Array<{ key: LmsStringKey; details: string[] }>;

beforeEach(() => {
  vi.useFakeTimers();
  storage = new FakeStorage();
  vi.stubGlobal('window', { localStorage: storage });
  events = Object.assign(new EventTarget(), { document: { visibilityState: 'visible' } });
  notices = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function start(version: ScormVersion, initial: Record<string, string> = {}, config: LaunchConfig = revision) {
  const lms = fakeLms(version, initial);
  let clock = 1_000_000;
  const bridge = launchBridge(lms.found, { config, chapter, ui: { notify: (key, details) => notices.push({ key, details }) }, events, now: () => clock });
  return { lms, bridge, advance: (ms: number) => (clock += ms) };
}

/** Answers questions through the deck's own store on the device storage, as the revision view does. */
function answer(ids: string[], correct = true, at = 5_000_000) {
  const store = openProgress(deviceStorage(), 'g', { seed: () => 42 });
  for (const id of ids) store.record(id, correct, at);
}

describe.each(['1.2', '2004'] as const)('the bridge on SCORM %s', (version) => {
  const e = version === '1.2'
    ? { status: 'cmi.core.lesson_status', exit: 'cmi.core.exit', raw: 'cmi.core.score.raw', time: 'cmi.core.session_time', mastery: 'cmi.student_data.mastery_score', masteryValue: '25' }
    : { status: 'cmi.completion_status', exit: 'cmi.exit', raw: 'cmi.score.raw', time: 'cmi.session_time', mastery: 'cmi.scaled_passing_score', masteryValue: '0.25' };

  it('launch: initialises, marks the attempt incomplete and resumable, commits', () => {
    const { lms, bridge } = start(version);
    expect(bridge).not.toBeNull();
    expect(lms.calls[0]).toBe('initialize');
    expect(lms.values.get(e.status)).toBe('incomplete');
    expect(lms.values.get(e.exit)).toBe('suspend');
    expect(lms.calls).toContain('commit');
    expect(notices).toEqual([]);
  });

  it('progress written by the deck is reported after a pause: score, completion, pass/fail, suspend data', () => {
    const { lms, bridge } = start(version);
    answer(['q1', 'q2']);
    const before = lms.calls.length;
    vi.advanceTimersByTime(COMMIT_DELAY_MS - 1);
    expect(lms.calls.length).toBe(before); // debounced
    vi.advanceTimersByTime(1);
    expect(lms.values.get(e.raw)).toBe('0');
    expect(lms.values.get(e.status)).toBe('incomplete');
    const held = decodeSuspend(lms.values.get('cmi.suspend_data')!)!;
    expect(Object.keys(parseProgress(held.entries[KEY]!, 'g').progress!.cards).sort()).toEqual(['q1', 'q2']);
    // Every question answered, two mastered (box 4): done, half mastered = the threshold → passed.
    const store = openProgress(deviceStorage(), 'g');
    for (const id of IDS) store.record(id, true, 6_000_000);
    for (const id of ['q1', 'q2']) store.record(id, true, 7_000_000);
    vi.advanceTimersByTime(COMMIT_DELAY_MS);
    expect(bridge!.standing()).toEqual({ completed: true, scaled: 0.5, progress: 1 });
    if (version === '1.2') expect(lms.values.get('cmi.core.lesson_status')).toBe('passed');
    else {
      expect(lms.values.get('cmi.completion_status')).toBe('completed');
      expect(lms.values.get('cmi.success_status')).toBe('passed');
      expect(lms.values.get('cmi.score.scaled')).toBe('0.5');
    }
  });

  it('reads the learner’s work back from the LMS into device storage, merged with what the device has', () => {
    const fromLms = serializeProgress(recordAnswer(emptyProgress('g', 7), 'q3', true, 4_000_000));
    const held = encodeSuspend({ entries: { [KEY]: fromLms, 'linkage.build:g:kit': '{"sheet":1}' }, exerciseBest: null }, KEY).text;
    storage.setItem(KEY, serializeProgress(recordAnswer(emptyProgress('g', 9), 'q1', false, 3_000_000)));
    start(version, { 'cmi.suspend_data': held });
    const p = parseProgress(storage.getItem(KEY), 'g').progress!;
    expect(Object.keys(p.cards).sort()).toEqual(['q1', 'q3']);
    expect(p.seed).toBe(7);
    expect(storage.getItem('linkage.build:g:kit')).toBe('{"sheet":1}');
  });

  it('the LMS’s threshold wins over the package’s', () => {
    const { bridge } = start(version, { [e.mastery]: e.masteryValue });
    expect(bridge!.threshold).toBe(0.25);
  });

  it('pagehide: the session time, a last commit, terminate; inert afterwards', () => {
    const { lms, advance } = start(version);
    answer(['q1']);
    advance(65_000);
    events.dispatchEvent(new Event('pagehide'));
    expect(lms.values.get(e.time)).toBe(version === '1.2' ? '00:01:05.00' : 'PT0H1M5S');
    expect(lms.calls.at(-1)).toBe('terminate');
    expect(decodeSuspend(lms.values.get('cmi.suspend_data')!)).not.toBeNull();
    const n = lms.calls.length;
    answer(['q2']);
    vi.advanceTimersByTime(COMMIT_DELAY_MS * 2);
    events.dispatchEvent(new Event('pagehide'));
    expect(lms.calls.length).toBe(n);
  });

  it('a checked exercise is the activity of an exercise package: best convergence, completed', () => {
    const config: LaunchConfig = { version: null, mastery: 0.6, activity: { kind: 'exercise', type: 'kit', scope: 'slides:6-13' } };
    const { lms, bridge } = start(version, {}, config);
    const checked = (convergence: number, first = 6) =>
      publishActivity({ kind: 'exercise-checked', graph: 'g', type: 'kit', scope: { kind: 'slides', first, last: 13 }, convergence, salience: 1 });
    checked(0.9, 7); // another scope: not this package's
    vi.advanceTimersByTime(COMMIT_DELAY_MS);
    expect(bridge!.standing()).toEqual({ completed: false, scaled: 0, progress: 0 });
    checked(0.7);
    checked(0.4);
    vi.advanceTimersByTime(COMMIT_DELAY_MS);
    expect(bridge!.standing()).toEqual({ completed: true, scaled: 0.7, progress: 1 });
    expect(lms.values.get(e.raw)).toBe('70');
    expect(decodeSuspend(lms.values.get('cmi.suspend_data')!)!.exerciseBest).toBe(0.7);
    events.dispatchEvent(new Event('pagehide'));
  });

  it('an LMS that refuses: one notice naming the call, nothing thrown, the page keeps its storage', () => {
    const lms = fakeLms(version);
    lms.refuseSet.add('cmi.suspend_data');
    lms.refuseCall.add('commit');
    const bridge = launchBridge(lms.found, { config: revision, chapter, ui: { notify: (key, details) => notices.push({ key, details }) }, events });
    answer(['q1']);
    expect(() => vi.advanceTimersByTime(COMMIT_DELAY_MS)).not.toThrow();
    expect(notices.map((n) => n.key)).toEqual(['lmsRefused']);
    expect(notices[0]!.details[0]).toMatch(/Commit: (101|391) General/);
    expect(bridge!.problems.length).toBeGreaterThan(1);
    expect(parseProgress(storage.getItem(KEY), 'g').progress!.cards['q1']).toBeDefined();
  });

  it('an LMS that throws on every call but Initialize: nothing reaches the page', () => {
    const lms = fakeLms(version);
    lms.throwOn.add('get').add('set').add('commit');
    const bridge = launchBridge(lms.found, { config: revision, chapter, ui: { notify: (key, details) => notices.push({ key, details }) }, events });
    answer(['q1']);
    expect(() => vi.advanceTimersByTime(COMMIT_DELAY_MS)).not.toThrow();
    expect(() => events.dispatchEvent(new Event('pagehide'))).not.toThrow();
    expect(notices.map((n) => n.key)).toEqual(['lmsRefused']);
    expect(bridge!.problems.every((p) => p.code === 'exception' || p.call === 'LMSFinish' || p.call === 'Terminate')).toBe(true);
  });

  it('an LMS that refuses to initialise: no bridge, one notice', () => {
    const lms = fakeLms(version);
    lms.refuseCall.add('initialize');
    expect(launchBridge(lms.found, { config: revision, chapter, ui: { notify: (key, details) => notices.push({ key, details }) }, events })).toBeNull();
    expect(notices.map((n) => n.key)).toEqual(['lmsRefused']);
  });

  it('suspend data that is not ours is not trusted: a notice, the device’s progress kept', () => {
    storage.setItem(KEY, serializeProgress(recordAnswer(emptyProgress('g', 9), 'q1', true, 3_000_000)));
    start(version, { 'cmi.suspend_data': 'viewed=1,2,3|lastslide=4' });
    expect(notices.map((n) => n.key)).toEqual(['lmsUnreadable']);
    expect(Object.keys(parseProgress(storage.getItem(KEY), 'g').progress!.cards)).toEqual(['q1']);
  });
});

describe('storage refused by the browser inside the LMS frame', () => {
  it('the page keeps its work in memory, filled from the LMS, and says so', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    const held = encodeSuspend({ entries: { [KEY]: serializeProgress(recordAnswer(emptyProgress('g', 7), 'q3', true, 4_000_000)) }, exerciseBest: null }, KEY).text;
    start('2004', { 'cmi.suspend_data': held });
    expect(notices.map((n) => n.key)).toEqual(['lmsMemoryOnly']);
    const store = deviceStorage();
    expect(store).not.toBeNull();
    expect(Object.keys(parseProgress(store!.getItem(KEY), 'g').progress!.cards)).toEqual(['q3']);
  });
});
