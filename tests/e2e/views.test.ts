/**
 * The transformation and outline views and the help overlay in real headless Chromium: each
 * renders (screenshots in test-artifacts/), the ladder brings a row's links forward, selection
 * carries across views, SVG and PNG exports, outline keyboard navigation, print stylesheet.
 */
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { sharedBrowser } from './browser';
import { ladderSettled, nodeScreenPosition, openApp, screenshot, state, waitReady } from './harness';

/** Pixels of a PNG screenshot that are not near-white: how much of it is drawn. */
function inkedPixels(png: Buffer): number {
  const { data, width, height } = PNG.sync.read(png);
  let inked = 0;
  for (let i = 0; i < width * height * 4; i += 4) if (data[i]! < 225 || data[i + 1]! < 225 || data[i + 2]! < 225) inked++;
  return inked;
}

const browser = sharedBrowser();

const ORDER = ['tr.form', 'tr.function', 'tr.process', 'tr.decision', 'tr.power', 'tr.organisation', 'tr.personnel', 'tr.democracy'];

async function ladderReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('svg.ladder g.row').length > 0, undefined, { timeout: 20_000 });
}

/** Keys of the side cards shown, once their transitions have settled. */
async function cards(page: Page): Promise<string[]> {
  await ladderSettled(page);
  return page.$$eval('svg.ladder g.card', (gs) => gs.map((g) => g.getAttribute('data-node') ?? ''));
}

async function rowOpacities(page: Page): Promise<Record<string, number>> {
  return page.$$eval('svg.ladder g.row', (gs) =>
    Object.fromEntries(gs.map((g) => [g.getAttribute('data-node'), Number(g.getAttribute('opacity') ?? '1')])),
  );
}

async function activeElement(page: Page): Promise<{ node: string | null; cls: string; tag: string }> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return { node: a?.getAttribute('data-node') ?? null, cls: a?.getAttribute('class') ?? '', tag: a?.tagName ?? '' };
  });
}

