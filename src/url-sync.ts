/**
 * Keeps the state in the URL hash: reads it at start and on back/forward, writes it after each
 * change (a history entry per change the reader makes; camera moves replace the entry). A hash
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
  const write = (state: AppState, prev: AppState) => {
    if (writing) return;
    const hash = toHash(state);
    if (hash === location.hash || (hash === '#' && location.hash === '')) return;
    const cameraOnly = toHash({ ...state, camera: prev.camera }) === toHash(prev);
    if (cameraOnly) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
  };
  const read = () => {
    if (writing) return;
    const current = session.state();
    const r = readHash(location.hash, ctx(), { ...DEFAULT_STATE, lang: current.lang });
    if (r.problem) onProblem(r);
    // Applying what the URL says must not push a new entry (that would cut the forward history);
    // the entry is only rewritten in its canonical form.
    writing = true;
    try {
      session.update((s) => applyUrlState(s, r.state));
    } finally {
      writing = false;
    }
    const canonical = toHash(session.state());
    if (canonical !== location.hash) history.replaceState(null, '', canonical);
  };
  const unsubscribe = session.subscribe((state, _d, prev) => write(state, prev));
  window.addEventListener('popstate', read);
  window.addEventListener('hashchange', read);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', read);
    window.removeEventListener('hashchange', read);
  };
}
