/**
 * A session: the loaded graph, the store and the derived view data, kept in step. Views read
 * `state()` and `derived()` and subscribe to changes; they never call each other.
 */
import { buildSearchIndex, type SearchIndex } from '../model/search';
import type { LinkageGraph } from '../model/types';
import { createDeriver, type Derived } from './derive';
import { createStore, type Store } from './store';
import type { AppState } from './types';

export type SessionListener = (state: AppState, derived: Derived, prev: AppState) => void;

export interface Session {
  readonly graph: LinkageGraph;
  readonly store: Store<AppState>;
  /** The graph's search index, built once; shared by the search boxes and the deriver. */
  readonly searchIndex: SearchIndex;
  state(): AppState;
  derived(): Derived;
  /** Applies a pure producer to the state. */
  update(producer: (state: AppState) => AppState): void;
  /** Called after each state change, with the derived data already computed. */
  subscribe(listener: SessionListener): () => void;
}

/** Creates a session over `graph`, starting from `initial`. */
export function createSession(graph: LinkageGraph, initial: AppState): Session {
  const store = createStore<AppState>(initial);
  const searchIndex = buildSearchIndex(graph);
  const derive = createDeriver(graph, { searchIndex });
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
    searchIndex,
    state: () => store.get(),
    derived: () => derived,
    update: (producer) => store.set(producer),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
