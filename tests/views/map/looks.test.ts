import { describe, expect, it } from 'vitest';
import { hover, select, setFocus, setPathEnd, setQuery, setSlide, toggleSection } from '../../../src/state/actions';
import { createDeriver } from '../../../src/state/derive';
import { DEFAULT_STATE, type AppState } from '../../../src/state/types';
import { E, edgeLook, LookTable, N, nodeLook, type LookInputs, type MapOverlay } from '../../../src/views/map/looks';
import { syntheticGraph, tinyGraph } from '../../fixtures/tiny-graph';

function inputsFor(derive: ReturnType<typeof createDeriver>, state: AppState, veiled = false, overlay: MapOverlay | null = null, maxForcedLabels = Infinity): LookInputs {
  return { derived: derive(state), pathFrom: state.path.from, pathTo: state.path.to, overlay, veiled, maxForcedLabels };
}

describe('views/map/looks', () => {
  const graph = tinyGraph();
  const derive = createDeriver(graph);
  const first = graph.nodes()[0]!;

  it('lights everything when nothing is singled out; hides what the filters hide', () => {
    const x = inputsFor(derive, DEFAULT_STATE);
    for (const n of graph.nodes()) expect(nodeLook(n, x)).toBe(N.VISIBLE | N.LIT);
    for (const e of graph.edges()) expect(edgeLook(e, x)).toBe(E.VISIBLE | E.LIT);
    const inSection = graph.nodes().find((n) => graph.getNodeAttribute(n, 'section'))!;
    const hidden = inputsFor(derive, toggleSection(DEFAULT_STATE, graph.getNodeAttribute(inSection, 'section')!));
    expect(nodeLook(inSection, hidden)).toBe(0);
    // Its links go with it (the loop would pass on a node without links).
    expect(graph.degree(inSection)).toBeGreaterThan(0);
    for (const e of graph.edges(inSection)) expect(edgeLook(e, hidden)).toBe(0);
  });

  it('hover: the centre and its neighbours lit with forced labels, the rest dimmed, incident edges labelled and wide', () => {
    const centre = graph.nodes().find((n) => graph.degree(n) >= 2)!;
    const x = inputsFor(derive, hover(DEFAULT_STATE, centre));
    const near = new Set([centre, ...graph.neighbors(centre)]);
    for (const n of graph.nodes()) expect(nodeLook(n, x)).toBe(near.has(n) ? N.VISIBLE | N.LIT | N.FORCE : N.VISIBLE);
    for (const e of graph.edges()) {
      const incident = graph.extremities(e).includes(centre);
      expect(edgeLook(e, x)).toBe(incident ? E.VISIBLE | E.LIT | E.WIDE | E.LABEL : E.VISIBLE);
    }
    // A selection is marked; a hover is not.
    expect(nodeLook(centre, x) & N.MARKED).toBe(0);
    expect(nodeLook(centre, inputsFor(derive, select(DEFAULT_STATE, centre))) & N.MARKED).toBe(N.MARKED);
  });

  it('path: chain nodes and edges on the path, both ends marked', () => {
    const [from, to] = [graph.nodes()[0]!, graph.nodes()[graph.order - 1]!];
    const state = setPathEnd(setPathEnd(DEFAULT_STATE, 'from', from), 'to', to);
    const x = inputsFor(derive, state);
    const d = x.derived;
    expect(d.pathNodes?.size).toBeGreaterThan(1);
    for (const n of d.pathNodes!) expect(nodeLook(n, x) & (N.PATH | N.LIT)).toBe(N.PATH | N.LIT);
    expect(nodeLook(from, x) & N.MARKED).toBe(N.MARKED);
    expect(nodeLook(to, x) & N.MARKED).toBe(N.MARKED);
    for (const e of d.pathEdges!) expect(edgeLook(e, x) & (E.PATH | E.LABEL)).toBe(E.PATH | E.LABEL);
  });

  it('veiled (large graphs): edges rest unlit, so a highlight changes only the edges it lights', () => {
    const rest = inputsFor(derive, DEFAULT_STATE, true);
    for (const e of graph.edges()) expect(edgeLook(e, rest)).toBe(E.VISIBLE);
    const centre = graph.nodes().find((n) => graph.degree(n) >= 2)!;
    const lit = inputsFor(derive, hover(DEFAULT_STATE, centre), true);
    for (const e of graph.edges()) expect(edgeLook(e, lit) !== edgeLook(e, rest)).toBe(graph.extremities(e).includes(centre));
  });

  it('forces labels only on a few singled-out items when a cap is set', () => {
    const big = syntheticGraph(2_000, 3, 11);
    const d = createDeriver(big);
    const state = setQuery(DEFAULT_STATE, 'dian');
    const matches = d(state).matches!;
    expect(matches.size).toBeGreaterThan(20);
    const some = [...matches][0]!;
    expect(nodeLook(some, inputsFor(d, state, true, null, 20))).toBe(N.VISIBLE | N.LIT);
    expect(nodeLook(some, inputsFor(d, state, true, null, matches.size))).toBe(N.VISIBLE | N.LIT | N.FORCE);
    const hub = big.nodes().reduce((a, b) => (big.degree(a) >= big.degree(b) ? a : b));
    const hovered = inputsFor(d, hover(DEFAULT_STATE, hub), true, null, 2);
    for (const e of big.edges(hub)) expect(edgeLook(e, hovered)).toBe(E.VISIBLE | E.LIT | E.WIDE);
  });

  it('rings: mastered wins over visited', () => {
    const overlay: MapOverlay = { visited: new Set([first]), mastered: new Set([first]) };
    expect(nodeLook(first, inputsFor(derive, DEFAULT_STATE, false, overlay)) & (N.RING_MASTERED | N.RING_VISITED)).toBe(N.RING_MASTERED);
    const visited: MapOverlay = { visited: new Set([first]), mastered: new Set() };
    expect(nodeLook(first, inputsFor(derive, DEFAULT_STATE, false, visited)) & (N.RING_MASTERED | N.RING_VISITED)).toBe(N.RING_VISITED);
  });

  const changes = (veiled: boolean) => {
    const big = syntheticGraph(2_000, 3, 11);
    const d = createDeriver(big);
    const table = new LookTable(d.index, inputsFor(d, DEFAULT_STATE, veiled));
    const check = (state: AppState) => {
      const before = new Map([...big.nodes().map((n) => [`n:${n}`, table.node(n)] as const), ...big.edges().map((e) => [`e:${e}`, table.edge(e)] as const)]);
      const x = inputsFor(d, state, veiled);
      table.update(x);
      const changedNodes = big.nodes().filter((n) => before.get(`n:${n}`) !== nodeLook(n, x));
      const changedEdges = big.edges().filter((e) => before.get(`e:${e}`) !== edgeLook(e, x));
      expect([...table.changedNodes].sort()).toEqual(changedNodes.sort());
      expect([...table.changedEdges].sort()).toEqual(changedEdges.sort());
      for (const n of big.nodes()) expect(table.node(n)).toBe(nodeLook(n, x));
      for (const e of big.edges()) expect(table.edge(e)).toBe(edgeLook(e, x));
      // Each change with its ordinal (graph order), its code before and after (read by ordinal).
      const nodeKeys = big.nodes(), edgeKeys = big.edges();
      table.changedNodes.forEach((n, k) => {
        const i = table.changedNodeOrdinals[k]!;
        expect([nodeKeys[i], table.changedNodesWere[k], table.nodeAt(i)]).toEqual([n, before.get(`n:${n}`), nodeLook(n, x)]);
      });
      table.changedEdges.forEach((e, k) => {
        const i = table.changedEdgeOrdinals[k]!;
        expect([edgeKeys[i], table.changedEdgesWere[k], table.edgeAt(i)]).toEqual([e, before.get(`e:${e}`), edgeLook(e, x)]);
      });
      return { nodes: table.changedNodes.length, edges: table.changedEdges.length };
    };
    const a = big.nodes().find((n) => big.degree(n) === 6)!;
    const b = big.nodes().filter((n) => big.degree(n) === 6)[1]!;
    const same = () => {
      table.update(inputsFor(d, setQuery(hover(DEFAULT_STATE, b), 'dian'), veiled));
      return table.changedNodes.length + table.changedEdges.length;
    };
    return { big, check, a, b, same };
  };

  it('LookTable lists exactly the items whose look changed; veiled, a highlight changes only what it lights', () => {
    const { big, check, a, b, same } = changes(true);
    // From nothing to a hover: the centre and its six neighbours, and the six incident edges.
    expect(check(hover(DEFAULT_STATE, a))).toEqual({ nodes: 7, edges: 6 });
    // From one hover to another: only the two neighbourhoods change.
    const moved = check(hover(DEFAULT_STATE, b));
    expect(moved.nodes).toBeLessThanOrEqual(14);
    expect(moved.edges).toBeLessThanOrEqual(12);
    // A search while hovering: the highlight wins, nothing changes.
    expect(check(setQuery(hover(DEFAULT_STATE, b), 'dian'))).toEqual({ nodes: 0, edges: 0 });
    // Same state again: the same Sets, nothing to compare.
    expect(same()).toBe(0);
    expect(check(DEFAULT_STATE)).toEqual({ nodes: 7, edges: 6 });
    // Hiding a section changes its nodes and their edges only.
    const hidden = big.filterNodes((_k, attrs) => attrs.section === '2-1');
    expect(check(toggleSection(DEFAULT_STATE, '2-1')).nodes).toBe(hidden.length);
  });

  it('veiled, a walk through hovers, selections, paths, searches, slides, focus and filters: every look held is right and every change listed', () => {
    const { big, check } = changes(true);
    const keys = big.nodes();
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const anyNode = () => keys[Math.floor(random() * keys.length)]!;
    const steps: ((s: AppState) => AppState)[] = [
      (s) => hover(s, anyNode()),
      (s) => hover(s, null),
      (s) => select(s, anyNode()),
      (s) => select(s, null),
      (s) => setPathEnd(s, 'from', anyNode()),
      (s) => setPathEnd(s, 'to', anyNode()),
      (s) => setQuery(s, ['n1', 'dian', 'zz', ''][Math.floor(random() * 4)]!),
      (s) => setSlide(s, random() < 0.3 ? null : 1 + Math.floor(random() * 6)),
      (s) => setFocus(s, { depth: random() < 0.5 ? 0 : random() < 0.5 ? 1 : 2 }),
      (s) => toggleSection(s, '2-1'),
    ];
    let state = DEFAULT_STATE;
    for (let i = 0; i < 60; i++) {
      state = steps[Math.floor(random() * steps.length)]!(state);
      check(state);
    }
  }, 60_000);

  it('veiled focus raises the neighbourhood instead of hiding the rest: it changes only the focus', () => {
    const { big, check, b } = changes(true);
    check(select(DEFAULT_STATE, b));
    const focused = setFocus(select(DEFAULT_STATE, b), { depth: 2 });
    const d = createDeriver(big)(focused);
    expect(d.focusActive).toBe(true);
    const changed = check(focused);
    expect(changed.nodes).toBeLessThanOrEqual(d.visibleNodes.size);
    expect(changed.edges).toBe(d.visibleEdges.size);
    const x = inputsFor(createDeriver(big), focused, true);
    const outside = big.nodes().find((n) => !d.visibleNodes.has(n))!;
    expect(nodeLook(outside, x)).toBe(N.VISIBLE);
    for (const n of d.visibleNodes) expect(nodeLook(n, x) & (N.VISIBLE | N.RAISED)).toBe(N.VISIBLE | N.RAISED);
  });

  it('LookTable, not veiled (small graphs): a highlight dims every other node', () => {
    const { big, check, a } = changes(false);
    expect(check(hover(DEFAULT_STATE, a))).toEqual({ nodes: big.order, edges: big.size });
  });

  it('LookTable knows when a label comes back that the last full draw did not lay out', () => {
    const big = syntheticGraph(500, 3, 5);
    const d = createDeriver(big);
    const hovered = big.nodes()[0]!;
    // Not veiled, first full draw while hovering: only the neighbourhood is labelled.
    const table = new LookTable(d.index, inputsFor(d, hover(DEFAULT_STATE, hovered)));
    table.update(inputsFor(d, DEFAULT_STATE));
    expect(table.labelGridStale()).toBe(true);
    table.markFullDraw();
    table.update(inputsFor(d, hover(DEFAULT_STATE, hovered)));
    expect(table.labelGridStale()).toBe(false);
    table.update(inputsFor(d, DEFAULT_STATE));
    expect(table.labelGridStale()).toBe(false);
    // Veiled, every shown node keeps its label: only nodes shown again are news to the grid.
    const veiled = new LookTable(d.index, inputsFor(d, toggleSection(DEFAULT_STATE, '2-1'), true));
    veiled.update(inputsFor(d, hover(toggleSection(DEFAULT_STATE, '2-1'), hovered), true));
    expect(veiled.labelGridStale()).toBe(false);
    veiled.update(inputsFor(d, DEFAULT_STATE, true));
    expect(veiled.labelGridStale()).toBe(true);
  });

  it('LookTable counts the edges whose phrase is drawn, as codes change', () => {
    const d = createDeriver(graph);
    const count = (t: LookTable) => t.edgeKeys.filter((e) => t.edge(e) & E.LABEL).length;
    const table = new LookTable(d.index, inputsFor(d, DEFAULT_STATE));
    expect(table.labelledEdges).toBe(0);
    const centre = graph.nodes().find((n) => graph.degree(n) >= 2)!;
    table.update(inputsFor(d, hover(DEFAULT_STATE, centre)));
    // The hovered node's links read as phrases.
    expect(table.labelledEdges).toBe(graph.edges(centre).length);
    expect(table.labelledEdges).toBe(count(table));
    const other = graph.nodes().find((n) => n !== centre && graph.degree(n) >= 1 && !graph.areNeighbors(n, centre))!;
    table.update(inputsFor(d, hover(DEFAULT_STATE, other)));
    expect(table.labelledEdges).toBe(count(table));
    expect(table.labelledEdges).toBe(graph.edges(other).length);
    table.update(inputsFor(d, DEFAULT_STATE));
    expect(table.labelledEdges).toBe(0);
  });
});
