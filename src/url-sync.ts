/**
 * Keeps the state in the URL hash: reads it at start and on back/forward, writes it once a change
 * is drawn (a history entry per change the reader makes, a burst counting as one; camera moves
 * replace the entry). A hash
 * that cannot be read falls back to the defaults with a notice.
 */
import { applyUrlState } from './state/actions';
import type { Session } from './state/session';
import { DEFAULT_STATE, type AppState } from './state/types';
import { fromHash, toHash, type UrlContext } from './state/url';

/** What reading a hash gave: a state, and what the reader should be told. */
export interface UrlRead {
  state: AppState;
  /** 'bad': unreadable, defaults used; 'partial': some parts dropped (listed); null: clean. */
  problem: 'bad' | 'partial' | null;
  details: string[];
}

/** Reads a hash into a state, never throwing. */
export function readHash(hash: string, ctx: UrlContext, defaults: AppState): UrlRead {
  const result = fromHash(hash, ctx);
  if (result === null) return { state: defaults, problem: 'bad', details: [] };
  return { state: result.state, problem: result.problems.length ? 'partial' : null, details: result.problems };
}

/**
 * Binds the session to `window.location`. `onProblem` hears about unreadable hashes met on
 * back/forward or manual edits. Returns the unbinding function.
 */
export function bindUrl(session: Session, ctx: () => UrlContext, onProblem: (read: UrlRead) => void): () => void {
  let writing = false;
  /** The state the URL shows (null until the first change after binding). */
  let shown: AppState | null = null;
  let pending: { frame: number; timer: ReturnType<typeof setTimeout> } | null = null;
  const cancel = () => {
    if (pending === null) return;
    cancelAnimationFrame(pending.frame);
    clearTimeout(pending.timer);
    pending = null;
  };
  const write = () => {
    cancel();
    const state = session.state();
    const prev = shown ?? state;
    shown = state;
    const hash = toHash(state);
    if (hash === location.hash || (hash === '#' && location.hash === '')) return;
    const cameraOnly = toHash({ ...state, camera: prev.camera }) === toHash(prev);
    if (cameraOnly) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
  };
  // The URL is written once the change is on screen (after the next frame, or within half a
  // second when no frame comes): a burst of changes (typing, a quick run of clicks) becomes one
  // history entry, and the history's own cost never delays the redraw.
  const schedule = (prev: AppState) => {
    if (writing) return;
    shown ??= prev;
    if (pending !== null) return;
    // After the frame: a task queued from the frame's callback runs once that frame is painted.
    const frame = requestAnimationFrame(() => {
      if (pending === null) return;
      clearTimeout(pending.timer);
      pending.timer = setTimeout(write, 0);
    });
    pending = { frame, timer: setTimeout(write, 500) };
  };
  const read = () => {
    if (writing) return;
    cancel();
    const current = session.state();
    const r = readHash(location.hash, ctx(), { ...DEFAULT_STATE, lang: current.lang, chapter: current.chapter });
    if (r.problem) onProblem(r);
    // Applying what the URL says must not push a new entry (that would cut the forward history);
    // the entry is only rewritten in its canonical form.
    writing = true;
    try {
      session.update((s) => applyUrlState(s, r.state));
    } finally {
      writing = false;
    }
    shown = session.state();
    const canonical = toHash(shown);
    if (canonical !== location.hash) history.replaceState(null, '', canonical);
  };
  const unsubscribe = session.subscribe((_state, _d, prev) => schedule(prev));
  window.addEventListener('popstate', read);
  window.addEventListener('hashchange', read);
  return () => {
    // A change still waiting is written now: leaving must not lose it.
    if (pending !== null) write();
    unsubscribe();
    window.removeEventListener('popstate', read);
    window.removeEventListener('hashchange', read);
  };
}
