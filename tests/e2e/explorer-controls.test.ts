/**
 * The explorer's controls in headless Chromium: zoom buttons and keys, touch, linking phrases
 * on hover, the embed flag.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser } from './browser';
import { openTab } from './tabs';
import { canvasInk, nextFrame, nodeScreenPosition, openApp, paintedPixels, quietLayers, screenshot, state, waitReady } from './harness';

const browser = sharedBrowser();

const cameraRatio = (page: Page) => page.evaluate(() => (window as any).linkage.net.renderer.getCamera().getState().ratio as number);

describe('map controls', () => {
  it('zoom buttons, fit and reset change the camera; the keyboard does the same on the map', async () => {
    const { page, close } = await openApp(browser(), '#lang=en');
    const start = await cameraRatio(page);
    await page.locator('#zoom-in').click();
    await expect.poll(() => cameraRatio(page)).toBeLessThan(start);
    const zoomed = await cameraRatio(page);
    await page.locator('#zoom-out').click();
    await expect.poll(() => cameraRatio(page)).toBeGreaterThan(zoomed);
    await page.locator('#zoom-reset').click();
    await expect.poll(() => cameraRatio(page)).toBeCloseTo(1, 2);
    // Keyboard: focus the map, then + and −.
    await page.locator('#map').focus();
    await page.keyboard.press('+');
    await expect.poll(() => cameraRatio(page)).toBeLessThan(0.9);
    const zoomedIn = await cameraRatio(page);
    await page.keyboard.press('-');
    await expect.poll(() => cameraRatio(page)).toBeGreaterThan(zoomedIn * 1.3);
    const before = await page.evaluate(() => (window as any).linkage.net.renderer.getCamera().getState().x as number);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (window as any).linkage.net.renderer.getCamera().getState().x as number)).toBeGreaterThan(before);
    // The camera lands in the URL, so a reload keeps it.
    await expect.poll(() => page.url()).toContain('cam=');
    const cam = (await state(page)).camera as { ratio: number };
    await page.reload();
    await waitReady(page);
    expect(await cameraRatio(page)).toBeCloseTo(cam.ratio, 3);
    await close();
  });

  it('hover shows the linking phrases of the hovered node’s links', async () => {
    const { page, close } = await openApp(browser(), '#lang=zh-Hant');
    const p = await nodeScreenPosition(page, 'tr.process');
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(() => (window as any).linkage.session.state().hovered === 'tr.process');
    const labels = await page.evaluate(() => {
      const { net, graph } = (window as any).linkage;
      return graph.edges('tr.process').map((e: string) => net.renderer.getEdgeDisplayData(e)?.label ?? null);
    });
    expect(labels).toContain('始於');
    expect(labels).toContain('轉向');
    const far = await page.evaluate(() => (window as any).linkage.net.renderer.getEdgeDisplayData('m.economy>realizes>rf.function')?.label ?? null);
    expect(far).toBeFalsy();
    await close();
  });

  it('the details panel floats over the map: opening it never resizes the map, and keeps the selected node in the open part', async () => {
    const { page, close } = await openApp(browser(), '#lang=en');
    const size = () => page.evaluate(() => (window as any).linkage.net.renderer.getDimensions() as { width: number; height: number });
    const before = await size();
    // The node drawn furthest right: the panel opens over it.
    const key = await page.evaluate(() => {
      const r = (window as any).linkage.net.renderer;
      let best = '';
      let bestX = -Infinity;
      (window as any).linkage.graph.forEachNode((k: string) => {
        const x = r.framedGraphToViewport(r.getNodeDisplayData(k)).x;
        if (x > bestX) [best, bestX] = [k, x];
      });
      return best;
    });
    const p = await nodeScreenPosition(page, key);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction((k) => (window as any).linkage.session.state().selected === k, key);
    const panel = (await page.locator('.panel').boundingBox())!;
    const map = (await page.locator('#map').boundingBox())!;
    expect(panel.x + panel.width).toBeCloseTo(map.x + map.width, 0);
    expect(p.x).toBeGreaterThan(panel.x);
    expect(await size()).toEqual(before);
    // The camera pans the node out from under the panel, with room for its label.
    await expect.poll(async () => (await nodeScreenPosition(page, key)).x).toBeLessThan(panel.x - 100);
    // The controls step aside from the panel.
    const controls = (await page.locator('.map-controls').boundingBox())!;
    expect(controls.x + controls.width).toBeLessThan(panel.x);
    await screenshot(page, 'explorer-panel-reveal');
    // Closing the panel: still the same map size.
    await page.locator('.panel .close').click();
    await expect.poll(() => page.locator('.panel').isHidden()).toBe(true);
    expect(await size()).toEqual(before);
    // The window resized: sigma draws at the map's new size (it measures only when the size changed).
    await page.setViewportSize({ width: 1100, height: 700 });
    await expect.poll(async () => {
      const box = (await page.locator('#map').boundingBox())!;
      const now = await size();
      return [now.width - Math.round(box.width), now.height - Math.round(box.height)];
    }).toEqual([0, 0]);
    expect((await paintedPixels(page)).nodes).toBeGreaterThan(2_000);
    await close();
  });

  it('a link that opens with the panel showing frames the whole map in the part the panel leaves open', async () => {
    // (A link with a focus frames the focus instead, with room for its names: names.test.ts.)
    for (const hash of ['#lang=en&sel=tr.power']) {
      const { page, close } = await openApp(browser(), hash);
      await page.waitForSelector('.panel .details');
      const panel = (await page.locator('.panel').boundingBox())!;
      const map = (await page.locator('#map').boundingBox())!;
      const xs = await page.evaluate(() => {
        const { graph, net } = (window as any).linkage;
        const box = net.renderer.getContainer().getBoundingClientRect();
        return graph.nodes().map((k: string) => box.left + net.renderer.graphToViewport(graph.getNodeAttributes(k)).x);
      });
      // Every node (shown or not) lies between the map's left edge and the panel.
      expect(Math.min(...xs)).toBeGreaterThan(map.x);
      expect(Math.max(...xs)).toBeLessThan(panel.x);
      // ⟲ after zooming in frames the same whole map again, still clear of the panel.
      const still = () => page.evaluate(() => !(window as any).linkage.net.renderer.getCamera().isAnimated());
      const framed = await page.evaluate(() => (window as any).linkage.net.renderer.getCamera().getState());
      await page.locator('#zoom-in').click();
      await expect.poll(still).toBe(true);
      await page.locator('#zoom-reset').click();
      await expect.poll(still).toBe(true);
      const reset = await page.evaluate(() => (window as any).linkage.net.renderer.getCamera().getState());
      expect(reset.ratio).toBeCloseTo(framed.ratio, 3);
      expect(reset.x).toBeCloseTo(framed.x, 3);
      expect(reset.y).toBeCloseTo(framed.y, 3);
      await close();
    }
  });

  it('parallel links are fanned into curves, with arrowheads only on directed ones; only the programs drawn with are compiled', async () => {
    const { page, close } = await openApp(browser(), '#lang=en');
    // The programs sigma compiled for the GPU: one for the nodes (and its twin on the hover
    // layer), and one per link type the graph takes, arrows always (none of sigma's defaults
    // beyond those: no plain circles).
    const programs = () =>
      page.evaluate(() => {
        const r = (window as any).linkage.net.renderer;
        const used = new Set<string>(['arrow']);
        r.getGraph().forEachEdge((e: string) => used.add(r.getEdgeDisplayData(e).type));
        return { nodes: Object.keys(r.nodePrograms), hover: Object.keys(r.nodeHoverPrograms), edges: Object.keys(r.edgePrograms).sort(), used: [...used].sort() };
      });
    const chapterPrograms = await programs();
    expect(chapterPrograms.nodes).toEqual(['bordered']);
    expect(chapterPrograms.hover).toEqual(['bordered']);
    expect(chapterPrograms.edges).toEqual(chapterPrograms.used);
    await page.evaluate(() => {
      const { graph, ctx } = (window as any).linkage;
      const g = new graph.constructor({ multi: true, type: 'directed' });
      // The kinds as a graph declares them (a compiled or imported one): contrasts reads both ways.
      const edgeKinds = [
        { id: 'involves', zh: '涉及', zhHans: '涉及', en: 'involves', color: '#c8b060' },
        { id: 'contrasts', zh: '對立', zhHans: '对立', en: 'contrasts', color: '#cc3311', symmetric: true },
      ];
      g.replaceAttributes({ id: 'parallel', title: 'Parallel', titleHans: 'Parallel', titleEn: 'Parallel', slideCount: 0, sections: [], nodeKinds: [], edgeKinds, slideTexts: [] });
      for (const [k, x] of [['a', 0], ['b', 1], ['c', 0], ['d', 1], ['e', 2]] as const) g.addNode(k, { label: k, x, y: k < 'c' ? 0 : 1, size: 6, color: '#888888', kind: 'concept', slides: [] });
      g.addEdgeWithKey('ab1', 'a', 'b', { kind: 'involves', slides: [], undirected: true });
      g.addEdgeWithKey('ab2', 'a', 'b', { kind: 'involves', slides: [], undirected: true });
      g.addEdgeWithKey('cd1', 'c', 'd', { kind: 'involves', slides: [] });
      g.addEdgeWithKey('cd2', 'd', 'c', { kind: 'involves', slides: [] });
      g.addEdgeWithKey('de1', 'd', 'e', { kind: 'contrasts', slides: [] });
      g.addEdgeWithKey('de2', 'd', 'e', { kind: 'involves', slides: [] });
      g.addEdgeWithKey('be', 'b', 'e', { kind: 'involves', slides: [], undirected: true });
      ctx.openGraph(g, 'parallel');
    });
    await page.waitForFunction(() => (window as any).linkage.graph.getAttribute('id') === 'parallel');
    const types = await page.evaluate(() => {
      const r = (window as any).linkage.net.renderer;
      return Object.fromEntries(['ab1', 'ab2', 'cd1', 'cd2', 'de1', 'de2', 'be'].map((e) => [e, r.getEdgeDisplayData(e).type]));
    });
    expect(types).toEqual({ ab1: 'curvedLine', ab2: 'curvedLine', cd1: 'curved', cd2: 'curved', de1: 'curvedLine', de2: 'curved', be: 'line' });
    // A second map on the page: its programs are its own types', sigma's defaults still left out.
    const parallelPrograms = await programs();
    expect(parallelPrograms.nodes).toEqual(['bordered']);
    expect(parallelPrograms.edges).toEqual(['arrow', 'curved', 'curvedLine', 'line']);
    await close();
  });

  /** Opens a large graph (drawn for speed) of 1,500 nodes named n0 … n1499 on the page. */
  // 1,500 nodes on a grid of 40 columns (even columns in section a, odd ones in b), 1,000 links.
  const openLarge = async (page: Page) => {
    await page.evaluate(() => {
      const { graph, ctx } = (window as any).linkage;
      const g = new graph.constructor({ multi: true, type: 'directed' });
      const sections = ['a', 'b'].map((id) => ({ id, zh: id, zhHans: id, en: id, slides: [1, 1] }));
      g.replaceAttributes({ id: 'large', title: 'Large', titleHans: 'Large', titleEn: 'Large', slideCount: 0, sections, nodeKinds: [], edgeKinds: [], slideTexts: [] });
      for (let i = 0; i < 1_500; i++) {
        g.addNode(`n${i}`, { label: `n${i}`, x: i % 40, y: Math.floor(i / 40), size: 4, color: '#888888', kind: 'concept', slides: [], section: i % 2 === 0 ? 'a' : 'b' });
      }
      // Every third link within a section, the others across.
      for (let i = 0; i < 1_000; i++) g.addEdge(`n${i}`, `n${(i * 7 + (i % 3 === 0 ? 2 : 1)) % 1_500}`, { kind: 'involves', slides: [] });
      ctx.openGraph(g, 'large');
    });
    await page.waitForFunction(() => (window as any).linkage.graph.getAttribute('id') === 'large' && (window as any).linkage.net);
  };

  it('on a large graph a selection veils the whole map, not a corner of it', async () => {
    const { page, close } = await openApp(browser(), '#lang=en');
    await openLarge(page);
    // sigma's construction and its first indexation and draw are marked for tools (the
    // benchmark sets them apart from the app's own work), for the chapter and for this graph.
    const marked = await page.evaluate(() =>
      ['linkage:sigma', 'linkage:sigma-draw'].map((n) => performance.getEntriesByName(n, 'measure').map((m) => [m.startTime, m.duration])),
    );
    expect(marked.map((list) => list.length)).toEqual([2, 2]);
    // Each map's first draw follows its construction and takes time of its own.
    for (const i of [0, 1]) {
      expect(marked[1]![i]![0]).toBeGreaterThanOrEqual(marked[0]![i]![0] + marked[0]![i]![1]);
      expect(marked[1]![i]![1]).toBeGreaterThan(0);
    }
    // The layer the selection's links are raised on is hidden while nothing is raised, shown
    // (holding ink) once something is, and hidden again when the selection is cleared.
    const raised = page.locator('.sigma-raised-edges');
    const raisedInk = () => canvasInk(page, '.sigma-raised-edges');
    expect(await raised.evaluate((c) => getComputedStyle(c).visibility)).toBe('hidden');
    await page.evaluate(() => (window as any).linkage.session.update((s: any) => ({ ...s, selected: 'n41' })));
    const veil = page.locator('.sigma-veil');
    await expect.poll(() => veil.isVisible()).toBe(true);
    await expect.poll(() => raised.evaluate((c) => getComputedStyle(c).visibility)).toBe('visible');
    expect(await raisedInk()).toBeGreaterThan(100);
    const map = (await page.locator('#map').boundingBox())!;
    const box = (await veil.boundingBox())!;
    expect([box.x, box.y, box.width, box.height].map(Math.round)).toEqual([map.x, map.y, map.width, map.height].map(Math.round));
    await page.evaluate(() => (window as any).linkage.session.update((s: any) => ({ ...s, selected: null })));
    await expect.poll(() => raised.evaluate((c) => getComputedStyle(c).visibility)).toBe('hidden');
    expect(await raisedInk()).toBe(0);
    await close();
  });

  it('a search matching more than the map raises lights its best 500 and asks the reader to narrow it', async () => {
    const { page, close } = await openApp(browser(), '#lang=en');
    await openLarge(page);
    const matched = () =>
      page.evaluate(() => {
        const { session, net } = (window as any).linkage;
        const d = session.derived();
        const r = net.renderer;
        // What the map raises above the veil: sigma's highlighted nodes.
        const raised = r.getGraph().filterNodes((n: string) => r.getNodeDisplayData(n)?.highlighted === true).length;
        return { singled: d.matches?.size ?? 0, total: d.matchTotal, raised };
      });
    // "n1" names n1, n10–n19, n100–n199 and n1000–n1499: 611 nodes.
    await page.fill('#search', 'n1');
    await expect.poll(matched).toEqual({ singled: 500, total: 611, raised: 500 });
    const note = '611 concepts match; the map raises the best 500: narrow the search';
    expect(await page.locator('#search-list .note').textContent()).toBe(note);
    expect(await page.locator('.map-status').textContent()).toContain(note);
    // The best ones: the exact name first, then the shortest names that start with it.
    const best = await page.evaluate(() => ['n1', 'n10', 'n19', 'n100', 'n1499'].map((k) => (window as any).linkage.session.derived().matches.has(k)));
    expect(best).toEqual([true, true, true, true, false]);
    // Narrowed to 111 matches: all raised, no note.
    await page.fill('#search', 'n14');
    await expect.poll(matched).toEqual({ singled: 111, total: 111, raised: 111 });
    // The raised discs are drawn on sigma's hover layer, shown; the names layer beside it holds
    // what the looks name (the map's own pass for large graphs, renderer.ts drawRaised).
    const layers = await quietLayers(page);
    expect(layers.hidden).not.toContain('hoverNodes');
    expect(layers.inked).toContain('hoverNodes');
    expect(layers.hidden.includes('hovers')).toBe(!layers.inked.includes('hovers'));
    expect(await page.locator('#search-list .note').count()).toBe(0);
    expect(await page.locator('.map-status').textContent()).not.toContain('match');
    await close();
  });

  it('on a large graph a filter hides and shows items as sigma itself would, and hidden nodes can be neither hovered nor clicked', async () => {
    const { page, close } = await openApp(browser(), '#lang=en');
    await openLarge(page);
    // What the map draws of every item: each node's and edge's slot in its programs (the floats
    // drawn and picked with), or zeros where the table of what is shown hides it; whether sigma
    // hides it, and sigma's sets of raised and labelled items. Also taken right after each change
    // of state, before anything drawn when idle.
    await page.evaluate(() => {
      const w = window as any;
      const r = w.linkage.net.renderer;
      const parts = (p: any): any[] => (p.programs ? p.programs.flatMap(parts) : [p]);
      const g = r.getGraph();
      // sigma hides an edge whose own data or either end's says hidden.
      const hidden = (kind: 'nodes' | 'edges', k: string): boolean =>
        kind === 'nodes' ? r.nodeDataCache[k].hidden : r.edgeDataCache[k].hidden || g.extremities(k).some((n: string) => r.nodeDataCache[n].hidden);
      // The table hides an item by its byte (an edge's after the nodes').
      const table = () => w.linkage.net.shown;
      const drawn = (kind: 'nodes' | 'edges', k: string): boolean =>
        kind === 'nodes' ? table().bytes[r.nodeDataCache[k].ordinal] !== 0 : table().bytes[table().nodeCount + r.edgeDataCache[k].ordinal] !== 0;
      w.rawSlot = (k: string) => parts(r.nodePrograms[r.nodeDataCache[k].type]).map((p: any) => Array.from(p.array.subarray(r.nodeProgramIndex[k] * p.STRIDE, (r.nodeProgramIndex[k] + 1) * p.STRIDE)));
      const slots = (kind: 'nodes' | 'edges', keys: string[], cache: any, index: any, programs: any) =>
        keys.map((k) => ({
          key: k,
          hidden: hidden(kind, k),
          floats: parts(programs[cache[k].type]).map((p: any) => (drawn(kind, k) ? Array.from(p.array.subarray(index[k] * p.STRIDE, (index[k] + 1) * p.STRIDE)) : new Array(p.STRIDE).fill(0))),
        }));
      w.held = () => ({
        nodes: slots('nodes', g.nodes(), r.nodeDataCache, r.nodeProgramIndex, r.nodePrograms),
        edges: slots('edges', g.edges(), r.edgeDataCache, r.edgeProgramIndex, r.edgePrograms),
        sets: [r.highlightedNodes, r.nodesWithForcedLabels, r.edgesWithForcedLabels].map((set: Set<string>) => [...set].sort()),
      });
      // After the first change of filters since heldAfterChange was reset.
      w.linkage.session.subscribe((s: any, _d: unknown, prev: any) => {
        if (s.filters !== prev.filters) w.heldAfterChange ??= w.held();
      });
    });
    type Held = { nodes: { key: string; hidden: boolean; floats: number[][] }[]; edges: { key: string; hidden: boolean; floats: number[][] }[]; sets: string[][] };
    const held = (): Promise<Held> => page.evaluate(() => (window as any).held());
    // The same, once sigma has run every reducer again and laid out its programs from scratch.
    const heldAfterFullRefresh = async () => {
      await page.evaluate(() => (window as any).linkage.net.renderer.refresh());
      return held();
    };
    /** Clicks section `id`'s box; what sigma held right after the change. */
    const toggle = async (id: string, visible: number): Promise<Held> => {
      await page.evaluate(() => ((window as any).heldAfterChange = null));
      await page.locator(`#sec-${id}`).click();
      await page.waitForFunction((n) => (window as any).linkage.session.derived().visibleNodes.size === n, visible);
      return page.evaluate(() => (window as any).heldAfterChange);
    };
    const dataOf = (key: string) => page.evaluate((k) => (window as any).linkage.net.renderer.nodeDataCache[k], key);
    const zero = (floats: number[][]) => floats.every((list) => list.every((v) => v === 0));

    // Hidden: section a's 750 nodes and every link touching one draw nothing, the rest do.
    const kept = await page.evaluate(() => {
      const r = (window as any).linkage.net.renderer;
      (window as any).keptData = r.nodeDataCache.n0;
      return r.nodeDataCache.n0.hidden;
    });
    expect(kept).toBe(false);
    const hidden = await toggle('a', 750);
    const inA = (key: string) => Number(key.slice(1)) % 2 === 0;
    expect(hidden.nodes.filter((n) => n.hidden).map((n) => n.key)).toEqual(hidden.nodes.filter((n) => inA(n.key)).map((n) => n.key));
    expect(hidden.nodes.every((n) => zero(n.floats) === inA(n.key))).toBe(true);
    expect(hidden.edges.some((e) => !zero(e.floats))).toBe(true);
    expect(hidden.edges.every((e) => zero(e.floats) === e.hidden)).toBe(true);
    // The quick path kept n0's display data (sigma's refresh would have made a new one), and
    // its slot: the table alone hides it (its byte, the first node's).
    expect(await page.evaluate(() => (window as any).linkage.net.renderer.nodeDataCache.n0 === (window as any).keptData)).toBe(true);
    expect(zero(await page.evaluate(() => (window as any).rawSlot('n0')))).toBe(false);
    expect(await page.evaluate(() => (window as any).linkage.net.shown.bytes[0])).toBe(0);
    expect(hidden).toEqual(await heldAfterFullRefresh());

    // A hidden node's place answers neither the pointer nor a click; a shown node's does.
    const hiddenAt = await nodeScreenPosition(page, 'n82');
    await page.mouse.move(hiddenAt.x, hiddenAt.y);
    await page.mouse.click(hiddenAt.x, hiddenAt.y);
    await page.waitForTimeout(100);
    expect(await state(page)).toMatchObject({ hovered: null, selected: null });
    const shownAt = await nodeScreenPosition(page, 'n83');
    await page.mouse.move(shownAt.x, shownAt.y);
    await expect.poll(async () => (await state(page)).hovered).toBe('n83');
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await state(page)).hovered).toBe(null);

    // Shown again after that full refresh (new display data): through sigma's own refresh.
    const shown = await toggle('a', 1_500);
    expect(shown.nodes.every((n) => !n.hidden && !zero(n.floats))).toBe(true);
    expect(shown).toEqual(await heldAfterFullRefresh());

    // Hidden and shown again with nothing in between: slots put back as they were.
    const before = await held();
    await toggle('a', 750);
    expect(await toggle('a', 1_500)).toEqual(before);
    expect(before).toEqual(await heldAfterFullRefresh());

    // Hidden, then sigma lays out its programs again (new slots, same display data): shown again
    // from the data kept. With a selection in section b, raised and labelled, and one in a.
    const selected: Held = await page.evaluate(() => {
      const w = window as any;
      w.linkage.session.update((s: any) => ({ ...s, selected: 'n83' }));
      return w.held();
    });
    // n83 and its neighbours, n226 and n582 in section a.
    expect(selected.sets[0]).toEqual(['n226', 'n582', 'n83']);
    expect((await toggle('a', 750)).sets[0]).toEqual(['n83']);
    await page.evaluate(() => (window as any).linkage.net.renderer.refresh({ partialGraph: { nodes: [] } }));
    const relaidOut = await toggle('a', 1_500);
    expect(relaidOut.sets).toEqual(selected.sets);
    expect(relaidOut).toEqual(await heldAfterFullRefresh());
    expect((await dataOf('n82')).hidden).toBe(false);

    // Edges hidden behind a hidden end, then kept hidden by their kind once that end is shown:
    // flagged hidden themselves, so that sigma laying out its programs again keeps them hidden.
    await page.evaluate(() => (window as any).linkage.session.update((s: any) => ({ ...s, selected: null })));
    await toggle('a', 750);
    await page.evaluate(() => (window as any).linkage.session.update((s: any) => ({ ...s, filters: { ...s.filters, hiddenEdgeKinds: ['involves'] } })));
    await page.waitForFunction(() => (window as any).linkage.session.derived().visibleEdges.size === 0);
    await toggle('a', 1_500);
    await page.evaluate(() => (window as any).linkage.net.renderer.refresh({ partialGraph: { nodes: [] } }));
    const byKind = await held();
    expect(byKind.edges.every((e) => e.hidden && zero(e.floats))).toBe(true);
    expect(byKind).toEqual(await heldAfterFullRefresh());
    await close();
  });

  it('the GPU holds what sigma holds: a pan, a drag or a filter uploads no item array, a search or a hover only the slots it rewrote, and after each every buffer equals its array', async () => {
    const url = `${inject('baseUrl')}#lang=en`;
    const { page, close } = await openTab(browser(), url, { own: true });
    // Every upload of a Float32Array, counted by the array, from before the app makes a context;
    // and the bytes of every partial upload (a part of an array).
    await page.addInitScript(() => {
      const w = window as any;
      w.uploads = new WeakMap<object, number>();
      w.partBytes = 0;
      const upload = WebGL2RenderingContext.prototype.bufferData as (...a: unknown[]) => void;
      WebGL2RenderingContext.prototype.bufferData = function (this: WebGL2RenderingContext, ...args: unknown[]) {
        const data = args[1];
        if (data instanceof Float32Array) w.uploads.set(data, (w.uploads.get(data) ?? 0) + 1);
        return upload.apply(this, args);
      } as typeof upload as never;
      const part = WebGL2RenderingContext.prototype.bufferSubData as (...a: unknown[]) => void;
      WebGL2RenderingContext.prototype.bufferSubData = function (this: WebGL2RenderingContext, ...args: unknown[]) {
        const data = args[2];
        if (data instanceof Float32Array) w.partBytes += data.byteLength;
        return part.apply(this, args);
      } as typeof part as never;
    });
    await page.goto(url);
    await waitReady(page);
    await openLarge(page);
    await page.evaluate(() => {
      const w = window as any;
      const r = w.linkage.net.renderer;
      const parts = (p: any): any[] => (p.programs ? p.programs.flatMap(parts) : [p]);
      const programs = () => [...Object.values(r.nodePrograms), ...Object.values(r.edgePrograms)].flatMap(parts).filter((p: any) => p.array.length > 0);
      // Per program and bound buffer (picture, picking): whether the GPU's copy equals the array.
      w.gpuHoldsArrays = () =>
        programs().flatMap((p: any) =>
          [p.normalProgram, p.pickProgram].filter(Boolean).map((info: any) => {
            const gl = info.gl as WebGL2RenderingContext;
            const out = new Float32Array(p.array.length);
            gl.bindBuffer(gl.ARRAY_BUFFER, info.buffer);
            gl.getBufferSubData(gl.ARRAY_BUFFER, 0, out);
            gl.bindBuffer(gl.ARRAY_BUFFER, null);
            return out.every((v, i) => v === p.array[i]);
          }),
        );
      // Programs with a picking layer (nodes; links only with edge events, which the map leaves off).
      w.sharedBuffers = () => programs().filter((p: any) => p.pickProgram).map((p: any) => p.pickProgram.buffer === p.normalProgram.buffer);
      w.itemUploads = () => programs().reduce((n: number, p: any) => n + (w.uploads.get(p.array) ?? 0), 0);
      w.itemBytes = () => programs().reduce((n: number, p: any) => n + p.array.byteLength, 0);
    });
    const holds = async () => {
      await nextFrame(page);
      return page.evaluate(() => (window as any).gpuHoldsArrays() as boolean[]);
    };
    const uploads = () => page.evaluate(() => (window as any).itemUploads() as number);
    const all = (list: boolean[]) => list.length > 0 && list.every(Boolean);
    expect(all(await holds())).toBe(true);
    // The picking layer draws from the picture's buffer: one upload serves both.
    expect(all(await page.evaluate(() => (window as any).sharedBuffers()))).toBe(true);

    // A pan and a zoom draw again with the same items: no item array goes to the GPU.
    const before = await uploads();
    await page.evaluate(() => {
      const camera = (window as any).linkage.net.renderer.getCamera();
      camera.setState({ x: camera.x + 0.1, ratio: camera.ratio * 0.8 });
    });
    await nextFrame(page);
    expect(await uploads()).toBe(before);
    expect(all(await holds())).toBe(true);

    // A drag with the mouse: the links are hidden while the map moves (large graphs) and drawn
    // again once it is let go, from the same buffers: still no item array goes to the GPU.
    await page.evaluate(() => {
      const w = window as any;
      const r = w.linkage.net.renderer;
      const captor = r.getMouseCaptor();
      w.edgeFrames = [];
      // A WebGL layer holds its picture only until it is shown: read right after each render.
      r.on('afterRender', () => {
        const c = r.getCanvases().edges as HTMLCanvasElement;
        const gl = c.getContext('webgl2') as WebGL2RenderingContext;
        const data = new Uint8Array(c.width * c.height * 4);
        gl.readPixels(0, 0, c.width, c.height, gl.RGBA, gl.UNSIGNED_BYTE, data);
        let ink = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
        w.edgeFrames.push({ ink, dragging: captor.draggedEvents > 0 });
      });
    });
    const stage = (await page.locator('#map').boundingBox())!;
    const [sx, sy] = [stage.x + stage.width * 0.3, stage.y + stage.height * 0.6];
    await page.mouse.move(sx, sy);
    await page.mouse.down();
    await page.mouse.move(sx + 120, sy - 60, { steps: 6 });
    await page.mouse.up();
    type EdgeFrame = { ink: number; dragging: boolean };
    const edgeFrames = () => page.evaluate(() => (window as any).edgeFrames as EdgeFrame[]);
    await expect.poll(async () => (await edgeFrames()).at(-1)).toMatchObject({ dragging: false, ink: expect.any(Number) });
    await expect.poll(async () => (await edgeFrames()).at(-1)!.ink).toBeGreaterThan(1_000);
    const frames = await edgeFrames();
    expect(frames.some((f) => f.dragging && f.ink === 0)).toBe(true);
    expect(await uploads()).toBe(before);
    expect(all(await holds())).toBe(true);

    // A search (the matches raised), a hover, a filter (the table of what is shown rewritten):
    // each frame's buffers are what sigma wrote. The search and the hover rewrite the slots of
    // the few items they single out: those slots go to the GPU, not whole arrays.
    const partBytes = () => page.evaluate(() => (window as any).partBytes as number);
    const itemBytes = await page.evaluate(() => (window as any).itemBytes() as number);
    const partsBefore = await partBytes();
    await page.fill('#search', 'n14');
    await expect.poll(() => page.evaluate(() => (window as any).linkage.session.derived().matches?.size ?? 0)).toBe(111);
    expect(all(await holds())).toBe(true);
    await page.evaluate(() => (window as any).linkage.session.update((s: any) => ({ ...s, query: '', hovered: 'n83' })));
    expect(all(await holds())).toBe(true);
    expect(await uploads()).toBe(before);
    const sent = (await partBytes()) - partsBefore;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(itemBytes / 4);
    for (const visible of [750, 1_500]) {
      const unfiltered = await uploads();
      await page.locator('#sec-a').click();
      await page.waitForFunction((n) => (window as any).linkage.session.derived().visibleNodes.size === n, visible);
      expect(all(await holds())).toBe(true);
      // What the filter hides and shows again is told by the table of what is shown: no item array goes to the GPU.
      expect(await uploads()).toBe(unfiltered);
    }
    // And what is drawn from those buffers (sigma's render, no processing): the hidden half's
    // discs are gone from the picture, then back.
    const ink = async () => (await paintedPixels(page, 'render')).nodes;
    const whole = await ink();
    await page.locator('#sec-a').click();
    await expect.poll(ink).toBeLessThan(whole * 0.75);
    await page.locator('#sec-a').click();
    await expect.poll(ink).toBe(whole);
    await close();
  });

  it('a tap selects on a touch screen', async () => {
    const { page, close } = await openApp(browser(), '#lang=zh-Hant', { hasTouch: true, isMobile: true, viewport: { width: 430, height: 860 }, deviceScaleFactor: 2 });
    const p = await nodeScreenPosition(page, 'pd.egov');
    await page.touchscreen.tap(p.x, p.y);
    await page.waitForFunction(() => (window as any).linkage.session.state().selected === 'pd.egov');
    await expect.poll(() => page.locator('.panel h2').textContent()).toBe('電子政務');
    // On a narrow screen the panel sits below the map, which stays drawn with the selected node
    // in view.
    expect((await paintedPixels(page)).nodes).toBeGreaterThan(2_000);
    const sheet = (await page.locator('.panel').boundingBox())!;
    expect(sheet.width).toBeCloseTo(430, 0);
    await expect.poll(async () => (await nodeScreenPosition(page, 'pd.egov')).y).toBeLessThan(sheet.y);
    await screenshot(page, 'explorer-touch');
    await close();
  });
});

describe('embed', () => {
  it('#embed=1 shows only the map and a minimal toolbar', async () => {
    const { page, close } = await openApp(browser(), '#embed=1&lang=en');
    expect(await page.locator('.sidebar').count()).toBe(0);
    expect(await page.locator('#map').isVisible()).toBe(true);
    expect(await page.locator('#search').isVisible()).toBe(true);
    await screenshot(page, 'explorer-embed');
    await close();
  });
});
