/**
 * What the LMS is told, pure: the learner's standing on the package's activity (done or not, a
 * scaled score, how far along) and the data-model values that say it in SCORM 1.2 or 2004 —
 * completion, score, pass/fail against the mastery threshold — and the session time in each
 * version's format.
 */
import { isMastered, type Cards } from '../model/leitner';
import { ELEMENTS } from './api';
import type { ScormVersion } from './find-api';

/** The learner's standing on the activity. */
export interface Standing {
  /** The activity is done: every question answered once, or the exercise checked. */
  readonly completed: boolean;
  /** The score in [0, 1]: revision mastery, or the exercise's convergence. */
  readonly scaled: number;
  /** How far along, in [0, 1]. */
  readonly progress: number;
}

/**
 * Revision of a chapter: done when every question of the deck has been answered once; scored by
 * mastery (the share of its questions whose card reached the mastered box).
 */
export function revisionStanding(questionIds: readonly string[], cards: Cards): Standing {
  if (questionIds.length === 0) return { completed: false, scaled: 0, progress: 0 };
  let answered = 0;
  let mastered = 0;
  for (const id of questionIds) {
    const card = cards[id];
    if (!card) continue;
    answered++;
    if (isMastered(card)) mastered++;
  }
  const n = questionIds.length;
  return { completed: answered === n, scaled: mastered / n, progress: answered / n };
}

/** A map exercise: done once checked; scored by its best convergence so far. */
export function exerciseStanding(best: number | null): Standing {
  return best === null ? { completed: false, scaled: 0, progress: 0 } : { completed: true, scaled: clamp01(best), progress: 1 };
}

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
/** A decimal with at most `digits` decimals, as SCORM's real numbers are written (no exponent). */
const decimal = (v: number, digits: number) => String(Number(v.toFixed(digits)));

/** The pass/fail verdict: passed at or above the threshold; failed below it once done; else not yet known. */
export function verdict(standing: Standing, threshold: number | null): 'passed' | 'failed' | 'unknown' {
  if (threshold === null) return 'unknown';
  if (standing.scaled >= threshold) return 'passed';
  return standing.completed ? 'failed' : 'unknown';
}

/**
 * The data-model values that report `standing`, in the order they are set. 1.2: lesson_status
 * (passed / failed against the threshold, else completed / incomplete) and score.raw in 0–100
 * with min and max. 2004: completion_status, success_status, score.scaled, raw, min, max and
 * progress_measure.
 */
export function cmiValues(version: ScormVersion, standing: Standing, threshold: number | null): Array<[string, string]> {
  const e = ELEMENTS[version];
  const scaled = clamp01(standing.scaled);
  const v = verdict(standing, threshold);
  const score: Array<[string, string]> = [
    [e.scoreMin, '0'],
    [e.scoreMax, '100'],
    [e.scoreRaw, decimal(scaled * 100, 2)],
  ];
  if (version === '1.2') {
    const status = v !== 'unknown' ? v : standing.completed ? 'completed' : 'incomplete';
    return [...score, [e.completion, status]];
  }
  return [
    ...score,
    [e.scoreScaled!, decimal(scaled, 4)],
    [e.progress!, decimal(clamp01(standing.progress), 4)],
    [e.completion, standing.completed ? 'completed' : 'incomplete'],
    [e.success!, v],
  ];
}

/** The threshold the LMS holds, read from its text (1.2: 0–100; 2004: −1…1, clamped to 0…1); null when unset or not a number. */
export function lmsThreshold(version: ScormVersion, text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  if (version === '1.2') return n >= 0 && n <= 100 ? n / 100 : null;
  return n >= -1 && n <= 1 ? Math.max(0, n) : null;
}

/** A session's length in the version's format: 1.2 CMITimespan `HHHH:MM:SS.SS`, 2004 ISO 8601 `PT#H#M#S`. */
export function sessionTime(version: ScormVersion, ms: number): string {
  const centis = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  if (version === '1.2') {
    const hh = String(Math.min(hours, 9999)).padStart(2, '0');
    const ss = seconds.toFixed(2).padStart(5, '0');
    return `${hh}:${String(minutes).padStart(2, '0')}:${ss}`;
  }
  return `PT${hours}H${minutes}M${decimal(seconds, 2)}S`;
}
