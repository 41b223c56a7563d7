import { describe, expect, it, vi } from 'vitest';
import { select } from '../../src/state/actions';
import { createStore } from '../../src/state/store';
import { DEFAULT_STATE, type AppState } from '../../src/state/types';

describe('state/store', () => {
  it('gets, sets a state or a producer, and notifies with the previous state', () => {
    const store = createStore<AppState>(DEFAULT_STATE);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.get()).toBe(DEFAULT_STATE);
    store.set((s) => select(s, 'a'));
    expect(store.get().selected).toBe('a');
    expect(listener).toHaveBeenCalledWith(store.get(), DEFAULT_STATE);
    const next = { ...store.get(), view: 'outline' as const };
    store.set(next);
    expect(store.get()).toBe(next);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('notifies no one when the state does not change', () => {
    const store = createStore<AppState>(DEFAULT_STATE);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set((s) => select(s, null));
    store.set(DEFAULT_STATE);
    expect(listener).not.toHaveBeenCalled();
  });

  it('unsubscribes', () => {
    const store = createStore({ n: 0 });
    const listener = vi.fn();
    const off = store.subscribe(listener);
    off();
    off();
    store.set({ n: 1 });
    expect(listener).not.toHaveBeenCalled();
  });

  it('delivers changes in order when a listener sets the state', () => {
    const store = createStore({ n: 0 });
    const seen: string[] = [];
    store.subscribe((s, prev) => {
      seen.push(`A ${prev.n}→${s.n}`);
      if (s.n === 1) store.set({ n: 2 });
    });
    store.subscribe((s, prev) => seen.push(`B ${prev.n}→${s.n}`));
    store.set({ n: 1 });
    expect(seen).toEqual(['A 0→1', 'B 0→1', 'A 1→2', 'B 1→2']);
    expect(store.get().n).toBe(2);
  });

  it('keeps working after a listener throws', () => {
    const store = createStore({ n: 0 });
    store.subscribe(() => {
      throw new Error('boom');
    });
    expect(() => store.set({ n: 1 })).toThrow('boom');
    const listener = vi.fn();
    store.subscribe(listener);
    expect(() => store.set({ n: 2 })).toThrow('boom');
    expect(store.get().n).toBe(2);
    // The listener after the one that throws still hears the change, once.
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ n: 2 }, { n: 1 });
    // And the store is not left mid-notification: the next change reaches it too.
    expect(() => store.set({ n: 3 })).toThrow('boom');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('lets a listener unsubscribe another during a notification', () => {
    const store = createStore({ n: 0 });
    const b = vi.fn();
    let offB = (): void => {};
    store.subscribe(() => offB());
    offB = store.subscribe(b);
    store.set({ n: 1 });
    expect(b).not.toHaveBeenCalled();
    store.set({ n: 2 });
    expect(b).not.toHaveBeenCalled();
  });
});