describe('the transformation view', () => {
  it('draws the eight transformations in chapter order, old pole → new pole, with dimension and slide, in each language', async () => {
    const { page, errors, requests, close } = await openApp(browser(), '#view=transformations&lang=zh-Hant');
    await ladderReady(page);
    expect(await page.$$eval('svg.ladder g.row', (gs) => gs.map((g) => g.getAttribute('data-node')))).toEqual(ORDER);
    // Row 5: 集權式 → 分權式, dimension 權力結構, slide 10.
    const row = page.locator('svg.ladder g.row[data-node="tr.power"]');
    expect(await row.locator('.cell-from').textContent()).toBe('集權式');
    expect(await row.locator('.cell-to').textContent()).toBe('分權式');
    expect(await row.locator('.cell-dimension').textContent()).toBe('權力結構');
    expect(await row.locator('.cell-label').textContent()).toContain('第 10 張');
    expect(await page.locator('svg.ladder .header.old').textContent()).toBe('傳統行政');
    expect(await page.locator('svg.ladder .header.new').textContent()).toBe('電子政務');
    // The old pole sits left of the new one in every row.
    const boxes = await page.$$eval('svg.ladder g.row', (gs) =>
      gs.map((g) => [g.querySelector('.cell-from')!.getBoundingClientRect().right, g.querySelector('.cell-to')!.getBoundingClientRect().left]),
    );
    for (const [fromRight, toLeft] of boxes) expect(fromRight!).toBeLessThan(toLeft!);
    // Without a row in focus, the side columns show what characterizes each paradigm.
    expect(await cards(page)).toEqual(expect.arrayContaining(['f.ict', 'f.allday', 'f.collab', 'dm.centralised']));
    expect(await page.locator('#ladder-heading').textContent()).toBe('傳統行政 → 電子政務 · 8 項轉化');
    // The view is in the URL and the view switch shows it.
    await expect.poll(() => page.url()).toContain('view=transformations');
    expect(await page.locator('.view-switch button[data-view="transformations"]').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'transformations-zh-Hant');

    await page.locator('.lang-switch button[data-lang="en"]').click();
    // Wrapped labels are one <text> per line; a line broken between words keeps its space.
    const lines = (cell: string) => row.locator(`${cell} text`).evaluateAll((ts) => ts.map((t) => t.textContent).join(''));
    await expect.poll(() => lines('.cell-from')).toBe('Centralised power');
    expect(await lines('.cell-label')).toContain('The shift from centralised to decentralised power');
    expect(await page.locator('#ladder-heading').textContent()).toBe('Traditional administration → E-government · 8 transformations');
    await screenshot(page, 'transformations-en');
    await page.locator('.lang-switch button[data-lang="zh-Hans"]').click();
    await expect.poll(() => row.locator('.cell-label').textContent()).toContain('权力结构由集权式向分权式转化');
    await screenshot(page, 'transformations-zh-Hans');
    // Every label sits inside the figure: nothing clipped at the edges.
    const overflow = await page.evaluate(() => {
      const svg = document.querySelector('svg.ladder')!.getBoundingClientRect();
      return [...document.querySelectorAll('svg.ladder text')].filter((t) => {
        const r = t.getBoundingClientRect();
        return r.left < svg.left - 1 || r.right > svg.right + 1;
      }).length;
    });
    expect(overflow).toBe(0);
    const base = new URL(requests[0]!).origin;
    expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('pointing at a row brings forward what it links to, drawn to the side columns, and dims the other rows', async () => {
    const { page, close } = await openApp(browser(), '#view=transformations&lang=en');
    await ladderReady(page);
    await page.locator('svg.ladder g.row[data-node="tr.decision"] .cell-label').hover();
    await expect.poll(() => page.locator('svg.ladder g.row.active').getAttribute('data-node')).toBe('tr.decision');
    const shown = await cards(page);
    // The §2-4 decision system and its drawbacks (old side), the democratic aspect and the dialogue (new side).
    expect(shown).toEqual(expect.arrayContaining(['dm.centralised', 'd.middle', 'd.redtape', 'd.irresponsible', 'd.local', 'asp.democratic', 'c.dialogue']));
    expect(shown).not.toContain('f.collab');
    const side = Object.fromEntries(await page.$$eval('svg.ladder g.card', (gs) => gs.map((g) => [g.getAttribute('data-node'), g.getAttribute('data-side')])));
    expect(side['d.middle']).toBe('old');
    expect(side['asp.democratic']).toBe('new');
    // One connector per card; the other rows dimmed.
    expect(await page.locator('svg.ladder .links path').count()).toBe(shown.length);
    const opacity = await rowOpacities(page);
    expect(opacity['tr.decision']).toBe(1);
    for (const k of ORDER.filter((k) => k !== 'tr.decision')) expect(opacity[k]).toBeLessThan(0.5);
    // The caption reads each link as a sentence.
    expect(await page.locator('.ladder-caption h3').textContent()).toContain('The shift from centralised to democratic decision-making');
    expect(await page.locator('.ladder-caption').textContent()).toContain('An excess of middle management layers is a drawback of the traditional centralised decision system');
    await screenshot(page, 'transformations-hover-en');
    // Another row: 權力結構 brings the §2-1 measure 實行分權和權力下放 and its reform.
    await page.locator('svg.ladder g.row[data-node="tr.power"] .cell-label').hover();
    await expect.poll(() => cards(page)).toEqual(expect.arrayContaining(['m.decentralise', 'rf.system', 'tech.network']));
    // Leaving the ladder puts the paradigm columns back; no row is dimmed.
    await page.mouse.move(5, 870);
    await expect.poll(() => cards(page)).toContain('f.ict');
    await expect.poll(async () => Object.values(await rowOpacities(page)).every((o) => o === 1)).toBe(true);
    await close();
  });

  it('full screen for projection: the ladder alone, in larger type, still fitting the screen', async () => {
    const { page, close } = await openApp(browser(), '#view=transformations&lang=zh-Hant', { viewport: { width: 1920, height: 1080 } });
    await ladderReady(page);
    const poleSize = () => page.locator('svg.ladder .pole-text').first().evaluate((t) => Number(t.getAttribute('font-size')));
    const before = await poleSize();
    await page.locator('#ladder-fullscreen').click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className ?? null)).toBe('ladder-view');
    await expect.poll(poleSize).toBeGreaterThan(before * 1.05);
    expect(await page.locator('#ladder-fullscreen').textContent()).toBe('離開全螢幕');
    const fits = await page.evaluate(() => document.querySelector('svg.ladder')!.getBoundingClientRect().bottom <= window.innerHeight);
    expect(fits).toBe(true);
    await page.locator('svg.ladder g.row[data-node="tr.organisation"] .cell-label').hover();
    await ladderSettled(page);
    await screenshot(page, 'transformations-fullscreen');
    await page.locator('#ladder-fullscreen').click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBe(null);
    await close();
  });

  it('respects prefers-reduced-motion: the dimming lands at once', async () => {
    const { page, close } = await openApp(browser(), '#view=transformations&lang=en', { motion: 'full' });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await ladderReady(page);
    // The first drawing's transitions (begun before the emulation) have ended.
    await ladderSettled(page);
    // Every opacity a dimmed row is given from now on, as set: the normal 260 ms transition sets
    // one per frame on its way from 1 to 0.3; reduced motion sets 0.3 at once, nothing between.
    await page.evaluate(() => {
      const row = document.querySelector('svg.ladder g.row[data-node="tr.democracy"]')!;
      const set: number[] = ((window as any).__opacities = []);
      // Each change's value before it; the last value is read at the end.
      new MutationObserver((records) => {
        for (const r of records) set.push(Number(r.oldValue ?? '1'));
      }).observe(row, { attributes: true, attributeFilter: ['opacity'], attributeOldValue: true });
    });
    await page.locator('svg.ladder g.row[data-node="tr.form"] .cell-label').hover();
    await expect.poll(async () => (await rowOpacities(page))['tr.democracy']).toBeCloseTo(0.3, 5);
    await ladderSettled(page);
    const set = await page.evaluate(() => [...(window as any).__opacities, Number(document.querySelector('svg.ladder g.row[data-node="tr.democracy"]')!.getAttribute('opacity') ?? '1')] as number[]);
    expect(set.some((o) => Math.abs(o - 0.3) < 1e-5)).toBe(true);
    // Undimmed (1) or dimmed (0.3): never a step between.
    expect(set.filter((o) => o > 0.3 + 1e-5 && o < 1 - 1e-5)).toEqual([]);
    await close();
  });

  it('selection carries across views: ladder → network → ladder, and a linked item lights its rows', async () => {
    const { page, close } = await openApp(browser(), '#view=transformations&lang=zh-Hant');
    await ladderReady(page);
    // Select a transformation in the ladder.
    await page.locator('svg.ladder g.row[data-node="tr.power"] .cell-label').click();
    expect((await state(page)).selected).toBe('tr.power');
    await expect.poll(() => page.url()).toContain('sel=tr.power');
    expect(await page.locator('svg.ladder g.cell-label[data-node="tr.power"]').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'transformations-selected');
    // Switch to the network: same selection, its panel open, the map shown.
    await page.locator('.view-switch button[data-view="network"]').click();
    await expect.poll(() => page.locator('#map').isVisible()).toBe(true);
    // The map was mounted and redrawn behind the ladder (the selection): it shows drawn, not blank.
    await expect.poll(async () => inkedPixels(await page.locator('#map').screenshot()), { timeout: 10_000 }).toBeGreaterThan(3000);
    expect((await state(page)).selected).toBe('tr.power');
    await expect.poll(() => page.locator('.panel h2').textContent()).toBe('權力結構由集權式向分權式轉化');
    // Select something else on the map: a new pole.
    const p = await nodeScreenPosition(page, 'st.lean');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => (window as any).linkage.session.state().selected === 'st.lean');
    // Back in the ladder: that pole's row is active, its cell marked selected.
    await page.locator('.view-switch button[data-view="transformations"]').click();
    await ladderReady(page);
    await page.mouse.move(5, 870);
    await expect.poll(() => page.locator('svg.ladder g.row.active').getAttribute('data-node')).toBe('tr.organisation');
    expect(await page.locator('svg.ladder g.cell.selected').getAttribute('data-node')).toBe('st.lean');
    // Clicking a side card selects that concept.
    await page.locator('svg.ladder g.card[data-node="f.restructure"]').click();
    expect((await state(page)).selected).toBe('f.restructure');
    // A node that is no row's part lights the rows it links to.
    await page.evaluate(() => (window as any).linkage.session.update((s: any) => ({ ...s, selected: 'm.decentralise' })));
    await ladderSettled(page);
    const lit = await page.$$eval('svg.ladder g.row.lit', (gs) => gs.map((g) => g.getAttribute('data-node')));
    expect(lit).toEqual(expect.arrayContaining(['tr.decision', 'tr.power']));
    // Back to the map, redrawn behind the ladder at its own size: it shows drawn, not blank.
    await page.locator('.view-switch button[data-view="network"]').click();
    await expect.poll(() => page.locator('#map').isVisible()).toBe(true);
    await expect.poll(async () => inkedPixels(await page.locator('#map').screenshot()), { timeout: 10_000 }).toBeGreaterThan(3000);
    await close();
  });

  it('keyboard: one tab stop on the ladder; arrows move between rows and cells; Enter selects', async () => {
    const { page, close } = await openApp(browser(), '#view=transformations&lang=en');
    await ladderReady(page);
    expect(await page.locator('svg.ladder g.cell[tabindex="0"]').count()).toBe(1);
    await page.locator('svg.ladder g.cell[tabindex="0"]').focus();
    expect(await activeElement(page)).toMatchObject({ node: 'tr.form' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await activeElement(page)).node).toBe('tr.process');
    // Focus brings the row forward as hover does.
    await expect.poll(() => page.locator('svg.ladder g.row.active').getAttribute('data-node')).toBe('tr.process');
    await page.keyboard.press('ArrowLeft');
    expect((await activeElement(page)).node).toBe('dim.process');
    await page.keyboard.press('ArrowLeft');
    expect((await activeElement(page)).node).toBe('st.blackbox');
    await page.keyboard.press('End');
    expect((await activeElement(page)).node).toBe('st.representative');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await activeElement(page)).node).toBe('st.edemocracy');
    await page.keyboard.press('Enter');
    expect((await state(page)).selected).toBe('st.edemocracy');
    await page.keyboard.press('Home');
    expect((await activeElement(page)).node).toBe('st.virtual');
    // Only the focused cell is in the tab order; Tab goes on to the linked cards (once the row
    // the focus brought forward has drawn its cards).
    expect(await page.locator('svg.ladder g.cell[tabindex="0"]').count()).toBe(1);
    await ladderSettled(page);
    await page.keyboard.press('Tab');
    expect((await activeElement(page)).cls).toContain('card');
    await page.keyboard.press(' ');
    expect((await state(page)).selected).toBe((await activeElement(page)).node);
    await close();
  });

  it('exports the view as a standalone SVG holding the eight transformations, and as a PNG of the same size ×2', async () => {
    const { page, close } = await openApp(browser(), '#view=transformations&lang=zh-Hant&sel=tr.decision');
    await ladderReady(page);
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-svg').click()]);
    expect(svgDownload.suggestedFilename()).toBe('linkage-transformations-zh-Hant.svg');
    const svgText = readFileSync((await svgDownload.path())!, 'utf8');
    const problems: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && problems.push(msg)) }).parseFromString(svgText, 'image/svg+xml');
    expect(problems).toEqual([]);
    const root = doc.documentElement!;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe('傳統行政 → 電子政務 · 8 項轉化');
    const groups = Array.from({ length: doc.getElementsByTagName('g').length }, (_, i) => doc.getElementsByTagName('g')[i]!);
    expect(groups.map((g) => g.getAttribute('id')).filter((id) => id?.startsWith('row-'))).toEqual(ORDER.map((k) => `row-${k}`));
    // The selected row's links come along; fonts are declared locally; nothing external.
    expect(groups.some((g) => g.getAttribute('id') === 'item-d.middle')).toBe(true);
    expect(doc.getElementsByTagName('style')[0]?.textContent).toContain("'Noto Sans CJK TC'");
    expect(svgText).not.toMatch(/href=|@import|@font-face|<image|<script/);
    const texts = Array.from({ length: doc.getElementsByTagName('text').length }, (_, i) => doc.getElementsByTagName('text')[i]!.textContent).join('');
    for (const label of ['管理形態由實體性向虛擬性轉化', '行政決策由集中決策向民主決策轉化', '政治民主由代議制民主向電子民主轉化', '圖例']) expect(texts).toContain(label);
    const width = Number(root.getAttribute('width'));
    const height = Number(root.getAttribute('height'));

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(pngDownload.suggestedFilename()).toBe('linkage-transformations-zh-Hant.png');
    const png = PNG.sync.read(readFileSync((await pngDownload.path())!));
    expect(png.width).toBe(width * 2);
    expect(png.height).toBe(height * 2);
    // Painted: many dark (text) and accent (arrows, badges) pixels on the white ground.
    let dark = 0;
    let accent = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (r < 80 && g < 80 && b < 80) dark++;
      if (Math.abs(r - 0x33) < 20 && Math.abs(g - 0x22) < 20 && Math.abs(b - 0x88) < 20) accent++;
    }
    expect(dark).toBeGreaterThan(20_000);
    expect(accent).toBeGreaterThan(5_000);
    await close();
  });

  it('says plainly when the graph has no transformations, and when the filters hide them all', async () => {
    const { page, close } = await openApp(browser(), '#view=transformations&lang=en&hk=transformation');
    await expect.poll(() => page.locator('.ladder-empty [role="status"]').textContent()).toBe('The current filters hide every transformation.');
    await page.locator('.ladder-empty button').click();
    await ladderReady(page);
    expect(await page.locator('svg.ladder g.row').count()).toBe(8);
    // Open a graph without transformations (as an import would).
    await page.evaluate(() => {
      const { graph, ctx } = (window as any).linkage;
      const g = graph.copy();
      for (const k of g.filterNodes((_k: string, a: { kind: string }) => a.kind === 'transformation')) g.dropNode(k);
      ctx.openGraph(g, 'no-transformations.json');
    });
    await page.locator('.view-switch button[data-view="transformations"]').click();
    await expect.poll(() => page.locator('.ladder-empty [role="status"]').textContent()).toContain('no transformations');
    expect(await page.locator('#export-svg').isDisabled()).toBe(true);
    await screenshot(page, 'transformations-empty');
    await page.locator('.ladder-empty button', { hasText: 'Outline' }).click();
    expect((await state(page)).view).toBe('outline');
    await close();
  });
});

