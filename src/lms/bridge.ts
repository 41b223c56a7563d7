/**
 * The runtime bridge between the page and a course's LMS (SCORM 1.2 or 2004), loaded only when
 * an LMS API was found. At launch: initialise the session, read the learner's work back from
 * cmi.suspend_data into device storage (before any view reads it), mark the attempt incomplete
 * and resumable. Then, after each write of progress or work in progress and each checked
 * exercise, a commit a moment later (debounced): completion, score and pass/fail of the
 * package's activity, and the work itself, compressed to fit. On pagehide: the session time, a
 * last commit, terminate. Every call is checked; a refusal shows one notice; nothing is thrown
 * into the page, and nothing here waits on the map.
 */
import { subscribeActivity, type Activity } from '../state/activity';
import { deviceStorage, storedKeys, useMemoryFallback, watchWrites } from '../state/device-storage';
import { parseProgress } from '../state/progress';
import type { LmsStringKey } from '../i18n/lms';
import { ELEMENTS, lmsSession, type LmsError, type LmsSession } from './api';
import type { LaunchConfig } from './config';
import type { FoundApi } from './find-api';
import { cmiValues, exerciseStanding, lmsThreshold, revisionStanding, sessionTime, type Standing } from './report';
import { CARRIED_PREFIXES, decodeSuspend, encodeSuspend, mergeEntries, PROGRESS_PREFIX } from './suspend';

/** How long after the last change the bridge commits. */
export const COMMIT_DELAY_MS = 1500;

/** The package's chapter as the bridge needs it. */
export interface BridgeChapter {
  /** Its progress key (state/progress graphKeyOf). */
  readonly graphKey: string;
  /** The ids of its revision questions for a deck seed (the deck's own generator). */
  questionIds(seed: number): readonly string[];
  /** Whether a checked exercise is the package's (its type and scope as text match). */
  matches(activity: Activity, type: string, scope: string): boolean;
}

/** How the bridge speaks to the reader. */
export interface BridgeUi {
  notify(key: LmsStringKey, details: string[]): void;
}

export interface BridgeOptions {
  readonly config: LaunchConfig;
  readonly chapter: BridgeChapter;
  readonly ui: BridgeUi;
  /** Where pagehide and visibilitychange are listened to (default: window). */
  readonly events?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { readonly document?: { readonly visibilityState: string } };
  readonly now?: () => number;
}

export interface Bridge {
  readonly version: FoundApi['version'];
  /** The threshold in force (the LMS's, else the package's). */
  readonly threshold: number | null;
  /** Every refused call so far. */
  readonly problems: readonly LmsError[];
  /** The last standing reported. */
  standing(): Standing | null;
  /** Commits now (what a pending timer would have). */
  flush(): void;
  /** Reports the session time, commits and terminates; the bridge is inert afterwards. */
  finish(): void;
}

