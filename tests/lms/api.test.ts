/**
 * The runtime wrapper (src/lms/api.ts) and the report (src/lms/report.ts): the same calls for
 * both versions, each checked with GetLastError; refusals and exceptions returned, never thrown;
 * completion, score and pass/fail as each version writes them; session time in each format.
 */
import { describe, expect, it } from 'vitest';
import { lmsSession } from '../../src/lms/api';
import { cmiValues, exerciseStanding, lmsThreshold, revisionStanding, sessionTime, verdict } from '../../src/lms/report';
import { fakeLms } from './fake-lms';

describe.each(['1.2', '2004'] as const)('the SCORM %s wrapper', (version) => {
  it('calls the runtime and reads values', () => {
    const lms = fakeLms(version, { 'cmi.suspend_data': 'abc' });
    const s = lmsSession(lms.found);
    expect(s.initialize()).toEqual({ ok: true, value: undefined });
    expect(s.get('cmi.suspend_data')).toEqual({ ok: true, value: 'abc' });
    expect(s.set('cmi.suspend_data', 'xyz').ok).toBe(true);
    expect(lms.values.get('cmi.suspend_data')).toBe('xyz');
    expect(s.commit().ok).toBe(true);
    expect(s.terminate().ok).toBe(true);
    expect(lms.calls[0]).toBe('initialize');
  });

  it('a refused call comes back with the LMS’s error code and text', () => {
    const lms = fakeLms(version);
    lms.refuseSet.add('cmi.suspend_data');
    lms.refuseCall.add('commit');
    const s = lmsSession(lms.found);
    const set = s.set('cmi.suspend_data', 'x');
    expect(set.ok).toBe(false);
    if (!set.ok) expect(set.error).toEqual({ call: version === '1.2' ? 'LMSSetValue' : 'SetValue', element: 'cmi.suspend_data', code: version === '1.2' ? '101' : '351', message: version === '1.2' ? 'General Exception' : 'General Set Failure' });
    const commit = s.commit();
    expect(commit.ok).toBe(false);
    if (!commit.ok) expect(commit.error.code).toBe(version === '1.2' ? '101' : '391');
  });

  it('an LMS that throws is reported, not passed on', () => {
    const lms = fakeLms(version);
    lms.throwOn.add('get').add('set').add('commit');
    const s = lmsSession(lms.found);
    for (const r of [s.get('cmi.suspend_data'), s.set('cmi.suspend_data', 'x'), s.commit()]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'exception', message: 'LMS exploded' });
    }
  });

  it('a value read with an error set (2004: not initialised) is an error', () => {
    const r = lmsSession(fakeLms(version).found).get('cmi.scaled_passing_score');
    if (version === '2004') expect(r).toMatchObject({ ok: false, error: { code: '403' } });
    else expect(r).toEqual({ ok: true, value: '' });
  });
});

describe('the report', () => {
  it('revision: done when every question is answered once; scored by mastery', () => {
    const card = (box: number) => ({ box, due: 0, right: 1, wrong: 0, last: 0 });
    expect(revisionStanding(['a', 'b', 'c', 'd'], { a: card(4), b: card(2) })).toEqual({ completed: false, scaled: 0.25, progress: 0.5 });
    expect(revisionStanding(['a', 'b'], { a: card(5), b: card(1), z: card(5) })).toEqual({ completed: true, scaled: 0.5, progress: 1 });
    expect(exerciseStanding(null)).toEqual({ completed: false, scaled: 0, progress: 0 });
    expect(exerciseStanding(0.7)).toEqual({ completed: true, scaled: 0.7, progress: 1 });
  });

  it('pass/fail: passed at the threshold, failed below it once done, else unknown', () => {
    expect(verdict({ completed: false, scaled: 0.8, progress: 0.9 }, 0.8)).toBe('passed');
    expect(verdict({ completed: true, scaled: 0.5, progress: 1 }, 0.8)).toBe('failed');
    expect(verdict({ completed: false, scaled: 0.5, progress: 0.5 }, 0.8)).toBe('unknown');
    expect(verdict({ completed: true, scaled: 1, progress: 1 }, null)).toBe('unknown');
  });

  it('SCORM 1.2: lesson_status and a raw score out of 100', () => {
    expect(cmiValues('1.2', { completed: false, scaled: 0.125, progress: 0.5 }, 0.8)).toEqual([
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.score.raw', '12.5'],
      ['cmi.core.lesson_status', 'incomplete'],
    ]);
    expect(cmiValues('1.2', { completed: true, scaled: 0.5, progress: 1 }, 0.8).at(-1)).toEqual(['cmi.core.lesson_status', 'failed']);
    expect(cmiValues('1.2', { completed: true, scaled: 0.5, progress: 1 }, null).at(-1)).toEqual(['cmi.core.lesson_status', 'completed']);
    expect(cmiValues('1.2', { completed: false, scaled: 0.9, progress: 0.95 }, 0.8).at(-1)).toEqual(['cmi.core.lesson_status', 'passed']);
  });

  it('SCORM 2004: completion and success apart, a scaled score, progress', () => {
    expect(cmiValues('2004', { completed: true, scaled: 2 / 3, progress: 1 }, 0.8)).toEqual([
      ['cmi.score.min', '0'],
      ['cmi.score.max', '100'],
      ['cmi.score.raw', '66.67'],
      ['cmi.score.scaled', '0.6667'],
      ['cmi.progress_measure', '1'],
      ['cmi.completion_status', 'completed'],
      ['cmi.success_status', 'failed'],
    ]);
  });

  it('the threshold the LMS holds, in each version’s range', () => {
    expect(lmsThreshold('1.2', '75')).toBe(0.75);
    expect(lmsThreshold('1.2', '')).toBeNull();
    expect(lmsThreshold('1.2', '150')).toBeNull();
    expect(lmsThreshold('2004', '0.6')).toBe(0.6);
    expect(lmsThreshold('2004', '-0.5')).toBe(0);
    expect(lmsThreshold('2004', 'x')).toBeNull();
  });

  it('session time in each version’s format', () => {
    const ms = ((2 * 60 + 5) * 60 + 7.25) * 1000;
    expect(sessionTime('1.2', ms)).toBe('02:05:07.25');
    expect(sessionTime('2004', ms)).toBe('PT2H5M7.25S');
    expect(sessionTime('1.2', 0)).toBe('00:00:00.00');
    expect(sessionTime('2004', 59_999)).toBe('PT0H1M0S'); // 59.999 s is 60.00 s to the hundredth
    expect(sessionTime('1.2', 12_000 * 3_600_000)).toMatch(/^9999:/);
  });
});
