import { describe, expect, it } from 'vitest';
import {
  hover,
  select,
  setFocus,
  setPathEnd,
  setQuery,
  setSlide,
  setSlideRange,
  toggleEdgeKind,
  toggleNodeKind,
  toggleSection,
} from '../../src/state/actions';
import { buildSearchIndex, matchAll, search } from '../../src/model/search';
import { createDeriver, graphIndexSteps, indexGraph, KeySet, MAX_MATCHES } from '../../src/state/derive';
import { DEFAULT_STATE, type AppState } from '../../src/state/types';
import { syntheticGraph, tinyGraph } from '../fixtures/tiny-graph';

const graph = tinyGraph();
const sorted = (set: ReadonlySet<string> | null): string[] | null => (set === null ? null : [...set].sort());
const ALL_NODES = graph.nodes().sort();
const ALL_EDGES = graph.edges().sort();

describe('state/derive', () => {
  it('shows everything by default, with nothing highlighted', () => {
    const d = createDeriver(graph)(DEFAULT_STATE);
    expect(sorted(d.visibleNodes)).toEqual(ALL_NODES);
    expect(sorted(d.visibleEdges)).toEqual(ALL_EDGES);
    expect(d.visibleNodes.size).toBe(10);
    expect(d.focusActive).toBe(false);
    expect(d.highlightNodes).toBeNull();
    expect(d.highlightEdges).toBeNull();
    expect(d.highlightCenter).toBeNull();
    expect(d.paths).toEqual([]);
    expect(d.pathNodes).toBeNull();
    expect(d.matches).toBeNull();
    expect(d.slideNodes).toBeNull();
    expect(d.selectedVisible).toBeNull();
    expect(d.counts).toEqual(d.totals);
    expect(createDeriver(graph).index.nodeKeys).toEqual(graph.nodes());
    expect(d.totals.nodeKinds).toMatchObject({ paradigm: 2, trait: 1, chapter: 1 });
    expect(d.totals.sections).toEqual({ none: 4, '2-1': 2, '2-4': 2, '2-3': 2 });
    expect(d.totals.edgeKinds).toMatchObject({ contains: 4, characterizes: 2, involves: 2 });
  });

  it('hides node kinds, with their edges', () => {
    const d = createDeriver(graph)(toggleNodeKind(DEFAULT_STATE, 'trait'));
    expect(d.visibleNodes.has('tr.middle')).toBe(false);
    expect(d.visibleNodes.size).toBe(9);
    expect(d.visibleEdges.has('e3')).toBe(false);
    expect(d.visibleEdges.size).toBe(10);
    expect(d.counts.nodeKinds).toMatchObject({ trait: 0, paradigm: 2 });
    expect(d.counts.edgeKinds['drawback-of']).toBe(0);
    expect(d.counts.sections['2-4']).toBe(1);
    expect(d.totals.nodeKinds.trait).toBe(1);
  });

  it('hides edge kinds, keeping the nodes', () => {
    const d = createDeriver(graph)(toggleEdgeKind(DEFAULT_STATE, 'contains'));
    expect(d.visibleNodes.size).toBe(10);
    expect(sorted(d.visibleEdges)).toEqual(['e10', 'e11', 'e3', 'e4', 'e5', 'e8', 'e9']);
  });

  it('hides sections, and nodes outside every section with "none"', () => {
    const derive = createDeriver(graph);
    const d = derive(toggleSection(DEFAULT_STATE, '2-4'));
    expect(d.visibleNodes.has('dm.central') || d.visibleNodes.has('tr.middle')).toBe(false);
    expect(d.visibleEdges.has('e3') || d.visibleEdges.has('e10')).toBe(false);
    const none = derive(toggleSection(DEFAULT_STATE, 'none'));
    expect(sorted(none.visibleNodes)).toEqual(['ac.gov', 'dm.central', 'ms.decentral', 'sec.2-1', 'st.decentral', 'tr.middle']);
  });

  it('filters by slide range, keeping what has no slides', () => {
    const d = createDeriver(graph)(setSlideRange(DEFAULT_STATE, [4, 6]));
    expect(sorted(d.visibleNodes)).toEqual(['ms.decentral', 'pd.egov', 'pd.trad', 'sec.2-1', 'tech.email']);
    expect(sorted(d.visibleEdges)).toEqual(['e2', 'e5', 'e8']);
  });

  it('focuses on the N-hop neighbourhood of the selection, by direction', () => {
    const derive = createDeriver(graph);
    const at = (depth: 0 | 1 | 2 | 3, direction: 'in' | 'out' | 'both'): AppState =>
      setFocus(select(DEFAULT_STATE, 'pd.egov'), { depth, direction });
    const both = derive(at(1, 'both'));
    expect(both.focusActive).toBe(true);
    expect(sorted(both.visibleNodes)).toEqual(['ac.gov', 'ch.2', 'pd.egov', 'pd.trad', 'st.decentral', 'tech.email']);
    expect(sorted(both.visibleEdges)).toEqual(['e11', 'e5', 'e6', 'e7', 'e8', 'e9']);
    expect(both.filteredNodes.size).toBe(10);
    const out = derive(at(1, 'out'));
    expect(sorted(out.visibleNodes)).toEqual(['ac.gov', 'pd.egov', 'pd.trad', 'tech.email']);
    expect(sorted(out.visibleEdges)).toEqual(['e5', 'e8', 'e9']);
    expect(sorted(derive(at(1, 'in')).visibleNodes)).toEqual(['ch.2', 'pd.egov', 'st.decentral']);
    const in2 = derive(at(2, 'in'));
    expect(sorted(in2.visibleNodes)).toEqual(['ch.2', 'ms.decentral', 'pd.egov', 'st.decentral']);
    expect(sorted(in2.visibleEdges)).toEqual(['e11', 'e4', 'e6']);
    expect(derive(at(3, 'both')).visibleNodes.size).toBe(10);
    const off = derive(at(0, 'both'));
    expect(off.focusActive).toBe(false);
    expect(off.visibleNodes.size).toBe(10);
  });

  it('focuses within the filters, and not at all on a hidden selection', () => {
    const derive = createDeriver(graph);
    const focused = setFocus(select(DEFAULT_STATE, 'pd.egov'), { depth: 1, direction: 'out' });
    expect(sorted(derive(toggleEdgeKind(focused, 'involves')).visibleNodes)).toEqual(['pd.egov', 'pd.trad']);
    const hidden = derive(toggleNodeKind(focused, 'paradigm'));
    expect(hidden.focusActive).toBe(false);
    expect(hidden.selectedVisible).toBeNull();
    expect(hidden.visibleNodes).toBe(hidden.filteredNodes);
    const noSelection = derive(setFocus(DEFAULT_STATE, { depth: 2 }));
    expect(noSelection.focusActive).toBe(false);
  });

  it('highlights the hovered (else selected) node, its visible neighbours and edges', () => {
    const derive = createDeriver(graph);
    const hovered = derive(hover(DEFAULT_STATE, 'ms.decentral'));
    expect(hovered.highlightCenter).toBe('ms.decentral');
    expect(sorted(hovered.highlightNodes)).toEqual(['ms.decentral', 'sec.2-1', 'st.decentral']);
    expect(sorted(hovered.highlightEdges)).toEqual(['e2', 'e4']);
    const selected = select(DEFAULT_STATE, 'dm.central');
    expect(sorted(derive(selected).highlightNodes)).toEqual(['dm.central', 'pd.trad', 'tr.middle']);
    expect(derive(hover(selected, 'ms.decentral')).highlightCenter).toBe('ms.decentral');
    // a hovered node hidden by a filter falls back to the selection
    expect(derive(hover(toggleNodeKind(selected, 'measure'), 'ms.decentral')).highlightCenter).toBe('dm.central');
    // neighbours across hidden edges are not highlighted
    expect(sorted(derive(toggleEdgeKind(selected, 'drawback-of')).highlightNodes)).toEqual(['dm.central', 'pd.trad']);
    expect(derive(select(DEFAULT_STATE, 'nope')).highlightNodes).toBeNull();
  });

  it('draws the union of the shortest chains, within the filters', () => {
    const derive = createDeriver(graph);
    const pathState = setPathEnd(setPathEnd(DEFAULT_STATE, 'from', 'tr.middle'), 'to', 'ms.decentral');
    const d = derive(pathState);
    expect(d.paths).toHaveLength(2);
    expect(sorted(d.pathNodes)).toEqual(
      ['ch.2', 'dm.central', 'ms.decentral', 'pd.egov', 'pd.trad', 'sec.2-1', 'st.decentral', 'tr.middle'],
    );
    expect(sorted(d.pathEdges)).toEqual(['e1', 'e10', 'e11', 'e2', 'e3', 'e4', 'e5', 'e7']);
    const noEcho = derive(toggleEdgeKind(pathState, 'echoes'));
    expect(noEcho.paths.map((c) => c.nodes)).toEqual([
      ['tr.middle', 'dm.central', 'pd.trad', 'ch.2', 'sec.2-1', 'ms.decentral'],
    ]);
    const cut = derive(toggleNodeKind(pathState, 'decision-mode'));
    expect(cut.paths).toEqual([]);
    expect(cut.pathNodes?.size).toBe(0);
    expect(derive(setPathEnd(DEFAULT_STATE, 'from', 'pd.egov')).pathNodes).toBeNull();
  });

  it('matches the search text among visible nodes', () => {
    const derive = createDeriver(graph);
    expect(sorted(derive(setQuery(DEFAULT_STATE, '電子')).matches)).toEqual(['ch.2', 'pd.egov', 'tech.email']);
    expect(sorted(derive(setQuery(DEFAULT_STATE, 'dzzw')).matches)).toEqual(['ch.2', 'pd.egov']);
    expect(sorted(derive(toggleNodeKind(setQuery(DEFAULT_STATE, '電子'), 'technology')).matches)).toEqual(['ch.2', 'pd.egov']);
    expect(derive(setQuery(DEFAULT_STATE, '  ')).matches).toBeNull();
  });

  it('a search that matches more than MAX_MATCHES singles out its best ones and counts them all', () => {
    const big = syntheticGraph(3000, 1, 5);
    const derive = createDeriver(big);
    const index = buildSearchIndex(big);
    const d = derive(setQuery(DEFAULT_STATE, 'dian'));
    const all = matchAll(index, 'dian');
    expect(all.size).toBeGreaterThan(MAX_MATCHES);
    expect(d.matchTotal).toBe(all.size);
    expect(d.matches?.size).toBe(MAX_MATCHES);
    expect(sorted(d.matches)).toEqual(search(index, 'dian', { limit: MAX_MATCHES }).map((h) => h.key).sort());
    // Fewer than the cap: all of them.
    const narrow = derive(setQuery(DEFAULT_STATE, big.getNodeAttribute('n123', 'labelEn')!));
    expect(narrow.matchTotal).toBeGreaterThan(0);
    expect(narrow.matchTotal).toBeLessThanOrEqual(MAX_MATCHES);
    expect(narrow.matches?.size).toBe(narrow.matchTotal);
    expect(derive(setQuery(DEFAULT_STATE, '')).matchTotal).toBe(0);
  });

  it('lists the lecture slide’s nodes and edges', () => {
    const d = createDeriver(graph)(setSlide(DEFAULT_STATE, 13));
    expect(sorted(d.slideNodes)).toEqual(['dm.central', 'tr.middle']);
    expect(sorted(d.slideEdges)).toEqual(['e10', 'e3']);
  });

  it('lists what earlier slides showed and this one does not (drawn quieter)', () => {
    const derive = createDeriver(graph);
    const d = derive(setSlide(DEFAULT_STATE, 11));
    expect(sorted(d.slideNodes)).toEqual(['st.decentral']);
    expect(sorted(d.pastSlideNodes)).toEqual(['ac.gov', 'ch.2', 'ms.decentral', 'pd.egov', 'pd.trad', 'sec.2-1']);
    expect(sorted(d.slideEdges)).toEqual(['e11', 'e4']);
    expect(sorted(d.pastSlideEdges)).toEqual(['e1', 'e2', 'e5', 'e6', 'e7', 'e9']);
    expect(derive(setSlide(DEFAULT_STATE, 1)).pastSlideNodes?.size).toBe(0);
    expect(derive(DEFAULT_STATE).pastSlideNodes).toBeNull();
  });

  describe('memoisation', () => {
    const base = setQuery(setPathEnd(setPathEnd(select(DEFAULT_STATE, 'pd.egov'), 'from', 'tr.middle'), 'to', 'ms.decentral'), '電子');

    it('returns the same object for the same state', () => {
      const derive = createDeriver(graph);
      const d = derive(base);
      expect(derive(base)).toBe(d);
      expect(derive({ ...base })).toBe(d);
    });

    it('a hover change recomputes only the highlight', () => {
      const derive = createDeriver(graph);
      const d1 = derive(base);
      const d2 = derive(hover(base, 'ms.decentral'));
      expect(d2).not.toBe(d1);
      expect(d2.visibleNodes).toBe(d1.visibleNodes);
      expect(d2.visibleEdges).toBe(d1.visibleEdges);
      expect(d2.filteredNodes).toBe(d1.filteredNodes);
      expect(d2.paths).toBe(d1.paths);
      expect(d2.pathNodes).toBe(d1.pathNodes);
      expect(d2.matches).toBe(d1.matches);
      expect(d2.counts).toBe(d1.counts);
      expect(d2.highlightNodes).not.toBe(d1.highlightNodes);
      // hovering back gives a fresh highlight, the rest still untouched
      const d3 = derive(hover(base, null));
      expect(d3.visibleNodes).toBe(d1.visibleNodes);
      expect(sorted(d3.highlightNodes)).toEqual(sorted(d1.highlightNodes));
    });

    it('a query or selection change keeps visibility and paths', () => {
      const derive = createDeriver(graph);
      const d1 = derive(base);
      const d2 = derive(setQuery(base, 'dzzw'));
      expect(d2.visibleNodes).toBe(d1.visibleNodes);
      expect(d2.paths).toBe(d1.paths);
      expect(d2.highlightNodes).toBe(d1.highlightNodes);
      expect(d2.matches).not.toBe(d1.matches);
      const d3 = derive(select(base, 'ac.gov'));
      expect(d3.visibleNodes).toBe(d1.visibleNodes);
      expect(d3.paths).toBe(d1.paths);
    });

    it('equal filters in a new object keep the visible sets', () => {
      const derive = createDeriver(graph);
      const d1 = derive(base);
      const roundTrip = toggleNodeKind(toggleNodeKind(base, 'trait'), 'trait');
      expect(roundTrip.filters).not.toBe(base.filters);
      const d2 = derive(roundTrip);
      expect(d2.visibleNodes).toBe(d1.visibleNodes);
      expect(d2.paths).toBe(d1.paths);
    });

    it('a filter change recomputes visibility, paths and counts', () => {
      const derive = createDeriver(graph);
      const d1 = derive(base);
      const d2 = derive(toggleEdgeKind(base, 'echoes'));
      expect(d2.visibleEdges).not.toBe(d1.visibleEdges);
      expect(d2.paths).not.toBe(d1.paths);
      expect(d2.counts).not.toBe(d1.counts);
      expect(d2.totals).toBe(d1.totals);
    });
  });

  it('KeySet behaves as a read-only Set', () => {
    const d = createDeriver(graph)(setSlideRange(DEFAULT_STATE, [4, 6]));
    const set = d.visibleEdges;
    expect(set).toBeInstanceOf(KeySet);
    expect(set.has('e2')).toBe(true);
    expect(set.has('e1')).toBe(false);
    expect(set.has('nope')).toBe(false);
    expect([...set]).toEqual(['e2', 'e5', 'e8']);
    expect([...set.keys()]).toEqual([...set.values()]);
    expect([...set.entries()]).toEqual([
      ['e2', 'e2'],
      ['e5', 'e5'],
      ['e8', 'e8'],
    ]);
    const seen: string[] = [];
    set.forEach((v, v2, s) => {
      expect(v2).toBe(v);
      expect(s).toBe(set);
      seen.push(v);
    });
    expect(seen).toEqual(['e2', 'e5', 'e8']);
    expect(new Set(set)).toEqual(new Set(['e2', 'e5', 'e8']));
  });

  it('builds the graph index in steps, to the same index as at once, and derives the same from it', () => {
    const big = syntheticGraph(20_000, 3);
    const steps = graphIndexSteps(big);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // 20k nodes and 60k edges in chunks of 15k: two steps of nodes, then four of edges.
    expect(yields).toBe(6);
    const stepped = step.value;
    const once = indexGraph(big);
    expect(stepped.path.nodeKeys).toEqual(big.nodes());
    expect(stepped.path.edgeKeys).toEqual(big.edges());
    expect(stepped.path.edgeKeys).toEqual(once.path.edgeKeys);
    expect([...stepped.path.edgeSource]).toEqual([...once.path.edgeSource]);
    expect([...stepped.path.edgeTarget]).toEqual([...once.path.edgeTarget]);
    expect([...stepped.edgeKind]).toEqual([...once.edgeKind]);
    expect([...stepped.edgeSlides.values]).toEqual([...once.edgeSlides.values]);
    expect(stepped.edgeKinds.names).toEqual(once.edgeKinds.names);
    const e = big.edges()[45_000]!;
    expect(stepped.path.nodeKeys[stepped.path.edgeSource[stepped.path.edgeOrdinals.get(e)!]!]).toBe(big.source(e));
    const state = setFocus(select(toggleSection(DEFAULT_STATE, '2-1'), 'n7'), { depth: 2 });
    const a = createDeriver(big, { graphIndex: stepped })(state);
    const b = createDeriver(big)(state);
    expect(sorted(a.visibleNodes)).toEqual(sorted(b.visibleNodes));
    expect(sorted(a.visibleEdges)).toEqual(sorted(b.visibleEdges));
    expect(a.counts).toEqual(b.counts);
    expect(() => createDeriver(graph, { graphIndex: stepped })).toThrow(/another graph/);
  }, 60_000); // 60k edges, more than one chunk: a correctness test, given time on a loaded machine

  it('keeps per-change work small: a hover or a selection reuses the filter slice (its Sets and counts)', () => {
    // Timings are the benchmark's business (npm run bench); here, what a change recomputes.
    const big = syntheticGraph(5_000, 3);
    const derive = createDeriver(big);
    const base = derive(select(DEFAULT_STATE, 'n1'));
    const hovered = derive(hover(select(DEFAULT_STATE, 'n1'), 'n2'));
    expect(hovered.visibleNodes).toBe(base.visibleNodes);
    expect(hovered.visibleEdges).toBe(base.visibleEdges);
    expect(hovered.counts).toBe(base.counts);
    const reselected = derive(select(DEFAULT_STATE, 'n3'));
    expect(reselected.visibleNodes).toBe(base.visibleNodes);
    expect(reselected.counts).toBe(base.counts);
    // A filter change does recompute them.
    const filtered = derive(toggleNodeKind(select(DEFAULT_STATE, 'n1'), 'trait'));
    expect(filtered.visibleNodes).not.toBe(base.visibleNodes);
    expect(filtered.visibleNodes.size).toBeLessThan(base.visibleNodes.size);
  });
});
