/**
 * The explorer in real headless Chromium against the built site: one test per user flow.
 * Screenshots go to test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SHARED_VOCABULARY } from '../../src/model/vocabulary';
import { sharedBrowser } from './browser';
import { cameraSettled, hexToRgb, near, nextFrame, nodePixel, nodeScreenPosition, openApp, paintedPixels, quietLayers, screenshot, state, visibleCounts, waitReady } from './harness';
import { openTab } from './tabs';

const browser = sharedBrowser();

const TRANSFORMATION = hexToRgb(SHARED_VOCABULARY.nodeKinds['transformation']!.color);
const STATE_BLUE = hexToRgb(SHARED_VOCABULARY.nodeKinds['state']!.color);

/** What the compiled graph holds, read in the page: the expectations come from the graph, not from counts written here. */
async function graphTotals(page: Page, kind?: string, section?: string): Promise<{ nodes: number; edges: number; ofKind: number; inSection: number }> {
  return page.evaluate(
    ([k, sec]) => {
      const { graph } = (window as any).linkage;
      return {
        nodes: graph.order,
        edges: graph.size,
        ofKind: graph.filterNodes((_: string, a: { kind: string }) => a.kind === k).length,
        inSection: graph.filterNodes((_: string, a: { section: string | null }) => a.section === sec).length,
      };
    },
    [kind ?? '', section ?? ''] as const,
  );
}

