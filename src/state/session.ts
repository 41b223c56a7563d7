/**
 * A session: the loaded graph, the store and the derived view data, kept in step. Views read
 * `state()` and `derived()` and subscribe to changes; they never call each other. The search
 * index is built when the page is idle (in short steps), or at once when first needed.
 */
import { searchIndexSteps, type SearchIndex } from '../model/search';
import type { LinkageGraph } from '../model/types';
import type { PathIndex } from '../model/paths';
import { createDeriver, type Derived, type GraphIndex } from './derive';
import { createStore, type Store } from './store';
import type { AppState } from './types';

export type SessionListener = (state: AppState, derived: Derived, prev: AppState) => void;

export interface Session {
  readonly graph: LinkageGraph;
  readonly store: Store<AppState>;
  /**
   * The graph's search index, built once; shared by the search boxes and the deriver. Built in
   * idle time after the session starts; reading it before that builds the rest at once.
   */
  readonly searchIndex: SearchIndex;
  /** The graph's ordinals and adjacency, built once (graph order), for views that loop over it. */
  readonly index: PathIndex;
  state(): AppState;
  derived(): Derived;
  /** Applies a pure producer to the state. */
  update(producer: (state: AppState) => AppState): void;
  /** Called after each state change, with the derived data already computed. */
  subscribe(listener: SessionListener): () => void;
}

export interface SessionOptions {
  /**
   * When the search index is built: `idle` (default where `requestIdleCallback` exists) in
   * steps while the page is idle, else at the first search; `now` at once, before returning.
   */
  searchIndex?: 'idle' | 'now';
  /** The graph's index, built beforehand in steps (see graphIndexSteps); built here when absent. */
  graphIndex?: GraphIndex;
}

/**
 * The search index of `graph`, built in steps: in idle callbacks when `idle` and the platform
 * has them; calling the returned function completes it at once.
 */
function lazySearchIndex(graph: LinkageGraph, idle: boolean): () => SearchIndex {
  const steps = searchIndexSteps(graph);
  let index: SearchIndex | null = null;
  const step = (): boolean => {
    if (index !== null) return true;
    const r = steps.next();
    if (r.done) index = r.value;
    return r.done === true;
  };
  if (idle && typeof requestIdleCallback === 'function') {
    // One step at least per callback (≈ 7 ms per 10k nodes here), more while idle time remains.
    const work = (deadline: IdleDeadline): void => {
      while (!step()) {
        if (deadline.timeRemaining() <= 0) {
          requestIdleCallback(work, { timeout: 1000 });
          return;
        }
      }
    };
    requestIdleCallback(work, { timeout: 1000 });
  }
  return () => {
    while (!step());
    return index!;
  };
}

/** Creates a session over `graph`, starting from `initial`. */
export function createSession(graph: LinkageGraph, initial: AppState, options: SessionOptions = {}): Session {
  const store = createStore<AppState>(initial);
  const searchIndex = lazySearchIndex(graph, options.searchIndex !== 'now');
  if (options.searchIndex === 'now') searchIndex();
  const derive = createDeriver(graph, { searchIndex, ...(options.graphIndex ? { graphIndex: options.graphIndex } : {}) });
  let derived = derive(initial);
  const listeners = new Set<SessionListener>();
  store.subscribe((state, prev) => {
    derived = derive(state);
    for (const l of [...listeners]) {
      // One failing view must not stop the others (nor the URL) from hearing the change.
      try {
        l(state, derived, prev);
      } catch (err) {
        console.error('linkage: a view failed to update', err);
      }
    }
  });
  return {
    graph,
    store,
    index: derive.index,
    get searchIndex() {
      return searchIndex();
    },
    state: () => store.get(),
    derived: () => derived,
    update: (producer) => store.set(producer),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
