/**
 * Finds the LMS's SCORM runtime the standard way: the API object an LMS puts on a window that
 * frames (or opened) the content — `API_1484_11` for SCORM 2004, `API` for SCORM 1.2 — searched
 * on this window, up its parents, then on its opener and the opener's parents. A window of
 * another origin throws when read: it is passed over. Small and synchronous: the page loads it
 * always, the bridge only when this finds something.
 */

export type ScormVersion = '1.2' | '2004';

/** The SCORM 1.2 runtime's functions (every value a string, as the standard defines them). */
export interface Scorm12Runtime {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The SCORM 2004 runtime's functions. */
export interface Scorm2004Runtime {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export type FoundApi = { readonly version: '1.2'; readonly runtime: Scorm12Runtime } | { readonly version: '2004'; readonly runtime: Scorm2004Runtime };

/** What the search reads of a window (a fake one in tests). */
export interface WindowLike {
  readonly parent?: WindowLike | null;
  readonly opener?: WindowLike | null;
}

/** How many parents up the search goes (the ADL's own search uses 500; real LMS frames nest a few deep). */
export const MAX_DEPTH = 500;

const FUNCTIONS: Record<ScormVersion, readonly string[]> = {
  '1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString'],
  '2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString'],
};
const NAMES: Record<ScormVersion, string> = { '1.2': 'API', '2004': 'API_1484_11' };

/** `win[name]` when it is an object with the version's functions; null otherwise, or when reading throws (another origin). */
function apiOn(win: WindowLike, version: ScormVersion): FoundApi | null {
  try {
    const candidate: unknown = (win as unknown as Record<string, unknown>)[NAMES[version]];
    if (typeof candidate !== 'object' || candidate === null) return null;
    const fns = candidate as Record<string, unknown>;
    if (!FUNCTIONS[version].every((f) => typeof fns[f] === 'function')) return null;
    return version === '1.2' ? { version, runtime: candidate as Scorm12Runtime } : { version, runtime: candidate as Scorm2004Runtime };
  } catch {
    return null;
  }
}

/** The window's parent, or null at the top (a top window is its own parent) or when it cannot be read. */
function parentOf(win: WindowLike): WindowLike | null {
  try {
    const p = win.parent;
    return p && p !== win ? p : null;
  } catch {
    return null;
  }
}

function openerOf(win: WindowLike): WindowLike | null {
  try {
    return win.opener ?? null;
  } catch {
    return null;
  }
}

/** Searches `start` and up to `maxDepth` of its parents for the version's API. */
function searchUp(start: WindowLike, version: ScormVersion, maxDepth: number): FoundApi | null {
  let win: WindowLike | null = start;
  for (let depth = 0; win && depth <= maxDepth; depth++) {
    const found = apiOn(win, version);
    if (found) return found;
    win = parentOf(win);
  }
  return null;
}

/**
 * The LMS's runtime for `win`, or null when there is none (the page then runs on the device
 * alone). `prefer`: the version the package was made for, searched first (an LMS may offer both);
 * else SCORM 2004 first. Never throws.
 */
export function findLmsApi(win: WindowLike, prefer: ScormVersion | null = null, maxDepth = MAX_DEPTH): FoundApi | null {
  const order: ScormVersion[] = prefer === '1.2' ? ['1.2', '2004'] : ['2004', '1.2'];
  const windows = [win];
  const opener = openerOf(win);
  if (opener) windows.push(opener);
  // The version asked for anywhere (frames, then opener) before the other one.
  for (const version of order) {
    for (const w of windows) {
      const found = searchUp(w, version, maxDepth);
      if (found) return found;
    }
  }
  return null;
}