/** Starts the bridge on the runtime `found`; null when the LMS refuses to initialise (the page then runs on the device alone). */
export function launchBridge(found: FoundApi, options: BridgeOptions): Bridge | null {
  const { config, chapter, ui } = options;
  const now = options.now ?? (() => Date.now());
  const events = options.events ?? window;
  const started = now();
  const lms: LmsSession = lmsSession(found);
  const el = ELEMENTS[lms.version];
  const problems: LmsError[] = [];
  let noticed = false;
  const refused = (error: LmsError) => {
    problems.push(error);
    if (noticed) return;
    noticed = true;
    ui.notify('lmsRefused', [`${error.call}${error.element ? ` ${error.element}` : ''}: ${error.code}${error.message ? ` ${error.message}` : ''}`]);
  };
  /** A value the LMS may well not have (an unset element): read quietly. */
  const optional = (element: string): string => {
    const r = lms.get(element);
    return r.ok ? r.value : '';
  };
  const set = (element: string, value: string): boolean => {
    const r = lms.set(element, value);
    if (!r.ok) refused(r.error);
    return r.ok;
  };
  const commit = () => {
    const r = lms.commit();
    if (!r.ok) refused(r.error);
  };

  const init = lms.initialize();
  if (!init.ok) {
    refused(init.error);
    return null;
  }
  const threshold = lmsThreshold(lms.version, optional(el.mastery)) ?? config.mastery;

  // The learner's work, back from the LMS into device storage before any view opens it.
  if (useMemoryFallback()) ui.notify('lmsMemoryOnly', []);
  const held = optional(el.suspendData);
  const decoded = held === '' ? null : decodeSuspend(held);
  if (held !== '' && !decoded) ui.notify('lmsUnreadable', []);
  let exerciseBest = decoded?.exerciseBest ?? null;
  const storage = deviceStorage();
  if (decoded && storage) {
    const here: Record<string, string | null> = {};
    for (const key of Object.keys(decoded.entries)) here[key] = storage.getItem(key);
    for (const [key, value] of Object.entries(mergeEntries(here, decoded.entries))) {
      try {
        storage.setItem(key, value);
      } catch {
        // Storage full or refused: the page runs on what the device had.
      }
    }
  }

  // An attempt under way, resumable next time (its suspend data kept).
  const status = optional(el.completion);
  if (status === '' || status === 'not attempted' || status === 'unknown') set(el.completion, 'incomplete');
  set(el.exit, 'suspend');
  commit();

  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSuspend = held;
  let lastValues = new Map<string, string>();
  let lastStanding: Standing | null = null;
  const trimmed = new Set<'cards' | 'work'>();
  const ids = new Map<number, readonly string[]>();
  const progressKey = PROGRESS_PREFIX + chapter.graphKey;

  const standing = (): Standing => {
    if (config.activity.kind === 'exercise') return exerciseStanding(exerciseBest);
    const raw = storage ? storage.getItem(progressKey) : null;
    const progress = parseProgress(raw, chapter.graphKey).progress;
    if (!progress) return revisionStanding([], {});
    let deck = ids.get(progress.seed);
    if (!deck) ids.set(progress.seed, (deck = chapter.questionIds(progress.seed)));
    return revisionStanding(deck, progress.cards);
  };

  /** Sets what changed since the last commit, then commits. */
  const report = () => {
    if (finished) return;
    clearTimeout(timer);
    timer = undefined;
    try {
      lastStanding = standing();
      const values = cmiValues(lms.version, lastStanding, threshold);
      for (const [element, value] of values) if (lastValues.get(element) !== value) set(element, value);
      lastValues = new Map(values);
      const entries: Record<string, string> = {};
      if (storage) for (const key of storedKeys(CARRIED_PREFIXES)) entries[key] = storage.getItem(key) ?? '';
      const encoded = encodeSuspend({ entries, exerciseBest }, progressKey);
      // Said once a session: what the LMS's copy lacks (the device keeps it all).
      if (encoded.droppedCards > 0 && !trimmed.has('cards')) {
        trimmed.add('cards');
        ui.notify('lmsTrimmed', []);
      }
      if (encoded.droppedKeys.length > 0 && !trimmed.has('work')) {
        trimmed.add('work');
        ui.notify('lmsWorkLeftOut', []);
      }
      if (encoded.text !== lastSuspend && set(el.suspendData, encoded.text)) lastSuspend = encoded.text;
      commit();
    } catch (err) {
      // A fault of ours must not reach the page either.
      refused({ call: 'report', code: 'exception', message: err instanceof Error ? err.message : String(err) });
    }
  };
  /** Reports a moment after the last change, in idle time (the first report generates the deck's question ids). */
  const schedule = () => {
    if (finished) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(report, { timeout: 2000 });
      else report();
    }, COMMIT_DELAY_MS);
  };

  const unwatch = watchWrites(CARRIED_PREFIXES, schedule);
  const unsubscribe = subscribeActivity((activity) => {
    const a = config.activity;
    if (a.kind !== 'exercise' || !chapter.matches(activity, a.type, a.scope)) return;
    exerciseBest = Math.max(exerciseBest ?? 0, activity.convergence);
    schedule();
  });

  const finish = () => {
    if (finished) return;
    report();
    finished = true;
    unwatch();
    unsubscribe();
    events.removeEventListener('pagehide', finish);
    events.removeEventListener('visibilitychange', onHidden);
    set(el.sessionTime, sessionTime(lms.version, now() - started));
    set(el.exit, 'suspend');
    commit();
    const r = lms.terminate();
    if (!r.ok) refused(r.error);
  };
  /** A page put in the background may never come back (a phone): commit what is pending. */
  const onHidden = () => {
    if (timer !== undefined && events.document?.visibilityState === 'hidden') report();
  };
  events.addEventListener('pagehide', finish);
  events.addEventListener('visibilitychange', onHidden);
  // What was read back may already complete the activity: report it once the page has started.
  schedule();

  return {
    version: lms.version,
    threshold,
    problems,
    standing: () => lastStanding,
    flush: report,
    finish,
  };
}
