/**
 * The session builds its search index lazily: in steps while the page is idle, or at once when
 * a search needs it first. The stepped build gives the same index as the one-call build.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, matchAll, searchIndexSteps } from '../../src/model/search';
import { createSession } from '../../src/state/session';
import { DEFAULT_STATE } from '../../src/state/types';
import { syntheticGraph, tinyGraph } from '../fixtures/tiny-graph';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('searchIndexSteps', () => {
  it('builds, in several steps, the index buildSearchIndex builds in one', () => {
    const graph = syntheticGraph(300, 3, 5);
    const steps = searchIndexSteps(graph);
    let count = 0;
    let step = steps.next();
    while (!step.done) {
      count++;
      step = steps.next();
    }
    expect(count).toBeGreaterThanOrEqual(6);
    expect(step.value).toEqual(buildSearchIndex(graph));
  });
});

describe('createSession', () => {
  it('builds the search index in idle callbacks, one step or more each', () => {
    const callbacks: IdleRequestCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => callbacks.push(cb));
    const session = createSession(tinyGraph(), DEFAULT_STATE);
    expect(callbacks).toHaveLength(1);
    const noTime = { didTimeout: true, timeRemaining: () => 0 } as IdleDeadline;
    let runs = 0;
    while (callbacks.length > 0 && runs < 50) {
      callbacks.shift()!(noTime);
      runs++;
    }
    // No time left: one step per callback, each callback asking for the next.
    expect(runs).toBeGreaterThanOrEqual(6);
    expect(callbacks).toHaveLength(0);
    expect(session.searchIndex).toEqual(buildSearchIndex(tinyGraph()));
  });

  it('answers a search before the idle build has run, with the same matches', () => {
    vi.stubGlobal('requestIdleCallback', () => 0);
    const graph = tinyGraph();
    const session = createSession(graph, DEFAULT_STATE);
    session.update((s) => ({ ...s, query: 'dzzw' }));
    expect([...(session.derived().matches ?? [])].sort()).toEqual([...matchAll(buildSearchIndex(graph), 'dzzw')].sort());
    // Reading the index builds it once; a second read returns that same index.
    const index = session.searchIndex;
    expect(index.size).toBe(graph.order);
    expect([...matchAll(index, 'dzzw')].sort()).toEqual([...matchAll(buildSearchIndex(graph), 'dzzw')].sort());
    expect(session.searchIndex).toBe(index);
  });

  it("builds the index at once with searchIndex: 'now'", () => {
    const request = vi.fn();
    vi.stubGlobal('requestIdleCallback', request);
    const session = createSession(tinyGraph(), DEFAULT_STATE, { searchIndex: 'now' });
    expect(request).not.toHaveBeenCalled();
    expect(session.searchIndex.size).toBe(10);
  });
});