describe('the outline view', () => {
  it('lists the chapter by section and slide, every concept once and every relation under both its concepts', async () => {
    const { page, errors, close } = await openApp(browser(), '#view=outline&lang=zh-Hant');
    await page.waitForSelector('.outline-view .concept-head');
    expect(await page.$$eval('.outline-section > h3', (hs) => hs.map((h) => h.textContent))).toEqual([
      '本章',
      '§2-1 行政體制改革的趨向',
      '§2-2 電子政務治理的特征',
      '§2-3 電子政務對傳統行政的沖擊',
      '§2-4 電子政務與行政決策',
    ]);
    expect(await page.$$eval('.outline-view .slide-head', (hs) => hs.map((h) => h.textContent))).toEqual(Array.from({ length: 20 }, (_, i) => `第 ${i + 1} 張`));
    const totals = await page.evaluate(() => {
      const { graph } = (window as any).linkage;
      return { nodes: graph.order as number, edges: graph.size as number, traits: graph.filterNodes((_: string, a: { kind: string }) => a.kind === 'trait').length as number };
    });
    expect(totals.nodes).toBeGreaterThan(100);
    expect(await page.locator('.outline-view .concept-head').count()).toBe(totals.nodes);
    expect(await page.locator('.outline-view ul.relations > li').count()).toBe(2 * totals.edges);
    expect(await page.locator('.outline-summary').textContent()).toBe(`${totals.nodes} 個概念 · ${totals.edges} 條關係`);
    // A concept and a relation sentence with a link to the other concept.
    const power = page.locator('li.concept[data-node="tr.power"]');
    expect(await power.locator('.concept-label').textContent()).toBe('權力結構由集權式向分權式轉化');
    const sentence = power.locator('ul.relations li', { hasText: '始於' });
    expect(await sentence.textContent()).toContain('權力結構由集權式向分權式轉化始於集權式');
    expect(await sentence.locator('button.concept-link').getAttribute('data-node')).toBe('st.concentrated');
    // Headings nest: h2 view, h3 section, h4 slide, h5 concept.
    expect(await page.locator('.outline-view h2').count()).toBe(1);
    await screenshot(page, 'outline-zh-Hant');
    // Language and filters.
    await page.locator('.lang-switch button[data-lang="en"]').click();
    await expect.poll(() => power.locator('.concept-label').textContent()).toBe('The shift from centralised to decentralised power');
    await page.locator('#nk-trait').uncheck();
    await expect.poll(() => page.locator('.outline-view .concept-head').count()).toBe(totals.nodes - totals.traits);
    expect(await page.locator('.outline-view li.concept[data-node="d.middle"]').count()).toBe(0);
    expect(await page.locator('.outline-view button.concept-link[data-node="d.middle"]').count()).toBe(0);
    await screenshot(page, 'outline-en-filtered');
    expect(errors).toEqual([]);
    await close();
  });

  it('keyboard: arrows move concept by concept, PageDown by slide, → into the links, ← back; Enter selects', async () => {
    const { page, close } = await openApp(browser(), '#view=outline&lang=en');
    await page.waitForSelector('.outline-view .concept-head');
    // One tab stop among the concepts.
    expect(await page.locator('.outline-view .concept-head[tabindex="0"]').count()).toBe(1);
    const first = await page.locator('.outline-view .concept-head').first().getAttribute('data-node');
    await page.locator('.outline-view .concept-head[tabindex="0"]').focus();
    expect((await activeElement(page)).node).toBe(first);
    await page.keyboard.press('ArrowDown');
    const second = await page.locator('.outline-view .concept-head').nth(1).getAttribute('data-node');
    expect((await activeElement(page)).node).toBe(second);
    await page.keyboard.press('ArrowUp');
    expect((await activeElement(page)).node).toBe(first);
    // PageDown: first concept of the next slide (slide 2: the section §2-1).
    await page.keyboard.press('PageDown');
    expect((await activeElement(page)).node).toBe('sec.2-1');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageUp');
    expect((await activeElement(page)).node).toBe('sec.2-1');
    await page.keyboard.press('End');
    const last = await page.locator('.outline-view .concept-head').last().getAttribute('data-node');
    expect((await activeElement(page)).node).toBe(last);
    await page.keyboard.press('Home');
    expect((await activeElement(page)).node).toBe(first);
    expect(await page.locator('.outline-view .concept-head[tabindex="0"]').getAttribute('data-node')).toBe(first);
    // Enter selects (shared state, marked here).
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect((await state(page)).selected).toBe(second);
    expect(await page.locator(`.outline-view li.concept[data-node="${second}"]`).getAttribute('aria-current')).toBe('true');
    // → into the concept's links, ↓ along them, ← back to the concept.
    await page.keyboard.press('ArrowRight');
    const a = await activeElement(page);
    expect(a.tag).toBe('BUTTON');
    await page.keyboard.press('ArrowDown');
    expect((await activeElement(page)).node).not.toBe(a.node);
    await page.keyboard.press('ArrowLeft');
    expect((await activeElement(page)).node).toBe(second);
    // Tab walks the relation links; activating one goes to that concept and selects it.
    await page.keyboard.press('Tab');
    const link = await activeElement(page);
    expect(link.tag).toBe('BUTTON');
    await page.keyboard.press('Enter');
    expect((await state(page)).selected).toBe(link.node);
    expect(await activeElement(page)).toMatchObject({ node: link.node, cls: 'concept-head' });
    await close();
  });

  it('a selection made elsewhere is marked and scrolled to; one made here shows on the ladder', async () => {
    const { page, close } = await openApp(browser(), '#view=outline&lang=zh-Hant&sel=asp.blur');
    await page.waitForSelector('.outline-view .concept-head');
    const entry = page.locator('.outline-view li.concept[data-node="asp.blur"]');
    expect(await entry.getAttribute('aria-current')).toBe('true');
    expect(await entry.isVisible()).toBe(true);
    const inView = await entry.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    await page.locator('.outline-view li.concept[data-node="st.openness"] .concept-head').click();
    await page.keyboard.press('Enter');
    expect((await state(page)).selected).toBe('st.openness');
    await page.locator('.view-switch button[data-view="transformations"]').click();
    await ladderReady(page);
    await page.mouse.move(5, 870);
    await expect.poll(() => page.locator('svg.ladder g.row.active').getAttribute('data-node')).toBe('tr.process');
    await close();
  });

  it('prints as a handout: the print stylesheet hides the app chrome and sets the outline in black', async () => {
    const { page, close } = await openApp(browser(), '#view=outline&lang=zh-Hant');
    await page.waitForSelector('.outline-view .concept-head');
    const styles = () =>
      page.evaluate(() => {
        const cs = (sel: string) => getComputedStyle(document.querySelector(sel)!);
        return {
          topbar: cs('.topbar').display,
          sidebar: cs('.sidebar').display,
          toc: cs('.outline-toc').display,
          print: cs('#outline-print').display,
          pane: cs('.view-pane').position,
          app: cs('.app').position,
          link: cs('.outline-view .concept-link').color,
          underline: cs('.outline-view .concept-link').textDecorationLine,
          fontSize: cs('.outline-view').fontSize,
          breakInside: cs('.outline-view li.concept').breakInside,
        };
      });
    const screen = await styles();
    expect(screen.topbar).not.toBe('none');
    expect(screen.link).not.toBe('rgb(0, 0, 0)');
    await page.emulateMedia({ media: 'print' });
    const print = await styles();
    expect(print).toMatchObject({
      topbar: 'none',
      sidebar: 'none',
      toc: 'none',
      print: 'none',
      pane: 'static',
      app: 'static',
      link: 'rgb(0, 0, 0)',
      underline: 'none',
      fontSize: '14px',
      breakInside: 'avoid',
    });
    await screenshot(page, 'outline-print');
    await close();
  });
});

