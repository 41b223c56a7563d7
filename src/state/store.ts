/**
 * A tiny store: get, set (a state or a producer), subscribe. Listeners hear every change in
 * order, even when a listener sets the state again while being notified or another listener
 * throws; a listener removed during a notification hears nothing more.
 */

/** Called after each change with the new and the previous state. */
export type Listener<S> = (state: S, prev: S) => void;

export interface Store<S> {
  get(): S;
  /** Replaces the state, or applies a producer to it. Setting the same object notifies no one. */
  set(next: S | ((state: S) => S)): void;
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: Listener<S>): () => void;
}

/** Creates a store holding `initial`. */
export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  const queue: Array<[S, S]> = [];
  let notifying = false;

  return {
    get: () => state,
    set(next) {
      const value = typeof next === 'function' ? next(state) : next;
      if (value === state) return;
      const prev = state;
      state = value;
      queue.push([value, prev]);
      if (notifying) return;
      notifying = true;
      // A listener that throws does not stop the others hearing the change; the first error is
      // rethrown once every listener has heard every queued change.
      let failed = false;
      let error: unknown;
      try {
        for (let change = queue.shift(); change !== undefined; change = queue.shift()) {
          for (const listener of [...listeners]) {
            if (!listeners.has(listener)) continue;
            try {
              listener(change[0], change[1]);
            } catch (err) {
              if (!failed) error = err;
              failed = true;
            }
          }
        }
      } finally {
        notifying = false;
        queue.length = 0;
      }
      if (failed) throw error;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