describe('the map', () => {
  // One page for the three (a first visit in a zh-TW browser: 繁體): the first only looks, the
  // second hovers and leaves (checked to end unhovered), the third clicks.
  let opened: Awaited<ReturnType<typeof openApp>>;
  beforeAll(async () => {
    opened = await openApp(browser());
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('renders the chapter: nodes painted in their kind colour, labels drawn, no request leaves the page', async () => {
    const { page, requests, errors } = opened;
    expect((await state(page)).lang).toBe('zh-Hant');
    const painted = await paintedPixels(page);
    expect(painted.nodes).toBeGreaterThan(5_000);
    expect(painted.labels).toBeGreaterThan(2_000);
    expect(near(await nodePixel(page, 'tr.function'), TRANSFORMATION)).toBe(true);
    expect(near(await nodePixel(page, 'st.service'), STATE_BLUE)).toBe(true);
    const totals = await graphTotals(page);
    expect(totals.nodes).toBeGreaterThan(100);
    expect(await visibleCounts(page)).toEqual({ nodes: totals.nodes, edges: totals.edges });
    // Nothing singled out: the hover layers and the phrases are empty, and hidden.
    expect(await quietLayers(page)).toEqual({ hidden: ['hovers', 'hoverNodes', 'edgeLabels'], inked: [] });
    await screenshot(page, 'explorer-map');
    const base = new URL(requests[0]!).origin;
    expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('hover highlights the node and its neighbours and dims the rest', async () => {
    const { page } = opened;
    expect(await state(page)).toMatchObject({ lang: 'zh-Hant', hovered: null, selected: null });
    const farBefore = await nodePixel(page, 'dm.programmed');
    const p = await nodeScreenPosition(page, 'tr.power');
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(() => (window as any).linkage.session.state().hovered === 'tr.power');
    // A neighbour keeps its colour; a node far away is faded towards white.
    expect(near(await nodePixel(page, 'st.decentralised'), STATE_BLUE)).toBe(true);
    const farAfter = await nodePixel(page, 'dm.programmed');
    expect(farAfter[0]! + farAfter[1]! + farAfter[2]!).toBeGreaterThan(farBefore[0]! + farBefore[1]! + farBefore[2]! + 100);
    await screenshot(page, 'explorer-hover');
    // The hover layers, hidden while empty, show what the pointer raised (as the frame drawn on
    // hover left them, and after a full draw), and the phrases layer the raised links' phrases.
    await nextFrame(page);
    const hoverShown = () => page.evaluate(() => ['hovers', 'hoverNodes'].map((id) => getComputedStyle((window as any).linkage.net.renderer.getCanvases()[id]).visibility));
    expect(await hoverShown()).toEqual(['visible', 'visible']);
    expect(await quietLayers(page)).toEqual({ hidden: [], inked: ['hovers', 'hoverNodes', 'edgeLabels'] });
    await page.mouse.move(5, 300);
    await page.waitForFunction(() => (window as any).linkage.session.state().hovered === null);
    expect(await quietLayers(page)).toEqual({ hidden: ['hovers', 'hoverNodes', 'edgeLabels'], inked: [] });
  });

  it('click opens the details panel: three scripts, kind, slides, quote and relations as links', async () => {
    const { page } = opened;
    expect(await state(page)).toMatchObject({ lang: 'zh-Hant', hovered: null, selected: null });
    const p = await nodeScreenPosition(page, 'tr.process');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => (window as any).linkage.session.state().selected === 'tr.process');
    const panel = page.locator('.panel .details');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('行政過程由暗箱操作向行政公開轉化');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('行政过程由暗箱操作向行政公开转化');
    expect(text).toContain('The shift from black-box operation to open administration');
    expect(text).toContain('轉化');
    expect(text).toContain('第 8 張');
    expect(await panel.locator('blockquote').textContent()).toBe('行政過程由暗箱操作向行政公開轉化');
    const sentence = panel.locator('li', { hasText: '始於' });
    expect(await sentence.textContent()).toContain('行政過程由暗箱操作向行政公開轉化始於暗箱操作');
    await screenshot(page, 'explorer-details');
    await sentence.locator('button.concept-link').click();
    expect((await state(page)).selected).toBe('st.blackbox');
    expect(await panel.locator('h2').textContent()).toBe('暗箱操作');
  });
});

describe('the first frame', () => {
  /** An init script that runs `onPublished(linkage)` in the task where the page first announces the map (window.linkage). */
  const onFirstPublish = (onPublished: string) => String.raw`(() => {
    let value;
    Object.defineProperty(window, 'linkage', { configurable: true, get: () => value, set(v) {
      const first = value === undefined;
      value = v;
      if (first) (${onPublished})(v);
    } });
  })()`;
  // What the page holds when it announces the map (window.linkage: the map is drawn) and when
  // the next two animation frames begin (the first frame is then on screen).
  const WATCH = onFirstPublish(String.raw`() => {
    const look = () => {
      const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height].map(Math.round); };
      const w = window.linkage;
      return {
        ready: w.ready,
        title: document.querySelector('.topbar .chapter-title')?.textContent ?? '',
        names: w.net.paintedNames().length,
        sidebarControls: document.querySelectorAll('nav.sidebar input, nav.sidebar select').length,
        sidebar: box(document.querySelector('nav.sidebar')),
        map: box(document.getElementById('map')),
        panel: document.querySelector('aside.panel') !== null,
        sidebars: document.querySelectorAll('nav.sidebar').length,
        busy: document.querySelectorAll('[aria-busy]').length,
        order: [...document.getElementById('app').children].map((c) => c.tagName.toLowerCase()),
        panelShown: document.querySelector('aside.panel')?.hidden === false,
        // Whether the hover layer has its WebGL context yet (made after the first frame).
        hoverLayer: w.net.renderer.webGLContexts.hoverNodes !== undefined,
      };
    };
    window.__look = look;
    window.__seen = [look()];
    requestAnimationFrame(() => { window.__seen.push(look()); requestAnimationFrame(() => window.__seen.push(look())); });
  }`);

  it('shows the title and the named map first; the sidebar and the details panel come right after, where they belong', async () => {
    for (const [hash, panelAtOnce] of [['#lang=en', false], ['#lang=en&sel=tr.power', true]] as const) {
      const url = `${inject('baseUrl')}${hash}`;
      const { page, close } = await openTab(browser(), url, { own: true });
      await page.addInitScript(WATCH);
      await page.goto(url);
      await waitReady(page);
      const seen = (await page.evaluate(() => (window as any).__seen)) as Array<Record<string, unknown>>;
      const [announced, , painted] = seen;
      // The map drawn and named under the chapter's title, the sidebar's column held empty.
      for (const at of [announced!, painted!]) {
        expect(at).toMatchObject({ ready: false, title: 'E-Government and Traditional Management', sidebarControls: 0, panel: panelAtOnce });
        // The hover layer's context is made for the first frame only when it raises something (the selection).
        expect(at['hoverLayer']).toBe(panelAtOnce);
      }
      // Every concept named at the whole-map view; the selection and its neighbours named with it.
      expect(announced!.names).toBeGreaterThan(panelAtOnce ? 4 : 150);
      const whole = (await page.evaluate(() => (window as any).__look())) as Record<string, unknown> & { sidebarControls: number };
      // Then the sidebar, in the stand-in's place (nothing moves), and the panel.
      expect(whole.sidebarControls).toBeGreaterThan(40);
      // The map drew the same names: nothing that came later covers it.
      expect(whole).toMatchObject({ sidebars: 1, busy: 0, sidebar: announced!.sidebar, map: announced!.map, panelShown: panelAtOnce, names: announced!.names, hoverLayer: true });
      expect(whole.order).toEqual(['header', 'nav', 'main', 'aside']);
      await close();
    }
  });

  it('raises a node hovered before the hover layer is made, at once', async () => {
    // The pointer moves onto a node in the task that drew the map, before the hover layer has a
    // WebGL context: the next frame makes it and raises the node on it.
    const HOVER_AT_ONCE = onFirstPublish(String.raw`(v) => {
      const r = v.net.renderer;
      const key = 'pd.egov';
      const at = r.framedGraphToViewport(r.getNodeDisplayData(key));
      const box = r.getCanvases().mouse.getBoundingClientRect();
      const before = r.webGLContexts.hoverNodes !== undefined;
      r.getCanvases().mouse.dispatchEvent(new MouseEvent('mousemove', { clientX: box.left + at.x, clientY: box.top + at.y, bubbles: true }));
      window.__hovered = { key, before };
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const canvas = r.getCanvases().hoverNodes;
        window.__hovered.after = { ready: window.linkage.ready, context: r.webGLContexts.hoverNodes !== undefined, shown: getComputedStyle(canvas).visibility, hovered: v.session.state().hovered };
      }));
    }`);
    const url = `${inject('baseUrl')}#lang=en`;
    const { page, close } = await openTab(browser(), url, { own: true });
    await page.addInitScript(HOVER_AT_ONCE);
    await page.goto(url);
    await waitReady(page);
    const seen = (await page.evaluate(() => (window as any).__hovered)) as { key: string; before: boolean; after: { ready: boolean; context: boolean; shown: string; hovered: string | null } };
    expect(seen.before).toBe(false);
    expect(seen.after).toEqual({ ready: false, context: true, shown: 'visible', hovered: seen.key });
    // The raised disc is on the hover layer.
    expect((await quietLayers(page)).inked).toContain('hoverNodes');
    await close();
  });
});

describe('search', () => {
  const cases: Array<[string, string, string]> = [
    ['繁體', '電子政務', 'pd.egov'],
    ['简体', '电子政务', 'pd.egov'],
    ['English', 'E-government', 'pd.egov'],
    ['full pinyin', 'dianzizhengwu', 'pd.egov'],
    ['initials', 'dzzw', 'pd.egov'],
    ['pinyin with spaces', 'jue ce yu zhi xing fen li', 'm.separate'],
  ];
  // One page for the cases: each starts from the same place as a fresh visit would, with no
  // selection, an empty search box and the camera at the home view it opened at.
  let opened: Awaited<ReturnType<typeof openApp>>;
  let home: { x: number; y: number; ratio: number; angle: number };
  beforeAll(async () => {
    // With motion: the camera's flight is what these cases watch.
    opened = await openApp(browser(), '#lang=zh-Hant', { motion: 'full' });
    await cameraSettled(opened.page);
    home = await opened.page.evaluate(() => (window as any).linkage.net.renderer.getCamera().getState());
  });
  afterAll(async () => {
    expect(opened.errors).toEqual([]);
    await opened?.close();
  });
  for (const [name, query, expected] of cases) {
    it(`finds a concept by ${name}: "${query}"`, async () => {
      const { page } = opened;
      await page.locator('#search').fill('');
      await page.evaluate(() => (window as any).linkage.session.update((s: object) => ({ ...s, selected: null })));
      await page.waitForFunction(() => {
        const s = (window as any).linkage.session.state();
        return s.selected === null && !s.query;
      });
      await cameraSettled(page);
      await page.evaluate((c) => (window as any).linkage.net.renderer.getCamera().setState(c), home);
      await cameraSettled(page);
      const before = await page.evaluate(() => (window as any).linkage.net.renderer.getCamera().getState());
      expect(before).toEqual(home);
      await page.locator('#search').fill(query);
      const first = page.locator('#search-list li').first();
      await expect.poll(() => first.getAttribute('data-node')).toBe(expected);
      await page.locator('#search').press('Enter');
      await page.waitForFunction((k) => (window as any).linkage.session.state().selected === k, expected);
      // The camera flies to the concept.
      await cameraSettled(page);
      const after = await page.evaluate(() => (window as any).linkage.net.renderer.getCamera().getState());
      expect(after.ratio).toBeLessThan(before.ratio);
      if (name === 'initials') await screenshot(page, 'explorer-search');
    });
  }
});

describe('filters', () => {
  it('hiding a node kind removes those nodes and moves nothing else', async () => {
    const { page, close } = await openApp(browser(), '#lang=zh-Hant');
    const before = await nodeScreenPosition(page, 'tr.form');
    expect(near(await nodePixel(page, 't.goal'), hexToRgb('#aa4499'))).toBe(true);
    const totals = await graphTotals(page, 'trait');
    expect(totals.ofKind).toBeGreaterThan(10);
    await page.locator('#nk-trait').uncheck();
    expect(await visibleCounts(page)).toMatchObject({ nodes: totals.nodes - totals.ofKind });
    expect((await nodePixel(page, 't.goal'))[3]).toBe(0);
    expect(await nodeScreenPosition(page, 'tr.form')).toEqual(before);
    expect(await page.locator('label[for="nk-trait"] .count').textContent()).toBe(`0/${totals.ofKind}`);
    await screenshot(page, 'explorer-filter-kind');
    await expect.poll(() => page.url()).toContain('hk=trait');
    await close();
  });

  it('hiding a link kind, a section and narrowing the slide range', async () => {
    const { page, close } = await openApp(browser(), '#lang=en');
    await page.locator('details.group:has(#ek-echoes) summary').click();
    await page.locator('#ek-echoes').uncheck();
    const totals = await graphTotals(page, undefined, '2-1');
    expect(totals.inSection).toBeGreaterThan(10);
    const edgesNoEcho = await visibleCounts(page);
    expect(edgesNoEcho.edges).toBe(totals.edges - (await page.evaluate(() => (window as any).linkage.graph.filterEdges((_: string, a: { kind: string }) => a.kind === "echoes").length)));
    await page.locator('#sec-2-1').uncheck();
    const afterSection = await visibleCounts(page);
    expect(afterSection.nodes).toBe(totals.nodes - totals.inSection);
    expect((await nodePixel(page, 'rf.market'))[3]).toBe(0);
    await page.locator('#slide-from').fill('9');
    await page.locator('#slide-from').press('Enter');
    await page.locator('#slide-to').fill('9');
    await page.locator('#slide-to').press('Enter');
    const s = await state(page);
    expect((s.filters as { slideRange: number[] }).slideRange).toEqual([9, 9]);
    // Only nodes on slide 9 remain (and section 2-1 stays hidden).
    const ok = await page.evaluate(() => {
      const { session, graph } = (window as any).linkage;
      return [...session.derived().visibleNodes].every((k: string) => graph.getNodeAttribute(k, 'slides').includes(9));
    });
    expect(ok).toBe(true);
    expect((await nodePixel(page, 'tr.decision'))[3]).toBeGreaterThan(0);
    expect((await nodePixel(page, 'tr.power'))[3]).toBe(0);
    await screenshot(page, 'explorer-filter-slides');
    await expect.poll(() => page.url()).toMatch(/he=echoes.*hs=2-1.*sr=9-9/);
    await page.locator('#reset-filters').click();
    expect(await visibleCounts(page)).toEqual({ nodes: totals.nodes, edges: totals.edges });
    // The reset shows in the controls themselves: boxes checked again, the full slide range.
    expect(await page.locator('#ek-echoes').isChecked()).toBe(true);
    expect(await page.locator('#sec-2-1').isChecked()).toBe(true);
    expect([await page.locator('#slide-from').inputValue(), await page.locator('#slide-to').inputValue()]).toEqual(['1', '20']);
    await close();
  });

  it('the sidebar is updated in place: a group the reader closed stays closed, and focus stays on the box just used', async () => {
    const { page, close } = await openApp(browser(), '#lang=en');
    const kinds = page.locator('details.group:has(#nk-trait)');
    await kinds.locator('summary').click();
    expect(await kinds.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    const totals = await graphTotals(page, undefined, '2-1');
    await page.locator('#sec-2-1').uncheck();
    expect(await visibleCounts(page)).toMatchObject({ nodes: totals.nodes - totals.inSection });
    expect(await page.locator('label[for="sec-2-1"] .count').textContent()).toBe(`0/${totals.inSection}`);
    expect(await kinds.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sec-2-1');
    // Back through the URL (the history), the box follows the state.
    await page.goBack();
    await expect.poll(() => page.locator('#sec-2-1').isChecked()).toBe(true);
    expect(await page.locator('label[for="sec-2-1"] .count').textContent()).toBe(`${totals.inSection}/${totals.inSection}`);
    // Focus needs a selection: the note shows until a concept is selected.
    await page.locator('#focus-depth').selectOption('1');
    await expect.poll(() => page.locator('.group.focus .muted').isVisible()).toBe(true);
    await page.evaluate(() => (window as any).linkage.session.update((s: any) => ({ ...s, selected: 'pd.egov' })));
    await expect.poll(() => page.locator('.group.focus .muted').isVisible()).toBe(false);
    expect(await page.locator('#focus-depth').inputValue()).toBe('1');
    // A change of language builds it again in that language, with the same values.
    await page.evaluate(() => (window as any).linkage.session.update((s: any) => ({ ...s, lang: 'zh-Hant' })));
    await expect.poll(() => page.locator('.group.focus legend').textContent()).not.toBe('Focus');
    expect(await page.locator('#focus-depth').inputValue()).toBe('1');
    await close();
  });
});

describe('focus and path', () => {
  it('focus shows the N-hop neighbourhood of the selection, by direction', async () => {
    const { page, close } = await openApp(browser(), '#lang=zh-Hant&sel=tr.power');
    await page.locator('#focus-depth').selectOption('1');
    const expected = await page.evaluate(() => {
      const { graph } = (window as any).linkage;
      return new Set(['tr.power', ...graph.neighbors('tr.power')]).size;
    });
    expect((await visibleCounts(page)).nodes).toBe(expected);
    // The links' phrases are drawn for what is singled out, on a layer then shown.
    const layers = await quietLayers(page);
    expect(layers.inked).toContain('edgeLabels');
    expect(layers.hidden.filter((id) => layers.inked.includes(id))).toEqual([]);
    await page.locator('#focus-dir').selectOption('out');
    const outCount = await page.evaluate(() => new Set(['tr.power', ...(window as any).linkage.graph.outNeighbors('tr.power')]).size);
    expect((await visibleCounts(page)).nodes).toBe(outCount);
    await page.locator('#focus-depth').selectOption('2');
    expect((await visibleCounts(page)).nodes).toBeGreaterThan(outCount);
    await screenshot(page, 'explorer-focus');
    await expect.poll(() => page.url()).toMatch(/focus=2.*dir=out/);
    await close();
  });

  it('path finder draws the shortest chains and reads them as sentences; "no link" said plainly', async () => {
    const { page, close } = await openApp(browser(), '#lang=zh-Hant');
    await page.locator('#path-from').fill('實行分權');
    await page.locator('#path-from-list li').first().click();
    await page.locator('#path-to').fill('集權決策體制');
    await page.locator('#path-to-list li').first().click();
    const s = await state(page);
    expect(s.path).toEqual({ from: 'm.decentralise', to: 'dm.centralised' });
    const result = page.locator('.panel .path-result');
    await expect.poll(() => result.locator('ol.chain li').count()).toBeGreaterThan(0);
    expect(await result.locator('ol.chain li').first().textContent()).toContain('實行分權和權力下放與傳統的集權決策體制相對立');
    await screenshot(page, 'explorer-path');
    // Hide the only link kind of that one-step chain and ask again: a longer chain, or none.
    await page.locator('details.group:has(#ek-contrasts) summary').click();
    await page.locator('#ek-contrasts').uncheck();
    await page.locator('#ek-echoes').uncheck();
    await page.locator('#ek-realizes').uncheck();
    await page.locator('#ek-contains').uncheck();
    await page.locator('#ek-involves').uncheck();
    await page.locator('#ek-instance-of').uncheck();
    await page.locator('#ek-characterizes').uncheck();
    await expect.poll(() => result.locator('.no-path').textContent()).toBe('這兩個概念在目前顯示的圖中沒有相連。');
    await close();
  });
});

describe('languages and the URL', () => {
  it('switches UI and content between 繁體, 简体 and English, and remembers the choice', async () => {
    const { page, close } = await openApp(browser(), '#sel=tr.function', { locale: 'zh-TW' });
    expect((await state(page)).lang).toBe('zh-Hant');
    await page.locator('.lang-switch button[data-lang="zh-Hans"]').click();
    await expect.poll(() => page.locator('.panel h2').textContent()).toBe('行政职能由管制职能转变为服务职能');
    expect(await page.locator('#search').getAttribute('placeholder')).toContain('搜索');
    await screenshot(page, 'explorer-lang-hans');
    await page.locator('.lang-switch button[data-lang="en"]').click();
    await expect.poll(() => page.locator('.panel h2').textContent()).toBe('The shift from regulatory to service functions');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'explorer-lang-en');
    // A new visit without a language in the link keeps the remembered choice.
    await page.goto(page.url().split('#')[0]!);
    await waitReady(page);
    expect((await state(page)).lang).toBe('en');
    await close();
  });

  it('first visit follows the browser: zh-CN → 简体, zh-TW → 繁體, other → English', async () => {
    for (const [locale, lang] of [['zh-CN', 'zh-Hans'], ['zh-TW', 'zh-Hant'], ['fr-FR', 'en']] as const) {
      const { page, close } = await openApp(browser(), '', { locale });
      expect((await state(page)).lang).toBe(lang);
      await close();
    }
  });

  it('a shared link restores exactly the view; back and forward step through changes', async () => {
    const hash = '#lang=en&sel=tr.power&hk=actor&focus=2&dir=both';
    const { page, close } = await openApp(browser(), hash);
    const s = await state(page);
    expect(s).toMatchObject({ lang: 'en', selected: 'tr.power', focus: { depth: 2, direction: 'both' } });
    expect((s.filters as { hiddenNodeKinds: string[] }).hiddenNodeKinds).toEqual(['actor']);
    expect(await page.locator('.panel h2').textContent()).toBe('The shift from centralised to decentralised power');
    const counts = await visibleCounts(page);
    // Reload gives the same view.
    await page.reload();
    await waitReady(page);
    expect(await visibleCounts(page)).toEqual(counts);
    // Select something else, then go back and forward.
    await page.locator('.panel li button.concept-link').first().click();
    const second = (await state(page)).selected;
    expect(second).not.toBe('tr.power');
    // The URL follows once the change is drawn; then it is a history entry of its own.
    await expect.poll(() => page.url()).toContain(`sel=${encodeURIComponent(second as string)}`);
    await page.goBack();
    await page.waitForFunction(() => (window as any).linkage.session.state().selected === 'tr.power');
    await page.goForward();
    await page.waitForFunction((k) => (window as any).linkage.session.state().selected === k, second);
    await close();
  });

  it('a garbled or hostile hash falls back to defaults with a notice, never a blank page or script', async () => {
    for (const hash of ['#%E0%A4%A', '#<img src=x onerror=alert(1)>', '#sel=<script>alert(1)</script>&focus=9&lang=xx']) {
      const { page, errors, close } = await openApp(browser(), hash);
      await expect.poll(() => page.locator('#notice').isVisible()).toBe(true);
      expect(await page.locator('#notice').textContent()).toMatch(/預設|默认|default|略去|left out/);
      expect((await state(page)).selected).toBe(null);
      expect((await paintedPixels(page)).nodes).toBeGreaterThan(5_000);
      expect(await page.locator('script:not([type="module"])').count()).toBe(0);
      expect(errors).toEqual([]);
      if (hash.includes('script')) await screenshot(page, 'explorer-garbled-hash');
      await close();
    }
  });
});