describe('help overlay and view switching', () => {
  it('"?" opens the keyboard help (a modal dialog), Escape closes it without clearing the selection', async () => {
    const { page, close } = await openApp(browser(), '#lang=en&sel=tr.form');
    expect(await page.locator('#help-button').getAttribute('aria-label')).toBe('Keyboard shortcuts (?)');
    await page.locator('body').press('?');
    await expect.poll(() => page.locator('dialog#help').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect(await page.locator('#help-title').textContent()).toBe('Keyboard shortcuts');
    const text = (await page.locator('dialog#help').textContent()) ?? '';
    for (const s of ['Search concepts', 'Previous / next view', 'Zoom in / out', 'Previous / next row', 'Previous / next concept', 'Previous / next slide']) expect(text).toContain(s);
    expect(await page.locator('dialog#help kbd').count()).toBeGreaterThan(15);
    await screenshot(page, 'help-overlay');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog#help').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect((await state(page)).selected).toBe('tr.form');
    // The button opens it too, and focus returns to the button on close.
    await page.locator('#help-button').click();
    await expect.poll(() => page.locator('dialog#help').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.locator('dialog#help .help-close').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('help-button');
    await close();
  });

  it('[ and ] step through the views; the view is kept in the URL', async () => {
    const { page, close } = await openApp(browser(), '#lang=en');
    await page.locator('body').press(']');
    await expect.poll(async () => (await state(page)).view).toBe('transformations');
    await expect.poll(() => page.url()).toContain('view=transformations');
    // Each step waits for its URL: steps within one frame would make one history entry.
    await page.locator('body').press(']');
    await expect.poll(async () => (await state(page)).view).toBe('outline');
    await expect.poll(() => page.url()).toContain('view=outline');
    await page.locator('body').press(']');
    await expect.poll(async () => (await state(page)).view).toBe('network');
    await expect.poll(() => page.url()).not.toContain('view=');
    await page.locator('body').press('[');
    await expect.poll(async () => (await state(page)).view).toBe('outline');
    await expect.poll(() => page.url()).toContain('view=outline');
    await page.reload();
    await waitReady(page);
    await page.waitForSelector('.outline-view .concept-head');
    expect((await state(page)).view).toBe('outline');
    await page.goBack();
    await expect.poll(async () => (await state(page)).view).toBe('network');
    await close();
  });
});
