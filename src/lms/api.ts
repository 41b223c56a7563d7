/**
 * A thin wrapper over both SCORM runtimes: the same five calls and the same data-model names for
 * 1.2 and 2004, each call followed by GetLastError (and GetErrorString when it failed), returning
 * a result instead of throwing — an LMS that refuses, answers nonsense or throws is reported,
 * never passed on to the page.
 */
import type { FoundApi, ScormVersion } from './find-api';

/** A refused or failed call: which, on what element, the LMS's error code and its text. */
export interface LmsError {
  readonly call: string;
  readonly element?: string;
  /** The LMS's error code ("0" never appears here); `exception` when the call threw. */
  readonly code: string;
  readonly message: string;
}

export type LmsResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: LmsError };

export interface LmsSession {
  readonly version: ScormVersion;
  initialize(): LmsResult<void>;
  terminate(): LmsResult<void>;
  get(element: string): LmsResult<string>;
  set(element: string, value: string): LmsResult<void>;
  commit(): LmsResult<void>;
}

/** The data-model elements the bridge uses, by version (null: the version has no such element). */
export interface Elements {
  readonly suspendData: string;
  readonly entry: string;
  readonly exit: string;
  readonly sessionTime: string;
  readonly scoreRaw: string;
  readonly scoreMin: string;
  readonly scoreMax: string;
  readonly scoreScaled: string | null;
  /** 1.2: cmi.core.lesson_status (completion and success in one); 2004: cmi.completion_status. */
  readonly completion: string;
  /** 2004 only: cmi.success_status. */
  readonly success: string | null;
  /** 2004 only: cmi.progress_measure. */
  readonly progress: string | null;
  /** The threshold the LMS holds: 1.2 cmi.student_data.mastery_score (0–100), 2004 cmi.scaled_passing_score (−1…1). */
  readonly mastery: string;
}

export const ELEMENTS: Readonly<Record<ScormVersion, Elements>> = {
  '1.2': {
    suspendData: 'cmi.suspend_data',
    entry: 'cmi.core.entry',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    scoreRaw: 'cmi.core.score.raw',
    scoreMin: 'cmi.core.score.min',
    scoreMax: 'cmi.core.score.max',
    scoreScaled: null,
    completion: 'cmi.core.lesson_status',
    success: null,
    progress: null,
    mastery: 'cmi.student_data.mastery_score',
  },
  '2004': {
    suspendData: 'cmi.suspend_data',
    entry: 'cmi.entry',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    scoreRaw: 'cmi.score.raw',
    scoreMin: 'cmi.score.min',
    scoreMax: 'cmi.score.max',
    scoreScaled: 'cmi.score.scaled',
    completion: 'cmi.completion_status',
    success: 'cmi.success_status',
    progress: 'cmi.progress_measure',
    mastery: 'cmi.scaled_passing_score',
  },
};

/** The two runtimes' call names, so that one code path drives either. */
interface Calls {
  initialize(): unknown;
  terminate(): unknown;
  get(element: string): unknown;
  set(element: string, value: string): unknown;
  commit(): unknown;
  lastError(): unknown;
  errorString(code: string): unknown;
}

function callsOf(found: FoundApi): Calls {
  if (found.version === '1.2') {
    const r = found.runtime;
    return {
      initialize: () => r.LMSInitialize(''),
      terminate: () => r.LMSFinish(''),
      get: (e) => r.LMSGetValue(e),
      set: (e, v) => r.LMSSetValue(e, v),
      commit: () => r.LMSCommit(''),
      lastError: () => r.LMSGetLastError(),
      errorString: (c) => r.LMSGetErrorString(c),
    };
  }
  const r = found.runtime;
  return {
    initialize: () => r.Initialize(''),
    terminate: () => r.Terminate(''),
    get: (e) => r.GetValue(e),
    set: (e, v) => r.SetValue(e, v),
    commit: () => r.Commit(''),
    lastError: () => r.GetLastError(),
    errorString: (c) => r.GetErrorString(c),
  };
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Wraps the runtime `found`. No call of the returned session throws. */
export function lmsSession(found: FoundApi): LmsSession {
  const calls = callsOf(found);
  const NAMES = found.version === '1.2'
    ? { initialize: 'LMSInitialize', terminate: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit' }
    : { initialize: 'Initialize', terminate: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit' };

  /** The LMS's last error: null when it says "0" (or says nothing). */
  const lastError = (): { code: string; message: string } | null => {
    let code: string;
    try {
      code = String(calls.lastError() ?? '0').trim();
    } catch (err) {
      return { code: 'exception', message: message(err) };
    }
    if (code === '' || code === '0') return null;
    let text = '';
    try {
      text = String(calls.errorString(code) ?? '');
    } catch {
      text = '';
    }
    return { code, message: text };
  };

  /** Runs `run`; a call that returns "false" (or a value with an error code set) or throws is an error. */
  const call = <T>(name: keyof typeof NAMES, element: string | undefined, run: () => unknown, read: (raw: unknown) => T, boolean: boolean): LmsResult<T> => {
    const where = { call: NAMES[name], ...(element !== undefined ? { element } : {}) };
    let raw: unknown;
    try {
      raw = run();
    } catch (err) {
      return { ok: false, error: { ...where, code: 'exception', message: message(err) } };
    }
    const refused = boolean && String(raw) !== 'true';
    const err = lastError();
    if (err) return { ok: false, error: { ...where, ...err } };
    if (refused) return { ok: false, error: { ...where, code: 'false', message: `${NAMES[name]} returned ${JSON.stringify(String(raw))}` } };
    return { ok: true, value: read(raw) };
  };
  const none = (): void => undefined;

  return {
    version: found.version,
    initialize: () => call('initialize', undefined, () => calls.initialize(), none, true),
    terminate: () => call('terminate', undefined, () => calls.terminate(), none, true),
    get: (element) => call('get', element, () => calls.get(element), (raw) => (raw === null || raw === undefined ? '' : String(raw)), false),
    set: (element, value) => call('set', element, () => calls.set(element, value), none, true),
    commit: () => call('commit', undefined, () => calls.commit(), none, true),
  };
}
